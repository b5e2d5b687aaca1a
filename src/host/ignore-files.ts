/**
 * Ignore files: `.dmlintignore` in the working directory (gitignore syntax), and every
 * `.gitignore` from the repository root down to a file found while walking a directory.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { repositoryRoot } from '../config/load.js';
import { ConfigError } from '../config/types.js';
import { describeFsError } from './discover.js';

export const IGNORE_FILE = '.dmlintignore';

function readIgnore(file: string): Ignore | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // No such file is the usual case: nothing to ignore. One that cannot be read stops the run
    // (exit 2): linting files it means to skip would report what the user excluded.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new ConfigError(`cannot read this ignore file: ${describeFsError(error)}`, file);
  }
  return ignore().add(text);
}

/** `path` relative to `dir` in the form `ignore` expects, or null when outside `dir`. */
function inside(dir: string, path: string): string | null {
  const rel = relative(dir, path);
  if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`)) return null;
  return rel.split(sep).join('/');
}

export class IgnoreFiles {
  private readonly gitignores = new Map<string, Ignore | null>();
  private readonly dmlintignore: Ignore | null;

  constructor(private readonly cwd: string) {
    this.dmlintignore = readIgnore(join(cwd, IGNORE_FILE));
  }

  /** Matched by the working directory's `.dmlintignore`. */
  byIgnoreFile(file: string): boolean {
    const rel = this.dmlintignore ? inside(this.cwd, file) : null;
    return rel !== null && (this.dmlintignore?.ignores(rel) ?? false);
  }

  /** Matched by a `.gitignore` between the repository root and the file. */
  byGitignore(file: string): boolean {
    const top = repositoryRoot(dirname(file));
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      const rules = this.gitignoreOf(dir);
      const rel = rules ? inside(dir, file) : null;
      if (rel !== null && rules?.ignores(rel)) return true;
      if (dir === top || dirname(dir) === dir) return false;
    }
  }

  private gitignoreOf(dir: string): Ignore | null {
    if (!this.gitignores.has(dir)) this.gitignores.set(dir, readIgnore(join(dir, '.gitignore')));
    return this.gitignores.get(dir) ?? null;
  }
}
