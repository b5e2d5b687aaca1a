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
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^(FORCE_COLOR|NO_COLOR|CI|GITHUB_WORKSPACE)$/.test(key)) env[key] = value;
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

/**
 * Runs the command line in this process (src/cli/main.ts), as the executable would but without
 * starting Node: for tests of what dmlint decides (caching, sharding, configuration, output),
 * where the process itself is not under test. Tests of the executable use runCli.
 */
export async function runMain(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string>; workerScript?: URL } = {}): Promise<CliRun> {
  const { main } = await import('../../src/cli/main.js');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main({
    argv: args,
    cwd: options.cwd ?? REPO,
    env: { ...options.env },
    stdout: { write: (text: string) => stdout.push(text), isTTY: false },
    stderr: { write: (text: string) => stderr.push(text), isTTY: false },
    readStdin: () => Promise.resolve(Buffer.from(options.input ?? '')),
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}
