/**
 * The parser's limits (src/markdown/limits.ts, budget.ts): inputs on which micromark and
 * remark-gfm are quadratic or overflow the stack — lists opened thousands deep on one line, deep
 * indentation, paragraphs of tens of thousands of brackets, tags, emphasis marks or lines. Each
 * gets one `parse-limit` error where dmlint stopped parsing markup, and the rest of its
 * diagnostics as before. That twice the input takes about twice the time is shown by `npm run
 * bench` (its linearity table; the runs are in attacks.ts).
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseWhole } from '../../src/markdown/parse.js';
import { lintText } from '../../src/engine/lint-text.js';
import { PARSER_RUNS, parserRunDocument, parserRunSize, PROSE } from './attacks.js';
import { COMPLETE, INLINE_LIMIT as INLINE, lineOf, NESTING_LIMIT as NESTING, unsoundness, VALID_DOCUMENTS } from './support.js';

/** COMPLETE with the PROSE item replaced, and the line the replacement starts on. */
function withItem(item: string): { text: string; line: number } {
  const text = COMPLETE.replace(PROSE, () => item);
  return { text, line: lineOf(text, item.slice(0, 40)) };
}

function said(text: string): string[] {
  const result = lintText(text);
  expect(unsoundness(text, result)).toEqual([]);
  return result.messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`);
}

/** `rule line:column message` from a constant that starts with the rule id. */
function at(line: number, column: number, said: string): string {
  const space = said.indexOf(' ');
  return `${said.slice(0, space)} ${line}:${column}${said.slice(space)}`;
}

const PLACEHOLDER = 'Unfilled placeholder "[TBD]": replace it with actual content, or delete it';

describe('nesting past the limit', () => {
  it('5,000 lists opened on one line: the 101st marker is where parsing stops; the placeholder is still found', () => {
    const { text, line } = withItem(`${'- '.repeat(5000)}[TBD]`);
    expect(said(text)).toEqual([at(line, 201, NESTING), `no-placeholder ${line}:10001 ${PLACEHOLDER}`]);
  });

  it('block quotes nested 5,000 deep on one line: the same', () => {
    const { text, line } = withItem(`${'> '.repeat(5000)}[TBD]`);
    expect(said(text)).toEqual([at(line, 201, NESTING), `no-placeholder ${line}:10001 ${PLACEHOLDER}`]);
  });

  it('ordered and mixed markers count alike', () => {
    const { text, line } = withItem(`${'1. > * '.repeat(40)}[TBD]`);
    // 40 × 3 markers: the 101st is the 34th round's second, `>`, at 33 × 7 + 4 = column 235.
    expect(said(text)).toEqual([at(line, 235, NESTING), `no-placeholder ${line}:281 ${PLACEHOLDER}`]);
  });

  it('lists nested 250 deep by indentation: one message, at the first line indented past 400 columns', () => {
    const stairs = Array.from({ length: 250 }, (_, depth) => `${'  '.repeat(depth)}- step ${depth}`).join('\n');
    const text = `${COMPLETE}\n${stairs}\n`;
    expect(said(text)).toEqual([at(lineOf(text, `${' '.repeat(400)}- step 200`), 402, NESTING)]);
  });

  it('a line of 500 spaces is blank, not deep', () => {
    expect(said(`${COMPLETE}\n${' '.repeat(500)}\n`)).toEqual([]);
  });
});

describe('paragraphs past the inline budget', () => {
  it('100,000 `[` then 100,000 `]`: parsing stops at the 1,001st bracket', () => {
    const { text, line } = withItem(`- ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(said(text)).toEqual([at(line, 1003, INLINE)]);
  });

  it('10,000 unclosed HTML comments: parsing stops at the 101st `<`', () => {
    const { text, line } = withItem(`- ${'a <!--'.repeat(10_000)}`);
    expect(said(text)).toEqual([at(line, 3 + 100 * 6 + 2, INLINE)]);
  });

  it('a placeholder past the budget is still found (brackets are read from the source)', () => {
    const { text, line } = withItem(`- ${'*a'.repeat(2_000)} [TBD]`);
    expect(said(text)).toEqual([at(line, 3 + 1000 * 2, INLINE), `no-placeholder ${line}:4004 ${PLACEHOLDER}`]);
  });

  it('a paragraph of 20,000 lines: parsing stops after its 1,000th line', () => {
    const { text, line } = withItem(`- a${'\n  b'.repeat(20_000)}`);
    expect(said(text)).toEqual([at(line + 1001, 3, INLINE)]);
  });

  it('each table cell and each paragraph has its own budget: 900 brackets in each of three cells and 900 marks after them are within it', () => {
    const cells = Array.from({ length: 3 }, () => `| ${'['.repeat(900)} | x |`).join('\n');
    const text = `${COMPLETE}\n\n| a | b |\n|---|---|\n${cells}\n\n${'_a'.repeat(900)}\n`;
    expect(said(text)).toEqual([]);
  });
});

describe('runs past the budget', () => {
  for (const [name, unit] of Object.entries(PARSER_RUNS)) {
    it(`${name}: parsing stops where the budget runs out`, () => {
      const { messages } = lintText(parserRunDocument(COMPLETE, unit, parserRunSize(unit)));
      expect(messages.map((message) => message.ruleId)).toContain('parse-limit');
    });
  }
});

describe('within the budget the tree is remark-gfm’s own', () => {
  const plain = unified().use(remarkParse).use(remarkGfm).freeze();

  it('every fixture parses exactly as without the budget', () => {
    for (const { name, text } of VALID_DOCUMENTS) expect(parseWhole(text), name).toEqual(plain.parse(text));
  });

  it('arbitrary short markup parses exactly as without the budget (micromark tries constructs where it would anyway)', () => {
    const markup = fc.string({ unit: fc.constantFrom('`', '[', ']', '<', '!', '-', '*', '_', '~', '\\', '&', '(', ')', 'a', 'h', 'w', '.', ':', '@', ' ', '\n', '|', '#', '>'), maxLength: 120 });
    fc.assert(
      fc.property(markup, (text) => {
        expect(parseWhole(text)).toEqual(plain.parse(text));
      }),
      { seed: 2611, numRuns: 2000 },
    );
  });
});
