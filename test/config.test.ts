/** Configuration end to end: discovery, validation messages, extends, overrides, --rule, --print-config, --init, ignores. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { ConfigLoader } from '../src/config/load.js';
import { buildConfigSchema } from '../src/config/schema.js';
import { REPO, runMain, scratchDir } from './support/cli.js';

/** A complete document whose Spec link points at a spec.md beside it. */
const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const UNCHECKED = CLEAN.replace('- [x] Can bookings repeat weekly? (Not in this feature)', '- [ ] Can bookings repeat weekly?');
const GIT = { '.git/HEAD': 'ref: refs/heads/main\n' };

function doc(dir: string, text = CLEAN): Record<string, string> {
  return { [`${dir}/data-model.md`]: text, [`${dir}/spec.md`]: '# Spec\n' };
}

/** `path severity rule` for each compact line. */
const findings = (stdout: string): string[] =>
  stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/:\d+:\d+: (\w+) .*\[(.*)\]$/, ' $1 $2'));

describe('configuration discovery', () => {
  it('uses the nearest configuration above a document, in any of its formats', async () => {
    const root = scratchDir({
      ...GIT,
      ...doc('specs/a', UNCHECKED),
      ...doc('specs/b', UNCHECKED),
      ...doc('specs/c', UNCHECKED),
      '.dmlintrc.json': '{ "rules": { "open-questions": "error" } } // comments are fine\n',
      'specs/b/.dmlintrc.yaml': 'rules:\n  open-questions: "off"\n',
      'specs/c/package.json': JSON.stringify({ name: 'c', dmlint: { rules: { 'open-questions': 'warn' } } }),
    });
    const run = (await runMain(['--format', 'compact', '.'], { cwd: root }));
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual(['specs/a/data-model.md error open-questions', 'specs/c/data-model.md warning open-questions']);
  });

  it('passes over a package.json without a "dmlint" key and an empty configuration file', async () => {
    const root = scratchDir({
      ...GIT,
      ...doc('specs/a', UNCHECKED),
      ...doc('specs/b', UNCHECKED),
      '.dmlintrc.json': '{ "rules": { "open-questions": "error" } }',
      'specs/a/package.json': JSON.stringify({ name: 'a' }),
      'specs/b/.dmlintrc.json': '  \n',
    });
    expect(findings((await runMain(['--format', 'compact', '.'], { cwd: root })).stdout)).toEqual(['specs/a/data-model.md error open-questions', 'specs/b/data-model.md error open-questions']);
  });

  it('does not look above the repository root', async () => {
    const outside = scratchDir({ '.dmlintrc.json': '{ "rules": { "open-questions": "off" } }', 'project/.git/HEAD': 'ref\n', ...doc('project/specs/a', UNCHECKED) });
    expect(findings((await runMain(['--format', 'compact', '.'], { cwd: join(outside, 'project') })).stdout)).toEqual(['specs/a/data-model.md warning open-questions']);
  });

  it('does not look above the folder a confined host serves (the agent server\'s root)', () => {
    const root = scratchDir({ ...GIT, '.dmlintrc.json': '{}', ...doc('specs/a') });
    expect(new ConfigLoader(builtinRules).find(join(root, 'specs/a'))).toBe(join(root, '.dmlintrc.json'));
    expect(new ConfigLoader(builtinRules, join(root, 'specs')).find(join(root, 'specs/a'))).toBeNull();
    // A repository inside the folder stops the search first, as it does for the command line.
    expect(new ConfigLoader(builtinRules, root).find(join(root, 'specs/a'))).toBe(join(root, '.dmlintrc.json'));
  });

  it('--config replaces discovery and --no-config turns it off', async () => {
    const root = scratchDir({ ...GIT, ...doc('specs/a', UNCHECKED), '.dmlintrc.json': '{ "rules": { "open-questions": "off" } }', 'strict.yml': 'rules:\n  open-questions: error\n' });
    expect((await runMain(['--format', 'compact', '.'], { cwd: root }))).toMatchObject({ code: 0, stdout: '' });
    expect(findings((await runMain(['--format', 'compact', '--config', 'strict.yml', '.'], { cwd: root })).stdout)).toEqual(['specs/a/data-model.md error open-questions']);
    expect(findings((await runMain(['--format', 'compact', '--no-config', '.'], { cwd: root })).stdout)).toEqual(['specs/a/data-model.md warning open-questions']);
  });
});

describe('configuration errors', () => {
  it.each([
    ['.dmlintrc.json', '{\n  "rules": { "open-question": "error" }\n}\n', '.dmlintrc.json:2:14: rules.open-question: unknown rule "open-question"; did you mean "open-questions"? Run "dmlint --list-rules" to see the rules.'],
    ['.dmlintrc.json', '{\n  "rulez": {}\n}\n', '.dmlintrc.json:2:3: unknown key "rulez"; allowed: $schema, extends, template, rules, ignores, plugins, overrides, columns, relatedDocuments'],
    ['.dmlintrc.yaml', 'rules:\n  section-order: warning\n', '.dmlintrc.yaml:2:3: rules.section-order: use "off", "warn" or "error", or ["error", { options }]'],
    ['.dmlintrc.yaml', 'rules:\n  no-placeholder: [error, { allow: "[TBD]" }]\n', '.dmlintrc.yaml:2:29: rules.no-placeholder[1].allow: must be array'],
    ['.dmlintrc.yaml', 'rules:\n  no-placeholder: [error, { alow: [] }]\n', '.dmlintrc.yaml:2:29: rules.no-placeholder[1]: unknown key "alow"; allowed: allow'],
    ['.dmlintrc.json', '{ "rules": { "header-metadata": ["error", { "branchPattern": "(" }] } }', '.dmlintrc.json:1:45: rules.header-metadata[1].branchPattern: not a valid regular expression'],
    ['.dmlintrc.json', '{ "overrides": [{ "rules": {} }] }', '.dmlintrc.json:1:17: overrides[0]: must have required property \'files\''],
    ['.dmlintrc.json', '{ "rules": { ', '.dmlintrc.json:1:14: not valid JSON: CloseBraceExpected'],
    ['package.json', '{ "name": "a",\n  "dmlint": ', 'package.json:2:13: not valid JSON: ValueExpected'],
    ['.dmlintrc.yaml', 'rules: [\n', '.dmlintrc.yaml:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['.dmlintrc.json', '{ "extends": "./missing.json" }', '.dmlintrc.json:1:3: extends: no such file "./missing.json"'],
    ['.dmlintrc.json', '{ "template": "templates/none.md" }', '.dmlintrc.json: template: cannot read templates/none.md: no such file or directory'],
  ])('%s %j exits 2 with the file, the place and what is allowed', async (name, text, message) => {
    const root = scratchDir({ ...GIT, ...doc('specs/a'), [name]: text });
    expect((await runMain(['.'], { cwd: root }))).toMatchObject({ code: 2, stdout: '', stderr: `dmlint: ${message}\n` });
  });

  it('refuses an extends cycle', async () => {
    const root = scratchDir({ ...GIT, ...doc('specs/a'), '.dmlintrc.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./.dmlintrc.json" }' });
    const run = (await runMain(['.'], { cwd: root }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"extends" makes a cycle: .*\.dmlintrc\.json → .*b\.json → .*\.dmlintrc\.json/);
  });
});

describe('configuration layers', () => {
  it('applies extends, then the file, then overrides matching the document, then --rule', async () => {
    const root = scratchDir({
      ...GIT,
      ...doc('specs/new', UNCHECKED),
      ...doc('specs/legacy', UNCHECKED),
      'base.yaml': 'rules:\n  open-questions: error\n',
      '.dmlintrc.json': JSON.stringify({ extends: './base.yaml', overrides: [{ files: ['specs/legacy/**'], rules: { 'open-questions': 'off' } }] }),
    });
    expect(findings((await runMain(['--format', 'compact', '.'], { cwd: root })).stdout)).toEqual(['specs/new/data-model.md error open-questions']);
    const withRule = (await runMain(['--format', 'compact', '--rule', 'open-questions: warn', '.'], { cwd: root }));
    expect(findings(withRule.stdout)).toEqual(['specs/legacy/data-model.md warning open-questions', 'specs/new/data-model.md warning open-questions']);
  });

  it('--rule takes options as JSON and is validated like a file', async () => {
    const root = scratchDir({ ...GIT, ...doc('specs/a', CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]')) });
    expect(findings((await runMain(['--format', 'compact', '.'], { cwd: root })).stdout)).toEqual(['specs/a/data-model.md error no-placeholder']);
    expect((await runMain(['--format', 'compact', '--rule', 'no-placeholder: ["error", {"allow": ["[TBD]"]}]', '.'], { cwd: root }))).toMatchObject({ code: 0, stdout: '' });
    expect((await runMain(['--rule', 'no-placehold: off', '.'], { cwd: root }))).toMatchObject({ code: 2, stderr: 'dmlint: --rule: rules.no-placehold: unknown rule "no-placehold"; did you mean "no-placeholder"? Run "dmlint --list-rules" to see the rules.\n' });
    expect((await runMain(['--rule', 'no-placeholder', '.'], { cwd: root }))).toMatchObject({ code: 2, stderr: 'dmlint: --rule "no-placeholder": write it as "rule-id: off|warn|error". Run "dmlint --help" for usage.\n' });
  });

  it('--print-config shows the effective settings for a file', async () => {
    const root = scratchDir({ ...GIT, ...doc('specs/a'), '.dmlintrc.yaml': 'rules:\n  section-order: "off"\n  attribute-table: [warn, { identifiers: [uuid] }]\n' });
    const run = (await runMain(['--print-config', 'specs/a/data-model.md'], { cwd: root }));
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { configFiles: string[]; template: string; rules: Record<string, unknown>; ignored: boolean };
    expect(printed.configFiles).toEqual([join(root, '.dmlintrc.yaml')]);
    expect(printed.template).toBe('bundled');
    expect(printed.ignored).toBe(false);
    expect(printed.rules['section-order']).toBe('off');
    expect(printed.rules['attribute-table']).toEqual(['warn', { identifiers: ['uuid'] }]);
    expect(printed.rules['no-template-text']).toBe('error');
    expect(Object.keys(printed.rules)).toEqual(builtinRules.map((rule) => rule.id));
  });
});

describe('--init', () => {
  it('writes a documented starter configuration that is valid and lists every rule, once', async () => {
    const root = scratchDir({ ...GIT, ...doc('specs/a') });
    expect((await runMain(['--init'], { cwd: root }))).toMatchObject({ code: 0, stdout: 'Wrote .dmlintrc.jsonc: every rule at its default severity, every key documented.\n' });
    const written = parseJsonc(readFileSync(join(root, '.dmlintrc.jsonc'), 'utf8')) as { rules: Record<string, string> };
    expect(written.rules).toEqual(Object.fromEntries(builtinRules.map((rule) => [rule.id, rule.defaultSeverity === 'warning' ? 'warn' : 'error'])));
    expect((await runMain(['.'], { cwd: root }))).toMatchObject({ code: 0 });
    expect((await runMain(['--init'], { cwd: root }))).toMatchObject({ code: 2, stderr: 'dmlint: .dmlintrc.jsonc already exists; edit it, or remove it to start again\n' });
  });
});

describe('ignoring documents', () => {
  const files = {
    ...GIT,
    ...doc('specs/a', UNCHECKED),
    ...doc('specs/archive/old', UNCHECKED),
    ...doc('specs/generated/x', UNCHECKED),
    ...doc('specs/drafts/y', UNCHECKED),
    '.gitignore': 'specs/generated/\n',
    '.dmlintignore': '# drafts are work in progress\nspecs/drafts/\n',
    '.dmlintrc.json': '{ "ignores": ["specs/archive/**"] }',
  };

  it('skips what .gitignore, .dmlintignore and the configuration ignore when walking a directory', async () => {
    const root = scratchDir(files);
    expect(findings((await runMain(['--format', 'compact', '.'], { cwd: root })).stdout)).toEqual(['specs/a/data-model.md warning open-questions']);
  });

  it('says so when a file named on the command line is ignored, and --no-ignore lints everything', async () => {
    const root = scratchDir(files);
    expect((await runMain(['specs/archive/old/data-model.md'], { cwd: root }))).toMatchObject({
      code: 0,
      stderr: 'dmlint: specs/archive/old/data-model.md: skipped, an ignore setting matches it; use --no-ignore to lint it\n',
    });
    expect(findings((await runMain(['--format', 'compact', '--no-ignore', '.'], { cwd: root })).stdout)).toHaveLength(4);
  });
});

describe('the JSON Schema of configuration files', () => {
  it('is shipped as built from the rules (run "npm run schema" after changing a rule)', () => {
    const shipped = JSON.parse(readFileSync(join(REPO, 'src/config/dmlintrc.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(buildConfigSchema(builtinRules));
  });

  it('is referenced from the README and from the starter configuration', () => {
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain('src/config/dmlintrc.schema.json');
    expect(existsSync(join(REPO, 'src/config/dmlintrc.schema.json'))).toBe(true);
  });
});
