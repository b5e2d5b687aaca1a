/**
 * How far a document has filled in its template: each item of the template's outline (every
 * section, in order, then the header fields) with the state it is in, and the share of the
 * required items that are filled. Read once per document from the outline and the residue; the
 * engine adds what only the rules' findings can tell (whether an item is free of errors).
 */
import type { Block, Range, Section } from '../markdown/types.js';
import type { TemplateSection } from '../template/schema.js';
import { overlapTest } from '../util/intervals.js';
import type { DataModelDocument } from './document.js';

/** Blocks a reader would call content: not a rule, a link definition or a comment. */
export function isContentBlock(block: Block): boolean {
  if (block.kind === 'thematic-break' || block.kind === 'definition') return false;
  if (block.kind === 'html') return !block.isComment;
  return true;
}

/** A section with no subsection and no content below its heading. */
export function isEmptySection(section: Section): boolean {
  return section.children.length === 0 && !section.blocks.some(isContentBlock);
}

/** Whether a section would be empty (isEmptySection) with the block that holds `offset` gone. */
export function emptyWithout(section: Section, offset: number): boolean {
  const holds = (block: Block): boolean => block.range.start.offset <= offset && offset < block.range.end.offset;
  return section.children.length === 0 && !section.blocks.some((block) => !holds(block) && isContentBlock(block));
}

/**
 * `missing`: not in the document; `empty`: a heading or label with nothing under it;
 * `has-placeholders`: still holds a placeholder, an unresolved choice or the template's guidance;
 * `present`: written out.
 */
export type ItemState = 'missing' | 'empty' | 'has-placeholders' | 'present';

export interface OutlineItem {
  kind: 'section' | 'header-field';
  /** The template's heading (`Entity: [EntityName]`) or the header field's label (`Branch`). */
  title: string;
  /** Heading level; 0 for a header field. */
  level: number;
  /** False when the template marks it (or a section it belongs in) as optional. */
  required: boolean;
  /** A block the template repeats (one per entity, per sample). */
  repeated: boolean;
  /** A present heading with nothing of its own but its subsections (`Storage Strategy`): left out of the figure, as its subsections count. */
  grouping: boolean;
  state: ItemState;
  /** Where each occurrence stands: a section's heading and own content, a field's line; empty when missing. */
  ranges: Range[];
}

export interface Completeness {
  items: OutlineItem[];
  /** The share (0 to 1) of required items (groupings aside) that are present: non-empty, no placeholder, choice or guidance left. */
  ratio: number;
}

/** Template residue that says an item is not filled in yet (template example names are only a warning). */
const UNFILLED = new Set(['placeholder', 'choice', 'guidance']);

export function readCompleteness(doc: DataModelDocument): Completeness {
  const overlaps = overlapTest(doc.residue.filter((residue) => UNFILLED.has(residue.kind)).map((residue) => [residue.range.start.offset, residue.range.end.offset] as const));
  const holdsResidue = (start: number, end: number): boolean => overlaps(start, Math.max(end, start + 1));
  const items: OutlineItem[] = doc.schema.sections.map((template) => sectionItem(doc, template, holdsResidue));
  for (const label of doc.schema.headerFields) {
    const field = doc.header.get(label.toLowerCase());
    const state: ItemState = !field ? 'missing' : field.value === '' ? 'empty' : holdsResidue(field.valueRange.start.offset, field.valueRange.end.offset) ? 'has-placeholders' : 'present';
    items.push({ kind: 'header-field', title: label, level: 0, required: true, repeated: false, grouping: false, state, ranges: field ? [doc.range(field.labelRange.start.offset, field.valueRange.end.offset)] : [] });
  }
  const required = items.filter((item) => item.required && !item.grouping);
  const present = required.filter((item) => item.state === 'present').length;
  return { items, ratio: required.length === 0 ? 1 : present / required.length };
}

function sectionItem(doc: DataModelDocument, template: TemplateSection, holdsResidue: (start: number, end: number) => boolean): OutlineItem {
  const sections = doc.outline.sectionsOf(template);
  // A section's own part: its heading and content up to its first subsection, which is an item of its own.
  const ranges = sections.map((section) => doc.range(section.headingRange.start.offset, section.children[0]?.range.start.offset ?? section.range.end.offset));
  let state: ItemState = sections.length === 0 ? 'missing' : 'present';
  if (sections.some(isEmptySection)) state = 'empty';
  else if (ranges.some((range) => holdsResidue(range.start.offset, range.end.offset))) state = 'has-placeholders';
  const grouping = state === 'present' && template.children.length > 0 && sections.every((section) => !section.blocks.some(isContentBlock));
  return { kind: 'section', title: template.title, level: template.level, required: !optionalWithin(template), repeated: template.repeated, grouping, state, ranges };
}

/** Optional itself, or inside an optional section: `Migration Strategy (if applicable)`'s subsections. */
function optionalWithin(template: TemplateSection): boolean {
  for (let node: TemplateSection | null = template; node; node = node.parent) if (node.optional) return true;
  return false;
}
