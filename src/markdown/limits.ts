/**
 * Limits on block nesting, applied to the text before it is parsed. micromark's time grows with
 * the square of the number of lists opened on one line (`- - - - … item`), remark-gfm's autolink
 * transform recurses once per level (the stack overflows near 3,000), and deep indentation costs
 * ten times what prose does. A line that opens more than MAX_CONTAINERS lists or block quotes, or
 * is indented past MAX_INDENT columns, gets a backslash at the point where it goes past: the
 * marker there reads as text, so no deeper container opens. Same length, so no offset moves.
 *
 * The scan does not know about fenced code; a code line indented 400 columns, or starting with a
 * hundred `> `, is changed too. The document says so at that line, so nothing is changed silently.
 */

/** Lists and block quotes a line may open or continue. Real documents nest a handful. */
export const MAX_CONTAINERS = 100;
/** Columns of leading indentation and container markers a line may have. */
export const MAX_INDENT = 400;

export interface NestingLimits {
  /** The text with a backslash where a line went past a limit; the same length as the input. */
  text: string;
  /** Offset of each backslash put in, the first of each run of consecutive lines only. */
  cuts: number[];
}

/** `lineStarts`: where each line of the text starts (SourceText's). */
export function limitNesting(text: string, lineStarts: readonly number[]): NestingLimits {
  const cuts: number[] = [];
  let chars: string[] | null = null;
  let previousLineCut = false;
  for (const lineStart of lineStarts) {
    const cut = cutIn(text, lineStart);
    if (cut >= 0) {
      chars ??= text.split('');
      chars[cut] = '\\';
      if (!previousLineCut) cuts.push(cut);
    }
    previousLineCut = cut >= 0;
  }
  return { text: chars ? chars.join('') : text, cuts };
}

/** Where the line starting at `start` goes past a limit, or -1. */
function cutIn(text: string, start: number): number {
  let containers = 0;
  let column = 0;
  let i = start;
  for (;;) {
    const code = text.charCodeAt(i);
    if (column > MAX_INDENT) return isBlankFrom(text, i) ? -1 : i;
    if (code === 32 /* space */) {
      column++;
      i++;
      continue;
    }
    if (code === 9 /* tab */) {
      column += 4 - (column % 4);
      i++;
      continue;
    }
    const width = markerWidth(text, i);
    if (width === 0) return -1;
    if (++containers > MAX_CONTAINERS) return i;
    column += width;
    i += width;
  }
}

/** Length of a block quote or list marker at `i` (`>`, `- `, `12. `, without the space), or 0. */
function markerWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 62 /* > */) return 1;
  if ((code === 45 /* - */ || code === 42 /* * */ || code === 43) /* + */ && isSpace(text.charCodeAt(i + 1))) return 1;
  let digits = 0;
  while (digits < 9 && isDigit(text.charCodeAt(i + digits))) digits++;
  if (digits === 0) return 0;
  const delimiter = text.charCodeAt(i + digits);
  return (delimiter === 46 /* . */ || delimiter === 41) /* ) */ && isSpace(text.charCodeAt(i + digits + 1)) ? digits + 1 : 0;
}

/** Whether the line holds only spaces and tabs from `i` on: a blank line opens nothing. */
function isBlankFrom(text: string, i: number): boolean {
  for (let code = text.charCodeAt(i); code === 32 || code === 9; code = text.charCodeAt(++i));
  const code = text.charCodeAt(i);
  return Number.isNaN(code) || code === 10 || code === 13;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
