/**
 * --fix writes a fixed file atomically — a temporary file in the same directory, renamed over the
 * original — keeping its mode, and only if the file did not change while it was being fixed. (The
 * fixed text, its byte-order mark and line endings kept, comes from fixText in the engine.)
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class FileChangedError extends Error {}

export interface WriteHooks {
  /** Called after the temporary file is written and before it replaces the original (tests use it to inject a failure). */
  beforeRename?: (temporary: string) => void | Promise<void>;
}

/** Replaces `file`'s content with `output`, if it still holds `original`. */
export async function writeAtomically(file: string, original: string, output: string, hooks: WriteHooks = {}): Promise<void> {
  const { mode } = await stat(file);
  const temporary = join(dirname(file), `.${basename(file)}.dmlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, output, { mode, flag: 'wx' });
  try {
    await hooks.beforeRename?.(temporary);
    if ((await readFile(file, 'utf8')) !== original) throw new FileChangedError('the file changed while dmlint was fixing it; it was not written, run dmlint --fix again');
    await rename(temporary, file);
  } catch (error) {
    // The original stays as it was; only the temporary file goes.
    await unlink(temporary).catch((cleanup: unknown) => {
      if ((cleanup as NodeJS.ErrnoException).code !== 'ENOENT') throw cleanup;
    });
    throw error;
  }
}
