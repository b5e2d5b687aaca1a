/**
 * How messages name things: headings with their level marks, quoted text kept short, "did you
 * mean" with the closest name, and the edits that rename a misspelt name.
 */
import { graphemePrefix } from '../util/display-width.js';
import type { Section } from '../markdown/types.js';
import type { DataModelDocument } from '../model/document.js';
import type { ResidueContext } from '../model/residue.js';
import type { Range } from '../markdown/types.js';
import type { RelatedFile } from '../model/related/index.js';
import type { RelatedLocation, Report } from './rule.js';

export function headingLabel(section: { level: number; title: string }): string {
  return section.level === 0 ? 'the document' : `${'#'.repeat(section.level)} ${section.title}`;
}

/**
 * Double-quoted and shortened to about `max` UTF-16 code units, with runs of whitespace shown as
 * one space. A long text is cut where a grapheme ends: never inside a surrogate pair (an emoji), a
 * combining sequence (`é` written `e` + accent) or a joined emoji (`👩‍👩‍👧`).
 */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${graphemePrefix(flat, max - 1)}…` : flat}"`;
}

/**
 * A template heading as messages name it: `"## Overview"`. A heading with a name slot
 * (`# Data Model: [FEATURE]`) is named by its words and its shape, never by the placeholder a
 * reader might copy: `"Data Model" heading (# Data Model: …)`.
 */
export function templateHeading(template: { level: number; title: string; pattern: unknown }): string {
  if (!template.pattern) return quote(headingLabel(template), 80);
  const bracketed = template.title.replace(/\[[^\]]*\]/g, '\u2026');
  // Without brackets, the slot is a numbered example name (`Entity1`).
  const shape = bracketed === template.title ? template.title.replace(/\b[A-Za-z_]+\d+\b/g, '\u2026') : bracketed;
  const words = shape.replace(/\u2026/g, ' ').replace(/\s+/g, ' ').replace(/^[\s:;,.\-\u2013\u2014]+|[\s:;,.\-\u2013\u2014]+$/g, '');
  const form = `(${'#'.repeat(template.level)} ${shape})`;
  return words ? `${quote(words, 60)} heading ${form}` : `heading ${form}`;
}

/** `"## Overview"`, or `the document` for the root. */
export function quoteHeading(section: Section | { level: number; title: string }): string {
  return section.level === 0 ? 'the document' : quote(headingLabel(section), 80);
}

/** ` in column "Type"`, ` in field "Purpose"`, ` in a heading`, or '' when the place is unknown. */
export function placeLabel(context: ResidueContext | null): string {
  if (!context) return '';
  return context.kind === 'heading' ? ' in a heading' : ` in ${context.kind} ${quote(context.name, 40)}`;
}

/** `; did you mean "Loan" (line 120)?`, or '' when there is nothing close. */
export function didYouMean(near: { name: string; line?: number } | undefined): string {
  if (!near) return '';
  return `; did you mean ${quote(near.name)}${near.line === undefined ? '' : ` (line ${near.line})`}?`;
}

/** `Member (line 12), Loan (line 40)`: a list of names with where each is. */
export function namesWithLines(items: ReadonlyArray<{ name: string; line: number }>): string {
  return items.map((item) => `${item.name} (line ${item.line})`).join(', ');
}

/**
 * For a name that is not a defined entity: `; did you mean "Loan" (line 120)?`, or the entities
 * that are defined, each with its line.
 */
export function entityHint(doc: DataModelDocument, name: string): string {
  const near = doc.entityIndex.closest(name);
  if (near) return didYouMean({ name: near.name, line: near.value.section.headingRange.start.line });
  if (doc.entities.length === 0) return '';
  return `; defined entities: ${namesWithLines(doc.entities.map((entity) => ({ name: entity.name, line: entity.section.headingRange.start.line })))}`;
}

/** A "did you mean" edit: replace `range` with `name`, offered as a suggestion (`{}` without a name). */
export function renameTo(range: Range, name: string | undefined, text = name): Pick<Report, 'suggestions'> {
  if (name === undefined || text === undefined) return {};
  return { suggestions: [{ desc: `Change to "${name}"`, fix: { range: [range.start.offset, range.end.offset], text } }] };
}

/** `1 cell`, `2 cells`. */
export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** `contracts/openapi.yaml:88`: a place in a related document, as messages name it. */
export function fileLine(file: RelatedFile, range: Range): string {
  return `${file.label}:${range.start.line}`;
}

/** The other end of a finding, for SARIF relatedLocations, LSP relatedInformation and JSON `related`. */
export function relatedAt(file: RelatedFile, range: Range, message: string): RelatedLocation {
  return { filePath: file.path, range, message };
}
