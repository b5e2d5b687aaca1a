/** Command-line arguments → options, or a usage error that says what to do. */
import { parseArgs } from 'node:util';
import { FORMAT_NAMES } from '../reporters/index.js';

export interface CliOptions {
  patterns: string[];
  format: string;
  stdin: boolean;
  stdinFilename: string | null;
  /** true/false when --color/--no-color was given; null to decide from the environment. */
  color: boolean | null;
  help: boolean;
  version: boolean;
  listRules: boolean;
}

export class UsageError extends Error {}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'list-rules': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error));
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!FORMAT_NAMES.includes(format)) throw new UsageError(`Unknown format "${format}"; use one of ${FORMAT_NAMES.join(', ')}`);
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (values.stdin && positionals.length > 0) throw new UsageError('Give either --stdin or files, not both');
  if (values.color && values['no-color']) throw new UsageError('Give either --color or --no-color, not both');
  return {
    patterns: positionals,
    format,
    stdin: values.stdin === true,
    stdinFilename: values['stdin-filename'] ?? null,
    color: values['no-color'] ? false : values.color ? true : null,
    help: values.help === true,
    version: values.version === true,
    listRules: values['list-rules'] === true,
  };
}
