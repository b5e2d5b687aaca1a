/**
 * The launcher's code cache (src/cli/startup/code-cache.ts): a bundle runs the same with cached code, without
 * it, and with a cache V8 cannot use; cached code is kept per bundle, Node and flags; and the built
 * executable ships one for the Node that built it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleCacheFiles, codeCacheKey, loadBundle, privateCacheDir, sealed, type CacheUse } from '../src/cli/startup/code-cache.js';
import { CLI, REPO, scratchDir } from './support/cli.js';

/**
 * A bundle with a source of its own: V8 keeps compiled scripts by source in the process, which
 * would answer in place of the cached data under test.
 */
function bundleIn(dir: string): string {
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, `// ${dir}\nexports.answer = function answer() { return 6 * 7; };\nexports.where = __filename;\n`);
  return file;
}

const answer = (exports: Record<string, unknown>): unknown => (exports.answer as () => number)();
const sourceDigest = (file: string): Buffer => createHash('sha1').update(readFileSync(file, 'utf8')).digest();

/** A bundle in a scratch directory, with its code cached apart from it. */
function bundleWithCache(): { file: string; cacheFile: string } {
  const dir = scratchDir({});
  const file = bundleIn(dir);
  const cacheFile = join(dir, 'cache', 'bundle.cache');
  loadBundle(file, { read: [], write: cacheFile }).saveCache();
  return { file, cacheFile };
}

/** Flips the bits of the byte in the middle of a file: the damage V8 itself does not notice. */
function damageMiddleByte(path: string): void {
  const bytes = readFileSync(path);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  writeFileSync(path, bytes);
}

describe('a bundle run with the code cache', () => {
  it('runs without cached code and writes the code it compiled where asked', () => {
    const dir = scratchDir({});
    const file = bundleIn(dir);
    const cacheFile = join(dir, 'cache', 'bundle.cache');
    const loaded = loadBundle(file, { read: [cacheFile], write: cacheFile });
    expect(loaded.cached).toBe(false);
    expect(answer(loaded.exports)).toBe(42);
    expect(loaded.exports.where).toBe(file);
    loaded.saveCache();
    expect(readFileSync(cacheFile).length).toBeGreaterThan(0);
  });

  it('compiles as usual when V8 rejects the cached data', () => {
    const dir = scratchDir({});
    const file = bundleIn(dir);
    // Sealed with the right digest, so that V8 itself gets to reject it.
    writeFileSync(join(dir, 'junk.cache'), sealed(Buffer.from('not code that V8 cached\n'.repeat(50)), sourceDigest(file)));
    const loaded = loadBundle(file, { read: [join(dir, 'absent.cache'), join(dir, 'junk.cache')], write: null });
    expect(loaded.cached).toBe(false);
    expect(answer(loaded.exports)).toBe(42);
  });

  it('does not use cached code for a bundle edited in place, even with the same length', () => {
    const { file, cacheFile } = bundleWithCache();
    writeFileSync(file, readFileSync(file, 'utf8').replace('6 * 7', '6 * 8'));
    const loaded = loadBundle(file, { read: [cacheFile], write: null });
    expect(loaded.cached).toBe(false);
    expect(answer(loaded.exports)).toBe(48);
  });

  it('does not use cached code once a byte of it has changed', () => {
    const { file, cacheFile } = bundleWithCache();
    damageMiddleByte(cacheFile);
    const loaded = loadBundle(file, { read: [cacheFile], write: null });
    expect(loaded.cached).toBe(false);
    expect(answer(loaded.exports)).toBe(42);
  });

  it('leaves the run as it is when the cache cannot be written', () => {
    const dir = scratchDir({ 'taken/sub': 'a file where the cache directory would go' });
    const loaded = loadBundle(bundleIn(dir), { read: [], write: join(dir, 'taken', 'sub', 'bundle.cache') });
    expect(() => loaded.saveCache()).not.toThrow();
    expect(answer(loaded.exports)).toBe(42);
  });

  it('reads and writes cached code away from the bundle only in a directory of this user that no one else may write to', () => {
    const dir = scratchDir({});
    const file = bundleIn(dir);
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    loadBundle(file, { read: [], write: join(shared, 'bundle.cache') }).saveCache();
    expect(readdirSync(shared)).toEqual([]);
    // Another user's directory, private to them, is not used either.
    const theirs = join(dir, 'theirs');
    mkdirSync(theirs, { mode: 0o700 });
    chownSync(theirs, 4242, 4242);
    loadBundle(file, { read: [], write: join(theirs, 'bundle.cache') }).saveCache();
    expect(readdirSync(theirs)).toEqual([]);
    const mine = privateCacheDir(join(dir, 'tmp'));
    loadBundle(file, { read: [], write: join(mine, 'bundle.cache') }).saveCache();
    expect(statSync(mine).mode & 0o777).toBe(0o700);
    expect(statSync(join(mine, 'bundle.cache')).mode & 0o777).toBe(0o600);
    // The same data, once others may write beside it, is not read.
    copyFileSync(join(mine, 'bundle.cache'), join(shared, 'bundle.cache'));
    expect(loadBundle(file, { read: [join(shared, 'bundle.cache')], write: null }).cached).toBe(false);
    expect(privateCacheDir('/tmp', 1000)).toBe('/tmp/dmlint-code-cache-1000');
  });

  it('keeps cached code apart per bundle, Node version, architecture and V8 flags', () => {
    const node = { versions: { ...process.versions, v8: '11.3.244.8-node.38' }, arch: 'x64' as const, execArgv: [] };
    expect(codeCacheKey(node, undefined)).toBe('11.3.244.8-node.38-x64');
    expect(codeCacheKey(node, '')).toBe('11.3.244.8-node.38-x64');
    const withFlags = codeCacheKey({ ...node, execArgv: ['--max-old-space-size=100'] }, undefined);
    expect(withFlags).toMatch(/^11\.3\.244\.8-node\.38-x64-[0-9a-f]{12}$/);
    expect(codeCacheKey(node, '--max-old-space-size=100')).toBe(withFlags);
    expect(codeCacheKey({ ...node, arch: 'arm64' }, undefined)).not.toBe(codeCacheKey(node, undefined));
    const files = (use: CacheUse): unknown => bundleCacheFiles('/pkg/dist/cli-bundle.cjs', 'abc123', 'KEY', '/tmp/own', use);
    expect(files('run')).toEqual({ read: ['/pkg/dist/cli-bundle.KEY.cache', '/tmp/own/dmlint-abc123-KEY.cache'], write: '/tmp/own/dmlint-abc123-KEY.cache' });
    expect(files('read-only')).toEqual({ read: ['/pkg/dist/cli-bundle.KEY.cache', '/tmp/own/dmlint-abc123-KEY.cache'], write: null });
    expect(files('build')).toEqual({ read: [], write: '/pkg/dist/cli-bundle.KEY.cache' });
    expect(files('off')).toEqual({ read: [], write: null });
  });
});

/** Runs the built executable with DMLINT_TIMING and reads whether it found compiled code. */
function timedRun(nodeArgs: string[], args: string[], env: Record<string, string>): { code: number | null; stdout: string; cachedCode: unknown } {
  // Without settings of the caller's that change the cache: the tests set their own.
  const { NODE_OPTIONS: _options, NODE_DISABLE_COMPILE_CACHE: _off, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd: REPO, env: { ...inherited, DMLINT_TIMING: '1', ...env }, encoding: 'utf8' });
  const line = run.stderr.split('\n').find((text) => text.startsWith('{"timing"')) ?? '{}';
  return { code: run.status, stdout: run.stdout, cachedCode: (JSON.parse(line) as { cachedCode?: unknown }).cachedCode };
}

describe('the built executable', () => {
  const args = ['--format', 'json', 'fixtures/rules/no-placeholder/invalid/cells-and-code.md'];

  it('leaves the servers and the YAML parser to files read only when needed', () => {
    const bundle = readFileSync(join(REPO, 'dist', 'cli-bundle.cjs'), 'utf8');
    expect(bundle).toContain('require("./lazy/lsp.cjs")');
    expect(bundle).toContain('require("./lazy/mcp.cjs")');
    expect(bundle).toContain('require("./lazy/yaml.cjs")');
    expect(bundle).not.toContain('Content-Length'); // LSP's message header
    expect(bundle).not.toContain('notifications/initialized'); // an MCP method
  });

  it.each(['lsp', 'mcp'])("bundles the %s server without dmlint's core, which it takes from the CLI bundle", (server) => {
    const code = readFileSync(join(REPO, 'dist', 'lazy', `${server}.cjs`), 'utf8');
    // The parser and the rules are the core's: a copy here would be a second copy in the package.
    expect(code).not.toContain('micromark');
    expect(code).not.toContain('Unfilled placeholder');
    expect(code).toContain('__dmlintCore("src/engine/lint-text.ts")');
  });

  it('ships cached code for the Node that built it, and uses it', () => {
    expect(readdirSync(join(REPO, 'dist'))).toContain(`cli-bundle.${codeCacheKey({ ...process, execArgv: [] }, undefined)}.cache`);
    const own = scratchDir({});
    const run = timedRun([], args, { TMPDIR: own });
    expect(run).toMatchObject({ code: 1, cachedCode: true });
    // The cache beside the bundle served: none of the user's own was written.
    expect(existsSync(privateCacheDir(own))).toBe(false);
  });

  it('under other V8 flags, compiles once and writes a cache of its own, used from then on, with the same output', () => {
    const own = scratchDir({});
    const flags = ['--stack-size=2000'];
    const first = timedRun(flags, args, { TMPDIR: own });
    expect(first).toMatchObject({ code: 1, cachedCode: false });
    expect(readdirSync(privateCacheDir(own))).toHaveLength(1);
    const second = timedRun(flags, args, { TMPDIR: own });
    expect(second).toMatchObject({ code: 1, cachedCode: true });
    expect(second.stdout).toBe(first.stdout);
    const off = timedRun(flags, args, { TMPDIR: own, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off).toMatchObject({ code: 1, cachedCode: false, stdout: first.stdout });
  });

  it('saves a cache of its own only after a run that linted', () => {
    const own = scratchDir({});
    expect(timedRun(['--stack-size=2001'], ['--version'], { TMPDIR: own }).code).toBe(0);
    expect(existsSync(privateCacheDir(own))).toBe(false);
  });

  it('replaces a damaged cache of its own (a changed byte would stop V8 with a fatal error)', () => {
    const own = scratchDir({});
    const flags = ['--stack-size=2002'];
    timedRun(flags, args, { TMPDIR: own });
    const [name] = readdirSync(privateCacheDir(own));
    damageMiddleByte(join(privateCacheDir(own), name ?? ''));
    expect(timedRun(flags, args, { TMPDIR: own })).toMatchObject({ code: 1, cachedCode: false });
    expect(timedRun(flags, args, { TMPDIR: own })).toMatchObject({ code: 1, cachedCode: true });
  });
});
