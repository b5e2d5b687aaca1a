/* ESLint 8 (the last major that reads .eslintrc.cjs) with type-aware typescript-eslint rules. */

/**
 * The layers, lowest first: each folder may import only the folders listed with it (and itself).
 * Data flows one way — markdown ← template ← model ← rule kit ← rules ← engine ← hosts — and an
 * import against the flow fails `npm run lint`. See docs/architecture.md.
 */
const LAYERS = {
  'src/util': [],
  'src/markdown': ['src/util'],
  'src/template': ['src/util', 'src/markdown'],
  'src/model': ['src/util', 'src/markdown', 'src/template'],
  'src/rule-kit': ['src/util', 'src/markdown', 'src/template', 'src/model'],
  // A built-in rule imports the rule kit (which gives it the model's types) and nothing else.
  rules: ['src/rule-kit', 'rules'],
  'src/engine': ['src/util', 'src/markdown', 'src/template', 'src/model', 'src/rule-kit', 'rules'],
  'src/reporters': ['src/util', 'src/engine'],
  // Configuration is handed the rule set: it never imports the registry.
  'src/config': ['src/util', 'src/markdown', 'src/template', 'src/rule-kit', 'src/engine'],
  // What every host shares: workspace and configuration, discovery, reading, cache, pool, fix writing, plugins.
  'src/host': ['src/util', 'src/markdown', 'src/template', 'src/model', 'src/rule-kit', 'rules', 'src/engine', 'src/reporters', 'src/config'],
  // The hosts. The language server and the public API import the host layer, never the command line.
  'src/lsp': ['src/util', 'src/markdown', 'src/template', 'src/model', 'src/rule-kit', 'rules', 'src/engine', 'src/reporters', 'src/config', 'src/host'],
  // The agent server (MCP) imports the host layer too, never the command line or the language server.
  'src/mcp': ['src/util', 'src/markdown', 'src/template', 'src/model', 'src/rule-kit', 'rules', 'src/engine', 'src/reporters', 'src/config', 'src/host'],
  'src/cli': ['src/util', 'src/markdown', 'src/template', 'src/model', 'src/rule-kit', 'rules', 'src/engine', 'src/reporters', 'src/config', 'src/host', 'src/lsp', 'src/mcp'],
  // The GitHub Action is the command line run with the action's inputs.
  'src/action': ['src/util', 'src/engine', 'src/reporters', 'src/host', 'src/cli'],
};
/** Layers that are pure: no file system, processes, threads or network. Only hosts (and configuration discovery) do I/O. */
const PURE = ['src/util', 'src/markdown', 'src/template', 'src/model', 'src/rule-kit', 'rules', 'src/engine', 'src/reporters'];
const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'worker_threads', 'readline', 'tty', 'dgram', 'dns'].flatMap((name) => [name, `node:${name}`]);

const folders = Object.keys(LAYERS);
const layerOverrides = folders.map((folder) => {
  const allowed = new Set([folder, ...LAYERS[folder]]);
  const forbidden = [...folders, 'src/index.ts'].filter((other) => !allowed.has(other));
  // Matched against the import as written: `../host/workspace.js` ends up in src/host from any folder.
  const group = forbidden.flatMap((other) => {
    // The public API (src/index.ts) is the top: nothing inside imports it.
    if (other === 'src/index.ts') return ['**/src/index.js', '../index.js'];
    const name = other.replace(/^src\//, '');
    return [`**/${name}/**`, `**/${name}`];
  });
  const patterns = [{ group, message: `${folder} may import only ${[...LAYERS[folder]].join(', ') || 'itself'} (the layers of docs/architecture.md).` }];
  const paths = PURE.includes(folder) ? IO_MODULES.map((name) => ({ name, message: `${folder} is pure: only hosts (src/host, src/cli, src/lsp, src/mcp) touch the file system, processes and threads.` })) : [];
  return { files: [`${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns, paths }] } };
});

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: {
    project: './tsconfig.json',
    tsconfigRootDir: __dirname,
    sourceType: 'module',
    ecmaVersion: 2022,
  },
  plugins: ['@typescript-eslint'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended-type-checked'],
  env: { node: true, es2022: true },
  reportUnusedDisableDirectives: true,
  rules: {
    eqeqeq: ['error', 'always'],
    'no-console': 'error',
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    '@typescript-eslint/no-floating-promises': 'error',
  },
  overrides: [
    ...layerOverrides,
    {
      files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
      extends: ['plugin:@typescript-eslint/disable-type-checked'],
    },
    {
      files: ['bench/**', 'scripts/**'],
      rules: { 'no-console': 'off' },
    },
    {
      // A server's bundle takes dmlint's code outside its folder from the CLI bundle, by name
      // (sharedCore in scripts/build.mjs); there a default import would be the whole module.
      files: ['src/lsp/**/*.ts', 'src/mcp/**/*.ts'],
      rules: {
        'no-restricted-syntax': [
          'error',
          { selector: 'ImportDeclaration[source.value=/^\\.\\.\\//] > ImportDefaultSpecifier', message: 'Import dmlint code outside this server by name: its bundle takes that code from the CLI bundle (scripts/build.mjs, sharedCore).' },
        ],
      },
    },
  ],
  ignorePatterns: ['dist/', 'node_modules/', 'coverage/', 'fixtures/'],
};
