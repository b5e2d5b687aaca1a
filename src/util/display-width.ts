/**
 * Display columns: where each character of a line shows in a monospaced font. East Asian wide
 * characters and most emoji take two columns, combining marks none; box diagrams are drawn to
 * line up in columns, not in UTF-16 code units. A grapheme (what a terminal draws as one
 * character) is measured as terminals do: an emoji sequence takes two columns, anything else the
 * East Asian Width of its first visible character (get-east-asian-width, which follows Unicode's
 * tables). Text is also cut at graphemes.
 *
 * Everything costly is built on first use: the segmenter loads ICU data and each `\p{…}` pattern
 * is compiled anew in every process, which a run without a wide character should not pay for.
 */
import { eastAsianWidth } from 'get-east-asian-width';

let graphemes: Intl.Segmenter | null = null;
const segmenter = (): Intl.Segmenter => (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
const widths = new Map<string, number>();
/** Distinct graphemes remembered; past it each is measured anew (a line of random emoji). */
const WIDTH_CACHE_LIMIT = 4096;
const ASCII = /^[\u0020-\u007E]*$/;
/**
 * Lines of characters that are each a grapheme of their own and never an emoji sequence: ASCII,
 * Latin, Greek, Cyrillic, punctuation, arrows, box drawing and shapes, kana, CJK ideographs,
 * Hangul syllables, full-width forms. Such a line (most box diagrams) is measured code point by
 * code point, without the segmenter or the emoji pattern, which cost a cold run some 35 ms.
 */
const ONE_BY_ONE = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0482\u048A-\u058F\u2010-\u2027\u2030-\u205E\u2190-\u23FF\u2500-\u25FF\u3000-\u3029\u3030-\u3098\u309B-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFF60]*$/;

/** Patterns for graphemes outside ASCII, compiled on first use (escapes keep the bundle ASCII). */
let patterns: { emoji: RegExp; zeroWidth: RegExp; visible: RegExp } | null = null;

function measure(grapheme: string): number {
  // A tab counts one: diagrams are drawn with spaces, and a tab's width depends on the editor.
  if (grapheme === '\t') return 1;
  if (grapheme.length === 1 && ONE_BY_ONE.test(grapheme)) return eastAsianWidth(grapheme.charCodeAt(0));
  patterns ??= {
    emoji: new RegExp('^\\p{RGI_Emoji}$', 'v'),
    zeroWidth: /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]+$/u,
    visible: /[^\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/u,
  };
  if (patterns.emoji.test(grapheme)) return 2;
  if (patterns.zeroWidth.test(grapheme)) return 0;
  const base = grapheme.slice(grapheme.search(patterns.visible)).codePointAt(0) ?? 0;
  return eastAsianWidth(base);
}

function graphemeWidth(grapheme: string): number {
  let width = widths.get(grapheme);
  if (width === undefined) {
    width = measure(grapheme);
    if (widths.size < WIDTH_CACHE_LIMIT) widths.set(grapheme, width);
  }
  return width;
}

/** Code units segmented at a time: V8's segmenter slows down more than linearly on long strings. */
const WINDOW = 256;

/**
 * The graphemes of a line with their indexes, segmented a window at a time. A window's last
 * grapheme may be cut short by the window's end, so the next window starts at it; a grapheme
 * longer than a window (thousands of combining marks) is taken in pieces.
 */
function* graphemesOf(line: string): Generator<{ segment: string; index: number }> {
  let start = 0;
  while (start < line.length) {
    const end = Math.min(line.length, start + WINDOW);
    const segments = [...segmenter().segment(line.slice(start, end))];
    const last = segments.at(-1);
    const keep = end < line.length && segments.length > 1 ? segments.length - 1 : segments.length;
    for (const { segment, index } of segments.slice(0, keep)) yield { segment, index: start + index };
    start = keep < segments.length && last ? start + last.index : end;
  }
}

/**
 * The display column (0-based) at which each UTF-16 index of a line starts, and at `line.length`
 * the line's width. The code units of one grapheme share its column.
 */
export function displayColumns(line: string): readonly number[] {
  const columns = new Array<number>(line.length + 1);
  if (ASCII.test(line)) {
    for (let i = 0; i <= line.length; i++) columns[i] = i;
    return columns;
  }
  let column = 0;
  if (ONE_BY_ONE.test(line)) {
    for (let i = 0; i < line.length; i++) {
      columns[i] = column;
      column += eastAsianWidth(line.charCodeAt(i));
    }
    columns[line.length] = column;
    return columns;
  }
  for (const { segment, index } of graphemesOf(line)) {
    for (let i = 0; i < segment.length; i++) columns[index + i] = column;
    column += graphemeWidth(segment);
  }
  columns[line.length] = column;
  return columns;
}

/** The first UTF-16 index whose display column is at or past `column` (the line's length past its end). */
export function indexAtColumn(columns: readonly number[], column: number): number {
  let low = 0;
  let high = columns.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((columns[mid] ?? 0) >= column) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Whether a grapheme shows two columns wide (a CJK character, most emoji). */
export function isWide(grapheme: string): boolean {
  return graphemeWidth(grapheme) >= 2;
}

/**
 * The longest run of whole graphemes from the start of `text` that fits in `length` UTF-16 code
 * units: never cut inside a surrogate pair, a combining sequence or a joined emoji.
 */
export function graphemePrefix(text: string, length: number): string {
  // ASCII up to and past the cut: every character is a grapheme, and no segmenter is loaded.
  if (ASCII.test(text.slice(0, length + 1))) return text.slice(0, length);
  let end = 0;
  // Only what can be kept is segmented, with room for the grapheme that crosses the limit.
  for (const { segment, index } of segmenter().segment(text.slice(0, length + 64))) {
    if (index + segment.length > length) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
