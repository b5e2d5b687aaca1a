// Bundles the CLI and the library into single ES modules (one file loads far faster than
// unified + remark as separate modules), with the bundled template inlined as text.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

/** Bundles TypeScript sources in memory and imports the result (for code the build itself runs). */
async function importTypeScript(contents) {
  const bundled = await build({
    stdin: { contents, resolveDir: '.', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    mainFields: ['module', 'main'],
    loader: { '.md': 'text' },
    // esbuild itself stays outside: it cannot be bundled.
    external: ['esbuild'],
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
}

// Derive the bundled template's schema now rather than on every cold run (it means parsing the
// template, about a third of a one-file run): bundle the derivation in memory, run it, inline it.
const { serializeSchema, buildTemplateSchema, template } = await importTypeScript(
  "export { serializeSchema } from './src/template/serialize.ts'; export { buildTemplateSchema } from './src/template/schema.ts'; export { default as template } from './src/template/data-model-template.md';",
);
const bundledSchema = serializeSchema(buildTemplateSchema(template, 'bundled'));
const { patchDependencies } = await importTypeScript("export { patchDependencies } from './scripts/patches.ts';");

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Prefer a package's ES module build: jsonc-parser's UMD build requires files at run time.
  mainFields: ['module', 'main'],
  loader: { '.md': 'text' },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [patchDependencies()],
  define: { __DMLINT_BUNDLED_SCHEMA__: JSON.stringify(bundledSchema) },
  // Some bundled CommonJS dependencies call require(); give the ES module one.
  banner: { js: "import { createRequire as __dmlintCreateRequire } from 'node:module'; const require = __dmlintCreateRequire(import.meta.url);" },
};

await build({
  ...shared,
  entryPoints: { cli: 'src/cli/bin.ts', index: 'src/index.ts', worker: 'src/cli/worker.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The GitHub Action runs one committed file (a runner does not install or build): one minified
// bundle, the same bytes on every build, so a test can tell when the committed copy is stale.
await build({ ...shared, entryPoints: ['src/action/main.ts'], outfile: 'dist/action.js', minify: true });
