/**
 * Names may be written in any script (`Ausleihe`, `Prêt`, `貸出`), so the patterns that find them
 * accept every Unicode letter and digit. But V8 compiles each `\p{L}` class of a pattern anew in
 * every process, which a cold run pays for (docs/performance.md). So those patterns run on folded text instead: each
 * letter outside ASCII becomes `a` (`A` when upper case), each digit outside ASCII `0`, and every
 * other character stays. The folded text has the same length, so a match's offsets point into the
 * original; the matched text is always sliced from the original, never taken from the fold. On
 * folded text, `[A-Za-z]` reads as `\p{L}`, `[A-Z]` as `\p{Lu}` and `[0-9]` as `\p{N}`.
 */

/** One character class at a time: compiled once, on the first text that is not all ASCII. */
let classes: RegExp | null = null;
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    classes ??= /^(?:(\p{Lu})|(\p{L})|(\p{N}))$/u;
    const match = classes.exec(char);
    // An astral letter is two code units: both are folded, so the length stays.
    folded = match ? (match[1] ? 'A' : match[2] ? 'a' : '0').repeat(char.length) : char;
    foldedChars.set(char, folded);
  }
  return folded;
}

const NOT_ASCII = /[\u0080-\uFFFF]/;
const NOT_ASCII_RUNS = /[\u0080-\uFFFF]+/g;

/** The text with every letter and digit outside ASCII folded to `a`, `A` or `0` (see above). */
export function foldLetters(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  return text.replace(NOT_ASCII_RUNS, (run) => {
    let folded = '';
    // By code point: a lone surrogate is no letter and stays as it is.
    for (const char of run) folded += foldChar(char);
    return folded;
  });
}

/** Name characters on folded text: a letter or `_` first, then letters, digits and `_`. */
export const NAME_PATTERN = '[A-Za-z_][A-Za-z0-9_]*';

/** Whether a folded character code is a letter or digit (of any script, before folding). */
export function isFoldedLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
