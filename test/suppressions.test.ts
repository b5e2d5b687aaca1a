/** Inline `dmlint-disable` comments: each form, reasons, unknown ids, unused directives. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../src/markdown/source.js';
import { applyDirectives, type Directive } from '../src/engine/directives.js';
import type { LintMessage } from '../src/engine/types.js';
import { lintText } from '../src/engine/lint-text.js';
import { REPO } from './support/cli.js';

/** A complete document (its Spec link is not looked up: no file path is given). */
const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const DATE_LINE = '**Branch**: `007-room-booking` | **Date**: 2026-05-04 | **Spec**: [spec.md](./spec.md)  ';

function withLines(...pairs: Array<[string, string]>): string {
  let text = CLEAN;
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`not in the document: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

const summary = (text: string, reportUnusedDisables = false): string[] =>
  lintText(text, { reportUnusedDisables }).messages.map((message) => `${message.line}:${message.column} ${message.severity} ${message.ruleId}: ${message.message}`);

const placeholders = withLines([DATE_LINE, DATE_LINE.replace('2026-05-04', '[DATE]')], ['**Storage Type**: SQL Database', '**Storage Type**: [TBD]']);

describe('inline suppressions', () => {
  it('without a directive, both placeholders are reported', () => {
    expect(summary(placeholders).map((line) => line.split(':')[0])).toEqual(['3', '121']);
  });

  it('disable-next-line skips blank lines and applies to the next line with content', () => {
    const text = placeholders.replace('**Storage Type**: [TBD]', '<!-- dmlint-disable-next-line no-placeholder -- decided at release -->\n\n**Storage Type**: [TBD]');
    const result = lintText(text);
    expect(result.messages.map((message) => message.line)).toEqual([3]);
    expect(result.suppressedMessages.map((message) => [message.line, message.ruleId, message.suppressions])).toEqual([[123, 'no-placeholder', [{ kind: 'directive', justification: 'decided at release' }]]]);
  });

  it('disable … enable covers the lines between, for the rules named', () => {
    const text = placeholders.replace('## Storage Strategy', '<!-- dmlint-disable no-placeholder -->\n\n## Storage Strategy').replace('## Data Validation', '<!-- dmlint-enable no-placeholder -->\n\n## Data Validation');
    expect(summary(text).map((line) => line.split(':')[0])).toEqual(['3']);
  });

  it('disable-file with no rule ids silences every rule', () => {
    expect(summary(`<!-- dmlint-disable-file -->\n${placeholders}`)).toEqual([]);
  });

  it('disable-line works inside a table row', () => {
    const text = withLines(['| `floor` | Integer | Yes | Floor number | >= 0 |', '| `floor` | Integer | yes | Floor number | >= 0 <!-- dmlint-disable-line attribute-table --> |']);
    expect(lintText(text).messages).toEqual([]);
    expect(lintText(text).suppressedMessages.map((message) => message.ruleId)).toEqual(['attribute-table']);
  });

  it('reports an unknown rule id, with the closest id, and suppresses nothing for it', () => {
    const text = placeholders.replace('**Storage Type**: [TBD]', '<!-- dmlint-disable-next-line no-placeholders -->\n**Storage Type**: [TBD]');
    expect(summary(text)).toEqual([
      expect.stringMatching(/^3:/),
      '121:31 error invalid-directive: Unknown rule "no-placeholders" in dmlint-disable-next-line; did you mean "no-placeholder"?',
      expect.stringMatching(/^122:19 error no-placeholder:/),
    ]);
  });

  it('reports directives that suppressed nothing when asked', () => {
    const text = CLEAN.replace('## Storage Strategy', '<!-- dmlint-disable-next-line no-placeholder -->\n## Storage Strategy');
    expect(summary(text)).toEqual([]);
    expect(summary(text, true)).toEqual(['117:1 warning unused-directive: Unused dmlint-disable-next-line directive: no no-placeholder problems were reported there; remove it']);
  });

  it('does not count as content, and does not break a table right below it', () => {
    const emptied = CLEAN.replace("### Cross-Entity Validation\n\n- A booking's slot never overlaps another booked slot of the same room\n", '### Cross-Entity Validation\n\n<!-- dmlint-disable-next-line no-placeholder -->\n');
    expect(summary(emptied)).toEqual(['157:1 error no-empty-section: Section "### Cross-Entity Validation" is empty: write its content below the heading']);
    const aboveTable = CLEAN.replace('#### Attributes\n\n| Attribute', '#### Attributes\n\n<!-- dmlint-disable-next-line table-shape -->\n| Attribute');
    expect(summary(aboveTable)).toEqual([]);
  });

  it('finds the directive for each of many messages without comparing it with every directive', () => {
    // One message and one disable-next-line directive per line pair, as a document of n placeholders makes them.
    const run = (count: number): { time: number; kept: number; suppressed: number } => {
      const source = new SourceText('x\n'.repeat(2 * count));
      const directives: Directive[] = Array.from({ length: count }, (_, i) => ({ kind: 'disable-next-line', rules: [], reason: null, range: source.range(source.lineStart(2 * i + 1), source.lineEnd(2 * i + 1)) }));
      const messages: LintMessage[] = Array.from({ length: count }, (_, i) => ({ ruleId: 'no-placeholder', severity: 'error', message: 'm', line: 2 * i + 2, column: 1, endLine: 2 * i + 2, endColumn: 2 }));
      const start = performance.now();
      const result = applyDirectives(messages, directives, source, ['no-placeholder'], true);
      return { time: performance.now() - start, kept: result.messages.length, suppressed: result.suppressed.length };
    };
    run(2_000); // warm up: compiled code on both sizes
    const small = run(20_000);
    const big = run(40_000);
    expect([small.kept, small.suppressed, big.kept, big.suppressed]).toEqual([0, 20_000, 0, 40_000]);
    // Comparing every pair took seconds and grew fourfold; linear is about twice, and tiny.
    expect(big.time).toBeLessThan(Math.max(3.5 * small.time, 60));
  });
});
