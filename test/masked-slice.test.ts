/**
 * maskedSlice (src/markdown/brackets.ts) builds its copy from slices. Here it is held to the
 * definition, written character by character: every masked character but a line break becomes a
 * space, then, scanning left to right, a backslash and the bracket after it become two spaces and a
 * backslash escapes whatever follows it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskedSlice } from '../src/markdown/brackets.js';

function byDefinition(text: string, start: number, end: number, masks: ReadonlyArray<readonly [number, number]>): string {
  const chars = text.slice(start, end).split('');
  for (const [from, to] of masks) {
    for (let i = Math.max(from, start); i < Math.min(to, end); i++) if (chars[i - start] !== '\n' && chars[i - start] !== '\r') chars[i - start] = ' ';
  }
  for (let i = 0; i < chars.length - 1; i++) {
    if (chars[i] !== '\\') continue;
    if (chars[i + 1] === '[' || chars[i + 1] === ']') chars[i] = chars[i + 1] = ' ';
    i++;
  }
  return chars.join('');
}

describe('maskedSlice', () => {
  it('blanks masks and escaped brackets, keeping offsets and line breaks', () => {
    const text = 'a `[x]` \\[y\\] \\\\[z] `\nq`';
    expect(maskedSlice(text, 0, text.length, [[2, 7], [20, 24]])).toBe(`a${' '.repeat(9)}y${' '.repeat(3)}\\\\[z]  \n  `);
    // A mask that starts before the slice blanks only its part inside.
    expect(maskedSlice(text, 4, 13, [[2, 7]])).toBe(`${' '.repeat(6)}y  `);
  });

  it('agrees with the definition on arbitrary text, ranges and masks (overlapping, unsorted, outside)', () => {
    const char = fc.constantFrom('a', ' ', '[', ']', '\\', '\n', '\r', '`', '\u{1F600}');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), fc.nat(40), fc.nat(40), fc.array(fc.tuple(fc.nat(45), fc.nat(45)), { maxLength: 5 }), (chars, a, b, masks) => {
        const text = chars.join('');
        const [start, end] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)];
        expect(maskedSlice(text, start, end, masks)).toBe(byDefinition(text, start, end, masks));
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});
