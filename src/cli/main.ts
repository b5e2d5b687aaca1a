/**
 * The command line: parse arguments, find files, read them, lint, print, choose the exit code.
 * All terminal and file-system access of the CLI happens here and in its helpers.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { STARTER_FILE, starterConfig } from '../config/starter.js';
import { ConfigError } from '../config/types.js';
import { ruleMeta } from '../engine/meta.js';
import { timed } from '../util/timing.js';
import type { AnyRule } from '../rule-kit/rule.js';
import type { LintResult } from '../engine/types.js';
import { lintText } from '../engine/lint-text.js';
import { loadReporter } from '../reporters/index.js';
import { fixedSummary, plural, printable, printableLines } from '../reporters/text.js';
import { VERSION } from '../util/version.js';
import { parseCliArgs, UsageError, type CliOptions } from './args.js';
import { cacheFilePath } from '../host/cache.js';
import { chalkFor } from './color.js';
import { describeFsError, type PathProblem } from '../host/discover.js';
import { fixText } from '../engine/fixes.js';
import { helpText, ruleListText } from './help.js';
import { lintFiles } from '../host/lint-files.js';
import { projectRoot } from '../host/project-root.js';
import { Progress } from './progress.js';
import { decodeDocument, DEFAULT_MAX_FILE_SIZE, withEncodingError, type Decoded } from '../host/read-document.js';
import { deriveTemplate } from '../template/derive.js';
import { Workspace } from '../host/workspace.js';
import { SuppressionsFileError, useBaseline } from '../host/suppressions-file.js';
import { prepareFrontMatter, withFrontMatter } from '../host/front-matter.js';

export interface CliIo {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  readStdin(): Promise<Buffer>;
  /** The built worker-thread entry; without it, files are linted in the main thread. */
  workerScript?: URL;
  /** Told when the run lints (rather than printing help, the version, a configuration ...). */
  onLint?(): void;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

export async function main(io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(io.argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`dmlint: ${error.message}. Run "dmlint --help" for usage.\n`);
    return EXIT_FAILURE;
  }
  if (options.help) {
    io.stdout.write(helpText(VERSION));
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (options.init) return init(io, options.initFrom);
  if (options.mcp) {
    // Loaded only here, like the language server: the SDK is not needed by the command line.
    const { startMcpServer } = await import('../mcp/server.js');
    await startMcpServer(io.cwd);
    return EXIT_OK;
  }
  if (options.lsp) {
    // Loaded only here: the language server's dependencies are not needed by the command line.
    const { startServer } = await import('../lsp/server.js');
    await startServer();
    return EXIT_OK;
  }
  try {
    if (options.listRules) {
      // The rules of the working directory's configuration: its plugins' rules too.
      io.stdout.write(ruleListText(await workspaceFor(io, options).rulesIn('.')));
      return EXIT_OK;
    }
    if (options.printConfig !== null) return await printConfig(io, options, options.printConfig);
    return await lint(io, options);
  } catch (error) {
    if (error instanceof SuppressionsFileError) {
      io.stderr.write(`dmlint: ${printable(error.path)}: ${printable(error.message)}\n`);
      return EXIT_FAILURE;
    }
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`dmlint: ${printableLines(error.describe((path) => (isAbsolute(path) ? relative(io.cwd, path) || path : path)))}\n`);
    return EXIT_FAILURE;
  }
}

export function exitCode(results: readonly LintResult[], problems: readonly PathProblem[]): number {
  if (problems.length > 0 || results.some((result) => result.fatalErrorCount > 0)) return EXIT_FAILURE;
  return results.some((result) => result.errorCount > 0) ? EXIT_PROBLEMS : EXIT_OK;
}

function workspaceFor(io: CliIo, options: CliOptions): Workspace {
  return new Workspace({
    cwd: io.cwd,
    configFile: options.configFile,
    useConfig: options.useConfig,
    template: options.template,
    commandLineRules: options.rules,
    usePlugins: options.usePlugins,
    useRelated: options.useRelated,
    reportUnusedDisables: options.reportUnusedDisables,
  });
}

async function lint(io: CliIo, options: CliOptions): Promise<number> {
  io.onLint?.();
  let results: LintResult[];
  let problems: PathProblem[];
  let ruleSet: readonly AnyRule[];
  const root = projectRoot(io.cwd, io.env);
  if (options.stdin) {
    const decoded = decodeDocument(await io.readStdin(), options.maxFileSize);
    if ('refused' in decoded) {
      io.stderr.write(`dmlint: <stdin>: ${decoded.refused}\n`);
      return EXIT_FAILURE;
    }
    const { text, encodingError } = decoded;
    // Standard input takes the configuration of the path it stands for (or of the working directory).
    const filePath = resolve(io.cwd, options.stdinFilename ?? STDIN_NAME);
    const settings = await workspaceFor(io, options).settingsFor(filePath);
    // Without a name, standard input has no place on disk: its Spec link is not looked up.
    const { filePath: _unused, ...unnamed } = settings.lint;
    await prepareFrontMatter(text);
    const lintOptions = withFrontMatter(options.stdinFilename === null ? unnamed : settings.lint);
    const linted = options.fix === 'dry-run' ? fixText(text, lintOptions) : lintText(text, lintOptions);
    const result = encodingError ? withEncodingError(linted, text, encodingError) : linted;
    results = [options.stdinFilename === null ? { ...result, filePath: '<stdin>' } : result];
    problems = [];
    ruleSet = settings.lint.ruleSet ?? builtinRules;
  } else {
    const progress = Progress.for(io.stderr, io.env);
    const patterns = options.patterns.length > 0 ? options.patterns : ['.'];
    const run = await lintFiles(patterns, {
      cwd: io.cwd,
      ...(options.useConfig ? (options.configFile ? { config: options.configFile } : {}) : { config: false }),
      ...(options.template ? { template: options.template } : {}),
      rules: options.rules,
      plugins: options.usePlugins,
      related: options.useRelated,
      ignore: options.useIgnore,
      reportUnusedDisables: options.reportUnusedDisables,
      fix: options.fix,
      maxFileSize: options.maxFileSize,
      cacheFile: options.cache ? await cacheFilePath(options.cacheLocation, io.cwd) : null,
      shard: options.shard,
      root,
      concurrency: options.concurrency,
      workerScript: io.workerScript ?? null,
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
    });
    progress?.clear();
    for (const notice of run.notices) io.stderr.write(`dmlint: note: ${notice}\n`);
    results = run.results;
    // A path as typed that names nothing gets a hint; a file found but refused says why on its own.
    const typed = new Set(patterns);
    problems = run.problems.map((problem) =>
      typed.has(problem.path) ? { ...problem, message: `${problem.message}; check the path and try again` } : { ...problem, path: isAbsolute(problem.path) ? relative(io.cwd, problem.path) || problem.path : problem.path },
    );
    ruleSet = run.ruleSet.length > 0 ? run.ruleSet : builtinRules;
    for (const file of run.ignored) io.stderr.write(`dmlint: ${printable(relative(io.cwd, file))}: skipped, an ignore setting matches it; use --no-ignore to lint it\n`);
  }
  if (!options.stdin) {
    const baseline = await useBaseline(results, options.baseline, options.suppressionsLocation, io.cwd);
    results = baseline.results;
    for (const notice of baseline.notices) io.stderr.write(`dmlint: note: ${printable(notice)}\n`);
  }
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const context = {
    hiddenWarnings: options.quiet ? warnings : 0,
    cwd: io.cwd,
    root,
    chalk: chalkFor(options.color, io.env, io.stdout.isTTY === true),
    rules: ruleMeta(ruleSet, new Set(builtinRules.map((rule) => rule.id))),
  };
  for (const output of options.outputs) {
    const reporter = await loadReporter(output.format);
    if (!reporter) throw new Error(`reporter "${output.format}" is missing`);
    const text = timed('report', () => reporter(shown, context));
    if (output.path === null) {
      if (results.length > 0 || problems.length === 0) io.stdout.write(text);
      continue;
    }
    const path = resolve(io.cwd, output.path);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    } catch (error) {
      problems.push({ path: output.path, message: `cannot write the ${output.format} output: ${describeFsError(error)}` });
    }
  }
  // What --fix changed (or --fix-dry-run would), file by file; a file that could not be written says so below instead.
  const unwritten = new Set(problems.map((problem) => problem.path));
  for (const result of results) {
    if (!result.fixed || result.output === undefined) continue;
    const path = result.filePath.startsWith('<') ? result.filePath : relative(io.cwd, result.filePath) || result.filePath;
    if (!unwritten.has(path) && !unwritten.has(result.filePath)) io.stderr.write(`dmlint: ${printable(path)}: ${options.fix === 'write' ? 'fixed' : 'would fix'} ${fixedSummary(result.fixed)}\n`);
  }
  // Paths and reasons can hold anything a file name can: shown escaped, like document text.
  for (const problem of problems) io.stderr.write(`dmlint: ${printable(problem.path)}: ${printable(problem.message)}\n`);
  const code = exitCode(results, problems);
  if (code === EXIT_OK && options.maxWarnings !== null && warnings > options.maxWarnings) {
    io.stderr.write(`dmlint: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT_PROBLEMS;
  }
  return code;
}

/** --quiet: the result with its warnings left out. */
function errorsOnly(result: LintResult): LintResult {
  return { ...result, messages: result.messages.filter((message) => message.severity === 'error'), warningCount: 0, fixableWarningCount: 0 };
}

/** The name standard input gets when no --stdin-filename is given: a document in the working directory. */
const STDIN_NAME = 'data-model.md';

async function printConfig(io: CliIo, options: CliOptions, file: string): Promise<number> {
  const path = resolve(io.cwd, file);
  const { config, ignored, lint: settings } = await workspaceFor(io, options).settingsFor(path);
  const ruleSet = settings.ruleSet ?? builtinRules;
  const rules = Object.fromEntries(
    ruleSet.map((rule) => {
      const configured = config.rules[rule.id];
      const setting = configured?.setting ?? rule.defaultSeverity;
      const severity = setting === 'warning' ? 'warn' : setting;
      const ruleOptions = { ...(rule.defaultOptions ?? {}), ...(configured?.options ?? {}) } as Record<string, unknown>;
      return [rule.id, Object.keys(ruleOptions).length > 0 ? [severity, ruleOptions] : severity];
    }),
  );
  const effective = {
    file: path,
    configFiles: config.files,
    template: config.template ?? 'bundled',
    ignored,
    rules,
    plugins: config.plugins.map((plugin) => plugin.specifier),
    columns: config.columns,
  };
  io.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
  return EXIT_OK;
}

async function init(io: CliIo, from: string | null): Promise<number> {
  const target = join(io.cwd, STARTER_FILE);
  for (const file of from === null ? [STARTER_FILE] : [STARTER_FILE, DERIVED_TEMPLATE]) {
    if (!existsSync(join(io.cwd, file))) continue;
    io.stderr.write(`dmlint: ${file} already exists; edit it, or remove it to start again\n`);
    return EXIT_FAILURE;
  }
  if (from === null) {
    await writeFile(target, starterConfig(builtinRules), { flag: 'wx' });
    io.stdout.write(`Wrote ${STARTER_FILE}: every rule at its default severity, every key documented.\n`);
    return EXIT_OK;
  }
  const decoded = await readForInit(resolve(io.cwd, from));
  if ('refused' in decoded || decoded.encodingError) {
    io.stderr.write(`dmlint: ${printable(from)}: ${'refused' in decoded ? decoded.refused : 'not UTF-8 text'}\n`);
    return EXIT_FAILURE;
  }
  await writeFile(join(io.cwd, DERIVED_TEMPLATE), deriveTemplate(decoded.text), { flag: 'wx' });
  await writeFile(target, starterConfig(builtinRules, DERIVED_TEMPLATE), { flag: 'wx' });
  io.stdout.write(`Wrote ${DERIVED_TEMPLATE} from ${printable(from)}: its outline, header fields and table columns, every value a placeholder; review it.\nWrote ${STARTER_FILE}, which points to it.\n`);
  return EXIT_OK;
}

/** Where `--init --from` writes the template it derives, beside the configuration. */
const DERIVED_TEMPLATE = 'data-model-template.md';

async function readForInit(path: string): Promise<Decoded> {
  try {
    return decodeDocument(await readFile(path), DEFAULT_MAX_FILE_SIZE);
  } catch (error) {
    return { refused: `cannot read: ${describeFsError(error)}` };
  }
}
