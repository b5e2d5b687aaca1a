/**
 * The only module that imports unified/remark. Frozen processors are reused for every parse:
 * building a processor is costly, and a frozen one cannot be mutated by accident. A big document
 * is parsed piece by piece (see chunks.ts) and the pieces joined, positions shifted: the same tree,
 * in linear time. With a cache, pieces that did not change are not parsed again.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Data, type Processor } from 'unified';
import { timed } from '../util/timing.js';
import { inlineBudget } from './budget.js';
import { splitDocument, type Chunk } from './chunks.js';
import { pushChildren } from './inline.js';

export type Feature = 'footnotes' | 'autolinkLiterals';

/** A GFM feature that costs time even in text without it, and what a text needs to contain it. */
interface OptionalFeature {
  mayOccurIn(text: string): boolean;
  /** Its micromark constructs, which micromark's `disable` turns off by name. */
  constructs: readonly string[];
  /**
   * The token type whose mdast extension also transforms the tree after the parse: that transform
   * is left out too.
   */
  transformsOf?: string;
}

/**
 * What a literal autolink (GFM) needs: `@` (an email address, also after `mailto:` or `xmpp:`), or
 * `www.`, `http://` or `https://` in any case. mdast's transform also finds them in text once
 * escapes and character references are decoded: so `\.`, `\:` and `\/` count, and any character
 * reference (`&#64;` is `@`).
 */
const AUTOLINK_LITERAL = /@|&[#a-z]|www\\?\.|https?\\?:(?:\\?\/){2}/i;

/**
 * GFM features that text is parsed without when it cannot contain them: the same tree, faster.
 * Footnotes need `[^`; without them, no scan back over a paragraph's tokens at every `]`
 * (quadratic on a line of brackets). Literal autolinks are tried at the start of every word, and
 * then found again by a find-and-replace over every text node of the tree.
 */
const OPTIONAL_FEATURES: Record<Feature, OptionalFeature> = {
  footnotes: { mayOccurIn: (text) => text.includes('[^'), constructs: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'] },
  autolinkLiterals: { mayOccurIn: (text) => AUTOLINK_LITERAL.test(text), constructs: ['wwwAutolink', 'protocolAutolink', 'emailAutolink'], transformsOf: 'literalAutolink' },
};

const FEATURES = Object.keys(OPTIONAL_FEATURES) as Feature[];

/** The optional features that the text cannot contain. */
export function absentFeatures(text: string): Feature[] {
  return FEATURES.filter((feature) => !OPTIONAL_FEATURES[feature].mayOccurIn(text));
}

/**
 * remark with GFM less the features. A disabled construct still ends a run of text where it could
 * start, but fails there at once: the tokens are those of full GFM wherever the feature is absent.
 */
function gfmWithout(features: readonly Feature[]) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(inlineBudget)
    .use(function leaveOut(this: Processor) {
      if (features.length === 0) return;
      const data = this.data();
      (data.micromarkExtensions ??= []).push({ disable: { null: features.flatMap((feature) => OPTIONAL_FEATURES[feature].constructs) } });
      for (const feature of features) {
        const token = OPTIONAL_FEATURES[feature].transformsOf;
        if (token) data.fromMarkdownExtensions = withoutTransformsOf(token, data.fromMarkdownExtensions ?? []);
      }
    })
    .freeze();
}

type FromMarkdownExtensions = NonNullable<Data['fromMarkdownExtensions']>;
type FromMarkdownExtension = Exclude<FromMarkdownExtensions[number], unknown[]>;

/**
 * The mdast extensions, with no tree transforms in the one that handles `token` (and the rest as
 * they were). Found by what it handles, not by its transform's name, which a minified bundle changes.
 */
function withoutTransformsOf(token: string, extensions: FromMarkdownExtensions): FromMarkdownExtensions {
  const lean = (extension: FromMarkdownExtension): FromMarkdownExtension => (extension.enter?.[token] ? { ...extension, transforms: [] } : extension);
  return extensions.map((extension) => (Array.isArray(extension) ? extension.map(lean) : lean(extension)));
}

const processors = new Map<string, ReturnType<typeof gfmWithout>>();

/**
 * The processor without the features: one for each set, built when first needed.
 * @internal (left out of the shipped declarations, which name no parser package)
 */
export function processorWithout(features: readonly Feature[]): ReturnType<typeof gfmWithout> {
  const key = [...features].sort().join();
  let processor = processors.get(key);
  if (!processor) {
    processor = gfmWithout(features);
    processors.set(key, processor);
  }
  return processor;
}

function parse(text: string): Root {
  return processorWithout(absentFeatures(text)).parse(text);
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
  return processorWithout([]).parse(text);
}

/** Parses Markdown (GFM) into mdast. Expects text without a leading BOM. */
export function parseMarkdown(text: string, cache: ChunkCache | null = null): Root {
  const children: RootContent[] = [];
  for (const piece of parsePieces(text, cache)) for (const node of piece) children.push(node);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: lastPoint(text) } };
}

/**
 * The top-level nodes of a document, one piece at a time, with their document positions. A reader
 * that handles each piece as it comes keeps only one piece's tree in memory (all of them when the
 * document has definitions to share).
 */
export function* parsePieces(text: string, cache: ChunkCache | null = null): Generator<RootContent[]> {
  const { chunks } = splitDocument(text);
  if (chunks.length === 1 && !cache) {
    yield timed('parse', () => parse(text)).children;
    return;
  }
  // A definition's label ends in `]:`: without one, the pieces have no definitions to share.
  const parsed = text.includes(']:') ? withSharedDefinitions(text, chunks, cache) : pieces(text, chunks, '', cache);
  for (const piece of parsed) {
    const by = shiftOf(piece);
    yield piece.nodes.map((node) => (cache ? shiftedCopy(node, by) : shift(node, by)));
  }
}

/** Where a piece is in the document, and its text. */
interface Place {
  offset: number;
  /** 0-based. */
  line: number;
  text: string;
  /** The next piece's heading line, parsed after the piece to check the cut; null for the last piece. */
  nextHeading: string | null;
}

/** A piece parsed: its nodes, and what was parsed before its text (definitions, or nothing). */
interface Piece extends Place {
  prefix: string;
  nodes: RootContent[];
}

/** How far a piece's parsed positions are from the document's. */
interface Shift {
  offset: number;
  line: number;
}

function shiftOf(piece: Piece): Shift {
  return { offset: piece.offset - piece.prefix.length, line: piece.line - lineCount(piece.prefix) };
}

/**
 * The document parsed piece by piece. The cuts of chunks.ts are checked, not trusted: each piece is
 * parsed with the next piece's heading line after it, and that line must read as a heading, which
 * it does only when nothing before it was left open (fenced code, HTML). Where it does not, the
 * piece takes in the following chunks, twice as many on each try, so that the cost stays linear.
 */
function* pieces(text: string, chunks: readonly Chunk[], definitions: string, cache: ChunkCache | null): Generator<Piece> {
  for (let first = 0; first < chunks.length; ) {
    const chunk = chunks[first];
    if (!chunk) return;
    for (let count = 1; ; count *= 2) {
      const next = chunks[first + count];
      const place = { offset: chunk.offset, line: chunk.line, text: text.slice(chunk.offset, next?.offset ?? text.length), nextHeading: next ? headingLine(next.text) : null };
      const piece = parsePiece(place, definitions, cache);
      if (!piece) continue;
      yield piece;
      first += count;
      break;
    }
  }
}

/**
 * A piece parsed; null when its next heading, parsed after the piece, is not a heading. Definitions
 * from elsewhere in the document go before the piece's text (they make `[text][ref]` a link), then
 * a thematic break that ends them (an indented first line would continue a footnote definition).
 */
function parsePiece(place: Place, definitions: string, cache: ChunkCache | null): Piece | null {
  const { text, nextHeading } = place;
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
  return { ...place, prefix, nodes };
}

/** Definitions a document may have for the pieces to be searched for their labels. */
const MAX_LABELS_LOOKED_FOR = 200;

/**
 * The pieces as parsed with all the document's definitions before each. Every piece is parsed on
 * its own first, which finds the definitions; only a piece that may refer to a definition of
 * another piece is parsed again, with the definitions: its own it has seen, and a definition
 * whose label a piece does not write cannot change its tree.
 */
function withSharedDefinitions(text: string, chunks: readonly Chunk[], cache: ChunkCache | null): Piece[] {
  const parsed = [...pieces(text, chunks, '', cache)].map((piece) => ({ piece, defines: definitionsIn(piece.nodes) }));
  const all = new Set(parsed.flatMap(({ defines }) => [...defines]));
  const definitions = definitionLines(all);
  // Looking for each label in each piece costs labels × text: past a few hundred labels, parsing
  // every piece again (linear) is cheaper than looking.
  const look = all.size <= MAX_LABELS_LOOKED_FOR;
  const others = (defines: Set<string>): string[] => [...all].filter((reference) => !defines.has(reference));
  const shared = parsed.map(({ piece, defines }) => (!look || mayReferTo(piece.text, others(defines)) ? parsePiece(piece, definitions, cache) : piece));
  // Not expected: what goes before a piece's text ends in a blank line, so the piece's blocks and
  // its cut are the same. Should a cut fail, every piece is parsed again with the definitions.
  return shared.every((piece) => piece !== null) ? shared : [...pieces(text, chunks, definitions, cache)];
}

/**
 * The references that the nodes' link and footnote definitions answer (`[id]`, `[^id]`), read from
 * the parse: so they are exactly the definitions a whole parse sees (not a line that merely looks
 * like one, in a paragraph or in HTML; also one in a block quote, or spread over lines). The
 * identifier is all a piece needs: it decides whether a reference is a link.
 */
function definitionsIn(nodes: readonly RootContent[]): Set<string> {
  const references = new Set<string>();
  const stack: Nodes[] = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    // A link label may start with `^` after a space (`[ ^x]:`); without the space the line would
    // define a footnote.
    if (node.type === 'definition') references.add(`[${node.identifier.startsWith('^') ? ' ' : ''}${node.identifier}]`);
    else if (node.type === 'footnoteDefinition') references.add(`[^${node.identifier}]`);
    if ('children' in node) pushChildren(stack, node.children);
  }
  return references;
}

/** Definitions as lines to put before a piece (`[id]: x`). */
function definitionLines(references: Iterable<string>): string {
  // Blank lines apart: after `[^id]: x`, a next line would continue the footnote's paragraph.
  return [...references].map((reference) => `${reference}: x`).join('\n\n');
}

/**
 * Whether the text may hold a reference to one of the definitions: whether it writes a label of
 * one between brackets, compared as micromark compares labels. It may answer yes wrongly (that
 * costs a parse), never no wrongly (that would change the tree).
 */
function mayReferTo(text: string, references: readonly string[]): boolean {
  if (references.length === 0 || !text.includes('[')) return false;
  const written = comparable(text);
  return references.some((reference) => written.includes(comparable(reference)));
}

/**
 * Text case-folded as micromark folds labels (lower case, then upper case), NUL read as U+FFFD as
 * micromark reads it, and without whitespace and `>`: whitespace in a label only separates, and a
 * label that goes over lines in a block quote has `>` in the text but not in the label.
 */
function comparable(text: string): string {
  return text.replace(/[\t\n\r >]+/g, '').replaceAll('\0', '\uFFFD').toLowerCase().toUpperCase();
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
