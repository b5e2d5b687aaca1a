/**
 * Template residue: what a document still carries over from its template — placeholders,
 * unresolved choices, guidance, and the template's example names. One analysis per document,
 * shared by the rules that report each kind, so one leftover is never reported twice.
 */
import { codeOffset } from '../markdown/code.js';
import { overlapTest } from '../util/intervals.js';
import { sectionAt, type Structure } from '../markdown/structure.js';
import { emptyWithout } from './completeness.js';
import { isTypeArgument } from './hidden-types.js';
import type { BracketGroup, Range } from '../markdown/types.js';
import { choiceKey, choiceOptions, isOrdinaryBracket, isUnfinishedValue, labelPrefixOf, looksLikePlaceholder, normalizeText, shapeOf } from '../template/classify.js';
import type { Inventory, TemplateSchema } from '../template/schema.js';

export type ResidueKind = 'placeholder' | 'choice' | 'guidance' | 'example';

export type ResidueContext = { kind: 'column' | 'field'; name: string } | { kind: 'heading' };

export interface Residue {
  kind: ResidueKind;
  /** The leftover text as it stands in the source. */
  text: string;
  range: Range;
  /** The options of an unresolved choice. */
  options?: string[];
  /** Where the leftover stands: in a table column, a `**Field**:`, or a heading; null when elsewhere. */
  context: ResidueContext | null;
  /** For guidance filling whole lines, not all its section holds: the offsets to delete to remove it cleanly. */
  removal?: { start: number; end: number };
}

export function findResidue(structure: Structure, schema: TemplateSchema): Residue[] {
  const { inventory } = schema;
  const found: Residue[] = [];
  const claimed: Array<[number, number]> = [];
  const add = (residue: Residue): void => {
    found.push(residue);
    claimed.push([residue.range.start.offset, residue.range.end.offset]);
  };

  const groups = structure.brackets.flatMap((group) => classifyBracket(group, inventory, structure) ?? []);
  for (const residue of outermost(groups)) add(residue);
  findUnbracketedChoices(structure, inventory, add);
  findUnfinishedValues(structure, found, add);
  findGuidanceParagraphs(structure, inventory, found, add);
  findExamples(structure, inventory, claimed, add);

  found.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  return found;
}

function classifyBracket(group: BracketGroup, inventory: Inventory, structure: Structure): Residue | null {
  // A type argument (`List<UUID>`) is a type, whose hiding model/hidden-types tells of.
  if (isTypeArgument(group)) return null;
  // A `{{token}}` is a placeholder where the template writes them; elsewhere, a template engine's token.
  if (group.syntax === 'mustache' && !inventory.syntaxes.has('mustache')) return null;
  // An `<angle placeholder>` outside code is never finished text, whatever the template: GitHub hides it.
  if (group.syntax !== 'bracket') return { kind: 'placeholder', text: group.raw, range: group.range, context: bracketContext(group) };
  if (isOrdinaryBracket(group.raw, group.content, group.before)) return null;
  const context = bracketContext(group);
  const options = choiceOptions(group.content);
  if (options) return { kind: 'choice', text: group.raw, range: group.range, options, context };
  const key = normalizeText(group.content);
  if (inventory.guidance.has(key)) {
    const removal = group.whole && group.standalone && !emptyWithout(sectionAt(structure, group.range.start.offset), group.range.start.offset) ? wholeLines(structure, group.range) : undefined;
    return { kind: 'guidance', text: group.raw, range: group.range, context, ...(removal ? { removal } : {}) };
  }
  const label = labelPrefixOf(group.content);
  if (inventory.placeholders.has(key) || inventory.shapes.has(shapeOf(group.content)) || (label !== null && inventory.shapes.has(label)) || looksLikePlaceholder(group.content)) {
    return { kind: 'placeholder', text: group.raw, range: group.range, context };
  }
  return null;
}

/** The column, the heading, or the field whose label comes just before the group (`**Purpose**: [...]`). */
function bracketContext(group: BracketGroup): ResidueContext | null {
  if (group.cell?.column) return { kind: 'column', name: group.cell.column };
  if (group.container === 'heading') return { kind: 'heading' };
  const label = /\*\*([^*]{1,40}?):?\*\*:?\s*$/.exec(group.before)?.[1]?.trim();
  return label ? { kind: 'field', name: label } : null;
}

/** Leftovers not inside another one: `<x>` inside `[TBD <x>]` is part of the bracketed placeholder. */
function outermost(residues: readonly Residue[]): Residue[] {
  const sorted = [...residues].sort((a, b) => a.range.start.offset - b.range.start.offset || b.range.end.offset - a.range.end.offset);
  const kept: Residue[] = [];
  let reached = -1;
  for (const residue of sorted) {
    if (residue.range.end.offset <= reached) continue;
    kept.push(residue);
    reached = Math.max(reached, residue.range.end.offset);
  }
  return kept;
}

/** `Yes/No` in a cell, `Yes / No / Partial` as a field value: a template choice without brackets. */
function findUnbracketedChoices(structure: Structure, inventory: Inventory, add: (residue: Residue) => void): void {
  const { source } = structure;
  const check = (raw: string, range: Range, context: ResidueContext | null): void => {
    if (raw.includes('[')) return;
    // `Delete: CASCADE/SET NULL/RESTRICT`: the choice is what follows a short label.
    const prefix = /^[A-Za-z ]{1,20}:\s*/.exec(raw)?.[0].length ?? 0;
    const options = choiceOptions(raw.slice(prefix).replace(/`/g, ''));
    if (!options || !inventory.choices.has(choiceKey(options))) return;
    const start = range.start.offset + prefix;
    add({ kind: 'choice', text: raw.slice(prefix), range: source.range(start, range.end.offset), options, context });
  };
  for (const table of structure.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        // Inside `code` markers, the choice is the text within them: a suggestion keeps the markers.
        const range = cell.textRange ?? cell.range;
        check(source.slice(range), range, cell.column ? { kind: 'column', name: cell.column } : null);
      }
    }
  }
  for (const field of structure.fields) check(field.raw, field.valueRange, { kind: 'field', name: field.label });
}

/** `**Storage Type**: TBD`, a Type cell of `?`: a value that says it is not written yet. */
function findUnfinishedValues(structure: Structure, found: readonly Residue[], add: (residue: Residue) => void): void {
  const taken = overlapTest(found.map((residue) => [residue.range.start.offset, residue.range.end.offset] as const));
  const check = (text: string, range: Range, context: ResidueContext | null): void => {
    if (isUnfinishedValue(text) && !taken(range.start.offset, Math.max(range.end.offset, range.start.offset + 1))) add({ kind: 'placeholder', text, range, context });
  };
  for (const table of structure.tables) {
    for (const row of table.rows) for (const cell of row.cells) check(cell.text, cell.range, cell.column ? { kind: 'column', name: cell.column } : null);
  }
  for (const field of structure.fields) check(field.value, field.valueRange, { kind: 'field', name: field.label });
}

function findGuidanceParagraphs(structure: Structure, inventory: Inventory, found: readonly Residue[], add: (residue: Residue) => void): void {
  for (const paragraph of structure.paragraphs) {
    if (!inventory.guidance.has(normalizeText(paragraph.text))) continue;
    if (found.some((residue) => residue.range.start.offset === paragraph.range.start.offset)) continue;
    // Deleting what is a section's only content would leave it empty: a person has to write it.
    const standalone = paragraph.section.blocks.includes(paragraph) && !emptyWithout(paragraph.section, paragraph.range.start.offset);
    const removal = standalone ? wholeLines(structure, paragraph.range) : undefined;
    add({ kind: 'guidance', text: paragraph.text, range: paragraph.range, context: null, ...(removal ? { removal } : {}) });
  }
}

/** Template example names in code blocks, table cells, code spans and headings. */
function findExamples(structure: Structure, inventory: Inventory, claimed: ReadonlyArray<readonly [number, number]>, add: (residue: Residue) => void): void {
  const words = [...inventory.exampleTokens].map(escapeRegExp);
  const phrases = [...inventory.examplePhrases].map(escapeRegExp);
  if (words.length === 0 && phrases.length === 0) return;
  const alternatives = [...phrases, ...(words.length > 0 ? [`\\b(?:${words.join('|')})\\b`] : [])];
  const pattern = new RegExp(alternatives.join('|'), 'g');
  const { source } = structure;
  const isClaimed = overlapTest(claimed);
  const scan = (text: string, toOffset: (index: number) => number): void => {
    for (const match of text.matchAll(pattern)) {
      const start = toOffset(match.index);
      const end = toOffset(match.index + match[0].length);
      if (!isClaimed(start, end)) add({ kind: 'example', text: match[0], range: source.range(start, end), context: null });
    }
  };
  for (const code of structure.codeBlocks) scan(code.value, (index) => codeOffset(source, code, index));
  for (const code of structure.inlineCodes) scan(code.value, (index) => code.valueStart + index);
  for (const table of structure.tables) {
    for (const row of [table.header, ...table.rows]) for (const cell of row.cells) scan(cell.raw, (index) => cell.range.start.offset + index);
  }
  for (const section of structure.sections) scan(source.slice(section.titleRange), (index) => section.titleRange.start.offset + index);
}

/**
 * The offsets that remove a block occupying whole lines, with one adjoining blank line, so the
 * blocks around it stay separated. Undefined when the block shares a line with other text.
 */
function wholeLines(structure: Structure, range: Range): { start: number; end: number } | undefined {
  const { source } = structure;
  const first = range.start.line;
  const last = range.end.line;
  if (source.text.slice(source.lineStart(first), range.start.offset).trim() !== '') return undefined;
  if (source.text.slice(range.end.offset, source.lineEnd(last)).trim() !== '') return undefined;
  const isBlank = (line: number): boolean => line >= 1 && line <= source.lineCount && source.lineText(line).trim() === '';
  let endLine = last + 1;
  if (isBlank(endLine) && (first === 1 || isBlank(first - 1))) endLine++;
  const end = endLine > source.lineCount ? source.text.length : source.lineStart(endLine);
  return { start: source.lineStart(first), end };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
