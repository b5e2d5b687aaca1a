#!/usr/bin/env node
/** The dmlint executable: runs the CLI against the real process, and never exits with a stack trace. */
import { main, EXIT_FAILURE } from './main.js';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

main({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, readStdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`dmlint: internal error; this is a bug, please report it with the command you ran.\n${detail}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
