/**
 * The lists that name other parts of the model: the Overview's key entities, each entity's
 * index list, and the foreign-key constraints. Each name keeps its exact source range.
 */
import type { SourceText } from './source.js';
import type { Block, Field, ListItem, Section, Span } from './types.js';

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
    const separator = /\s+[-–—]\s|:\s|\s+\(/.exec(line);
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
 * come from the code spans of the value, or, without code, from the text before ` - `.
 */
export function readIndexes(source: SourceText, items: readonly ListItem[]): IndexEntry[] {
  return items.flatMap((item) => {
    const field = item.fields[0];
    if (!field) return [];
    // The columns come before the reason (` - supports WHERE ...`), which may hold code of its own.
    const reasonAt = field.valueRange.start.offset + (/\s[-–—]\s/.exec(field.raw)?.index ?? field.raw.length);
    const codes = field.codes.filter((code) => code.valueStart < reasonAt);
    const pieces: Array<[number, number]> = codes.length > 0 ? codes.map((code) => [code.valueStart, code.valueStart + code.value.length]) : [[field.valueRange.start.offset, reasonAt]];
    const columns = pieces.flatMap(([start, end]) => splitNames(source, start, end));
    return [{ kind: field.label, columns, item }];
  });
}

/** Splits `Member, Book and Loan` into names with their ranges. */
function splitList(source: SourceText, start: number, end: number): Span[] {
  const names: Span[] = [];
  let from = start;
  for (const separator of source.text.slice(start, end).matchAll(/\s*(?:[,;]|\band\b)\s*/g)) {
    const name = markedSpan(source, from, start + separator.index);
    if (name) names.push(name);
    from = start + separator.index + separator[0].length;
  }
  const last = markedSpan(source, from, end);
  return last ? [...names, last] : names;
}

/** Splits `(a, b)` or `a, b` into names with their ranges. */
function splitNames(source: SourceText, start: number, end: number): Span[] {
  const names: Span[] = [];
  const text = source.text.slice(start, end);
  for (const match of text.matchAll(/[^,()]+/g)) {
    const span = markedSpan(source, start + match.index, start + match.index + match[0].length);
    if (span) names.push(span);
  }
  return names;
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

const NAME = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
const MARKS = '[`*]*';
const FOREIGN_KEY = new RegExp(String.raw`^${MARKS}(${NAME})\.(${NAME})${MARKS}\s*(?:→|->|⟶|=>)\s*${MARKS}(${NAME})\.(${NAME})${MARKS}(.*)$`, 'diu');
const ACTION = /^\s*(?:[-–—:(]\s*)?(?:on\s+delete\s+)?([\p{L}]+(?:\s+(?:null|default|action))?)/diu;

/** `Loan.member_id → Member.id - RESTRICT` (also `->`); lines that do not read so are returned apart. */
export function readForeignKeys(source: SourceText, items: readonly ListItem[]): { keys: ForeignKey[]; unreadable: UnreadableLine[] } {
  const keys: ForeignKey[] = [];
  const unreadable: UnreadableLine[] = [];
  for (const item of items) {
    const [start, end] = firstLine(source, item);
    const line = source.text.slice(start, end);
    const match = FOREIGN_KEY.exec(line);
    if (!match?.indices) {
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
