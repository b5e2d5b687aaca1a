/** Display columns of a line, what box diagrams are aligned by, and quotes cut at graphemes. */
import { describe, expect, it } from 'vitest';
import { quote } from '../src/rule-kit/messages.js';
import { displayColumns, indexAtColumn } from '../src/util/display-width.js';

describe('display columns', () => {
  it('count wide characters and emoji as two, combining marks and joined emoji as one grapheme', () => {
    expect(displayColumns('a👩‍👩‍👧e\u0301店x')).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 4, 6, 7]);
    expect(displayColumns('|ab|')).toEqual([0, 1, 2, 3, 4]);
  });

  it('stay right across the windows a long line is segmented in', () => {
    const line = `${'e\u0301'.repeat(300)}${'🚀'.repeat(300)}x`;
    const columns = displayColumns(line);
    expect(columns.at(-1)).toBe(300 + 600 + 1);
    expect(columns[600]).toBe(300);
    expect(columns[601]).toBe(300);
    expect(columns[602]).toBe(302);
  });

  it('find the first index at or past a column', () => {
    const columns = displayColumns('店x🚀y');
    expect([0, 1, 2, 3, 4, 5, 6].map((column) => indexAtColumn(columns, column))).toEqual([0, 1, 1, 2, 4, 4, 5]);
  });
});

describe('quoted text in messages', () => {
  it('is cut where a grapheme ends, never inside a surrogate pair or a combining sequence', () => {
    const long = (tail: string): string => `${'a'.repeat(58)}${tail}${'b'.repeat(10)}`;
    expect(quote(long('🚀'))).toBe(`"${'a'.repeat(58)}…"`);
    expect(quote(long('e\u0301'))).toBe(`"${'a'.repeat(58)}…"`);
    expect(quote(long('xe\u0301'))).toBe(`"${'a'.repeat(58)}x…"`);
    expect(quote(long('👩‍👩‍👧'))).toBe(`"${'a'.repeat(58)}…"`);
    expect(quote('short 🚀 é')).toBe('"short 🚀 é"');
    expect(quote('a'.repeat(70))).toBe(`"${'a'.repeat(59)}…"`);
  });
});
