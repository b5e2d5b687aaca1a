/**
 * Spec tests from files: every fixtures/<rule-id>/valid/*.md lints clean with all rules, and every
 * fixtures/<rule-id>/invalid/*.md produces exactly the diagnostics in the .expected file beside it
 * (compact format, path relative to the fixture's directory). Adding a case means adding files.
 *
 * To write the .expected files of new cases: DMLINT_UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts
 * — then read every changed file before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { nodeHost } from '../src/host/node-host.js';
import { lintText } from '../src/engine/lint-text.js';
import { compact } from '../src/reporters/compact.js';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const UPDATE = process.env.DMLINT_UPDATE_FIXTURES === '1';
/** Fixture directories that hold something other than one rule's cases. */
const NOT_RULES = ['examples', 'templates', 'sarif'];

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'spec.md')
    .sort()
    .map((name) => join(dir, name));
}

function lintFixture(file: string): string {
  const result = lintText(readFileSync(file, 'utf8'), { filePath: file, host: nodeHost });
  return compact([result], { cwd: dirname(file), chalk: new Chalk({ level: 0 }), rules: [] });
}

const ruleIds = builtinRules.map((rule) => rule.id);

describe('fixture layout', () => {
  it('has a fixture directory for every rule and no directory without a rule', () => {
    const dirs = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !NOT_RULES.includes(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect(dirs).toEqual([...ruleIds].sort());
  });
});

for (const ruleId of ruleIds) {
  describe(ruleId, () => {
    const valid = markdownFiles(join(FIXTURES, ruleId, 'valid'));
    const invalid = markdownFiles(join(FIXTURES, ruleId, 'invalid'));

    it('has valid cases and at least three invalid cases', () => {
      expect(valid.length).toBeGreaterThan(0);
      expect(invalid.length).toBeGreaterThanOrEqual(3);
    });

    for (const file of valid) {
      it(`valid/${basename(file)} has no problems`, () => {
        expect(lintFixture(file)).toBe('');
      });
    }

    for (const file of invalid) {
      it(`invalid/${basename(file)} reports exactly what ${basename(file, '.md')}.expected says`, () => {
        const actual = lintFixture(file);
        const expectedFile = file.replace(/\.md$/, '.expected');
        if (UPDATE) writeFileSync(expectedFile, actual);
        expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
        // An invalid case exists to show its own rule firing.
        expect(actual).toContain(`[${ruleId}]`);
      });
    }
  });
}

describe('complete example documents', () => {
  const examples = readdirSync(join(FIXTURES, 'examples')).map((name) => join(FIXTURES, 'examples', name, 'data-model.md'));

  it('exist in several domains', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of examples) {
    it(`${basename(dirname(file))} lints clean`, () => {
      expect(lintFixture(file)).toBe('');
    });
  }
});
