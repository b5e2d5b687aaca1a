/**
 * A document's outline as an author plans the next edit from it: the template's items in order
 * with their state, the header fields and the entity blocks found. The model says what is
 * missing, empty or unfilled; the findings say which filled items still hold an error.
 */
import type { ItemState, OutlineItem } from '../model/completeness.js';
import type { Range } from '../markdown/types.js';
import { lintDocument, type LintTextOptions } from './lint-text.js';
import type { LintMessage, LintResult } from './types.js';

/** An item's state; `complete` is a present item with no error in it. */
export type OutlineState = ItemState | 'complete';

/** An item of the template's outline as a host shows it: its state, and the line of each occurrence (none when missing). */
export type OutlineEntry = Omit<OutlineItem, 'state' | 'ranges'> & { state: OutlineState; lines: number[] };

export interface DocumentOutline {
  result: LintResult;
  items: OutlineEntry[];
  headerFields: Array<{ label: string; value: string; line: number }>;
  entities: Array<{ name: string; line: number; attributes: number; relationships: number }>;
}

export function outlineText(text: string, options: LintTextOptions = {}): DocumentOutline {
  const { result, doc } = lintDocument(text, options);
  if (!doc) return { result, items: [], headerFields: [], entities: [] };
  const errors = result.messages.filter((message) => message.severity === 'error');
  const items = doc.completeness.items.map(({ ranges, state, ...item }): OutlineEntry => {
    const holdsError = ranges.some((range) => errors.some((message) => startsWithin(message, range)));
    return { ...item, state: state === 'present' && !holdsError ? 'complete' : state, lines: ranges.map((range) => range.start.line) };
  });
  return {
    result,
    items,
    headerFields: [...doc.header.values()].map((field) => ({ label: field.label, value: field.value, line: field.labelRange.start.line })),
    entities: doc.entities.map((entity) => ({ name: entity.name, line: entity.section.headingRange.start.line, attributes: entity.attributes.length, relationships: entity.relationships.length })),
  };
}

function startsWithin(message: LintMessage, range: Range): boolean {
  const after = (line: number, column: number, position: Range['start']): boolean => line > position.line || (line === position.line && column >= position.column);
  return after(message.line, message.column, range.start) && !after(message.line, message.column, range.end);
}
