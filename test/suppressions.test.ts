/** Inline `dmlint-disable` comments: each form, reasons, unknown ids, unused directives. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../src/markdown/source.js';
import { applyDirectives, firstRegion, type Directive, type Region } from '../src/engine/directives.js';
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
    const regions = (count: number): Region[] =>
      Array.from({ length: count }, (_, i) => ({ rule: '*', from: 2 * i + 2, to: 2 * i + 2, used: false, directive: { kind: 'disable-next-line', rules: [], reason: null, range: new SourceText('x').range(0, 1) } }));
    const work = (count: number): number => {
      const lookup = firstRegion(regions(count));
      for (let i = 0; i < count; i++) expect(lookup.find({ ruleId: 'no-placeholder', severity: 'error', message: 'm', line: 2 * i + 2, column: 1, endLine: 2 * i + 2, endColumn: 2 })).toBeDefined();
      return lookup.comparisons;
    };
    // Comparing every pair would be count² comparisons; each message meets the one region on its line.
    expect(work(20_000)).toBe(20_000);
    expect(work(40_000)).toBe(40_000);
    const source = new SourceText('x\n'.repeat(8));
    const directives: Directive[] = [1, 3, 5].map((line) => ({ kind: 'disable-next-line', rules: [], reason: null, range: source.range(source.lineStart(line), source.lineEnd(line)) }));
    const messages: LintMessage[] = [2, 4, 6, 8].map((line) => ({ ruleId: 'no-placeholder', severity: 'error', message: 'm', line, column: 1, endLine: line, endColumn: 2 }));
    const result = applyDirectives(messages, directives, source, ['no-placeholder'], true);
    expect([result.messages.map((message) => message.line), result.suppressed.map((message) => message.line)]).toEqual([[8], [2, 4, 6]]);
  });
});
