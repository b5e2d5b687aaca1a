/**
 * Source text with line bookkeeping: converts offsets to 1-based line/column positions the same
 * way micromark does (CRLF, LF and a lone CR each end a line; columns count UTF-16 code units).
 */
import { foldLetters } from '../util/letters.js';
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the source text (after a leading BOM was removed). */
  offset: number;
}

/** A half-open range: `end` is the position just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

export class SourceText {
  readonly text: string;
  /** Offset at which each line starts; lineStarts[0] is line 1. */
  readonly lineStarts: readonly number[];
  private foldedText: string | null = null;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 /* \n */) starts.push(i + 1);
      else if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // Binary search for the last line start <= offset.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1, offset: clamped };
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }

  slice(range: Range): string {
    return this.text.slice(range.start.offset, range.end.offset);
  }

  /** Start offset of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** End offset of a 1-based line, before its line ending. */
  lineEnd(line: number): number {
    let end = line < this.lineStarts.length ? (this.lineStarts[line] ?? this.text.length) : this.text.length;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The text with its letters folded (letters.ts), for patterns over names: the same offsets. */
  get folded(): string {
    return (this.foldedText ??= foldLetters(this.text));
  }
}

/** Shrinks [start, end) so that it excludes leading and trailing whitespace. */
export function trimOffsets(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export const BOM = '\uFEFF';

/** Removes a leading byte-order mark so that offsets and columns match what editors show. */
export function stripBom(text: string): { text: string; hasBom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), hasBom: true } : { text, hasBom: false };
}

const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** A YAML front matter block: its lines between the delimiters, and where it ends (after the closing line). */
export interface FrontMatter {
  /** The YAML text, without the `---` lines. */
  body: string;
  /** Offset where the YAML text starts (the line after the opening `---`). */
  bodyStart: number;
  /** Offset just past the closing line's text. */
  end: number;
}

/**
 * The document's front matter: `---` on the first line, then a line that is not blank, up to a
 * line `---` or `...`; null when it has none. (A document opening with a thematic break has a
 * blank line next.)
 */
export function frontMatterOf(text: string): FrontMatter | null {
  if (!text.startsWith('---')) return null;
  const source = new SourceText(text);
  if (!FRONT_MATTER_OPEN.test(source.lineText(1)) || source.lineCount < 3 || source.lineText(2).trim() === '') return null;
  for (let line = 2; line <= source.lineCount; line++) {
    if (!FRONT_MATTER_CLOSE.test(source.lineText(line))) continue;
    const bodyStart = source.lineStart(2);
    return { body: text.slice(bodyStart, source.lineStart(line)), bodyStart, end: source.lineEnd(line) };
  }
  return null;
}

/**
 * The text with its front matter blanked out, line endings kept so that no offset moves. GitHub
 * and site generators show front matter as metadata, not Markdown; parsed as Markdown, its
 * closing `---` makes a heading of it.
 */
export function blankFrontMatter(text: string): string {
  const frontMatter = frontMatterOf(text);
  if (!frontMatter) return text;
  return text.slice(0, frontMatter.end).replace(/[^\r\n]/g, ' ') + text.slice(frontMatter.end);
}
