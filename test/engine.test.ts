/** The engine, the reporters and the public API, through their contracts. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { exitCode } from '../src/cli/main.js';
import { defineRule, lintFiles, lintText, type LintResult } from '../src/index.js';
import { compact } from '../src/reporters/compact.js';
import { json } from '../src/reporters/json.js';
import { stylish } from '../src/reporters/stylish.js';
import { enableTiming, resetTiming, setClock, timed, timingReport } from '../src/util/timing.js';
import { scratchDir } from './support/cli.js';

const everyHeading = defineRule({
  id: 'every-heading',
  description: 'Reports each heading',
  rationale: 'For tests.',
  defaultSeverity: 'warning',
  check({ doc, report }) {
    for (const section of doc.structure.sections) report({ range: section.titleRange, message: `heading ${section.title}` });
  },
});

const crashing = defineRule({
  id: 'crashing',
  description: 'Throws',
  rationale: 'For tests.',
  defaultSeverity: 'error',
  check() {
    throw new Error('boom');
  },
});

const fixing = defineRule({
  id: 'fixing',
  description: 'Offers a fix',
  rationale: 'For tests.',
  defaultSeverity: 'error',
  check({ doc, report }) {
    report({ range: doc.range(0, 1), message: 'first character', fix: { range: [0, 1], text: 'X' } });
  },
});

describe('engine', () => {
  it('turns a rule that throws into one internal-error message and keeps running the others', () => {
    const result = lintText('# B\n\n# A\n', { ruleSet: [crashing, everyHeading] });
    expect(result.messages.map((message) => [message.ruleId, message.severity, message.line, message.message])).toEqual([
      ['internal-error', 'error', 1, 'Rule "crashing" crashed: boom. Please report this with the document that caused it.'],
      ['every-heading', 'warning', 1, 'heading B'],
      ['every-heading', 'warning', 3, 'heading A'],
    ]);
    expect(result).toMatchObject({ errorCount: 1, warningCount: 2, fatalErrorCount: 1 });
    expect(exitCode([result], [])).toBe(2);
  });

  it('applies configured severities and turns rules off', () => {
    expect(lintText('# A\n', { ruleSet: [everyHeading], rules: { severities: { 'every-heading': 'error' } } }).messages[0]?.severity).toBe('error');
    expect(lintText('# A\n', { ruleSet: [everyHeading], rules: { severities: { 'every-heading': 'off' } } }).messages).toEqual([]);
  });

  it('counts fixable problems and keeps the fix', () => {
    const result = lintText('abc\n', { ruleSet: [fixing] });
    expect(result).toMatchObject({ errorCount: 1, fixableErrorCount: 1 });
    expect(result.messages[0]?.fix).toEqual({ range: [0, 1], text: 'X' });
  });

  it('decides exit codes: 0 clean or warnings only, 1 errors, 2 path problems', () => {
    const warningsOnly = lintText('# A\n', { ruleSet: [everyHeading] });
    const errors = lintText('abc\n', { ruleSet: [fixing] });
    expect(exitCode([warningsOnly], [])).toBe(0);
    expect(exitCode([warningsOnly, errors], [])).toBe(1);
    expect(exitCode([warningsOnly], [{ path: 'x.md', message: 'no such file or directory' }])).toBe(2);
  });
});

describe('reporters', () => {
  const plain = { cwd: '/repo', chalk: new Chalk({ level: 0 }), rules: [] };
  const hostile: LintResult = {
    filePath: '/repo/specs/a/data-model.md',
    messages: [{ ruleId: 'no-placeholder', severity: 'error', message: 'Unfilled "\u001b[2J[x]\r\n::error::"', line: 2, column: 3, endLine: 2, endColumn: 6 }],
    errorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 0,
    suppressedMessages: [],
  };

  it('show control characters from documents as escapes in terminal formats', () => {
    expect(compact([hostile], plain)).toBe('specs/a/data-model.md:2:3: error Unfilled "\\u001b[2J[x]\\u000d\\u000a::error::" [no-placeholder]\n');
    const shown = stylish([hostile], plain);
    expect(shown).not.toContain('\u001b');
    expect(shown).not.toContain('\r');
  });

  it('json keeps the message exactly and parses back', () => {
    const [entry] = JSON.parse(json([hostile], plain)) as Array<{ messages: Array<{ message: string; severity: number }> }>;
    expect(entry?.messages[0]).toMatchObject({ message: 'Unfilled "\u001b[2J[x]\r\n::error::"', severity: 2 });
  });

  it('compact prints nothing when there is nothing to say', () => {
    expect(compact([{ ...hostile, messages: [], errorCount: 0 }], plain)).toBe('');
  });

  it('stylish summarises with singular and plural right', () => {
    expect(stylish([{ ...hostile, messages: [], errorCount: 0 }], plain)).toBe('✔ No problems in 1 file\n');
    expect(stylish([hostile], plain).trimEnd().split('\n').pop()).toBe('✖ 1 problem (1 error, 0 warnings) in 1 file of 1 file');
  });
});

describe('lintFiles', () => {
  it('lints what it finds and returns path problems separately', async () => {
    const dir = scratchDir({ 'specs/a/data-model.md': '# Data Model: [FEATURE]\n' });
    const { results, problems } = await lintFiles(['specs', 'missing.md'], { cwd: dir });
    expect(results.map((result) => result.filePath)).toEqual([`${dir}/specs/a/data-model.md`]);
    expect(results[0]?.messages.some((message) => message.ruleId === 'no-placeholder')).toBe(true);
    expect(problems).toEqual([{ path: 'missing.md', message: 'no such file or directory' }]);
  });

  it('is exported from the package entry with the version', async () => {
    const api = await import('../src/index.js');
    expect(Object.keys(api).sort()).toEqual([
      'BUNDLED_TEMPLATE',
      'ChunkCache',
      'ConfigError',
      'DEFAULT_CONTRACT_GLOBS',
      'DataModelDocument',
      'INVERSE',
      'NameIndex',
      'REFERENTIAL_ACTIONS',
      'RELATIONSHIP_TYPES',
      'VALUE_TYPES',
      'VERSION',
      'buildTemplateSchema',
      'builtinRules',
      'bundledSchema',
      'defineRule',
      'didYouMean',
      'entityHint',
      'enumValues',
      'fileLine',
      'fixText',
      'headingLabel',
      'isEmptySection',
      'isIsoDate',
      'isIsoDateTime',
      'isRelationshipType',
      'lintFiles',
      'lintText',
      'nameKey',
      'namesWithLines',
      'normalizeTitle',
      'placeLabel',
      'plural',
      'quote',
      'quoteHeading',
      'referentialAction',
      'relatedAt',
      'relationshipTypeOf',
      'renameTo',
      'stripNote',
      'templateHeading',
      'valueTypeOf',
      'within',
    ]);
  });
});

describe('phase timing (DMLINT_TIMING)', () => {
  it('gives each phase its own time, without the phases timed inside it', () => {
    // A clock the test moves: 10 ms in the outer phase, 100 ms in the inner one.
    let clock = 0;
    setClock(() => clock);
    try {
      enableTiming();
      timed('outer-phase', () => {
        clock += 10;
        timed('inner-phase', () => {
          clock += 100;
        });
      });
      const report = timingReport();
      // Inclusive, the outer phase would be 110 ms.
      expect([report['outer-phase'], report['inner-phase']]).toEqual([10, 100]);
    } finally {
      setClock(() => performance.now());
      resetTiming();
    }
  });
});
