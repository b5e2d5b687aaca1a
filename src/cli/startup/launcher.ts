#!/usr/bin/env node
/**
 * The dmlint executable (dist/cli.cjs). Loads the CLI's bundle with V8's code cache
 * (code-cache.ts) and runs it: the command line in the main thread, a linter in each worker
 * thread of a pool (the pool starts this same file). Kept small and in CommonJS: an ES module
 * entry costs a cold start the ES module loader's own start.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { bundleCacheFiles, codeCacheKey, loadBundle, privateCacheDir, type CacheUse } from './code-cache.js';
import { applyHeapFlags } from './heap-settings.js';
import type * as Entry from '../entry.js';

// The build puts the Node version check (node-version.ts) before this file's code.

/** The bundle's content hash, set by the build: cached code is kept per bundle. */
declare const __DMLINT_BUNDLE_HASH__: string;

const bundle = join(__dirname, 'cli-bundle.cjs');
const env = process.env;
// Before the bundle is compiled: V8's cached code is only accepted under the flags it was made with.
if (isMainThread) applyHeapFlags(process.execArgv);
// NODE_DISABLE_COMPILE_CACHE is Node's own switch for its compile cache; it turns this one off too.
const use: CacheUse = env.DMLINT_BUILD_CODE_CACHE === '1' ? 'build' : env.NODE_DISABLE_COMPILE_CACHE ? 'off' : isMainThread ? 'run' : 'read-only';
const files = bundleCacheFiles(bundle, __DMLINT_BUNDLE_HASH__, codeCacheKey(process, env.NODE_OPTIONS), privateCacheDir(tmpdir()), use);
const loaded = loadBundle(bundle, files);
const entry = loaded.exports as unknown as typeof Entry;
entry.setModuleImporter((specifier) => import(specifier));
if (isMainThread) {
  // Saved only after a run that linted: `dmlint --version` compiles too little to be worth keeping.
  let linted = false;
  process.on('exit', () => {
    if (linted) loaded.saveCache();
  });
  entry.runCli(pathToFileURL(__filename), loaded.cached, () => {
    linted = true;
  });
} else entry.runWorker();
