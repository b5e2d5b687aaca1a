/**
 * The command line: parse arguments, find files, read them, lint, print, choose the exit code.
 * All terminal and file-system access of the CLI happens here and in its helpers.
 */
import { resolve } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import type { LintResult } from '../engine/types.js';
import { lintText } from '../lint.js';
import { reporters } from '../reporters/index.js';
import { VERSION } from '../version.js';
import { parseCliArgs, UsageError, type CliOptions } from './args.js';
import { chalkFor } from './color.js';
import type { PathProblem } from './discover.js';
import { helpText, ruleListText } from './help.js';
import { nodeHost } from './host.js';
import { lintFiles } from './lint-files.js';

export interface CliIo {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<string>;
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
  if (options.listRules) {
    io.stdout.write(ruleListText(builtinRules));
    return EXIT_OK;
  }

  const { results, problems } = options.stdin ? await lintStdin(io, options) : await lintPaths(io, options);
  const reporter = reporters[options.format];
  if (!reporter) throw new Error(`reporter "${options.format}" is missing`);
  const chalk = chalkFor(options.color, io.env, io.stdout.isTTY === true);
  if (results.length > 0 || problems.length === 0) io.stdout.write(reporter(results, { cwd: io.cwd, chalk }));
  for (const problem of problems) io.stderr.write(`dmlint: ${problem.path}: ${problem.message}\n`);
  return exitCode(results, problems);
}

export function exitCode(results: readonly LintResult[], problems: readonly PathProblem[]): number {
  if (problems.length > 0 || results.some((result) => result.fatalErrorCount > 0)) return EXIT_FAILURE;
  return results.some((result) => result.errorCount > 0) ? EXIT_PROBLEMS : EXIT_OK;
}

interface Run {
  results: LintResult[];
  problems: PathProblem[];
}

async function lintStdin(io: CliIo, options: CliOptions): Promise<Run> {
  const text = await io.readStdin();
  const filePath = options.stdinFilename === null ? '<stdin>' : resolve(io.cwd, options.stdinFilename);
  const result = lintText(text, { ...(options.stdinFilename === null ? {} : { filePath }), host: nodeHost });
  return { results: [result], problems: [] };
}

async function lintPaths(io: CliIo, options: CliOptions): Promise<Run> {
  const { results, problems } = await lintFiles(options.patterns.length > 0 ? options.patterns : ['.'], { cwd: io.cwd });
  return { results, problems: problems.map((problem) => ({ ...problem, message: `${problem.message}; check the path and try again` })) };
}
