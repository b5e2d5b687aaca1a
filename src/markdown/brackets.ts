/**
 * Finds balanced `[...]` groups in a stretch of source text. Works on a masked copy of the
 * stretch in which links, code spans and escaped brackets are blanked out, so every bracket left
 * is one a reader sees as plain text. Linear in the length of the text (plus a sort of the pairs).
 */
export interface RawBracket {
  /** Offset of `[`, relative to the masked text. */
  open: number;
  /** Offset just after `]`, relative to the masked text. */
  close: number;
}

/** Returns the outermost balanced groups of `masked`, in order. */
export function findBracketGroups(masked: string): RawBracket[] {
  const opens: number[] = [];
  const pairs: RawBracket[] = [];
  for (let i = 0; i < masked.length; i++) {
    const code = masked.charCodeAt(i);
    if (code === 91 /* [ */) opens.push(i);
    else if (code === 93 /* ] */) {
      const open = opens.pop();
      if (open !== undefined) pairs.push({ open, close: i + 1 });
    }
  }
  pairs.sort((a, b) => a.open - b.open);
  // The stack now holds the brackets left open, in order.
  const joined = opens.length > 0 ? unclosedGroups(masked, opens, pairs) : [];
  if (joined.length > 0) {
    for (const group of joined) pairs.push(group);
    pairs.sort((a, b) => a.open - b.open);
  }
  // Pairs nest properly; keep the ones no other pair contains.
  const outer: RawBracket[] = [];
  let coveredUntil = -1;
  for (const pair of pairs) {
    if (pair.open >= coveredUntil) {
      outer.push(pair);
      coveredUntil = pair.close;
    }
  }
  return outer;
}

/**
 * A `[` left open reads as closed by the `]` of the next group on its line when that group is
 * part of a word (`[TBD a[b]`, `[Use items[0]`): the two make one group. A group after a space
 * stays a group of its own (`a [ stray bracket before [TBD]`). Linear: the pairs are walked once.
 */
function unclosedGroups(masked: string, unclosed: readonly number[], pairs: readonly RawBracket[]): RawBracket[] {
  const groups: RawBracket[] = [];
  let next = 0;
  let lineEnd = -1;
  let coveredUntil = -1;
  for (const open of unclosed) {
    // Inside the group just made: it is the outer one.
    if (open < coveredUntil) continue;
    while (next < pairs.length && (pairs[next]?.open ?? Infinity) < open) next++;
    const pair = pairs[next];
    if (!pair) break;
    if (open >= lineEnd) lineEnd = endOfLine(masked, open);
    if (pair.close > lineEnd || !/[^\s[]/.test(masked.charAt(pair.open - 1))) continue;
    groups.push({ open, close: pair.close });
    coveredUntil = pair.close;
  }
  return groups;
}

function endOfLine(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (lf < 0) return cr < 0 ? text.length : cr;
  return cr < 0 ? lf : Math.min(lf, cr);
}

/** A backslash and the character after it (`\[` and `\]` are escaped brackets; `\\` escapes itself). */
const ESCAPE_PAIR = /\\[\s\S]/g;

/**
 * Copies `text[start, end)` with each masked range (absolute offsets) and each backslash-escaped
 * bracket blanked by spaces; offsets and line breaks are kept. Built from slices: a copy through
 * an array of characters allocated a string per character of every paragraph.
 */
export function maskedSlice(text: string, start: number, end: number, masks: ReadonlyArray<readonly [number, number]>): string {
  const masked = masks.length === 0 ? text.slice(start, end) : blankRanges(text, start, end, masks);
  return masked.includes('\\') ? masked.replace(ESCAPE_PAIR, (pair) => (pair[1] === '[' || pair[1] === ']' ? '  ' : pair)) : masked;
}

/** `text[start, end)` with the parts of `ranges` inside it turned to spaces, line breaks kept. */
function blankRanges(text: string, start: number, end: number, ranges: ReadonlyArray<readonly [number, number]>): string {
  const inside = ranges.map(([from, to]): [number, number] => [Math.max(from, start), Math.min(to, end)]).filter(([from, to]) => from < to);
  inside.sort((a, b) => a[0] - b[0]);
  let result = '';
  let at = start;
  for (const [from, to] of inside) {
    if (to <= at) continue;
    const blankFrom = Math.max(from, at);
    result += text.slice(at, blankFrom) + text.slice(blankFrom, to).replace(/[^\r\n]/g, ' ');
    at = to;
  }
  return result + text.slice(at, end);
}
