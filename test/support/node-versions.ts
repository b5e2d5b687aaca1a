/**
 * Node binaries by major version, for tests that run dmlint under each supported one (and under
 * old ones it must refuse). The one
 * running the tests is used as it is; another is installed once from the npm registry (the
 * `node-<platform>-<arch>` package, which the `node` package itself installs) into
 * node_modules/.cache, and reused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';

/** The major versions dmlint supports: package.json's engines, tested here. */
export const SUPPORTED_MAJORS = [20, 22, 24] as const;

export function nodeBinary(major: number): string {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const name = `node-${process.platform}-${process.arch}`;
  const dir = join(REPO, 'node_modules', '.cache', 'dmlint-node', String(major));
  const binary = join(dir, 'node_modules', name, 'bin', 'node');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${name}@${major}`], { stdio: 'pipe' });
  }
  return binary;
}
