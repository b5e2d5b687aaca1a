/** The command line against the real process: never exits with a stack trace. */
import { addTime, enableTiming, timingReport } from '../util/timing.js';
import { main, EXIT_FAILURE } from './main.js';

function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/**
 * Runs dmlint with the process's arguments. `workerScript` is the file a pool's worker threads
 * run; `cachedCode` says whether the launcher found compiled code (shown with DMLINT_TIMING);
 * `onLint` is told when the run lints.
 */
export function runCli(workerScript: URL, cachedCode: boolean, onLint: () => void): void {
  // DMLINT_TIMING=1: print where the time went, as JSON on standard error (the benchmark reads it).
  const timing = process.env.DMLINT_TIMING === '1';
  if (timing) {
    enableTiming();
    // From the start of the process to here: Node's own start and loading dmlint's code.
    addTime('startup', performance.now());
  }
  main({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, readStdin, workerScript, onLint }).then(
    (code) => {
      process.exitCode = code;
      if (timing) process.stderr.write(`${JSON.stringify({ timing: { ...timingReport(), total: Math.round(performance.now() * 10) / 10 }, cachedCode })}\n`);
    },
    (error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`dmlint: internal error; this is a bug, please report it with the command you ran.\n${detail}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
