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

/**
 * Copies `text[start, end)` with each masked range (absolute offsets) and each backslash-escaped
 * bracket blanked by spaces; offsets and line breaks are kept.
 */
export function maskedSlice(text: string, start: number, end: number, masks: ReadonlyArray<readonly [number, number]>): string {
  const chars = text.slice(start, end).split('');
  for (const [from, to] of masks) {
    for (let i = Math.max(from, start); i < Math.min(to, end); i++) blank(chars, i - start);
  }
  for (let i = 0; i < chars.length - 1; i++) {
    if (chars[i] === '\\') {
      const next = chars[i + 1];
      if (next === '[' || next === ']') {
        chars[i] = ' ';
        chars[i + 1] = ' ';
      }
      i++;
    }
  }
  return chars.join('');
}

function blank(chars: string[], i: number): void {
  const c = chars[i];
  if (c !== '\n' && c !== '\r') chars[i] = ' ';
}
