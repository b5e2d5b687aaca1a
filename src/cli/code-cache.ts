/**
 * Runs the CLI's CommonJS bundle with V8's code cache. A cold run of dmlint otherwise spends tens
 * of milliseconds compiling the bundle's functions, the same ones on every run; cached code is
 * read instead. (Node 22 does this for modules with `module.enableCompileCache()`; Node 20 has
 * only `vm.Script`'s `cachedData`, so the bundle is run as a script, wrapped as Node wraps a
 * CommonJS module.)
 *
 * The cache is safe to be wrong: V8 checks its version and flags and rejects cached data that
 * does not fit, and the file's name holds the bundle's hash, so data for another build is never
 * offered. A missing, rejected or unreadable cache only means compiling, as without one.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * What V8's cached code depends on besides the source: its version, the CPU architecture, and
 * V8 flags given on the command line or in NODE_OPTIONS.
 */
export function codeCacheKey(process: Pick<NodeJS.Process, 'versions' | 'arch' | 'execArgv'>, nodeOptions: string | undefined): string {
  const flags = [...process.execArgv, nodeOptions ?? ''].join(' ').trim();
  const flagsHash = flags === '' ? '' : `-${createHash('sha256').update(flags).digest('hex').slice(0, 12)}`;
  return `${process.versions.v8}-${process.arch}${flagsHash}`;
}

export interface CodeCacheFiles {
  /** Files of cached code for this process, in the order to try them. */
  read: readonly string[];
  /** Where to write the code of this run when no file gave V8 code it accepted; null: nowhere. */
  write: string | null;
}

/**
 * The user's own directory for cached code under `base` (the system's temporary directory): one
 * per user, since V8 runs cached code without checking where it came from, and another user must
 * not be able to put code there.
 */
export function privateCacheDir(base: string, uid: number | undefined = process.getuid?.()): string {
  return join(base, uid === undefined ? 'dmlint-code-cache' : `dmlint-code-cache-${uid}`);
}

/**
 * Whether a directory can hold this user's cached code: absent (it will be made, for this user
 * only), or a real directory of this user's that no one else may write to.
 */
function isPrivate(dir: string): boolean {
  let stats;
  try {
    stats = lstatSync(dir);
  } catch {
    // Absent (or unreadable, which the write then finds out): nothing in it to trust or distrust.
    return true;
  }
  const uid = process.getuid?.();
  return stats.isDirectory() && (uid === undefined || stats.uid === uid) && (process.platform === 'win32' || (stats.mode & 0o022) === 0);
}

export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** Whether V8 used cached code. */
  cached: boolean;
  /**
   * Writes the code compiled so far, where the files say: call it late (at exit), so that the
   * functions the run needed are compiled by then and go into the cache.
   */
  saveCache(): void;
}

/** Loads a CommonJS bundle as Node would, but with its compiled code read from the cache files. */
export function loadBundle(file: string, cache: CodeCacheFiles): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  // Node's own CommonJS wrapper: the bundle sees the same five names as a module would.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  let script: Script | null = null;
  let cached = false;
  for (const path of cache.read) {
    // Beside the bundle, cached code is as trusted as the bundle; elsewhere, only in a private directory.
    const trusted = dirname(path) === dirname(file) || isPrivate(dirname(path));
    const data = trusted ? withoutDigest(readIfPresent(path)) : null;
    if (data === null) continue;
    // A rejected script is compiled all the same: it serves if no other file is accepted.
    script = new Script(wrapped, { filename: file, cachedData: data });
    cached = script.cachedDataRejected === false;
    if (cached) break;
  }
  script ??= new Script(wrapped, { filename: file });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  const compiled = script;
  return {
    exports: module.exports,
    cached,
    saveCache: () => {
      if (!cached && cache.write !== null) writeAtomically(cache.write, withDigest(compiled.createCachedData()));
    },
  };
}

/**
 * Each file starts with a digest of the code after it: V8 checks the versions and the length of
 * cached data, not its bytes, and a damaged byte stops the process with a fatal error. (SHA-1 for
 * speed, under a millisecond: this guards against damage, not against an attacker.)
 */
const DIGEST_BYTES = 20;
const digestOf = (data: Buffer): Buffer => createHash('sha1').update(data).digest();

function withDigest(data: Buffer): Buffer {
  return Buffer.concat([digestOf(data), data]);
}

/** The data after its digest, or null when the digest does not match (a damaged file). */
function withoutDigest(stored: Buffer | null): Buffer | null {
  if (stored === null || stored.length <= DIGEST_BYTES) return null;
  const data = stored.subarray(DIGEST_BYTES);
  return digestOf(data).equals(stored.subarray(0, DIGEST_BYTES)) ? data : null;
}

function readIfPresent(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    // Absent or unreadable: no cached code to offer, which is what compiling assumes.
    return null;
  }
}

/**
 * Writes through a temporary file renamed into place, so that a process starting meanwhile reads
 * the old file or the new one, never half of one. A directory that cannot be written is left as
 * it is: the next run compiles again, as this one did.
 */
function writeAtomically(path: string, data: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // A directory someone else made, or made writable to others, is not used (see isPrivate).
    if (!isPrivate(dirname(path))) return;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    // The cache is an optimisation: failing to write it changes no result (see above).
  }
}

export type CacheUse = 'run' | 'read-only' | 'build' | 'off';

/**
 * The cache files of the bundle: the one built beside it (by `npm run build`, for the Node that
 * built it), then the user's own, written on a first run under another Node. `build` writes the
 * one beside the bundle; `read-only` (worker threads) writes nothing; `off` neither reads nor
 * writes.
 */
export function bundleCacheFiles(bundle: string, bundleHash: string, key: string, userCacheDir: string, use: CacheUse): CodeCacheFiles {
  const beside = join(dirname(bundle), `cli-bundle.${key}.cache`);
  const own = join(userCacheDir, `dmlint-${bundleHash}-${key}.cache`);
  switch (use) {
    case 'run':
      return { read: [beside, own], write: own };
    case 'read-only':
      return { read: [beside, own], write: null };
    case 'build':
      return { read: [], write: beside };
    case 'off':
      return { read: [], write: null };
  }
}
