/**
 * Custom rules: the worked example in docs/custom-rules.md is loaded from the page itself and run
 * as a plugin, through the real CLI; plugin rules that crash, that are malformed, or that clash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, scratchDir } from './support/cli.js';
import { pageBlock, withOwner } from './support/custom-rules-page.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');

/**
 * A repository with the given files and no dmlint installed: a plugin needs nothing from dmlint
 * at run time (the package's own e2e test runs it from pre-commit, npx and a global install).
 */
function project(files: Record<string, string>): string {
  return scratchDir({ '.git/HEAD': 'ref\n', 'specs/020-refunds/spec.md': '# Spec\n', 'package.json': '{ "type": "module" }\n', ...files });
}

const plugin = (rule: string): string => `export default ${rule};\n`;

describe('the worked example of docs/custom-rules.md', () => {
  const files = { 'dmlint-rules/owner-field.js': pageBlock('js plugin'), '.dmlintrc.jsonc': pageBlock('jsonc config') };

  it('reports what the page says it reports', () => {
    const run = runCli(['--format', 'compact', '.'], { cwd: project({ ...files, 'specs/020-refunds/data-model.md': withOwner('Payment team') }) });
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(run.stdout).toBe(`${pageBlock('text output')}\n`);
  });

  it('passes a document owned by a known team, and reports one that names no owner', () => {
    expect(runCli(['--format', 'compact', '.'], { cwd: project({ ...files, 'specs/020-refunds/data-model.md': withOwner('Payments team') }) })).toMatchObject({ code: 0, stdout: '' });
    expect(runCli(['--format', 'compact', '.'], { cwd: project({ ...files, 'specs/020-refunds/data-model.md': CLEAN }) }).stdout).toBe(
      'specs/020-refunds/data-model.md:1:1: error The header has no **Owner**: field: add one that names the owning team [team/owner-field]\n',
    );
  });

  it('offers the known teams as suggestions in the JSON output', () => {
    const run = runCli(['--format', 'json', '.'], { cwd: project({ ...files, 'specs/020-refunds/data-model.md': withOwner('Payment team') }) });
    const [entry] = JSON.parse(run.stdout) as Array<{ messages: Array<{ suggestions?: Array<{ fix: { text: string } }> }> }>;
    expect(entry?.messages[0]?.suggestions?.map((suggestion) => suggestion.fix.text)).toEqual(['Payments team', 'Identity team']);
  });

  it('is validated like a built-in rule: a bad option stops the run', () => {
    const run = runCli(['.'], {
      cwd: project({ 'dmlint-rules/owner-field.js': pageBlock('js plugin'), '.dmlintrc.json': '{ "plugins": ["./dmlint-rules/owner-field.js"], "rules": { "team/owner-field": ["error", { "team": [] }] } }', 'specs/020-refunds/data-model.md': CLEAN }),
    });
    expect(run).toMatchObject({ code: 2, stderr: 'dmlint: .dmlintrc.json:1:92: rules.team/owner-field[1]: unknown key "team"; allowed: teams\n' });
  });

  it('is not loaded with --no-plugins', () => {
    expect(runCli(['--format', 'compact', '--no-plugins', '.'], { cwd: project({ ...files, 'specs/020-refunds/data-model.md': CLEAN }) })).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('the kit example of docs/custom-rules.md', () => {
  it('gets the rule kit from the dmlint that loads it', () => {
    const checkout = readFileSync(join(REPO, 'fixtures/examples/checkout-orders/data-model.md'), 'utf8');
    const dir = project({ 'dmlint-rules/few-entities.js': pageBlock('js kit-plugin'), '.dmlintrc.json': '{ "plugins": ["./dmlint-rules/few-entities.js"] }', 'specs/020-refunds/data-model.md': checkout });
    expect(runCli(['--format', 'compact', 'specs'], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: 'specs/020-refunds/data-model.md:161:13: warning Entity "OrderItem" is one more than three: split the model [team/few-entities]\n',
    });
  });
});

describe('module formats', () => {
  const rule = "[{ id: 'team/always', description: 'Always reports', defaultSeverity: 'warning', check({ doc, report }) { report({ range: doc.range(0, 0), message: 'Reported' }); } }]";
  const reported = 'specs/020-refunds/data-model.md:1:1: warning Reported [team/always]\n';

  it('loads a CommonJS plugin and an .mjs plugin from a package that does not say "type": "module"', () => {
    for (const [name, source] of [
      ['rule.cjs', `module.exports = ${rule};\n`],
      ['rule.js', `module.exports = ${rule};\n`],
      ['rule.mjs', `export default ${rule};\n`],
    ]) {
      const dir = project({ 'package.json': '{ "name": "specs" }\n', [name!]: source!, '.dmlintrc.json': JSON.stringify({ plugins: [`./${name}`] }), 'specs/020-refunds/data-model.md': CLEAN });
      expect(runCli(['--format', 'compact', 'specs'], { cwd: dir }), name).toMatchObject({ code: 0, stdout: reported });
    }
  });

  it('says what to change when an ES module .js plugin is in a CommonJS package, with line breaks as line breaks', () => {
    const dir = project({ 'package.json': '{ "type": "commonjs" }\n', 'rule.js': `export default ${rule};\n`, '.dmlintrc.json': '{ "plugins": ["./rule.js"] }', 'specs/020-refunds/data-model.md': CLEAN });
    const run = runCli(['specs'], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    // Node may print a warning of its own first.
    expect(lines.find((line) => line.startsWith('dmlint: '))).toMatch(/^dmlint: \.dmlintrc\.json: plugin "\.\/rule\.js": failed to load: /);
    expect(lines.at(-1)).toBe(`Node read ${join(dir, 'rule.js')} as CommonJS. If it is an ES module (import/export), add "type": "module" to ${join(dir, 'package.json')}, or rename it to .mjs.`);
    expect(run.stderr).not.toContain('\\u000a');
  });
});

describe('--list-rules', () => {
  it('lists the configuration\'s plugin rules with the plugin each comes from', () => {
    const dir = project({ 'dmlint-rules/owner-field.js': pageBlock('js plugin'), '.dmlintrc.jsonc': pageBlock('jsonc config') });
    const run = runCli(['--list-rules'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^team\/owner-field +error +The header names the owning team in an \*\*Owner\*\*: field \(plugin "\.\/dmlint-rules\/owner-field\.js"\)$/);
    expect(lines.filter((line) => line.includes('(plugin '))).toHaveLength(1);
    expect(runCli(['--list-rules', '--no-plugins'], { cwd: dir }).stdout).not.toContain('team/owner-field');
  });
});

describe('plugin failures', () => {
  const config = (name: string): string => JSON.stringify({ plugins: [`./${name}`] });

  it('a rule that throws becomes one internal-error message; the other rules still run; exit code 2', () => {
    const dir = project({
      'crash.js': plugin("{ id: 'team/crash', description: 'Crashes', rationale: '', defaultSeverity: 'error', check() { throw new Error('no owner table'); } }"),
      '.dmlintrc.json': config('crash.js'),
      'specs/020-refunds/data-model.md': CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]'),
    });
    const run = runCli(['--format', 'compact', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      [
        'specs/020-refunds/data-model.md:1:1: error Rule "team/crash" crashed: no owner table. Please report this with the document that caused it. [internal-error]',
        'specs/020-refunds/data-model.md:121:19: error Unfilled placeholder "[TBD]" in field "Storage Type": write the actual value in its place [no-placeholder]',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['a module that does not load', 'broken.js', 'export default {', /^dmlint: \.dmlintrc\.json: plugin "\.\/broken\.js": failed to load: .+\n$/],
    ['a rule without check', 'nocheck.js', plugin("{ id: 'team/x', description: 'x', defaultSeverity: 'error' }"), /^dmlint: \.dmlintrc\.json: plugin "\.\/nocheck\.js": rule "team\/x" has no check function\n$/],
    ['a rule named like a built-in one', 'clash.js', plugin("{ id: 'no-placeholder', description: 'x', defaultSeverity: 'error', check() {} }"), /^dmlint: \.dmlintrc\.json: plugin rule "no-placeholder" has the id of another rule; give it a prefix such as "team\/no-placeholder"\n$/],
  ])('%s stops the run with exit code 2', (_what, name, source, message) => {
    const run = runCli(['.'], { cwd: project({ [name]: source, '.dmlintrc.json': config(name), 'specs/020-refunds/data-model.md': CLEAN }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
