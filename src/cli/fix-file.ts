/**
 * --fix: applies safe fixes until none are left (a fix may make another one possible), then
 * writes the file atomically — a temporary file in the same directory, renamed over the original
 * — keeping its mode, its byte-order mark and its line endings, and only if the file did not
 * change while it was being fixed. A file with nothing to fix is never written.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BOM } from '../document/source.js';
import { applyFixes } from '../engine/fix.js';
import type { LintResult } from '../engine/types.js';
import { lintText, type LintTextOptions } from '../lint.js';

/** Passes before giving up: fixes that keep producing fixes would otherwise never end. */
const MAX_PASSES = 10;

/** Lints, fixes, lints again; the result is the one for the fixed text, with `output` when changed. */
export function fixText(text: string, options: LintTextOptions): LintResult {
  const bom = text.startsWith(BOM) ? BOM : '';
  let current = text.slice(bom.length);
  let result = lintText(current, options);
  for (let pass = 0; pass < MAX_PASSES && result.messages.some((message) => message.fix); pass++) {
    const { output, applied } = applyFixes(current, result.messages);
    if (applied === 0 || output === current) break;
    current = output;
    result = lintText(current, options);
  }
  const output = bom + current;
  return output === text ? result : { ...result, output };
}

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
