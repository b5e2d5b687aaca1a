/**
 * Runs the CLI's CommonJS bundle with V8's code cache. A cold run of dmlint otherwise spends tens
 * of milliseconds compiling the bundle's functions, the same ones on every run; cached code is
 * read instead. (Node 22 does this for modules with `module.enableCompileCache()`; Node 20 has
 * only `vm.Script`'s `cachedData`, so the bundle is run as a script, wrapped as Node wraps a
 * CommonJS module.)
 *
 * The cache is safe to be wrong: V8 rejects cached data made by another version or with other
 * flags, and each file carries a digest of the bundle's source and of its data (see `sealed`),
 * which covers what V8 does not check. A missing, rejected, damaged or unreadable cache only means
 * compiling, as without one.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
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
 * not be able to put code there. (On Windows there is no user id, and the temporary directory is
 * the user's own.)
 */
export function privateCacheDir(base: string, uid: number | undefined = process.getuid?.()): string {
  return join(base, uid === undefined ? 'dmlint-code-cache' : `dmlint-code-cache-${uid}`);
}

/** Whether file-system entries are this user's alone: owned by the user, writable by no one else. */
function ownedAlone(stats: { uid: number; mode: number }): boolean {
  const uid = process.getuid?.();
  return (uid === undefined || stats.uid === uid) && (process.platform === 'win32' || (stats.mode & 0o022) === 0);
}

/** A real directory (not a link) of this user's that no one else may write to. */
function isPrivateDir(dir: string): boolean {
  try {
    const stats = lstatSync(dir);
    return stats.isDirectory() && ownedAlone(stats);
  } catch {
    // Absent or unreadable: nothing in it can be trusted.
    return false;
  }
}

export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** Whether V8 used cached code. */
  cached: boolean;
  /**
   * Writes the code compiled so far, where the files say: call it late (at exit) and after a run
   * that linted, so that the functions a run needs are compiled by then and go into the cache.
   */
  saveCache(): void;
}

/** Loads a CommonJS bundle as Node would, but with its compiled code read from the cache files. */
export function loadBundle(file: string, cache: CodeCacheFiles): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  // Node's own CommonJS wrapper: the bundle sees the same five names as a module would.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const sourceDigest = createHash('sha1').update(source).digest();
  let script: Script | null = null;
  let cached = false;
  for (const path of cache.read) {
    // Beside the bundle, cached code is as trusted as the bundle; elsewhere, only from a private directory.
    const beside = dirname(path) === dirname(file);
    const data = unsealed(beside ? readIfPresent(path) : readPrivate(path), sourceDigest);
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
      if (cached || cache.write === null) return;
      const beside = dirname(cache.write) === dirname(file);
      writeAtomically(cache.write, () => sealed(compiled.createCachedData(), sourceDigest), beside ? 'shared' : 'private');
    },
  };
}

/**
 * Each file starts with a digest of the bundle's source and of the cached code after it. V8
 * checks the version, flags and length of cached data, not its bytes: a damaged byte stops the
 * process with a fatal error, and code cached for another source of the same length (a bundle
 * edited in place) would run that other code. (SHA-1 for speed: this guards against damage and
 * staleness; the directory's privacy guards against other users.)
 */
const DIGEST_BYTES = 20;
const digestOf = (sourceDigest: Buffer, data: Buffer): Buffer => createHash('sha1').update(sourceDigest).update(data).digest();

/** Cached code with its digest, as written to a file. */
export function sealed(data: Buffer, sourceDigest: Buffer): Buffer {
  return Buffer.concat([digestOf(sourceDigest, data), data]);
}

/** The cached code of a file, or null when its digest does not match (damaged, or for another source). */
function unsealed(stored: Buffer | null, sourceDigest: Buffer): Buffer | null {
  if (stored === null || stored.length <= DIGEST_BYTES) return null;
  const data = stored.subarray(DIGEST_BYTES);
  return digestOf(sourceDigest, data).equals(stored.subarray(0, DIGEST_BYTES)) ? data : null;
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
 * A file's bytes if it and its directory are this user's alone. The file is checked as opened (not
 * followed if it is a link), so it cannot be swapped between the check and the read.
 */
function readPrivate(path: string): Buffer | null {
  if (!isPrivateDir(dirname(path))) return null;
  let fd: number | null = null;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    return fstatSync(fd).isFile() && ownedAlone(fstatSync(fd)) ? readFileSync(fd) : null;
  } catch {
    // Absent or unreadable: no cached code to offer.
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Writes through a temporary file renamed into place, so that a process starting meanwhile reads
 * the old file or the new one, never half of one; in a private directory (made for this user
 * alone, and not used if anyone else may write to it) or, beside the bundle, readable by all. A
 * directory that cannot be written is left as it is: the next run compiles again, as this one did.
 */
function writeAtomically(path: string, data: () => Buffer, access: 'private' | 'shared'): void {
  const dir = dirname(path);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    if (access === 'private') {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (!isPrivateDir(dir)) return;
      removeOtherBuilds(dir, path);
    }
    // `wx`: a file already there (left by a process with this pid that died) is not written through.
    writeFileSync(temporary, data(), { mode: access === 'private' ? 0o600 : 0o644, flag: 'wx' });
    renameSync(temporary, path);
  } catch {
    // The cache is an optimisation: failing to write it changes no result (see above).
    removeQuietly(temporary);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // A temporary file that cannot be removed either is left for the system to clear.
  }
}

/** Cached code of other dmlint builds: an upgrade would otherwise leave them behind for good. */
function removeOtherBuilds(dir: string, path: string): void {
  const build = basename(path).split('-').slice(0, 2).join('-');
  for (const name of readdirSync(dir)) if (name.startsWith('dmlint-') && !name.startsWith(`${build}-`)) rmSync(join(dir, name), { force: true });
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
