/**
 * The lists that name other parts of the model: the Overview's key entities, each entity's
 * index list, and the foreign-key constraints. Each name keeps its exact source range.
 */
import { ARROW } from './diagrams.js';
import { NAME_PATTERN } from '../util/letters.js';
import type { SourceText } from '../markdown/source.js';
import type { Block, Field, ListItem, Section, Span } from '../markdown/types.js';

/** A name in a list item, without surrounding markup (`**`, backticks). */
export function markedSpan(source: SourceText, start: number, end: number): Span | null {
  const text = source.text;
  while (start < end && /[\s*_`]/.test(text.charAt(start))) start++;
  while (end > start && /[\s*_`]/.test(text.charAt(end - 1))) end--;
  return start < end ? { text: text.slice(start, end), range: source.range(start, end) } : null;
}

/** The first line of a list item's text, as source offsets. */
function firstLine(source: SourceText, item: ListItem): [number, number] {
  const start = item.textRange.start.offset;
  const end = Math.min(item.textRange.end.offset, source.lineEnd(item.textRange.start.line));
  return [start, end];
}

/** Items of the list that is a field's value (`**Key Entities from Spec**:` then a list). */
export function fieldItems(field: Field | undefined): ListItem[] {
  return field?.content?.kind === 'list' ? field.content.items : [];
}

/** Every list item directly in a section's blocks, nested items included. */
export function listItemsOf(section: Section): ListItem[] {
  const items: ListItem[] = [];
  const walk = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.kind === 'list') {
        for (const item of block.items) {
          items.push(item);
          for (const nested of item.lists) walk([nested]);
        }
      } else if (block.kind === 'blockquote') walk(block.blocks);
    }
  };
  walk(section.blocks);
  return items;
}

export interface KeyEntity {
  name: Span;
}

/**
 * The key entities: a list after the label (`- Member - a registered card holder`, the name being
 * what comes before the dash, colon or parenthesis), or names in the label's own line
 * (`**Key Entities from Spec**: Member, Book and Loan`).
 */
export function readKeyEntities(source: SourceText, field: Field): KeyEntity[] {
  if (field.content?.kind !== 'list' && field.value !== '') return splitList(source, field.valueRange.start.offset, field.valueRange.end.offset).map((name) => ({ name }));
  return fieldItems(field).flatMap((item) => {
    const [start, end] = firstLine(source, item);
    const line = source.text.slice(start, end);
    // A linked name (`[OrderItem](#entity-orderitem)`) is its link text.
    const link = /^\s*\[([^\]]+)\]\([^)]*\)/.exec(line);
    if (link?.[1]) {
      const at = start + line.indexOf(link[1]);
      const name = markedSpan(source, at, at + link[1].length);
      return name ? [{ name }] : [];
    }
    // The name ends at a dash, a colon, a parenthesis or a bracketed reference (`OrderItem [FR-003]`).
    // One space before the mark is enough (markedSpan trims the rest): `\s+` would retry from every
    // space of a long run, in quadratic time.
    const separator = /\s[-\u2013\u2014]\s|:\s|\s[([]/.exec(line);
    const name = markedSpan(source, start, separator ? start + separator.index : end);
    return name ? [{ name }] : [];
  });
}

export interface IndexEntry {
  /** The label: Primary, Unique, Index, Composite ... */
  kind: string;
  columns: Span[];
  item: ListItem;
}

/**
 * `- **Unique**: `email` - reason`, `- **Composite**: `(status, due_on)` - reason`. Column names
 * come from the code spans of the value, or, without code, from the text before ` - `. SQL
 * around them is read as SQL: `lower(email)` indexes `email`, `created_at DESC` is `created_at`.
 */
export function readIndexes(source: SourceText, items: readonly ListItem[]): IndexEntry[] {
  return items.flatMap((item) => {
    const field = item.fields[0];
    if (!field) return [];
    // The columns come before the reason (` - supports WHERE ...`), which may hold code of its own.
    const reasonAt = field.valueRange.start.offset + (/\s[-\u2013\u2014]\s/.exec(field.raw)?.index ?? field.raw.length);
    const codes = field.codes.filter((code) => code.valueStart < reasonAt);
    const columns =
      codes.length > 0
        ? codes.flatMap((code) => columnNames(source, code.valueStart, code.valueStart + code.value.length, true))
        : columnNames(source, field.valueRange.start.offset, reasonAt, false);
    return [{ kind: field.label, columns, item }];
  });
}

const SQL_WORDS = /\b(?:asc|desc|nulls\s+(?:first|last)|collate\s+\S+|using\s+\S+)\b/gi;

/**
 * Column names in `(a, b DESC)`, `lower(email)` or, as plain text, `a, b`. In plain text a
 * parenthesis after a name is a note (`email (citext)`), and words with spaces are prose
 * (`none beyond the primary key`), not names.
 */
function columnNames(source: SourceText, start: number, end: number, code: boolean): Span[] {
  // Only blanked out and measured here, so the folded text serves: names are sliced from the source.
  let text = source.folded.slice(start, end).replace(SQL_WORDS, (word) => ' '.repeat(word.length));
  if (!code && !text.trimStart().startsWith('(')) {
    const note = text.indexOf('(');
    if (note >= 0) text = text.slice(0, note);
  }
  // A function call's name is not a column: blank it, keep its arguments. Tried only where a word
  // starts: from inside a long word that is no call, every position would rescan the word.
  text = text.replace(/(?<![A-Za-z0-9_])[A-Za-z0-9_]+(?=\()/g, (name) => ' '.repeat(name.length));
  const names: Span[] = [];
  for (const match of text.matchAll(/[^,()]+/g)) {
    const lead = match[0].length - match[0].trimStart().length;
    const trimmed = match[0].trim();
    if (trimmed === '' || /\s/.test(trimmed)) continue;
    const span = markedSpan(source, start + match.index + lead, start + match.index + lead + trimmed.length);
    if (span) names.push(span);
  }
  return names;
}

/** Splits `Member, Book and Loan` into names with their ranges. */
function splitList(source: SourceText, start: number, end: number): Span[] {
  const names: Span[] = [];
  let from = start;
  // The separator alone: markedSpan trims the spaces around it, which `\s*` would match in quadratic time.
  for (const separator of source.text.slice(start, end).matchAll(/[,;]|\band\b/g)) {
    const name = markedSpan(source, from, start + separator.index);
    if (name) names.push(name);
    from = start + separator.index + separator[0].length;
  }
  const last = markedSpan(source, from, end);
  return last ? [...names, last] : names;
}

export interface ForeignKey {
  from: { entity: Span; field: Span };
  to: { entity: Span; field: Span };
  /** The referential action after the dash, if any. */
  action: Span | null;
  item: ListItem;
}

export interface UnreadableLine {
  text: Span;
  item: ListItem;
}

const NAME = NAME_PATTERN;
const MARKS = '[`*]*';
/** An entity name has words (`Line Item`), up to MAX_ENTITY_WORDS: checked after the match. */
const ENTITY = String.raw`${NAME}(?: ${NAME})*`;
const MAX_ENTITY_WORDS = 4;
/**
 * On folded text (letters.ts). `s`: a `.` that stops at a line separator (U+2028) would make
 * `(.*)$` fail and backtrack quadratically.
 */
const FOREIGN_KEY = new RegExp(String.raw`^${MARKS}(${ENTITY})\.(${NAME})${MARKS}\s*${ARROW}\s*${MARKS}(${ENTITY})\.(${NAME})${MARKS}(.*)$`, 'ds');
const wordCount = (entity: string): number => entity.split(' ').length;
const ACTION = /^\s*(?:[-\u2013\u2014:(]\s*)?(?:on\s+delete\s+)?([A-Za-z]+(?:\s+(?:null|default|action))?)/di;

/** `Loan.member_id → Member.id - RESTRICT` (also `->`); lines that do not read so are returned apart. */
export function readForeignKeys(source: SourceText, items: readonly ListItem[]): { keys: ForeignKey[]; unreadable: UnreadableLine[] } {
  const keys: ForeignKey[] = [];
  const unreadable: UnreadableLine[] = [];
  for (const item of items) {
    const [start, end] = firstLine(source, item);
    const line = source.folded.slice(start, end);
    const match = FOREIGN_KEY.exec(line);
    if (!match?.indices || wordCount(match[1] ?? '') > MAX_ENTITY_WORDS || wordCount(match[3] ?? '') > MAX_ENTITY_WORDS) {
      const text = markedSpan(source, start, end);
      if (text) unreadable.push({ text, item });
      continue;
    }
    const span = (group: number): Span | null => {
      const at = match.indices?.[group];
      return at ? markedSpan(source, start + at[0], start + at[1]) : null;
    };
    const [fromEntity, fromField, toEntity, toField] = [span(1), span(2), span(3), span(4)];
    if (!fromEntity || !fromField || !toEntity || !toField) continue;
    // After the target: ` - RESTRICT`, `: CASCADE`, `(SET NULL)`, `ON DELETE CASCADE`, maybe then a remark.
    const restAt = match.indices[5]?.[0] ?? line.length;
    const action = ACTION.exec(line.slice(restAt));
    const actionAt = action?.indices?.[1];
    keys.push({
      from: { entity: fromEntity, field: fromField },
      to: { entity: toEntity, field: toField },
      action: actionAt ? markedSpan(source, start + restAt + actionAt[0], start + restAt + actionAt[1]) : null,
      item,
    });
  }
  return { keys, unreadable };
}
