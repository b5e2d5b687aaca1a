/**
 * `--shard i/n`: the part of the file list that runner i of n lints. A file's shard depends on its
 * path relative to the project root only (src/host/project-root.ts), so it is the same whatever order files are found
 * in and whichever other files exist; every file is in exactly one shard.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `2/3`; null when the text is not a shard of that form. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!match) return null;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

export function shardOf(file: string, root: string, count: number): number {
  const key = relative(root, file).split(sep).join('/');
  return (createHash('sha256').update(key).digest().readUInt32BE(0) % count) + 1;
}

export function inShard(files: readonly string[], shard: Shard, root: string): string[] {
  return files.filter((file) => shardOf(file, root, shard.count) === shard.index);
}
