/**
 * Noticing that configuration changed on disk without file-watch notifications: the files a
 * document's settings come from (or would come from, if created) are stat'ed before each lint,
 * and compared with what they were. A few stat calls per directory level: microseconds.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILES, repositoryRoot } from '../config/load.js';
import { IGNORE_FILE } from './ignore-files.js';

/** Size, times and inode of a file, or `-` when there is none. */
function stamp(path: string): string {
  try {
    const info = statSync(path);
    return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
  } catch {
    // Absent or unreadable: either way, what matters is whether that changes.
    return '-';
  }
}

/** Where configuration and ignore files for `file` would be, from its directory up to the repository root, and `root`'s .dmlintignore. */
export function settingsSources(file: string, root: string): string[] {
  const top = repositoryRoot(dirname(file));
  const paths = [join(root, IGNORE_FILE)];
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    for (const name of [...CONFIG_FILES, '.gitignore']) paths.push(join(dir, name));
    if (dir === top || dirname(dir) === dir) return paths;
  }
}

/** The files seen so far, with their stamps. */
export class FileStamps {
  private readonly stamps = new Map<string, string>();

  /** Records the paths' stamps; true when one that was recorded before has changed since. */
  changed(paths: Iterable<string>): boolean {
    let changed = false;
    for (const path of paths) {
      const now = stamp(path);
      const before = this.stamps.get(path);
      if (before !== undefined && before !== now) changed = true;
      this.stamps.set(path, now);
    }
    return changed;
  }

  /** Every path recorded. */
  paths(): string[] {
    return [...this.stamps.keys()];
  }

  clear(): void {
    this.stamps.clear();
  }
}
