/**
 * Splitting a document into pieces that parse the same alone as together, so that a big document
 * parses in linear time (micromark is worse than linear on big inputs) and an edited document only
 * re-parses the piece that changed. A piece starts at an ATX heading of level 1 to 3 at the start
 * of a line, after a blank line, outside fenced code and outside multi-line HTML; such a heading
 * ends whatever block came before it, so no construct crosses the cut. The line scan cannot see
 * everything micromark sees (a fence line inside an HTML block or a list item), so parse.ts checks
 * each cut. Link and footnote definitions are the one thing that reaches across pieces (parse.ts
 * deals with them too).
 */

export interface Chunk {
  /** Offset of the piece in the document. */
  offset: number;
  /** 0-based line of the piece's first line. */
  line: number;
  text: string;
}

const HEADING = /^#{1,3}(?:[ \t]|$)/;
/** `s`: `.` must not stop at a line separator (U+2028), which micromark reads as any other character. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/s;
/** Blank as Markdown means it: spaces and tabs only (trim() also removes U+00A0, U+2028 ...). */
const BLANK = /^[ \t]*$/;
/** HTML blocks that may hold blank lines, and what ends them. */
const RAW_HTML: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** A piece smaller than this is not worth parsing on its own. */
const MIN_CHUNK = 2_000;

export interface Split {
  chunks: Chunk[];
}

export function splitDocument(text: string): Split {
  const chunks: Chunk[] = [];
  let fence: { char: string; length: number } | null = null;
  let rawEnd: RegExp | null = null;
  let chunkStart = 0;
  let chunkLine = 0;
  let previousBlank = true;
  let line = 0;
  let offset = 0;
  while (offset < text.length) {
    let end = offset;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const content = text.slice(offset, end);
    let next = end;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;

    if (fence) {
      const close = FENCE.exec(content);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length && BLANK.test(close[2] ?? '')) fence = null;
    } else if (rawEnd) {
      if (rawEnd.test(content)) rawEnd = null;
    } else {
      const open = FENCE.exec(content);
      if (open?.[1] && !(open[1][0] === '`' && (open[2] ?? '').includes('`'))) {
        fence = { char: open[1][0] ?? '`', length: open[1].length };
      } else {
        const raw = RAW_HTML.find(([start]) => start.test(content));
        if (raw && !raw[1].test(content.replace(raw[0], ''))) rawEnd = raw[1];
        if (previousBlank && HEADING.test(content) && offset - chunkStart >= MIN_CHUNK) {
          chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart, offset) });
          chunkStart = offset;
          chunkLine = line;
        }
      }
    }
    previousBlank = BLANK.test(content);
    if (next === offset) break;
    offset = next;
    line++;
  }
  chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return { chunks };
}
