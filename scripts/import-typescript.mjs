// Bundles TypeScript sources in memory with esbuild and imports the result: for code the build and
// the benchmark run themselves (the bundled template's schema, the dependency patches, the
// benchmark's in-process measurements).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bundle is imported from a data: URL, where `import.meta.url` means nothing: each module
 * gets its own file's URL instead (fixture paths in test/hostile/attacks.ts, fdir's createRequire).
 */
const ownUrls = {
  name: 'own-import-meta-url',
  setup(plugin) {
    plugin.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: extname(args.path) === '.ts' ? 'ts' : 'js' };
    });
  },
};

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
    plugins: [...plugins, ownUrls],
    // Bundled CommonJS dependencies call require() (picomatch asks for "process"): give them one.
    banner: { js: `import { createRequire as __dmlintCreateRequire } from 'node:module'; const require = __dmlintCreateRequire(${JSON.stringify(new URL('../package.json', import.meta.url).href)});` },
    // esbuild itself stays outside: it cannot be bundled.
    external: ['esbuild'],
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
}
