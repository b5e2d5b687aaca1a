/** Runs the built dmlint executable as a user would, and captures what it prints. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(REPO, 'dist', 'cli.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string> = {};
  // A clean environment: no colour settings inherited from the developer's shell.
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^(FORCE_COLOR|NO_COLOR|CI)$/.test(key)) env[key] = value;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    env: { ...env, ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Creates a scratch directory holding the given files (paths relative to it). */
export function scratchDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dmlint-test-'));
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
