// Bundles the CLI into one CommonJS file run with V8's code cache (src/cli/startup/code-cache.ts),
// which the library (dist/index.js) and the GitHub Action (dist/action.js) load too (one file
// loads far faster than unified + remark as separate modules), with the bundled template inlined
// as text; then runs the CLI once to build its code cache.
import { build, transform } from 'esbuild';
import { importTypeScript } from './import-typescript.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The declaration files the package ships (package.json "types"), emitted by tsc meanwhile.
const declarations = new Promise((done, fail) => {
  const tsc = spawn(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
  tsc.on('error', fail);
  tsc.on('exit', (code) => (code === 0 ? done() : fail(new Error(`build: tsc -p tsconfig.types.json exited with ${code}`))));
});

// Derive the bundled template's schema now rather than on every cold run (it means parsing the
// template, a large part of a one-file run): bundle the derivation in memory, run it, inline it.
const { serializeSchema, buildTemplateSchema, template } = await importTypeScript(
  "export { serializeSchema } from './src/template/serialize.ts'; export { buildTemplateSchema } from './src/template/schema.ts'; export { default as template } from './src/template/data-model-template.md';",
);
const bundledSchema = serializeSchema(buildTemplateSchema(template, 'bundled'));
const { patchDependencies } = await importTypeScript("export { patchDependencies } from './scripts/patches.ts';");

/**
 * Makes the CLI bundle ASCII: Node then reads it without decoding UTF-8 and V8 keeps it at one
 * byte per character, in each thread (docs/performance.md). esbuild escapes strings
 * and dmlint's own patterns are written with escapes; what is left are comments kept from
 * dependencies, escaped here. Anything else stops the build: in a regular expression or a raw
 * template, an escape might not mean the character. The check does not trust the line scan: the
 * bundle without its comments (minified by esbuild) must be the same before and after.
 */
async function asciiOnly(file) {
  const escape = (text) => text.replace(/[\u0080-\uFFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const original = readFileSync(file, 'utf8');
  const escaped = original
    .split('\n')
    .map((line, index) => {
      const first = line.search(/[\u0080-\uFFFF]/);
      if (first < 0) return line;
      if (/^\s*(?:\*|\/\*)/.test(line)) return escape(line);
      const comment = line.search(/(?:^|\s)\/\//);
      if (comment >= 0 && comment < first) return line.slice(0, comment) + escape(line.slice(comment));
      throw new Error(`build: ${file}:${index + 1} has a character outside ASCII in code; write it as an escape in the source:\n${line}`);
    })
    .join('\n');
  const code = async (text) => (await transform(text, { minifyWhitespace: true, legalComments: 'none', charset: 'utf8' })).code;
  if ((await code(original)) !== (await code(escaped))) throw new Error(`build: escaping ${file} changed code, not only comments; see asciiOnly in scripts/build.mjs`);
  writeFileSync(file, escaped);
}

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Prefer a package's ES module build: jsonc-parser's UMD build requires files at run time.
  mainFields: ['module', 'main'],
  loader: { '.md': 'text' },
  legalComments: 'none',
  // Minified: the package stays small (docs/performance.md), and there is less source to read at start-up.
  minify: true,
  logLevel: 'warning',
  plugins: [patchDependencies()],
  define: { __DMLINT_BUNDLED_SCHEMA__: JSON.stringify(bundledSchema) },
};
/**
 * Parts of the command line that most runs never use, each bundled into a file of its own that is
 * read only when first needed: the language server and the YAML parser are about half of the
 * code, which every run and every worker thread would otherwise read and keep; the agent server
 * with its SDK is as large again. (SARIF, JUnit and Markdown output stay in the bundle, evaluated
 * only when used: they are small.) A server's file holds its own folder and the packages it
 * imports; dmlint's other code (the core) it takes from the CLI bundle that loads it (sharedCore),
 * so the package carries that once. (Packages are not shared: the agent server's SDK brings its
 * own copy of ajv, about 38 KB of the tarball.)
 */
const APART = [
  { file: 'lazy/lsp.cjs', entry: 'src/lsp/server.ts', own: 'src/lsp/', imported: /\/lsp\/server\.js$/ },
  // The agent server and its SDK (with zod): only `dmlint mcp` reads them.
  { file: 'lazy/mcp.cjs', entry: 'src/mcp/server.ts', own: 'src/mcp/', imported: /\/mcp\/server\.js$/ },
  { file: 'lazy/yaml.cjs', entry: 'node_modules/yaml/dist/index.js', imported: /^yaml$/ },
];
/** A path of the repository, with forward slashes: the key a shared core module is known by. */
const repoPath = (path) => relative(process.cwd(), path).split(sep).join('/');

/**
 * For a server bundled apart (`part.own` its folder): each import of dmlint's code outside that
 * folder becomes a module that takes the CLI bundle's copy, from the table the CLI bundle hands
 * the server's file when it loads it (see `bundledApart`). Records the modules taken in `part.core`.
 */
const sharedCore = (part) => ({
  name: 'shared-core',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, async (args) => {
      if (args.pluginData?.sharedCore) return undefined;
      const found = await plugin.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { sharedCore: true } });
      const key = found.errors.length === 0 && !found.external ? repoPath(found.path) : '';
      if (!/^(src|rules)\//.test(key) || key.startsWith(part.own)) return undefined;
      part.core.add(key);
      return { path: key, namespace: 'dmlint-core' };
    });
    plugin.onLoad({ filter: /.*/, namespace: 'dmlint-core' }, (args) => ({ contents: `module.exports = __dmlintCore(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
});
/**
 * The server's file is a function of that table. `__dmlintCore` gives a module of it with its
 * names, each read when used (live, as an ES module's). Only names: the file is bundled as Node
 * reads CommonJS from an ES module, where a default import would be the whole module, so ESLint
 * forbids default imports of the core in src/lsp and src/mcp (.eslintrc.cjs).
 */
const takesCore = {
  banner:
    'module.exports = function (core) { var module = { exports: {} }, exports = module.exports; ' +
    'var __dmlintCore = function (key) { var from = core[key], to = {}; ' +
    'Object.keys(from).forEach(function (name) { Object.defineProperty(to, name, { enumerable: true, get: function () { return from[name]; } }); }); return to; };',
  footer: 'return module.exports; };',
};

/**
 * zod (the agent server's SDK validates with it) exports its messages in some fifty languages
 * as `locales`, a third of the server's file; nothing in the SDK or dmlint selects one, and zod
 * itself configures English from its own module. Only that one is bundled.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, loader: 'js', resolveDir: dirname(args.path) }));
  },
};

/** The names an entry module exports (the servers' entries export their own functions, no `export *`). */
async function exportedNames(entry) {
  const { metafile } = await build({ entryPoints: [entry], bundle: false, write: false, format: 'esm', metafile: true, logLevel: 'warning' });
  return Object.values(metafile.outputs)[0].exports;
}

/** Makes a bundle require the parts bundled apart, from its own place (`outfile`'s folder), when first imported. */
const bundledApart = (outfile) => ({
  name: 'bundled-apart',
  setup(plugin) {
    for (const part of APART) {
      // With forward slashes on every system: the committed build is the same wherever it is made.
      const path = `./${relative(dirname(outfile), join('dist', part.file)).split(sep).join('/')}`;
      if (path === `./${basename(outfile)}`) continue;
      plugin.onResolve({ filter: part.imported }, (args) => (args.kind === 'dynamic-import' ? { path, namespace: 'bundled-apart', pluginData: part } : undefined));
    }
    // A module in its place that requires the file at run time: a dynamic import() would need
    // a module loader, which the CLI bundle, run as a script, does not have. A server's file is
    // handed the core modules it takes, as this bundle has them.
    plugin.onLoad({ filter: /.*/, namespace: 'bundled-apart' }, (args) => {
      const part = args.pluginData;
      if (!part.core) return { contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' };
      const core = [...part.core].sort();
      const contents = [
        ...core.map((key, index) => `import * as core${index} from ${JSON.stringify(`./${key}`)};`),
        `const part = require(${JSON.stringify(args.path)})({ ${core.map((key, index) => `${JSON.stringify(key)}: core${index}`).join(', ')} });`,
        ...part.exports.map((name) => `export const ${name} = part.${name};`),
      ].join('\n');
      return { contents, loader: 'js', resolveDir: process.cwd() };
    });
    plugin.onResolve({ filter: /\.cjs$/, namespace: 'bundled-apart' }, (args) => ({ path: args.path, external: true }));
  },
});
const commonJs = (outfile, plugins) => ({
  ...shared,
  format: 'cjs',
  outfile,
  plugins: [...shared.plugins, ...plugins],
  // Bundled ES modules that read import.meta.url (fdir calls createRequire with it) get the bundle's.
  // First, so that it stays the directive: the bundled ES modules were strict code.
  banner: { js: "'use strict'; var __dmlintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...shared.define, 'import.meta.url': '__dmlintImportMetaUrl' },
});

// The parts bundled apart first: the CLI bundle hands the servers the core modules they take.
for (const part of APART) {
  const outfile = join('dist', part.file);
  if (!part.own) {
    // A dependency alone: nothing to patch.
    await build({ ...commonJs(outfile, [bundledApart(outfile)]), plugins: [], entryPoints: [part.entry] });
    continue;
  }
  part.core = new Set();
  part.exports = await exportedNames(part.entry);
  const options = commonJs(outfile, []);
  await build({
    ...options,
    // Without the dependency patches: they are for the parser, which is the core's, not in this file.
    plugins: [sharedCore(part), bundledApart(outfile), englishOnlyZod],
    entryPoints: [part.entry],
    banner: { js: `${options.banner.js} ${takesCore.banner}` },
    footer: { js: takesCore.footer },
  });
}
// The command line: one CommonJS bundle and the small launcher that runs it with V8's code cache.
// It carries the library (`library`: dist/index.js is its ES module face) and the GitHub Action (`runAction`).
await build({
  ...commonJs('dist/cli-bundle.cjs', [bundledApart('dist/cli-bundle.cjs')]),
  stdin: {
    contents: "export * from './src/cli/entry.ts';\nexport * as library from './src/index.ts';\nexport { runAction } from './src/action/main.ts';\n",
    resolveDir: process.cwd(),
    loader: 'ts',
    sourcefile: 'cli-bundle.ts',
  },
});
await asciiOnly('dist/cli-bundle.cjs');
const bundleHash = createHash('sha256').update(readFileSync('dist/cli-bundle.cjs')).digest('hex').slice(0, 16);
// The launcher loads no dependency: nothing to patch. It starts with the Node version check,
// before anything is required, and in syntax old Node parses (`target`), so that an unsupported
// Node gets that one line (src/cli/startup/node-version.ts).
const { unsupportedNode } = await importTypeScript("export { unsupportedNode } from './src/cli/startup/node-version.ts';");
const versionCheck = `'use strict'; var __dmlintTooOld = (${unsupportedNode.toString()})(process.versions.node); if (__dmlintTooOld) { process.stderr.write(__dmlintTooOld + '\\n'); process.exit(2); }`;
await build({
  ...shared,
  plugins: [],
  format: 'cjs',
  target: 'node12',
  // import() stays import(): the launcher hands it to the bundle to load plugins as ES modules.
  supported: { 'dynamic-import': true },
  entryPoints: ['src/cli/startup/launcher.ts'],
  outfile: 'dist/cli.cjs',
  banner: { js: versionCheck },
  define: { __DMLINT_BUNDLE_HASH__: JSON.stringify(bundleHash) },
});
chmodSync('dist/cli.cjs', 0o755);

// The library, `import ... from 'dmlint'`: the CLI bundle's `library` as an ES module, so that the
// package carries the code once. Its names are what the built bundle exports.
const libraryNames = Object.keys(createRequire(import.meta.url)('../dist/cli-bundle.cjs').library).sort();
writeFileSync(
  'dist/index.js',
  [
    "import { createRequire } from 'node:module';",
    "const library = createRequire(import.meta.url)('./cli-bundle.cjs').library;",
    `export const { ${libraryNames.join(', ')} } = library;`,
    '',
  ].join('\n'),
);

// The GitHub Action (action.yml runs dist/action.js from a clone; a runner does not build): the
// CLI bundle's `runAction`, so the committed build holds the code once.
writeFileSync('dist/action.js', "import { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./cli-bundle.cjs').runAction();\n");

// The code cache: the CLI lints the example documents and one failing fixture of each rule (so
// that parsing, every rule and the report are compiled), then writes the code it compiled beside
// the bundle, for this Node. In one thread: a worker's code would not be saved.
// Not for a package (npm pack runs this as "prepack"): the tarball holds no cache, which each
// user's first run builds for their own Node (src/cli/startup/code-cache.ts).
if (process.env.npm_lifecycle_event !== 'prepack') {
  const invalid = readdirSync('fixtures/rules', { withFileTypes: true }).flatMap((entry) => {
    const dir = join('fixtures/rules', entry.name, 'invalid');
    if (!entry.isDirectory() || !existsSync(dir)) return [];
    const first = readdirSync(dir).filter((name) => name.endsWith('.md')).sort()[0];
    return first ? [join(dir, first)] : [];
  });
  const training = spawnSync(process.execPath, ['dist/cli.cjs', '--concurrency', 'off', 'fixtures/examples', ...invalid], {
    env: { ...process.env, DMLINT_BUILD_CODE_CACHE: '1', FORCE_COLOR: '1' },
    encoding: 'utf8',
  });
  if (training.status !== 1 || !readdirSync('dist').some((name) => name.endsWith('.cache'))) {
    throw new Error(`build: the code-cache run did not end as expected (exit code ${training.status}):\n${training.stderr}`);
  }
}

await declarations;
