/**
 * The document model: what a data-model document says, with source positions, built once per
 * file. Rules read this model; they never see raw mdast.
 */
import type { Range } from './source.js';

export type { Position, Range } from './source.js';

/** A piece of text and where it is. */
export interface Span {
  text: string;
  range: Range;
}

export interface InlineCode {
  /** The code content (without backticks). */
  value: string;
  /** The whole code span, backticks included. */
  range: Range;
  /** Where `value` starts in the source (after the opening backticks and padding). */
  valueStart: number;
}

export interface Link {
  /** The target; for a reference link (`[text][ref]`), its definition's, or null when undefined. */
  url: string | null;
  /** The label of a reference link, null for an inline link. */
  reference: string | null;
  text: string;
  range: Range;
}

/** `**Label**: value` — a bold label followed by a colon, in a paragraph or list item. */
export interface Field {
  label: string;
  labelRange: Range;
  /** Plain text of the value (markup removed), trimmed; '' when nothing follows the colon. */
  value: string;
  /** Source range of the value, trimmed; an empty range just after the colon when empty. */
  valueRange: Range;
  /** The value's raw source text. */
  raw: string;
  codes: InlineCode[];
  links: Link[];
  /**
   * When nothing follows the colon: the block right after the field's paragraph that holds its
   * value (the list after `**Access Patterns**:`, the diagram after `**Loan States**:`).
   */
  content: Block | null;
  /**
   * When nothing follows the colon and another field comes next, on the next line or as the next
   * block: that field. Either the label heads a group (`**Configurations**:` above
   * `**Single AI Mode**:`), or the field was left empty; the template tells which.
   */
  next: Field | null;
  section: Section;
}

/** Kinds of places where prose brackets are found. */
export type ContainerKind = 'heading' | 'paragraph' | 'listItem' | 'tableCell' | 'inlineCode';

/**
 * A balanced `[...]` group, or a `{{...}}` template token, in text a reader sees (outside links,
 * code blocks and escapes).
 */
export interface BracketGroup {
  /** `[text]`, `{{token}}`, or an `<angle placeholder>` that parsed as HTML. */
  syntax: 'bracket' | 'mustache' | 'angle';
  /** The raw group, brackets included. */
  raw: string;
  /** Raw text between the outer brackets. */
  content: string;
  range: Range;
  /** Up to 40 characters of the container's text before the group, on the same line. */
  before: string;
  /** Up to 40 characters of the container's text after the group, on the same line. */
  after: string;
  container: ContainerKind;
  /** True when the group is all there is in its container (ignoring whitespace). */
  whole: boolean;
  /** True when the container is a paragraph directly under a section (not in a list, table or quote). */
  standalone: boolean;
  section: Section;
  cell: Cell | null;
}

export interface Cell {
  /** Plain text (markup removed, `\|` unescaped), trimmed. */
  text: string;
  /** Raw source of the cell content, trimmed. */
  raw: string;
  /** Range of the trimmed content; an empty range where the content would go when blank. */
  range: Range;
  /**
   * Where `text` itself stands, inside one pair of code or emphasis markers (`` `Yes` ``); null when
   * the cell mixes markup and text, so no edit can replace the text alone.
   */
  textRange: Range | null;
  codes: InlineCode[];
  /** The header text of the cell's column; null for header cells and cells beyond the header. */
  column: string | null;
}

export interface Row {
  cells: Cell[];
  range: Range;
}

export interface Table {
  kind: 'table';
  header: Row;
  rows: Row[];
  /** Number of columns, as set by the delimiter row. */
  columnCount: number;
  range: Range;
  section: Section;
}

/** One line of a paragraph that looks like a table row but did not parse as a table. */
export interface PipeLine {
  text: string;
  range: Range;
  cellCount: number;
  isDelimiter: boolean;
}

/** Consecutive pipe lines in a paragraph: a table that failed to parse. */
export interface PipeRows {
  kind: 'pipe-rows';
  lines: PipeLine[];
  range: Range;
  section: Section;
}

export interface ListItem {
  /** true/false for task items `- [x]` / `- [ ]`, null otherwise. */
  checked: boolean | null;
  /** Plain text of the item's first paragraph. */
  text: string;
  /** Range of the first paragraph's text (after any task box). */
  textRange: Range;
  range: Range;
  fields: Field[];
  codes: InlineCode[];
  /** Nested lists. */
  lists: List[];
}

export interface List {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
  range: Range;
  section: Section;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  range: Range;
  fields: Field[];
  codes: InlineCode[];
  section: Section;
}

export interface CodeBlock {
  kind: 'code';
  lang: string | null;
  meta: string | null;
  value: string;
  range: Range;
  /** Source line of the first line of `value` (use `codeOffset` to map an index in `value`). */
  valueLine: number;
  section: Section;
}

export interface HtmlBlock {
  kind: 'html';
  value: string;
  range: Range;
  isComment: boolean;
  section: Section;
}

/** An HTML comment, in a block of its own or inline. */
export interface Comment {
  /** The whole comment, `<!--` and `-->` included. */
  text: string;
  range: Range;
}

/** Blocks that carry no content of their own: `---`, link definitions. */
export interface Decoration {
  kind: 'thematic-break' | 'definition';
  range: Range;
  section: Section;
}

/** Block quotes, footnote definitions: content nested in a container. */
export interface Container {
  kind: 'blockquote' | 'footnote-definition';
  blocks: Block[];
  range: Range;
  section: Section;
}

export type Block = Paragraph | List | Table | PipeRows | CodeBlock | HtmlBlock | Decoration | Container;

export interface Section {
  /** Heading depth 1–6; 0 for the document root. */
  level: number;
  /** Plain text of the heading. */
  title: string;
  /** Range of the heading text; for the root, an empty range at 1:1. */
  titleRange: Range;
  /** Range of the whole heading line(s). */
  headingRange: Range;
  /** From the heading to the end of the section's last content. */
  range: Range;
  /** Content before the first child heading. */
  blocks: Block[];
  children: Section[];
  parent: Section | null;
}
