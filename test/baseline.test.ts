/**
 * The baseline (dmlint-suppressions.json): the engine's counting and filtering, and the whole
 * flow through the command line on a repository of thirty documents with mixed problems.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, formatBaseline, pruneBaseline, readBaseline, recordBaseline, type Baseline } from '../src/engine/baseline.js';
import type { LintMessage, LintResult } from '../src/engine/types.js';
import { REPO, runCli, runMain, scratchDir } from './support/cli.js';

function message(ruleId: string, line: number, severity: 'error' | 'warning' = 'error'): LintMessage {
  return { ruleId, severity, message: `problem at ${line}`, line, column: 1, endLine: line, endColumn: 2 };
}

function result(filePath: string, messages: LintMessage[]): LintResult {
  const errorCount = messages.filter((m) => m.severity === 'error').length;
  return { filePath, messages, errorCount, warningCount: messages.length - errorCount, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: 0, suppressedMessages: [] };
}

describe('the baseline in the engine', () => {
  const doc = result('/repo/a.md', [message('no-placeholder', 3), message('no-placeholder', 9), message('required-section', 12), message('open-questions', 20, 'warning')]);

  it('records errors per file and rule, not warnings, sorted', () => {
    const baseline = recordBaseline({ 'z.md': { 'table-shape': { count: 1 } } }, [{ key: 'a.md', result: doc }], null);
    expect(formatBaseline(baseline)).toBe(
      '{\n  "a.md": {\n    "no-placeholder": {\n      "count": 2\n    },\n    "required-section": {\n      "count": 1\n    }\n  },\n  "z.md": {\n    "table-shape": {\n      "count": 1\n    }\n  }\n}\n',
    );
    expect(recordBaseline({ 'a.md': { 'table-shape': { count: 4 } } }, [{ key: 'a.md', result: doc }], ['required-section'])).toEqual({
      'a.md': { 'required-section': { count: 1 }, 'table-shape': { count: 4 } },
    });
  });

  it('suppresses errors within the counts, and reports every error of a rule that goes beyond its count', () => {
    const within = applyBaseline(doc, { 'no-placeholder': { count: 2 }, 'required-section': { count: 3 } });
    expect(within.result.messages.map((m) => m.ruleId)).toEqual(['open-questions']);
    expect(within.result).toMatchObject({ errorCount: 0, warningCount: 1 });
    expect(within.result.suppressedMessages.map((m) => [m.ruleId, m.line, m.suppressions])).toEqual([
      ['no-placeholder', 3, [{ kind: 'baseline', justification: '' }]],
      ['no-placeholder', 9, [{ kind: 'baseline', justification: '' }]],
      ['required-section', 12, [{ kind: 'baseline', justification: '' }]],
    ]);
    expect([within.suppressed, within.unused]).toEqual([3, 2]);
    // Only the counts change: the rest of the result (here its completeness and fix count) stays.
    const withMore = applyBaseline({ ...doc, completeness: 0.75, fixed: { 'no-placeholder': 1 } }, { 'no-placeholder': { count: 2 } });
    expect(withMore.result).toMatchObject({ completeness: 0.75, fixed: { 'no-placeholder': 1 } });
    const beyond = applyBaseline(doc, { 'no-placeholder': { count: 1 } });
    expect(beyond.result.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['no-placeholder', 3],
      ['no-placeholder', 9],
      ['required-section', 12],
      ['open-questions', 20],
    ]);
    expect(beyond.suppressed).toBe(0);
  });

  it('prunes counts down to what is left and drops files that are gone', () => {
    const baseline: Baseline = { 'a.md': { 'no-placeholder': { count: 5 }, 'table-shape': { count: 1 } }, 'gone.md': { 'no-placeholder': { count: 1 } }, 'kept.md': { 'no-placeholder': { count: 1 } } };
    expect(pruneBaseline(baseline, [{ key: 'a.md', result: doc }], (key) => key === 'gone.md')).toEqual({ 'a.md': { 'no-placeholder': { count: 2 } }, 'kept.md': { 'no-placeholder': { count: 1 } } });
  });

  it('refuses what is not a suppressions file', () => {
    expect(readBaseline({ 'a.md': { 'no-placeholder': { count: 2 } } })).toEqual({ baseline: { 'a.md': { 'no-placeholder': { count: 2 } } } });
    expect(readBaseline([])).toEqual({ problem: 'expected an object of files' });
    expect(readBaseline({ 'a.md': 3 })).toEqual({ problem: '"a.md": expected an object of rules' });
    expect(readBaseline({ 'a.md': { r: { count: 0 } } })).toEqual({ problem: '"a.md" → "r": expected { "count": <a whole number of 1 or more> }' });
    expect(readBaseline({ 'a.md': { r: { count: 1, extra: true } } })).toHaveProperty('problem');
  });
});

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
/** Problems a generated document may carry, each an error of one rule. */
const BREAKS: Array<[string, (text: string) => string]> = [
  ['no-unresolved-choice', (text) => text.replace('**Storage Type**: SQL Database', '**Storage Type**: [SQL Database / NoSQL]')],
  ['required-section', (text) => text.replace(/## Testing Strategy\n[\s\S]*?(?=## Documentation Requirements)/, '')],
  ['no-placeholder', (text) => text.replace('**Rationale**: Overlap checks need an exclusion constraint; PostgreSQL provides one.', '**Rationale**: [Why this storage type based on research and requirements]')],
];

/** Document i of thirty: every third is clean, the others carry some of the problems above (bits of i). */
function generated(i: number): string {
  if (i % 3 === 0) return CLEAN;
  let text = CLEAN;
  for (let b = 0; b < BREAKS.length; b++) if ((i >> b) & 1) text = BREAKS[b]?.[1](text) ?? text;
  return text;
}

interface JsonResult {
  filePath: string;
  errorCount: number;
  messages: Array<{ ruleId: string }>;
  suppressedMessages: Array<{ ruleId: string; suppressions?: Array<{ kind: string }> }>;
}

describe('the baseline through the command line', () => {
  it('adopts dmlint on thirty documents: fails, records, passes, catches a new problem, prunes what was fixed', async () => {
    const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n' };
    for (let i = 0; i < 30; i++) {
      files[`specs/${String(i).padStart(3, '0')}-feature/data-model.md`] = generated(i);
      files[`specs/${String(i).padStart(3, '0')}-feature/spec.md`] = '# Spec\n';
    }
    const repo = scratchDir(files);
    // Run from a subdirectory: the file's paths are still relative to the repository root.
    const cwd = join(repo, 'specs');
    const baselineFile = join(repo, 'dmlint-suppressions.json');
    // Seven runs over thirty files: unchanged files come from the cache, which holds results before the baseline.
    const cache = ['--cache', '--cache-location', join(repo, '.dmlintcache')];
    try {
      const first = await runMain([...cache, '--format', 'json', '.'], { cwd });
      expect(first.code).toBe(1);
      const firstResults = JSON.parse(first.stdout) as JsonResult[];
      expect(firstResults).toHaveLength(30);
      const failing = firstResults.filter((r) => r.errorCount > 0).length;
      expect(failing).toBe(18);

      const record = await runMain([...cache, '--suppress-all', '.'], { cwd });
      expect(record.code).toBe(0);
      const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as Baseline;
      expect(Object.keys(baseline)).toHaveLength(18);
      expect(Object.keys(baseline)).toEqual([...Object.keys(baseline)].sort());
      expect(baseline['specs/001-feature/data-model.md']).toEqual({ 'no-unresolved-choice': { count: 1 } });
      expect(baseline['specs/007-feature/data-model.md']).toEqual({ 'no-placeholder': { count: 1 }, 'no-unresolved-choice': { count: 1 }, 'required-section': { count: 1 } });
      expect(record.stderr).toContain('dmlint: note: wrote ../dmlint-suppressions.json: ');

      const next = await runMain([...cache, '--format', 'json', '.'], { cwd });
      expect(next.code).toBe(0);
      const nextResults = JSON.parse(next.stdout) as JsonResult[];
      expect(nextResults.every((r) => r.errorCount === 0)).toBe(true);
      const suppressedCount = nextResults.reduce((sum, r) => sum + r.suppressedMessages.length, 0);
      expect(next.stderr).toBe(`dmlint: note: ${suppressedCount} errors suppressed by ../dmlint-suppressions.json\n`);
      expect(nextResults.find((r) => r.filePath.endsWith('001-feature/data-model.md'))?.suppressedMessages[0]?.suppressions).toEqual([{ kind: 'baseline', justification: '' }]);

      // A new problem in a file with a baseline fails, and in a clean file too.
      const oneFile = join(repo, 'specs/001-feature/data-model.md');
      // Document 5 has document 1's recorded problem and one more.
      writeFileSync(oneFile, generated(5));
      const cleanFile = join(repo, 'specs/003-feature/data-model.md');
      writeFileSync(cleanFile, generated(4));
      const newProblem = await runMain([...cache, '--format', 'json', '.'], { cwd });
      expect(newProblem.code).toBe(1);
      const failingNow = (JSON.parse(newProblem.stdout) as JsonResult[]).filter((r) => r.errorCount > 0).map((r) => [r.filePath.slice(repo.length + 1), r.messages.map((m) => m.ruleId)]);
      expect(failingNow).toEqual([
        ['specs/001-feature/data-model.md', ['no-placeholder']],
        ['specs/003-feature/data-model.md', ['no-placeholder']],
      ]);

      // Fixing problems and pruning shrinks the file.
      writeFileSync(oneFile, CLEAN);
      writeFileSync(cleanFile, CLEAN);
      writeFileSync(join(repo, 'specs/007-feature/data-model.md'), generated(2));
      rmSync(join(repo, 'specs/002-feature'), { recursive: true });
      const stale = await runMain([...cache, '.'], { cwd });
      expect(stale.code).toBe(0);
      expect(stale.stderr).toContain('recorded in ../dmlint-suppressions.json not found any more; run dmlint --prune-suppressions');
      const before = readFileSync(baselineFile, 'utf8');
      const prune = await runMain([...cache, '--prune-suppressions', '.'], { cwd });
      expect(prune.code).toBe(0);
      const pruned = JSON.parse(readFileSync(baselineFile, 'utf8')) as Baseline;
      expect(readFileSync(baselineFile, 'utf8').length).toBeLessThan(before.length);
      expect(pruned['specs/001-feature/data-model.md']).toBeUndefined();
      expect(pruned['specs/002-feature/data-model.md']).toBeUndefined();
      expect(pruned['specs/007-feature/data-model.md']).toEqual({ 'required-section': { count: 1 } });
      expect(Object.keys(pruned)).toHaveLength(16);
      const after = await runMain([...cache, '.'], { cwd });
      expect(after).toMatchObject({ code: 0 });
      expect(after.stderr).not.toContain('not found any more');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  }, 120_000);

  it('records one rule with --suppress-rule, at a location given with --suppressions-location', async () => {
    const dir = scratchDir({ 'a/data-model.md': generated(7), 'a/spec.md': '# Spec\n' });
    try {
      const run = await runMain(['--suppress-rule', 'required-section', '--suppressions-location', 'baseline.json', '--format', 'compact', 'a'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'))).toEqual({ 'a/data-model.md': { 'required-section': { count: 1 } } });
      expect(run.stdout.split('\n').filter((line) => line.includes('[no-placeholder]') || line.includes('[no-unresolved-choice]'))).toHaveLength(2);
      expect(run.stdout).not.toContain('[required-section]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a corrupt or foreign suppressions file, and on flags that do not go together', () => {
    const dir = scratchDir({ 'data-model.md': generated(1), 'spec.md': '# Spec\n', 'dmlint-suppressions.json': '{ "a": ' });
    try {
      const corrupt = runCli(['data-model.md'], { cwd: dir });
      expect(corrupt.code).toBe(2);
      expect(corrupt.stderr).toMatch(/^dmlint: dmlint-suppressions\.json: not valid JSON \(.+\); fix it, or delete it and run dmlint --suppress-all\n$/);
      mkdirSync(join(dir, 'other'));
      writeFileSync(join(dir, 'other/results.json'), JSON.stringify([{ filePath: 'x', messages: [] }]));
      const foreign = runCli(['--suppressions-location', 'other/results.json', 'data-model.md'], { cwd: dir });
      expect(foreign).toMatchObject({ code: 2, stdout: '', stderr: 'dmlint: other/results.json: not a dmlint suppressions file: expected an object of files\n' });
      expect(runCli(['--suppress-all', '--prune-suppressions'], { cwd: dir })).toMatchObject({ code: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
