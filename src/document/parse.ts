/**
 * The only module that imports unified/remark. One frozen processor is reused for every parse:
 * building a processor is costly, and a frozen one cannot be mutated by accident. A big document
 * is parsed piece by piece (see chunks.ts) and the pieces joined, positions shifted: the same tree,
 * in linear time. With a cache, pieces that did not change are not parsed again.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { timed } from '../engine/timing.js';
import { splitDocument, type Chunk } from './chunks.js';
import { pushChildren } from './inline.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * GFM without footnotes, for text without `[^`, where no footnote can be: the same tree, without
 * the footnote extension's scan back over a paragraph's tokens at every `]` (quadratic on a line of
 * brackets). micromark's `disable` turns its constructs off by name.
 */
const withoutFootnotes = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(function disableFootnotes(this: Processor) {
    (this.data().micromarkExtensions ??= []).push({ disable: { null: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'] } });
  })
  .freeze();

function parse(text: string): Root {
  return (text.includes('[^') ? processor : withoutFootnotes).parse(text);
}

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
  for (const piece of parsePieces(text, cache)) for (const node of piece) children.push(node);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: lastPoint(text) } };
}

/**
 * The top-level nodes of a document, one piece at a time, with their document positions. A reader
 * that handles each piece as it comes keeps only one piece's tree in memory.
 */
export function* parsePieces(text: string, cache: ChunkCache | null = null): Generator<RootContent[]> {
  const { chunks } = splitDocument(text);
  if (chunks.length === 1 && !cache) {
    yield timed('parse', () => parse(text)).children;
    return;
  }
  // A definition's label ends in `]:`: without one, the pieces have no definitions to share.
  const definitions = text.includes(']:') ? definitionsIn(pieces(text, chunks, '', cache)) : '';
  for (const { nodes, shift: by } of pieces(text, chunks, definitions, cache)) yield nodes.map((node) => (cache ? shiftedCopy(node, by) : shift(node, by)));
}

/** How far a piece's parsed positions are from the document's. */
interface Shift {
  offset: number;
  line: number;
}

/**
 * The document parsed piece by piece. The cuts of chunks.ts are checked, not trusted: each piece is
 * parsed with the next piece's heading line after it, and that line must read as a heading, which
 * it does only when nothing before it was left open (fenced code, HTML). Where it does not, the
 * piece takes in the following chunks, twice as many on each try, so that the cost stays linear.
 */
function* pieces(text: string, chunks: readonly Chunk[], definitions: string, cache: ChunkCache | null): Generator<{ nodes: RootContent[]; shift: Shift }> {
  for (let first = 0; first < chunks.length; ) {
    const chunk = chunks[first];
    if (!chunk) return;
    for (let count = 1; ; count *= 2) {
      const next = chunks[first + count];
      const parsed = parsePiece(text.slice(chunk.offset, next?.offset ?? text.length), next ? headingLine(next.text) : null, definitions, cache);
      if (!parsed) continue;
      yield { nodes: parsed.nodes, shift: { offset: chunk.offset - parsed.prefix.length, line: chunk.line - lineCount(parsed.prefix) } };
      first += count;
      break;
    }
  }
}

/**
 * A piece's nodes; null when `nextHeading`, parsed after the piece, is not a heading. Definitions
 * from elsewhere in the document go before the piece's text (they make `[text][ref]` a link), then
 * a thematic break that ends them (an indented first line would continue a footnote definition).
 */
function parsePiece(text: string, nextHeading: string | null, definitions: string, cache: ChunkCache | null): { nodes: RootContent[]; prefix: string } | null {
  const prefix = definitions !== '' && text.includes('[') ? `${definitions}\n\n***\n\n` : '';
  const source = prefix + text + (nextHeading ?? '');
  let nodes = cache?.get(source);
  if (!nodes) {
    const parsed = timed('parse', () => parse(source)).children;
    if (nextHeading !== null) {
      const last = parsed.pop();
      if (last?.type !== 'heading' || last.position?.start.offset !== prefix.length + text.length) return null;
    }
    nodes = parsed.filter((node) => (node.position?.start.offset ?? 0) >= prefix.length);
    cache?.set(source, nodes);
  }
  return { nodes, prefix };
}

/**
 * The document's link and footnote definitions, as lines to put before pieces (`[id]: x`,
 * `[^id]: x`), read from the pieces' parse: so they are exactly the definitions a whole parse sees
 * (not a line that merely looks like one, in a paragraph or in HTML; also one in a block quote, or
 * spread over lines). The identifier is all a piece needs: it decides whether a reference is a link.
 */
function definitionsIn(parsed: Iterable<{ nodes: RootContent[] }>): string {
  const lines = new Set<string>();
  for (const { nodes } of parsed) {
    const stack: Nodes[] = [...nodes];
    for (let node = stack.pop(); node; node = stack.pop()) {
      // A link label may start with `^` after a space (`[ ^x]:`); without the space the line would
      // define a footnote.
      if (node.type === 'definition') lines.add(`[${node.identifier.startsWith('^') ? ' ' : ''}${node.identifier}]: x`);
      else if (node.type === 'footnoteDefinition') lines.add(`[^${node.identifier}]: x`);
      if ('children' in node) pushChildren(stack, node.children);
    }
  }
  // Blank lines apart: after `[^id]: x`, a next line would continue the footnote's paragraph.
  return [...lines].join('\n\n');
}

function headingLine(text: string): string {
  const end = text.search(/[\r\n]/);
  return end < 0 ? text : text.slice(0, end);
}

function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
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

function moved(position: NonNullable<Nodes['position']>, by: Shift): NonNullable<Nodes['position']> {
  return {
    start: { line: position.start.line + by.line, column: position.start.column, offset: (position.start.offset ?? 0) + by.offset },
    end: { line: position.end.line + by.line, column: position.end.column, offset: (position.end.offset ?? 0) + by.offset },
  };
}

/**
 * Moves a piece's node (and its descendants) to where the piece is in the document, in place. With
 * a stack, as the copy below: lists or quotes nested thousands deep would overflow the call stack.
 */
function shift<T extends Nodes>(node: T, by: Shift): T {
  if (by.offset === 0 && by.line === 0) return node;
  const stack: Nodes[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.position) current.position = moved(current.position, by);
    if ('children' in current) pushChildren(stack, current.children);
  }
  return node;
}

/** A copy of a cached node moved to where its piece is now; the cached tree stays as it was. */
function shiftedCopy<T extends Nodes>(node: T, by: Shift): T {
  const root = { ...node };
  const stack: Nodes[] = [root];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.position) current.position = moved(current.position, by);
    if ('children' in current) {
      // The copy's own children array, of copies: the cached children are left as they were.
      const children = current.children.map((child) => ({ ...child }));
      (current as { children: Nodes[] }).children = children;
      pushChildren(stack, children);
    }
  }
  return root;
}
