// Bundles TypeScript sources in memory with esbuild and imports the result: for code the build and
// the benchmark run themselves (the bundled template's schema, the dependency patches, the
// benchmark's in-process measurements).
import { build } from 'esbuild';

/** `contents`: a TypeScript module (its imports relative to the repository root). */
export async function importTypeScript(contents, { plugins = [] } = {}) {
  const bundled = await build({
    stdin: { contents, resolveDir: '.', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    mainFields: ['module', 'main'],
    loader: { '.md': 'text' },
    plugins,
    // esbuild itself stays outside: it cannot be bundled.
    external: ['esbuild'],
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
}
