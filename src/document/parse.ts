/**
 * The only module that imports unified/remark. One frozen processor is reused for every parse:
 * building a processor is costly, and a frozen one cannot be mutated by accident. A big document
 * is parsed piece by piece (see chunks.ts) and the pieces joined, positions shifted: the same tree,
 * in linear time. With a cache, pieces that did not change are not parsed again.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { timed } from '../engine/timing.js';
import { splitDocument, type Chunk } from './chunks.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parsed pieces by their text, for parsing a document again after an edit (the language server). */
export class ChunkCache {
  private readonly entries = new Map<string, RootContent[]>();
  private size = 0;

  constructor(private readonly maxChars = 4_000_000) {}

  get(text: string): RootContent[] | undefined {
    const found = this.entries.get(text);
    if (found) {
      // Most recently used last: the first entries are the ones to drop.
      this.entries.delete(text);
      this.entries.set(text, found);
    }
    return found;
  }

  set(text: string, children: RootContent[]): void {
    this.entries.set(text, children);
    this.size += text.length;
    for (const [key] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(key);
      this.size -= key.length;
    }
  }
}

/** Parses the whole text at once: what parseMarkdown must equal (tests compare the two). */
export function parseWhole(text: string): Root {
  return processor.parse(text);
}

/** Parses Markdown (GFM) into mdast. Expects text without a leading BOM. */
export function parseMarkdown(text: string, cache: ChunkCache | null = null): Root {
  const children: RootContent[] = [];
  for (const piece of parsePieces(text, cache)) children.push(...piece);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: lastPoint(text) } };
}

/**
 * The top-level nodes of a document, one piece at a time, with their document positions. A reader
 * that handles each piece as it comes keeps only one piece's tree in memory.
 */
export function* parsePieces(text: string, cache: ChunkCache | null = null): Generator<RootContent[]> {
  const { chunks, definitions, endsOpen } = splitDocument(text);
  if (chunks.length === 1 && !cache) {
    yield timed('parse', () => processor.parse(text)).children;
    return;
  }
  for (const [index, chunk] of chunks.entries()) {
    // Definitions elsewhere make `[text][ref]` a link here; they go after the piece's own text.
    const withDefinitions = definitions !== '' && chunk.text.includes('[') && !(endsOpen && index === chunks.length - 1);
    const source = withDefinitions ? `${chunk.text}\n\n${definitions}\n` : chunk.text;
    let parsed = cache?.get(source);
    if (!parsed) {
      parsed = timed('parse', () => processor.parse(source)).children.filter((node) => (node.position?.start.offset ?? 0) < chunk.text.length);
      cache?.set(source, parsed);
    }
    yield parsed.map((node) => (cache ? shiftedCopy(node, chunk) : shift(node, chunk)));
  }
}

/** The point just after the text, as micromark reports it for the root. */
function lastPoint(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

/** Moves a piece's node (and its descendants) to where the piece is in the document, in place. */
function shift<T extends Nodes>(node: T, chunk: Chunk): T {
  if (chunk.offset === 0) return node;
  const position = node.position;
  if (position) {
    position.start = { line: position.start.line + chunk.line, column: position.start.column, offset: (position.start.offset ?? 0) + chunk.offset };
    position.end = { line: position.end.line + chunk.line, column: position.end.column, offset: (position.end.offset ?? 0) + chunk.offset };
  }
  if ('children' in node) for (const child of node.children) shift(child, chunk);
  return node;
}

/** A copy of a cached node moved to where its piece is now; the cached tree stays as it was. */
function shiftedCopy<T extends Nodes>(node: T, chunk: Chunk): T {
  const copy = { ...node };
  const position = node.position;
  if (position) {
    copy.position = {
      start: { line: position.start.line + chunk.line, column: position.start.column, offset: (position.start.offset ?? 0) + chunk.offset },
      end: { line: position.end.line + chunk.line, column: position.end.column, offset: (position.end.offset ?? 0) + chunk.offset },
    };
  }
  if ('children' in node) (copy as { children: Nodes[] }).children = node.children.map((child) => shiftedCopy(child, chunk));
  return copy;
}
