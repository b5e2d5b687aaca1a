/**
 * The entity layer: each section matched to the template's repeated entity block becomes an
 * Entity with its fields, attribute rows and relationship rows, read by column role.
 */
import type { TemplateSchema, TemplateSection } from '../template/schema.js';
import { columnPositions, tableRole, type AttributeColumn, type RelationshipColumn } from '../template/columns.js';
import { slotOf } from '../template/title.js';
import { VOCABULARY } from '../template/vocabulary.js';
import { listItemsOf, readIndexes, type IndexEntry } from './references.js';
import { stripNote } from './values.js';
import type { Outline } from './outline.js';
import type { SourceText } from './source.js';
import type { Cell, Field, Range, Row, Section, Table } from './types.js';

export interface Attribute {
  /** Name without backticks. */
  name: string;
  row: Row;
  cells: Record<AttributeColumn, Cell | null>;
}

/** Required = Yes, or Nullable = No; null when the row says neither clearly. */
export function isRequired(attribute: Attribute): boolean | null {
  const required = attribute.cells.required?.text;
  if (required === 'Yes' || required === 'No') return required === 'Yes';
  const nullable = attribute.cells.nullable?.text;
  if (nullable === 'Yes' || nullable === 'No') return nullable === 'No';
  return null;
}

export interface Relationship {
  /** Related entity name without backticks. */
  target: string;
  row: Row;
  cells: Record<RelationshipColumn, Cell | null>;
}

export interface Entity {
  name: string;
  nameRange: Range;
  section: Section;
  /** Fields directly under the entity heading, by lower-cased label. */
  fields: Map<string, Field>;
  attributesTable: Table | null;
  attributes: Attribute[];
  relationshipsTable: Table | null;
  relationships: Relationship[];
  /** Subsections matched to the template, by template key (`invariants`, `indexes` ...). */
  subsections: Map<string, Section>;
  /** The entries of the Indexes list. */
  indexes: IndexEntry[];
}

/** The repeated template block that holds an attributes table: `### Entity: [EntityName]`. */
export function entityBlockOf(schema: TemplateSchema): TemplateSection | null {
  const holdsAttributes = (node: TemplateSection): boolean =>
    node.tables.some((table) => tableRole(table.columns, schema.columns) === 'attributes') || node.children.some(holdsAttributes);
  return schema.sections.find((node) => node.repeated && holdsAttributes(node)) ?? null;
}

export function readEntities(schema: TemplateSchema, outline: Outline, tables: readonly Table[], source: SourceText): Entity[] {
  const block = entityBlockOf(schema);
  if (!block?.pattern) return [];
  const pattern = block.pattern;
  return outline.sectionsOf(block).map((section) => {
    const name = withoutNote(stripCode(slotOf(pattern, section.title) ?? section.title));
    const entity: Entity = {
      name,
      nameRange: nameRange(section, name, source),
      section,
      fields: new Map(),
      attributesTable: null,
      attributes: [],
      relationshipsTable: null,
      relationships: [],
      subsections: new Map(),
      indexes: [],
    };
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') for (const field of block.fields) entity.fields.set(field.label.toLowerCase(), field);
    }
    for (const child of section.children) {
      const template = outline.templateOf(child);
      if (template) entity.subsections.set(template.key, child);
    }
    const indexes = entity.subsections.get(VOCABULARY.indexesSubsection);
    if (indexes) entity.indexes = readIndexes(source, listItemsOf(indexes));
    for (const table of tables) {
      if (!within(table.section, section)) continue;
      const role = tableRole(table.header.cells.map((cell) => cell.text), schema.columns);
      if (role === 'attributes' && !entity.attributesTable) {
        entity.attributesTable = table;
        entity.attributes = readRows(table, schema.columns.attributes).map(({ row, cells }) => ({ name: stripCode(cells.name?.text ?? ''), row, cells }));
      } else if (role === 'relationships' && !entity.relationshipsTable) {
        entity.relationshipsTable = table;
        entity.relationships = readRows(table, schema.columns.relationships).map(({ row, cells }) => ({ target: withoutNote(stripCode(cells.target?.text ?? '')), row, cells }));
      }
    }
    return entity;
  });
}

function readRows<Role extends string>(table: Table, roles: Readonly<Record<Role, readonly string[]>>): Array<{ row: Row; cells: Record<Role, Cell | null> }> {
  const positions = columnPositions(
    table.header.cells.map((cell) => cell.text),
    roles,
  );
  return table.rows.map((row) => {
    const cells = {} as Record<Role, Cell | null>;
    for (const role of Object.keys(positions) as Role[]) cells[role] = row.cells[positions[role]] ?? null;
    return { row, cells };
  });
}

/** Whether a section is the ancestor or inside it. */
export function within(section: Section, ancestor: Section): boolean {
  for (let current: Section | null = section; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

function stripCode(text: string): string {
  return text.replace(/`/g, '').trim();
}

/** `Customer (aggregate root)`, `Customer (buyer)`: the name without its note. */
export function withoutNote(text: string): string {
  return stripNote(text).trim() || text;
}

/** The range of the entity name inside its heading, or the whole title when it cannot be found. */
function nameRange(section: Section, name: string, source: SourceText): Range {
  const titleText = source.slice(section.titleRange);
  const at = titleText.lastIndexOf(name);
  if (at < 0 || name === '') return section.titleRange;
  const start = section.titleRange.start.offset + at;
  return source.range(start, start + name.length);
}
