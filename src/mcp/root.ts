/**
 * The agent server's root: the only directory tree it reads from and writes to. A path is inside
 * when it is, once resolved with its symbolic links, the root or below it; a path that does not
 * exist yet is judged by its nearest existing parent.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeFsError } from '../host/discover.js';

export class OutsideRootError extends Error {}

export class ServerRoot {
  /** The root with its own symbolic links resolved. */
  readonly real: string;

  constructor(readonly dir: string) {
    this.real = realpathSync(dir);
  }

  /** An agent's path (relative to the root) as an absolute path inside the root; throws OutsideRootError when it is not. */
  resolve(path: string): string {
    if (path === '' || path.includes('\0')) throw new OutsideRootError(`${JSON.stringify(path)} is not a path`);
    const absolute = resolve(this.dir, path);
    if (!this.contains(absolute)) throw new OutsideRootError(`${JSON.stringify(path)} is outside the server's root (${this.dir}); give a path inside it`);
    return absolute;
  }

  /**
   * A glob stays inside the root when it is relative and never climbs (`..`); the files it finds
   * are checked again with `contains`, for links that point out.
   */
  checkPattern(pattern: string): void {
    // An absolute path is resolved ("/root/../etc" is /etc) and must land inside.
    if (isAbsolute(pattern)) this.resolve(pattern);
    else if (pattern === '' || pattern.includes('\0') || pattern.split(/[\\/]/).includes('..')) {
      throw new OutsideRootError(`${JSON.stringify(pattern)} is not a path inside the server's root; give one relative to it, without ".."`);
    }
  }

  /** Whether an absolute path, its symbolic links resolved, lies inside the root. */
  contains(absolute: string): boolean {
    const real = realOrParent(absolute);
    const rel = relative(this.real, real);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  }

  /** How a path inside the root is shown to the agent: relative, with forward slashes. */
  display(absolute: string): string {
    return relative(this.dir, absolute).split(sep).join('/') || '.';
  }
}

/** The real path of the nearest part of `path` that exists, with the rest appended. */
function realOrParent(path: string): string {
  let rest = '';
  let current = path;
  for (;;) {
    try {
      return rest ? join(realpathSync(current), rest) : realpathSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new OutsideRootError(`cannot resolve ${path}: ${describeFsError(error)}`);
      const parent = dirname(current);
      if (parent === current) return path;
      rest = rest ? join(basename(current), rest) : basename(current);
      current = parent;
    }
  }
}
