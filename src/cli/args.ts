/** Command-line arguments → options, or a usage error that says what to do. */
import { parseArgs } from 'node:util';
import type { RuleEntry } from '../config/types.js';
import { FORMAT_NAMES } from '../reporters/index.js';
import { DEFAULT_MAX_FILE_SIZE, parseSize } from '../host/read-document.js';
import { parseShard, type Shard } from '../host/shard.js';
import type { BaselineMode } from '../host/suppressions-file.js';

/** One output: a format, to standard output (path null) or to a file. */
export interface OutputTarget {
  format: string;
  path: string | null;
}

export interface CliOptions {
  patterns: string[];
  /** `dmlint mcp`: run the agent server. */
  mcp: boolean;
  outputs: OutputTarget[];
  maxWarnings: number | null;
  quiet: boolean;
  fix: 'write' | 'dry-run' | null;
  lsp: boolean;
  configFile: string | null;
  useConfig: boolean;
  template: string | null;
  /** `--rule 'id: severity'` entries, in order. */
  rules: Record<string, RuleEntry>;
  useIgnore: boolean;
  usePlugins: boolean;
  /** false with --no-related: no spec or contract is read. */
  useRelated: boolean;
  reportUnusedDisables: boolean;
  printConfig: string | null;
  init: boolean;
  /** `--init --from <document>`: derive the team template from this document. */
  initFrom: string | null;
  stdin: boolean;
  stdinFilename: string | null;
  /** true/false when --color/--no-color was given; null to decide from the environment. */
  color: boolean | null;
  help: boolean;
  version: boolean;
  listRules: boolean;
  cache: boolean;
  cacheLocation: string | null;
  shard: Shard | null;
  concurrency: number | 'auto';
  maxFileSize: number;
  /** What this run does with the baseline file. */
  baseline: BaselineMode;
  suppressionsLocation: string | null;
}

export class UsageError extends Error {}

/**
 * `--format name` prints to standard output, `--format name:path` writes a file; `--output-file`
 * sends the standard-output format to a file instead. At most one format goes to standard output.
 */
function readOutputs(formats: readonly string[], outputFile: string | null): OutputTarget[] {
  const outputs = formats.map((entry): OutputTarget => {
    const colon = entry.indexOf(':');
    const [format, path] = colon > 0 && FORMAT_NAMES.includes(entry.slice(0, colon)) ? [entry.slice(0, colon), entry.slice(colon + 1)] : [entry, null];
    if (!FORMAT_NAMES.includes(format)) throw new UsageError(`Unknown format "${format}"; use one of ${FORMAT_NAMES.join(', ')}`);
    if (path === '') throw new UsageError(`--format ${entry}: give a file path after the colon`);
    return { format, path };
  });
  const toStdout = outputs.filter((output) => output.path === null);
  if (toStdout.length > 1) throw new UsageError('Only one format can go to standard output; write the others to files with --format name:path');
  const [stdoutOutput] = toStdout;
  if (outputFile !== null) {
    if (!stdoutOutput) throw new UsageError('--output-file needs a format that goes to standard output');
    stdoutOutput.path = outputFile;
  }
  return outputs;
}

/** `--concurrency`: `auto` (the default), `off`, or how many threads lint (this one included). */
function readConcurrency(text: string | undefined): number | 'auto' {
  if (text === undefined || text === 'auto') return 'auto';
  if (text === 'off') return 0;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new UsageError(`--concurrency takes auto, off, or a number of threads from 1 to 64, not "${text}"`);
  return count;
}

const SEVERITIES = new Set(['off', 'warn', 'error']);

/** `--rule 'id: off'` or `--rule 'id: ["error", { "allow": ["[Internal]"] }]'`. */
export function parseRuleOption(text: string): [string, RuleEntry] {
  const colon = text.indexOf(':');
  const id = text.slice(0, Math.max(colon, 0)).trim();
  const value = text.slice(colon + 1).trim();
  if (colon < 0 || id === '') throw new UsageError(`--rule ${JSON.stringify(text)}: write it as "rule-id: off|warn|error"`);
  if (SEVERITIES.has(value)) return [id, value as RuleEntry];
  let entry: unknown;
  try {
    entry = JSON.parse(value);
  } catch {
    // Not JSON either: say what is accepted.
    throw new UsageError(`--rule ${JSON.stringify(text)}: the value is "off", "warn", "error", or a JSON array like ["error", {}]`);
  }
  if (!Array.isArray(entry) || !SEVERITIES.has(String(entry[0]))) throw new UsageError(`--rule ${JSON.stringify(text)}: the value is "off", "warn", "error", or a JSON array like ["error", {}]`);
  return [id, entry as RuleEntry];
}

const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  lsp: { type: 'boolean' },
  stdio: { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'list-rules': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  template: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  'no-plugins': { type: 'boolean' },
  'no-related': { type: 'boolean' },
  'report-unused-disables': { type: 'boolean' },
  'print-config': { type: 'string' },
  init: { type: 'boolean' },
  from: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  concurrency: { type: 'string' },
  'max-file-size': { type: 'string' },
  'suppress-all': { type: 'boolean' },
  'suppress-rule': { type: 'string', multiple: true },
  'prune-suppressions': { type: 'boolean' },
  'suppressions-location': { type: 'string' },
} as const;

/**
 * `--max-warnings -1` is read as `--max-warnings=-1`: a value that looks like a negative number is
 * a value, so the option's own check can say what it accepts (parseArgs would call it ambiguous).
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const next = argv[index + 1];
    const name = arg.slice(2);
    const takesValue = arg.startsWith('--') && Object.hasOwn(OPTIONS, name) && OPTIONS[name as keyof typeof OPTIONS].type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}

/** parseArgs' message in one line: an option without its value is named, with what to do. */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const ambiguous = /^Option '(-[^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `${ambiguous[1] ?? ''} needs a value; write it as ${ambiguous[1] ?? ''}=<value> if the value starts with "-"`;
  return message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s*\n\s*/g, ' ');
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  // `dmlint mcp` starts the agent server, rooted at the working directory (a directory named mcp is linted as ./mcp).
  if (argv[0] === 'mcp') {
    if (argv.length > 1) throw new UsageError('dmlint mcp takes no other arguments: it serves the working directory, with its configuration');
    return { ...parseCliArgs([]), mcp: true };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const { values, positionals } = parsed;
  const outputs = readOutputs(values.format ?? ['stylish'], values['output-file'] ?? null);
  const maxWarnings = values['max-warnings'] === undefined ? null : Number(values['max-warnings']);
  if (maxWarnings !== null && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not "${values['max-warnings'] ?? ''}"`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('Give either --fix or --fix-dry-run, not both');
  if (values.stdio && !values.lsp) throw new UsageError('--stdio is for the language server: use it with --lsp');
  if (values.fix && values.stdin) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run with --format json to get the fixed text');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (values.stdin && positionals.length > 0) throw new UsageError('Give either --stdin or files, not both');
  if (values.color && values['no-color']) throw new UsageError('Give either --color or --no-color, not both');
  if (values.config !== undefined && values['no-config']) throw new UsageError('Give either --config or --no-config, not both');
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (values.shard !== undefined && !shard) throw new UsageError(`--shard takes "i/n" with 1 <= i <= n, such as 2/3, not "${values.shard}"`);
  if (shard && values.stdin) throw new UsageError('--shard splits a list of files; it cannot be used with --stdin');
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(values['max-file-size']);
  if (maxFileSize === null) throw new UsageError(`--max-file-size takes a size such as 10MB, 500KB or 2000000 (bytes), not "${values['max-file-size'] ?? ''}"`);
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache');
  if (values.from !== undefined && !values.init) throw new UsageError('--from needs --init');
  const suppressRules = values['suppress-rule'] ?? [];
  const baselineFlags = [values['suppress-all'] === true, suppressRules.length > 0, values['prune-suppressions'] === true].filter(Boolean).length;
  if (baselineFlags > 1) throw new UsageError('Give one of --suppress-all, --suppress-rule and --prune-suppressions');
  if (baselineFlags > 0 && values.stdin) throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions record files; they cannot be used with --stdin');
  if (baselineFlags > 0 && shard) throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions need every file; they cannot be used with --shard');
  const baseline: BaselineMode = values['suppress-all'] ? { kind: 'record', rules: null } : suppressRules.length > 0 ? { kind: 'record', rules: suppressRules } : values['prune-suppressions'] ? { kind: 'prune' } : { kind: 'apply' };
  return {
    patterns: positionals,
    mcp: false,
    outputs,
    maxWarnings,
    quiet: values.quiet === true,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : null,
    lsp: values.lsp === true,
    configFile: values.config ?? null,
    useConfig: values['no-config'] !== true,
    template: values.template ?? null,
    rules: Object.fromEntries((values.rule ?? []).map(parseRuleOption)),
    useIgnore: values['no-ignore'] !== true,
    usePlugins: values['no-plugins'] !== true,
    useRelated: values['no-related'] !== true,
    reportUnusedDisables: values['report-unused-disables'] === true,
    printConfig: values['print-config'] ?? null,
    init: values.init === true,
    initFrom: values.from ?? null,
    stdin: values.stdin === true,
    stdinFilename: values['stdin-filename'] ?? null,
    color: values['no-color'] ? false : values.color ? true : null,
    help: values.help === true,
    version: values.version === true,
    listRules: values['list-rules'] === true,
    cache: values.cache === true,
    cacheLocation: values['cache-location'] ?? null,
    shard,
    concurrency: readConcurrency(values.concurrency),
    maxFileSize,
    baseline,
    suppressionsLocation: values['suppressions-location'] ?? null,
  };
}
