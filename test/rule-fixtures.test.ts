/**
 * Spec tests from files (test/support/rule-cases.ts): every valid case of a rule gives no message
 * with only that rule on, and every invalid case gives exactly what its .expected file says. Adding
 * a case means adding files. The complete example documents lint clean with every rule, and so
 * do the corpus's documents (fixtures/corpus: written in the styles real teams use, in many
 * languages); its invalid documents give exactly what their .expected files say.
 *
 * To write the .expected files of new cases: DMLINT_UPDATE_FIXTURES=1 npx vitest run test/rule-fixtures.test.ts
 * — then read every changed file before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintText } from '../src/engine/lint-text.js';
import type { LintMessage } from '../src/engine/types.js';
import { nodeHost } from '../src/host/node-host.js';
import { DEFAULT_CONTRACT_GLOBS } from '../src/model/related/index.js';
import { compact } from '../src/reporters/compact.js';
import { REPO } from './support/cli.js';
import { describeMessages, lintCase, RULE_FIXTURES, ruleCases } from './support/rule-cases.js';

const UPDATE = process.env.DMLINT_UPDATE_FIXTURES === '1';
/** "Typically 10–60 lines": a case shows one thing. */
const MAX_CASE_LINES = 80;

describe('fixture layout', () => {
  it('has a fixture directory for every rule and no directory without a rule', () => {
    const dirs = readdirSync(RULE_FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(dirs).toEqual(builtinRules.map((rule) => rule.id).sort());
  });
});

for (const rule of builtinRules) {
  describe(rule.id, () => {
    const valid = ruleCases(rule, 'valid');
    const invalid = ruleCases(rule, 'invalid');
    const reported: LintMessage[] = [];

    it('has valid cases and at least three invalid cases, each a small document', () => {
      expect(valid.length).toBeGreaterThan(0);
      expect(invalid.length).toBeGreaterThanOrEqual(3);
      for (const ruleCase of [...valid, ...invalid]) expect(ruleCase.text.split('\n').length, `${ruleCase.kind}/${ruleCase.name}`).toBeLessThanOrEqual(MAX_CASE_LINES);
    });

    for (const ruleCase of valid) {
      it(`valid/${ruleCase.name} has no problems`, () => {
        expect(describeMessages(ruleCase.text, lintCase(ruleCase))).toBe('');
      });
    }

    for (const ruleCase of invalid) {
      it(`invalid/${ruleCase.name} reports exactly what ${ruleCase.name}.expected says`, () => {
        const messages = lintCase(ruleCase);
        reported.push(...messages);
        const actual = describeMessages(ruleCase.text, messages);
        const expectedFile = ruleCase.file.replace(/\.md$/, '.expected');
        if (UPDATE) writeFileSync(expectedFile, actual);
        expect(actual).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '(no .expected file)');
        // An invalid case exists to show its own rule firing.
        expect(messages.length).toBeGreaterThan(0);
      });
    }

    // As ESLint and markdownlint do: the metadata says what the rule gives, and the cases show it.
    it('declares fixable and hasSuggestions exactly when its cases give fixes and suggestions', () => {
      expect({ fixable: rule.fixable === true, hasSuggestions: rule.hasSuggestions === true }).toEqual({
        fixable: reported.some((message) => message.fix !== undefined),
        hasSuggestions: reported.some((message) => (message.suggestions ?? []).length > 0),
      });
    });
  });
}

describe('complete example documents', () => {
  const examples = readdirSync(join(REPO, 'fixtures', 'examples')).map((name) => join(REPO, 'fixtures', 'examples', name, 'data-model.md'));

  it('exist in several domains, as feature folders with a spec, and with API contracts in several', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const file of examples) expect(existsSync(join(dirname(file), 'spec.md')), file).toBe(true);
    expect(examples.filter((file) => existsSync(join(dirname(file), 'contracts'))).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of examples) {
    it(`${basename(dirname(file))} lints clean with every rule, its spec and its contracts`, () => {
      const result = lintText(readFileSync(file, 'utf8'), { filePath: file, host: nodeHost, related: { enabled: true, contracts: [...DEFAULT_CONTRACT_GLOBS] } });
      expect(compact([result], { cwd: dirname(file), chalk: new Chalk({ level: 0 }), rules: [] })).toBe('');
    });
  }
});

describe('real-world style corpus', () => {
  const corpus = join(REPO, 'fixtures', 'corpus');
  const documentsIn = (dir: string): string[] =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.md') && name !== 'spec.md')
      .map((name) => join(dir, name));
  const valid = documentsIn(corpus);
  const invalid = documentsIn(join(corpus, 'invalid'));

  it('holds at least fifteen complete documents', () => {
    expect(valid.length + invalid.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of valid) {
    it(`${basename(file)} lints clean with every rule`, () => {
      const result = lintText(readFileSync(file, 'utf8'), { filePath: file, host: nodeHost });
      expect(describeMessages(readFileSync(file, 'utf8'), result.messages)).toBe('');
    });
  }

  for (const file of invalid) {
    it(`invalid/${basename(file)} reports exactly what its .expected file says, with every rule`, () => {
      const text = readFileSync(file, 'utf8');
      const actual = describeMessages(text, lintText(text, { filePath: file, host: nodeHost }).messages);
      const expectedFile = file.replace(/\.md$/, '.expected');
      if (UPDATE) writeFileSync(expectedFile, actual);
      expect(actual).not.toBe('');
      expect(actual).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '(no .expected file)');
    });
  }
});
