/**
 * Turns the paths, directories and globs a user gives into a sorted, de-duplicated list of
 * files. A directory means every data-model.md below it. Problems are returned per path.
 */
import * as fs from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern, type GlobOptions } from 'tinyglobby';
import { matchesGlobs } from '../config/resolve.js';
import type { IgnoreFiles } from './ignore-files.js';

export const DOCUMENT_NAME = 'data-model.md';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Whether walking `dir` finds `file`: a data-model.md below it, not inside node_modules or .git.
 * (The walk itself is tinyglobby's; this is the same test for one known file, for the editor.)
 */
export function foundByWalking(file: string, dir: string): boolean {
  return matchesGlobs(file, dir, [`**/${DOCUMENT_NAME}`]) && !matchesGlobs(file, dir, ALWAYS_IGNORED);
}

export interface PathProblem {
  path: string;
  message: string;
}

export interface Discovery {
  files: string[];
  /** Files named on the command line: an ignore rule that skips one is worth a notice. */
  explicit: Set<string>;
  problems: PathProblem[];
}

/**
 * Expands patterns. Files found by walking a directory or a glob skip what `.gitignore` files
 * ignore; with `ignores`, every file also skips what `.dmlintignore` ignores.
 */
export async function discoverFiles(patterns: readonly string[], cwd: string, ignores: IgnoreFiles | null = null): Promise<Discovery> {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const problems: PathProblem[] = [];
  for (const pattern of patterns) {
    const found = await expand(pattern, cwd, problems);
    if (typeof found === 'string') {
      problems.push({ path: pattern, message: found });
      continue;
    }
    for (const file of found.files) {
      if (ignores && !found.named && ignores.byGitignore(file)) continue;
      files.add(file);
      if (found.named) explicit.add(file);
    }
  }
  return { files: [...files].sort(compareCodePoints), explicit, problems };
}

/** The files a pattern names (`named` when it is a file path), or the reason it names none. */
async function expand(pattern: string, cwd: string, unreadable: PathProblem[]): Promise<{ files: string[]; named: boolean } | string> {
  const absolute = resolve(cwd, pattern);
  let kind: 'file' | 'directory' | 'other' | null = null;
  try {
    const info = await stat(absolute);
    kind = info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch (error) {
    if (!isDynamicPattern(pattern)) return describeFsError(error);
  }
  if (kind === 'file') return { files: [absolute], named: true };
  if (kind === 'other') return 'not a regular file or directory';
  if (kind === 'directory') {
    const found = await glob(`**/${DOCUMENT_NAME}`, { ...walkOptions(unreadable), cwd: absolute });
    return found.length > 0 ? { files: found.map((file) => resolve(file)), named: false } : `no ${DOCUMENT_NAME} files in this directory`;
  }
  const found = await glob(pattern, { ...walkOptions(unreadable), cwd });
  return found.length > 0 ? { files: found.map((file) => resolve(file)), named: false } : 'no files match this pattern';
}

/**
 * How directories are walked. Symbolic links are not followed: no loops, nothing outside the
 * tree (name a linked file to lint it). A directory that cannot be read is not skipped in
 * silence: it is noted in `unreadable` and reported.
 */
function walkOptions(unreadable: PathProblem[]): GlobOptions {
  const readdir = ((path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void) =>
    fs.readdir(path, options as { withFileTypes: true }, (error, entries) => {
      if (error && error.code !== 'ENOENT') unreadable.push({ path, message: `cannot read this directory: ${describeFsError(error)}` });
      callback(error, entries);
    })) as unknown as typeof fs.readdir;
  return { absolute: true, dot: true, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, fs: { ...fs, readdir } };
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Sorts by UTF-16 code units: the same order on every machine and locale. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
