/**
 * The GitHub Action (action.yml): runs the CLI with the action's inputs, annotations on the pull
 * request by default, optionally a SARIF file for code scanning and a Markdown summary of the job.
 * The CLI bundle carries it (`runAction`); dist/action.js, which the runner runs, calls it.
 */
import { resolve } from 'node:path';
import { main } from '../cli/main.js';

/** An input as the runner passes it: INPUT_<NAME>, upper-cased, spaces as underscores. */
export function actionInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The dmlint command line the inputs stand for. */
export function actionArgs(env: NodeJS.ProcessEnv): string[] {
  const args = actionInput(env, 'files').split(/\s+/).filter(Boolean);
  const config = actionInput(env, 'config');
  const sarif = actionInput(env, 'sarif-file');
  const maxWarnings = actionInput(env, 'max-warnings');
  const summary = env.GITHUB_STEP_SUMMARY;
  args.push('--format', actionInput(env, 'format') || 'github');
  if (sarif) args.push('--format', `sarif:${sarif}`);
  if (summary && actionInput(env, 'summary') !== 'false') args.push('--format', `markdown:${summary}`);
  if (config) args.push('--config', config);
  if (maxWarnings) args.push('--max-warnings', maxWarnings);
  if (actionInput(env, 'no-plugins') === 'true') args.push('--no-plugins');
  return args;
}

/** Where dmlint runs: the `working-directory` input, relative to the checked-out repository. */
export function actionCwd(env: NodeJS.ProcessEnv, processCwd: string): string {
  return resolve(env.GITHUB_WORKSPACE ?? processCwd, actionInput(env, 'working-directory') || '.');
}

/** Runs the Action in this process: the CLI with the inputs; its exit code is the step's. */
export function runAction(): void {
  main({
    argv: actionArgs(process.env),
    cwd: actionCwd(process.env, process.cwd()),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => Promise.resolve(Buffer.alloc(0)),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stdout.write(`::error title=dmlint::internal error: ${String(error instanceof Error ? error.message : error).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
      process.exitCode = 2;
    },
  );
}
