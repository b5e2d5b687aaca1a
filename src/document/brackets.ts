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
  // Pairs nest properly; keep the ones no other pair contains.
  pairs.sort((a, b) => a.open - b.open);
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
