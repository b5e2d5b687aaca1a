/**
 * The package as a user gets it: packed by npm, installed from the tarball into an empty prefix
 * and into a TypeScript project, run on each supported Node, and running the documented plugin
 * where dmlint is not installed in the project (a global install, npx).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { privateCacheDir } from '../../src/cli/startup/code-cache.js';
import { REPO, scratchDir } from '../support/cli.js';
import { ownerFieldProject } from '../support/custom-rules-page.js';
import { nodeBinary, SUPPORTED_MAJORS } from '../support/node-versions.js';

/** npm without colours or questions; `--prefer-offline`: what the cache already holds is not asked for again. */
const npm = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

interface Packed {
  filename: string;
  size: number;
  files: Array<{ path: string }>;
}

let tarball = '';
let packed: Packed;
/** The global prefix dmlint is installed into, and the installed package. */
let prefix = '';
let installed = '';

beforeAll(() => {
  // The global setup built dist/ as `npm pack` would (prepack): pack that, without building again.
  const packDir = scratchDir({});
  [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], REPO)) as [Packed];
  tarball = join(packDir, packed.filename);
  prefix = scratchDir({});
  npm(['install', '--global', '--prefix', prefix, tarball], prefix);
  installed = join(prefix, 'lib', 'node_modules', 'dmlint');
}, 300_000);

/** Runs the installed `dmlint` command with the given Node first on the PATH, as its shebang finds it. */
function dmlint(node: string, args: string[], cwd: string): ReturnType<typeof spawnSync> {
  return spawnSync(join(prefix, 'bin', 'dmlint'), args, { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` } });
}

describe('the packed package', () => {
  it('holds the built program and its declarations; no code cache, Action bundle or build at install', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'dist/cli.cjs', 'dist/cli-bundle.cjs', 'dist/index.js', 'dist/types/src/index.d.ts', 'src/template/data-model-template.md']));
    expect(paths.filter((path) => path.endsWith('.cache') || path === 'dist/action.js' || path.startsWith('src/') && !path.endsWith('.md') && !path.endsWith('.json'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string>; types: string };
    expect(Object.keys(manifest.scripts ?? {}).filter((script) => /^(pre|post)?(install|prepare)$/.test(script))).toEqual([]);
    expect(paths).toContain(manifest.types.replace(/^\.\//, ''));
    // At most 700 KB (issue 19): the servers' files take dmlint's core from the CLI bundle and the
    // library is the same bundle's ES module face, so the code is in the package once (542 KB).
    expect(packed.size).toBeLessThanOrEqual(700_000);
  });

  it('installs into an empty prefix with only its type package besides', () => {
    const listed = npm(['ls', '--global', '--prefix', prefix, '--all', '--parseable'], prefix)
      .trim()
      .split('\n')
      .map((path) => relative(join(prefix, 'lib', 'node_modules'), path));
    expect(listed.filter((path) => !path.startsWith('..')).sort()).toEqual(['dmlint', 'dmlint/node_modules/@types/mdast', 'dmlint/node_modules/@types/unist']);
  });

  it.each(SUPPORTED_MAJORS)('runs on Node %i: the bundled template fails, an example passes', (major) => {
    const node = nodeBinary(major);
    const dir = scratchDir({});
    cpSync(join(REPO, 'fixtures/examples/checkout-orders'), join(dir, 'specs/001-checkout'), { recursive: true });
    const template = dmlint(node, ['--format', 'compact', join(installed, 'src/template/data-model-template.md')], dir);
    expect(template.status, String(template.stderr)).toBe(1);
    expect(String(template.stdout)).toContain('error Unfilled placeholder');
    expect(dmlint(node, ['specs'], dir)).toMatchObject({ status: 0, stdout: '✔ No problems in 1 file\n', stderr: '' });
    // The package holds no code cache: the first run that linted built one for this Node, in the user's own directory.
    const v8 = execFileSync(node, ['-p', 'process.versions.v8'], { encoding: 'utf8' }).trim();
    expect(readdirSync(privateCacheDir(tmpdir())).filter((name) => name.includes(`-${v8}-`) && name.endsWith('.cache'))).toHaveLength(1);
  }, 300_000);

  // Debian 12 ships Node 18 and Ubuntu 22.04 Node 12; the pre-commit hook runs whichever is on the PATH.
  it.each([12, 18])('refuses Node %i in one line, exit code 2', (major) => {
    const run = dmlint(nodeBinary(major), ['specs'], scratchDir({}));
    expect(run.status).toBe(2);
    expect(String(run.stdout)).toBe('');
    expect(String(run.stderr)).toMatch(new RegExp(`^dmlint: needs Node 20\\.19 or later, 22\\.13 or later, or 24; this is Node ${major}\\.\\d+\\.\\d+\\n$`));
  }, 300_000);
});

describe('a TypeScript project that installs the tarball', () => {
  let project = '';
  const tsc = (dir: string): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
  /** The project compiled once (into out/), for the tests below. */
  let compiled: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    const typesNode = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['@types/node'];
    project = scratchDir({
      'package.json': '{ "name": "consumer", "private": true, "type": "module" }\n',
      // Strict, and the declarations checked too: what a careful project compiles with.
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false, outDir: 'out', types: ['node'] }, include: ['src'] }),
      'src/main.ts': [
        "import { defineRule, lintText, type LintResult, type Rule } from 'dmlint';",
        "const rule: Rule = defineRule({ id: 'team/title', description: 'Has a title', rationale: 'A document needs a title.', defaultSeverity: 'error', check({ doc, report }) { if (!doc.title) report({ range: doc.range(0, 0), message: 'No title' }); } });",
        "const result: LintResult = lintText('no heading\\n', { filePath: 'specs/001-x/data-model.md', ruleSet: [rule], rules: { severities: {}, options: {} } });",
        "console.log(result.messages.map((message) => `${message.ruleId}: ${message.message}`).join('\\n'));",
        '',
      ].join('\n'),
      // A wrong call must be an error, or the directive is unused (TS2578): declarations that resolved to `any` would accept it.
      'src/wrong-call.ts': "import { lintText } from 'dmlint';\n// @ts-expect-error: a number is not a document\nexport const wrong = (): unknown => lintText(42);\n",
    });
    npm(['install', tarball, `@types/node@${typesNode}`], project);
    compiled = tsc(project);
  }, 300_000);

  it('type-checks `import { lintText, defineRule } from "dmlint"`, and the types are not `any`', () => {
    expect(compiled).toMatchObject({ status: 0, stdout: '' });
  });

  it.each(SUPPORTED_MAJORS)('runs the compiled program with the library on Node %i', (major) => {
    expect(compiled.status).toBe(0);
    const run = spawnSync(nodeBinary(major), [join(project, 'out/main.js')], { cwd: project, encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(String(run.stdout).split('\n')).toContain('team/title: No title');
  }, 300_000);
});

describe('the documented plugin, with dmlint not installed in the project', () => {
  const { files, compactOutput } = ownerFieldProject();

  it('runs from a global install', () => {
    expect(dmlint(process.execPath, ['--format', 'compact', '.'], scratchDir(files))).toMatchObject({ status: 1, stdout: compactOutput });
  });

  it('runs through npx against the tarball', () => {
    // npx installs into its cache: a cache of the test's own, removed with it.
    const run = spawnSync('npx', ['--yes', '--package', tarball, 'dmlint', '--format', 'compact', '.'], {
      cwd: scratchDir(files),
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: scratchDir({}), npm_config_update_notifier: 'false' },
    });
    expect(run).toMatchObject({ status: 1, stdout: compactOutput });
  }, 300_000);
});
