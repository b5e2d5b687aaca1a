/**
 * One pass over mdast that builds the generic structure of a Markdown document: the section
 * tree, blocks with positions, tables, lists, fields, code blocks, failed tables (pipe rows), and
 * every bracket group a reader sees. Knows nothing about templates or entities.
 */
import type { Heading, Nodes, Paragraph as MdastParagraph, RootContent } from 'mdast';
import { findBracketGroups, maskedSlice } from './brackets.js';
import { endOffset, plainText, pushChildren, readFields, readPhrasing, startOffset, type Phrasing } from './inline.js';
import { INLINE_BUDGET, SCAN_AHEAD_BUDGET } from './budget.js';
import { limitNesting, MAX_CONTAINERS, MAX_INDENT } from './limits.js';
import { parsePieces, type ChunkCache } from './parse.js';
import { blankFrontMatter, SourceText } from './source.js';
import { findPipeRuns, readTable } from './tables.js';
import type {
  Block,
  Comment,
  Link,
  BracketGroup,
  Cell,
  CodeBlock,
  ContainerKind,
  Field,
  HtmlBlock,
  InlineCode,
  List,
  ListItem,
  Paragraph,
  PipeRows,
  Range,
  Section,
  Table,
} from './types.js';

export interface Structure {
  source: SourceText;
  /** The document root: level 0, holds the content before the first heading. */
  root: Section;
  /** Every section in document order (the root excluded). */
  sections: Section[];
  paragraphs: Paragraph[];
  lists: List[];
  listItems: ListItem[];
  tables: Table[];
  pipeRows: PipeRows[];
  codeBlocks: CodeBlock[];
  html: HtmlBlock[];
  /** Every HTML comment, block or inline, in document order. */
  comments: Comment[];
  /** Every link, reference links resolved. */
  links: Link[];
  fields: Field[];
  brackets: BracketGroup[];
  inlineCodes: InlineCode[];
  /** Places where the parser read the rest as plain text, and why (limits.ts, budget.ts). */
  parseLimits: ParseLimit[];
}

/** The innermost section that holds `offset` (the root before the first heading). */
export function sectionAt(structure: Structure, offset: number): Section {
  let found = structure.root;
  for (const section of structure.sections) if (section.range.start.offset <= offset && offset < section.range.end.offset) found = section;
  return found;
}

export interface ParseLimit {
  range: Range;
  message: string;
}

/**
 * Parses once and builds the structure, piece by piece (no more than one piece's tree in memory).
 * Front matter is not parsed: it is not part of the Markdown.
 */
export function buildStructure(text: string, cache: ChunkCache | null = null): Structure {
  const source = new SourceText(text);
  const nesting = limitNesting(blankFrontMatter(text), source.lineStarts);
  const builder = new StructureBuilder(source, parsePieces(nesting.text, cache));
  for (const cut of nesting.cuts) builder.parseLimit(cut, NESTING_LIMIT);
  return builder.build();
}

const NESTING_LIMIT = `Lists or block quotes nested more than ${MAX_CONTAINERS} deep, or indented more than ${MAX_INDENT} columns: dmlint read the rest of this line as plain text, so its lists and quotes are not checked`;
/** `1,000`. Not toLocaleString: it loads the locale data on every run (docs/performance.md). */
const withThousands = (count: number): string => String(count).replace(/\B(?=(?:\d{3})+$)/g, ',');
const INLINE_LIMIT = `A paragraph with more than ${withThousands(INLINE_BUDGET)} lines, brackets, emphasis marks and escapes, or more than ${SCAN_AHEAD_BUDGET} tags and backticks: dmlint read the rest of it as plain text from here, so links, code and inline HTML there are not recognised; split the paragraph`;

const CONTEXT_CHARS = 40;
/** Containers nested deeper than this are read flat (see readFlat). */
const MAX_NESTING = 64;
/** A `{{name}}` template token, as team templates write placeholders. */
const MUSTACHE = /\{\{[^{}\r\n]{1,80}\}\}/g;

class StructureBuilder {
  private readonly source: SourceText;
  private readonly out: Structure;

  /** Definitions seen so far, for reference links (`[text][ref]`). */
  private readonly definitions = new Map<string, string>();

  constructor(
    source: SourceText,
    private readonly pieces: Iterable<RootContent[]>,
  ) {
    this.source = source;
    const empty = this.source.range(0, 0);
    const root: Section = { level: 0, title: '', titleRange: empty, headingRange: empty, range: this.source.range(0, source.text.length), blocks: [], children: [], parent: null };
    this.out = {
      source: this.source,
      root,
      sections: [],
      paragraphs: [],
      lists: [],
      listItems: [],
      tables: [],
      pipeRows: [],
      codeBlocks: [],
      html: [],
      comments: [],
      links: [],
      fields: [],
      brackets: [],
      inlineCodes: [],
      parseLimits: [],
    };
  }

  build(): Structure {
    const stack: Section[] = [this.out.root];
    let lastEnd = 0;
    const close = (depth: number): void => {
      while (stack.length > 1 && (stack[stack.length - 1]?.level ?? 0) >= depth) {
        const done = stack.pop();
        if (done) done.range = this.source.range(done.range.start.offset, Math.max(lastEnd, done.headingRange.end.offset));
      }
    };
    // Each piece's tree is read and let go before the next piece is parsed.
    for (const node of flatten(this.pieces)) {
      const current = stack[stack.length - 1] ?? this.out.root;
      if (node.type === 'heading') {
        close(node.depth);
        const parent = stack[stack.length - 1] ?? this.out.root;
        const section = this.readHeading(node, parent);
        parent.children.push(section);
        this.out.sections.push(section);
        stack.push(section);
      } else {
        const block = this.readBlock(node, current);
        if (block) this.append(current.blocks, block);
      }
      lastEnd = endOffset(node);
    }
    close(1);
    this.resolveReferences();
    return this.out;
  }

  /** `[text][ref]` takes the url of `[ref]: url`, wherever that definition is. */
  private resolveReferences(): void {
    const resolve = (link: Link): void => {
      if (link.reference !== null) link.url = this.definitions.get(link.reference) ?? null;
    };
    this.out.links.forEach(resolve);
    for (const field of this.out.fields) field.links.forEach(resolve);
  }

  private readHeading(node: Heading, parent: Section): Section {
    const start = startOffset(node);
    const end = endOffset(node);
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    const [titleStart, titleEnd] = first && last ? [startOffset(first), endOffset(last)] : [end, end];
    const section: Section = {
      level: node.depth,
      title: plainText(node).trim(),
      titleRange: this.source.range(titleStart, titleEnd),
      headingRange: this.source.range(start, end),
      range: this.source.range(start, end),
      blocks: [],
      children: [],
      parent,
    };
    this.scanPhrasing(node.children, start, end, 'heading', section, { standalone: false });
    return section;
  }

  /** Reads a block; `depth` counts the containers (lists, quotes, footnotes) around it. */
  private readBlock(node: RootContent, section: Section, depth = 0): Block | null {
    const range = this.source.range(startOffset(node), endOffset(node));
    switch (node.type) {
      case 'paragraph':
        return this.readParagraph(node, section, 'paragraph');
      case 'list': {
        if (depth >= MAX_NESTING) return this.readFlat(node, section);
        const list: List = { kind: 'list', ordered: node.ordered === true, items: [], range, section };
        for (const itemNode of node.children) list.items.push(this.readListItem(itemNode.children, itemNode.checked ?? null, startOffset(itemNode), endOffset(itemNode), section, depth + 1));
        this.out.lists.push(list);
        return list;
      }
      case 'table': {
        const table = readTable(node, this.source, section, ({ cell, phrasing, contentStart, contentEnd }) => {
          this.collectPhrasing(phrasing);
          this.scanBrackets(phrasing, contentStart, contentEnd, 'tableCell', section, { standalone: false, cell });
        });
        this.out.tables.push(table);
        return table;
      }
      case 'code': {
        const valueLine = this.codeValueLine(startOffset(node));
        const code: CodeBlock = { kind: 'code', lang: node.lang ?? null, meta: node.meta ?? null, value: node.value, range, valueLine, section };
        this.out.codeBlocks.push(code);
        return code;
      }
      case 'html': {
        const html: HtmlBlock = { kind: 'html', value: node.value, range, isComment: node.value.trimStart().startsWith('<!--'), section };
        this.out.html.push(html);
        this.collectComments(range.start.offset, range.end.offset);
        return html;
      }
      case 'thematicBreak':
        return { kind: 'thematic-break', range, section };
      case 'definition':
        if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node.url);
        return { kind: 'definition', range, section };
      case 'blockquote':
      case 'footnoteDefinition': {
        if (depth >= MAX_NESTING) return this.readFlat(node, section);
        const blocks: Block[] = [];
        for (const child of node.children) {
          const block = child.type === 'paragraph' ? this.readParagraph(child, section, 'paragraph', false) : this.readBlock(child, section, depth + 1);
          if (block) this.append(blocks, block);
        }
        return { kind: node.type === 'blockquote' ? 'blockquote' : 'footnote-definition', blocks, range, section };
      }
      case 'heading':
        // A heading nested in a list or quote does not open a section; read it as text.
        this.scanPhrasing(node.children, startOffset(node), endOffset(node), 'heading', section, { standalone: false });
        return null;
      default:
        return null;
    }
  }

  private readParagraph(node: MdastParagraph, section: Section, kind: ContainerKind, standalone = true): Paragraph | PipeRows {
    const start = startOffset(node);
    const end = endOffset(node);
    const runs = findPipeRuns(this.source, start, end);
    const firstRun = runs[0];
    if (firstRun && kind === 'paragraph') {
      // Every pipe run becomes its own failed-table record; the paragraph itself is that table.
      let result: PipeRows | null = null;
      for (const lines of runs) {
        const first = lines[0];
        const last = lines[lines.length - 1];
        if (!first || !last) continue;
        const rows: PipeRows = { kind: 'pipe-rows', lines, range: { start: first.range.start, end: last.range.end }, section };
        this.out.pipeRows.push(rows);
        result ??= rows;
      }
      // Brackets in a failed table are still leftovers a reader sees.
      this.scanPhrasing(node.children, start, end, 'tableCell', section, { standalone: false });
      if (result) return result;
    }
    const fields = readFields(node.children, this.source, section);
    // One by one: spread into push(), a line with 150,000 of them overflows the call stack.
    for (const field of fields) this.out.fields.push(field);
    const phrasing = this.scanPhrasing(node.children, start, end, kind, section, { standalone: standalone && kind === 'paragraph' });
    const paragraph: Paragraph = { kind: 'paragraph', text: plainText(node), range: this.source.range(start, end), fields, codes: phrasing.codes, section };
    this.out.paragraphs.push(paragraph);
    return paragraph;
  }

  /**
   * A container nested deeper than MAX_NESTING, read as one block quote of the paragraphs, tables,
   * code and HTML inside it, in order. No document nests that deep on purpose, and reading each
   * level by recursion would overflow the call stack; nothing inside is skipped.
   */
  private readFlat(node: RootContent, section: Section): Block {
    const blocks: Block[] = [];
    const stack: RootContent[] = [node];
    for (let current = stack.pop(); current; current = stack.pop()) {
      if (current.type === 'list' || current.type === 'listItem' || current.type === 'blockquote' || current.type === 'footnoteDefinition') pushChildren(stack, current.children);
      else {
        const block = current.type === 'paragraph' ? this.readParagraph(current, section, 'paragraph', false) : this.readBlock(current, section, MAX_NESTING);
        if (block) this.append(blocks, block);
      }
    }
    return { kind: 'blockquote', blocks, range: this.source.range(startOffset(node), endOffset(node)), section };
  }

  private readListItem(children: readonly RootContent[], checked: boolean | null, start: number, end: number, section: Section, depth: number): ListItem {
    const item: ListItem = {
      checked,
      text: '',
      textRange: this.source.range(start, start),
      range: this.source.range(start, end),
      fields: [],
      codes: [],
      lists: [],
    };
    const blocks: Block[] = [];
    let first = true;
    for (const child of children) {
      if (child.type === 'paragraph' && first) {
        const paragraph = this.readParagraph(child, section, 'listItem');
        if (paragraph.kind === 'paragraph') {
          item.text = paragraph.text;
          item.textRange = paragraph.range;
          item.fields = paragraph.fields;
          item.codes = paragraph.codes;
        }
        this.append(blocks, paragraph);
      } else {
        const block = this.readBlock(child, section, depth);
        if (block) this.append(blocks, block);
        if (block?.kind === 'list') item.lists.push(block);
      }
      first = false;
    }
    this.out.listItems.push(item);
    return item;
  }

  /**
   * Adds a block to its container. A field with nothing after its colon (`**Access Patterns**:`)
   * takes the block that follows as its value, unless that block opens with a field of its own.
   */
  private append(blocks: Block[], block: Block): void {
    // A comment between the label and its value (`**Orphan Prevention**:`, a comment, a list) is skipped.
    const previous = blocks.findLast((candidate) => !(candidate.kind === 'html' && candidate.isComment));
    const last = previous?.kind === 'paragraph' ? previous.fields[previous.fields.length - 1] : undefined;
    const startsWithField = block.kind === 'paragraph' && block.fields[0]?.labelRange.start.offset === block.range.start.offset;
    const isComment = block.kind === 'html' && block.isComment;
    if (last && last.value === '' && !startsWithField && block.kind !== 'thematic-break' && !isComment) last.content = block;
    if (last && last.value === '' && startsWithField && block.kind === 'paragraph') last.next = block.fields[0] ?? null;
    blocks.push(block);
  }

  private scanPhrasing(children: readonly Nodes[], start: number, end: number, kind: ContainerKind, section: Section, where: { standalone: boolean }): Phrasing {
    const phrasing = readPhrasing(children, this.source);
    this.collectPhrasing(phrasing);
    this.scanBrackets(phrasing, start, end, kind, section, { standalone: where.standalone, cell: null });
    return phrasing;
  }

  private scanBrackets(phrasing: Phrasing, start: number, end: number, kind: ContainerKind, section: Section, where: { standalone: boolean; cell: Cell | null }): void {
    const masked = maskedSlice(this.source.text, start, end, phrasing.masks);
    this.collectGroups(masked, start, kind, section, where);
    for (const [from, to] of phrasing.html) {
      if (!isAnglePlaceholder(this.source.text.slice(from, to))) continue;
      // The context kept is CONTEXT_CHARS long: a longer slice per tag is quadratic on a line of tags.
      const before = masked.slice(Math.max(0, from - start - CONTEXT_CHARS), from - start);
      this.pushGroup('angle', from, to, before, kind, section, { standalone: false, cell: where.cell }, false);
    }
    for (const code of phrasing.codes) {
      const codeEnd = code.valueStart + code.value.length;
      // Code content is literal: no escapes. Only brackets inside the code span are scanned here;
      // the text before the span still tells what the code stands in (`**Branch**: `[...]``).
      const codeText = this.source.text.slice(code.valueStart, codeEnd);
      const outside = masked.slice(Math.max(0, code.valueStart - start - CONTEXT_CHARS), Math.max(0, code.valueStart - start));
      this.collectGroups(codeText, code.valueStart, 'inlineCode', section, { standalone: false, cell: where.cell }, outside);
    }
  }

  /** Records that the parser read text from `offset` on as plain text. */
  parseLimit(offset: number, message: string): void {
    this.out.parseLimits.push({ range: this.source.range(offset, offset + 1), message });
  }

  /** Records the code spans, links, comments and parse limits of some phrasing (one by one: see readParagraph). */
  private collectPhrasing(phrasing: Phrasing): void {
    for (const offset of phrasing.unparsed) this.parseLimit(offset, INLINE_LIMIT);
    for (const code of phrasing.codes) this.out.inlineCodes.push(code);
    for (const link of phrasing.links) this.out.links.push(link);
    for (const [from, to] of phrasing.html) this.collectComments(from, to);
  }

  /** The comments in [start, end), found with indexOf: a lazy /<!--[\s\S]*?-->/ rescans to the end from every unclosed `<!--`. */
  private collectComments(start: number, end: number): void {
    const text = this.source.text.slice(start, end);
    for (let open = text.indexOf('<!--'); open >= 0; ) {
      const close = text.indexOf('-->', open + 4);
      // No comment closes after this one either.
      if (close < 0) return;
      this.out.comments.push({ text: text.slice(open, close + 3), range: this.source.range(start + open, start + close + 3) });
      open = text.indexOf('<!--', close + 3);
    }
  }

  private collectGroups(masked: string, base: number, kind: ContainerKind, section: Section, where: { standalone: boolean; cell: Cell | null }, outside = ''): void {
    const groups = [
      ...findBracketGroups(masked).map((group) => ({ ...group, syntax: 'bracket' as const })),
      ...(masked.includes('{{') ? [...masked.matchAll(MUSTACHE)].map((match) => ({ open: match.index, close: match.index + match[0].length, syntax: 'mustache' as const })) : []),
    ];
    if (groups.length === 0) return;
    const trimmed = masked.trim();
    for (const { open, close, syntax } of groups) {
      const before = lineTail(outside + masked.slice(Math.max(0, open - CONTEXT_CHARS), open));
      this.pushGroup(syntax, base + open, base + close, before, kind, section, where, trimmed === masked.slice(open, close), lineHead(masked.slice(close, close + CONTEXT_CHARS)));
    }
  }

  private pushGroup(
    syntax: BracketGroup['syntax'],
    start: number,
    end: number,
    before: string,
    kind: ContainerKind,
    section: Section,
    where: { standalone: boolean; cell: Cell | null },
    whole: boolean,
    after = '',
  ): void {
    const raw = this.source.text.slice(start, end);
    const inner = syntax === 'mustache' ? raw.slice(2, -2) : raw.slice(1, -1);
    this.out.brackets.push({
      syntax,
      raw,
      content: syntax === 'bracket' ? inner : inner.trim(),
      range: this.source.range(start, end),
      before: lineTail(before).slice(-CONTEXT_CHARS),
      after,
      container: kind,
      whole,
      standalone: where.standalone,
      section,
      cell: where.cell,
    });
  }


  /** Line of a code block's first content line: after the fence, or the first line when indented. */
  private codeValueLine(start: number): number {
    const position = this.source.position(start);
    const opening = this.source.text.slice(start, this.source.lineEnd(position.line));
    return /^(`{3,}|~{3,})/.test(opening) ? position.line + 1 : position.line;
  }
}

/** Names of HTML elements: `<details>` is markup, `<name or role>` is a placeholder. */
const HTML_ELEMENTS = new Set(
  'a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'.split(
    ' ',
  ),
);

/** `<name or role>`, `<EntityName>`: angle brackets around words that are no HTML element. */
export function isAnglePlaceholder(html: string): boolean {
  const match = /^<([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w-]*)*)\s*>$/.exec(html);
  return match?.[1] !== undefined && !HTML_ELEMENTS.has(match[1].toLowerCase());
}

function* flatten<T>(pieces: Iterable<readonly T[]>): Generator<T> {
  for (const piece of pieces) yield* piece;
}

function lineTail(text: string): string {
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return cut >= 0 ? text.slice(cut + 1) : text;
}

function lineHead(text: string): string {
  const cut = text.search(/[\r\n]/);
  return cut >= 0 ? text.slice(0, cut) : text;
}
