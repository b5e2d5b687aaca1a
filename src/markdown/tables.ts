/**
 * Tables: GFM tables as header + rows of cells with exact content positions, and paragraphs of
 * pipe-separated lines that look like a table but did not parse as one (a broken or missing
 * delimiter row turns a table into plain text in mdast).
 */
import type { Table as MdastTable, TableCell } from 'mdast';
import { endOffset, plainText, readPhrasing, startOffset, type Phrasing } from './inline.js';
import { trimOffsets, type SourceText } from './source.js';
import type { Cell, PipeLine, Range, Row, Section, Table } from './types.js';

export interface CellWithPhrasing {
  cell: Cell;
  phrasing: Phrasing;
  /** The cell's content range as offsets, for bracket scanning. */
  contentStart: number;
  contentEnd: number;
}

export function readTable(
  node: MdastTable,
  source: SourceText,
  section: Section,
  onCell: (cell: CellWithPhrasing) => void,
): Table {
  let headers: string[] = [];
  const rows: Row[] = node.children.map((rowNode, rowIndex) => {
    const cells = rowNode.children.map((cellNode, index) => {
      const read = readCell(cellNode, index === rowNode.children.length - 1, source, rowIndex === 0 ? null : (headers[index] ?? null));
      onCell(read);
      return read.cell;
    });
    if (rowIndex === 0) headers = cells.map((cell) => cell.text);
    return { cells, range: source.range(startOffset(rowNode), endOffset(rowNode)) };
  });
  const [header, ...body] = rows;
  return {
    kind: 'table',
    header: header ?? { cells: [], range: source.range(startOffset(node), startOffset(node)) },
    rows: body,
    columnCount: node.align?.length ?? header?.cells.length ?? 0,
    range: source.range(startOffset(node), endOffset(node)),
    section,
  };
}

function readCell(node: TableCell, isLast: boolean, source: SourceText, column: string | null): CellWithPhrasing {
  const text = source.text;
  let start = startOffset(node);
  let end = endOffset(node);
  if (text[start] === '|') start++;
  if (isLast && end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  const [contentStart, contentEnd] = trimOffsets(text, start, end);
  // A blank cell gets an empty range just after its opening pipe (and one space, if any).
  const emptyAt = Math.min(start + (text[start] === ' ' ? 1 : 0), end);
  const [from, to] = contentStart < contentEnd ? [contentStart, contentEnd] : [emptyAt, emptyAt];
  const phrasing = readPhrasing(node.children, source);
  const cellText = plainText(node).trim();
  const raw = text.slice(from, to);
  return {
    cell: { text: cellText, raw, range: source.range(from, to), textRange: textRangeOf(raw, cellText, from, source), codes: phrasing.codes, column },
    phrasing,
    contentStart: from,
    contentEnd: to,
  };
}

/** The range of a cell's text when the cell is that text, bare or in one pair of markers. */
function textRangeOf(raw: string, cellText: string, from: number, source: SourceText): Range | null {
  if (raw === cellText) return source.range(from, from + raw.length);
  const marker = wrappingMarker(raw);
  if (marker === null) return null;
  const inner = raw.slice(marker.length, raw.length - marker.length);
  if (inner.trim() !== cellText) return null;
  const start = from + marker.length + (inner.length - inner.trimStart().length);
  return source.range(start, start + cellText.length);
}

/**
 * The marker that opens and closes `raw`: the longest run of backticks that does both, or `**`,
 * `*`, `__`, `_`. Counted, not matched with a backreference, which backtracks in cubic time on a
 * long run of backticks.
 */
function wrappingMarker(raw: string): string | null {
  let lead = 0;
  while (raw.charCodeAt(lead) === 96 /* ` */) lead++;
  if (lead > 0) {
    let trail = 0;
    while (trail < raw.length && raw.charCodeAt(raw.length - 1 - trail) === 96) trail++;
    const ticks = Math.min(lead, trail, Math.floor(raw.length / 2));
    return ticks > 0 ? '`'.repeat(ticks) : null;
  }
  return ['**', '*', '__', '_'].find((marker) => raw.length >= 2 * marker.length && raw.startsWith(marker) && raw.endsWith(marker)) ?? null;
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

/** Splits a table line into cells on unescaped pipes, dropping the edge pipes. */
export function splitPipeCells(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      current += c + line[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else current += c;
  }
  cells.push(current);
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|') && cells.length > 0) cells.pop();
  return cells;
}

function isDelimiterLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.includes('-') || !/^[|:\-\s]+$/.test(trimmed)) return false;
  const cells = splitPipeCells(trimmed);
  return cells.length > 0 && cells.every((cell) => DELIMITER_CELL.test(cell)) && (trimmed.includes('|') || cells.length > 1);
}

/** Strips what a container puts before a paragraph line: indentation and block-quote markers. */
const LINE_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*/;

/**
 * Finds runs of pipe lines in a paragraph. A line counts when it starts with `|`, is a delimiter
 * row, or contains a pipe next to a delimiter row. Returns one run per group of adjacent lines.
 */
export function findPipeRuns(source: SourceText, start: number, end: number): PipeLine[][] {
  const first = source.position(start).line;
  const last = source.position(end).line;
  const lines: Array<{ text: string; from: number; to: number; isDelimiter: boolean }> = [];
  for (let line = first; line <= last; line++) {
    const lineFrom = Math.max(source.lineStart(line), start);
    const lineTo = Math.min(source.lineEnd(line), end);
    const raw = source.text.slice(lineFrom, lineTo);
    const prefix = line === first ? 0 : (LINE_PREFIX.exec(raw)?.[0].length ?? 0);
    const [from, to] = trimOffsets(source.text, lineFrom + prefix, lineTo);
    const text = source.text.slice(from, to);
    lines.push({ text, from, to, isDelimiter: isDelimiterLine(text) });
  }
  const isPipeLine = (i: number): boolean => {
    const line = lines[i];
    if (!line) return false;
    if (line.text.startsWith('|') || line.isDelimiter) return true;
    return line.text.includes('|') && (lines[i - 1]?.isDelimiter === true || lines[i + 1]?.isDelimiter === true);
  };
  const runs: PipeLine[][] = [];
  let run: PipeLine[] = [];
  lines.forEach((line, i) => {
    if (isPipeLine(i)) {
      run.push({
        text: line.text,
        range: source.range(line.from, line.to),
        cellCount: splitPipeCells(line.text).length,
        isDelimiter: line.isDelimiter,
      });
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}
