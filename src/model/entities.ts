/**
 * The entity layer: each section matched to the template's repeated entity block becomes an
 * Entity with its fields, attribute rows and relationship rows, read by column role.
 */
import type { TemplateSchema, TemplateSection } from '../template/schema.js';
import { columnPositions, tableRole, type AttributeColumn, type RelationshipColumn } from '../template/columns.js';
import { slotOf } from '../template/title.js';
import { VOCABULARY } from '../template/vocabulary.js';
import { listItemsOf, readIndexes, type IndexEntry } from './references.js';
import { foldLetters, NAME_PATTERN } from '../util/letters.js';
import { enumValues, relationshipTypeOf, stripNote, valueTypeOf, type RelationshipType, type ValueType } from './values.js';
import type { Outline } from './outline.js';
import type { SourceText } from '../markdown/source.js';
import type { Cell, Field, Range, Row, Section, Table } from '../markdown/types.js';

/** One row of an entity's Attributes table, with what its cells say read once, on first use. */
export class Attribute {
  private cached: { required?: boolean | null; valueType?: ValueType | null; enumValues?: string[] | null; reference?: AttributeReference | null } = {};

  constructor(
    /** Name without backticks. */
    readonly name: string,
    readonly row: Row,
    readonly cells: Record<AttributeColumn, Cell | null>,
  ) {}

  /** Required = Yes, or Nullable = No; null when the row says neither clearly. */
  get required(): boolean | null {
    if (this.cached.required === undefined) {
      const required = this.cells.required?.text;
      const nullable = this.cells.nullable?.text;
      this.cached.required = required === 'Yes' || required === 'No' ? required === 'Yes' : nullable === 'Yes' || nullable === 'No' ? nullable === 'No' : null;
    }
    return this.cached.required;
  }

  /** The type its Type cell names (`Varchar(255)` is String); null when dmlint does not know it. */
  get valueType(): ValueType | null {
    if (this.cached.valueType === undefined) this.cached.valueType = valueTypeOf(this.cells.type?.text ?? '') ?? null;
    return this.cached.valueType;
  }

  /** For an Enum, the values its validation lists (`enum: [active, suspended]`); null otherwise. */
  get enumValues(): string[] | null {
    if (this.cached.enumValues === undefined) this.cached.enumValues = this.valueType?.name === 'Enum' ? enumValues(this.cells.validation?.text ?? '') : null;
    return this.cached.enumValues;
  }

  /** What its validation says it must reference (`must reference an active Member`); null when it names nothing. */
  get reference(): AttributeReference | null {
    if (this.cached.reference === undefined) this.cached.reference = this.cells.validation ? readReference(this.cells.validation.text) : null;
    return this.cached.reference;
  }

  /** Whether its validation or description calls it the primary key. */
  get describedAsPrimaryKey(): boolean {
    const notes = `${this.cells.validation?.text ?? ''} ${this.cells.description?.text ?? ''}`;
    return /\bprimary key\b|\(PK\)/i.test(notes);
  }
}

/**
 * `must reference an active Ticket Type`: the words after the phrase, every run of them that
 * may be an entity's name, and the one that reads as a name (capitalised, not a filler word).
 */
export interface AttributeReference {
  /** Every run of consecutive words: any of them may be the entity meant. */
  candidates: string[];
  /** The first capitalised word that is not a filler; null when the words read as prose (`the ledger`). */
  named: string | null;
}

/** On folded text (letters.ts). */
const REFERENCES = new RegExp(`\\b(?:must\\s+reference|references|refers\\s+to|foreign\\s+key\\s+to|fk\\s+to)\\s+((?:[\`*]*${NAME_PATTERN}[\`*]*\\s*){1,4})`, 'di');
const FILLER = new Set(['a', 'an', 'the', 'one', 'some', 'any', 'existing', 'active', 'valid']);

function readReference(validation: string): AttributeReference | null {
  const at = REFERENCES.exec(foldLetters(validation))?.indices?.[1];
  if (!at) return null;
  const words = validation.slice(at[0], at[1]).replace(/[`*]/g, '').split(/\s+/).filter(Boolean);
  const candidates = words.flatMap((_, from) => words.slice(from).map((__, length) => words.slice(from, from + length + 1).join(' ')));
  const named = words.find((word) => /^[A-Z]/.test(foldLetters(word)) && !FILLER.has(word.toLowerCase())) ?? null;
  return { candidates, named };
}

export interface Relationship {
  /** Related entity name without backticks. */
  target: string;
  /** The relationship type its Type cell means, written any way (`one to many`); null when none of the four. */
  type: RelationshipType | null;
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
  /** The name of its own identifier: `order_item_id` for OrderItem. */
  ownIdName: string;
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
      ownIdName: `${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase()}_id`,
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
        entity.attributes = readRows(table, schema.columns.attributes).map(({ row, cells }) => new Attribute(stripCode(cells.name?.text ?? ''), row, cells));
      } else if (role === 'relationships' && !entity.relationshipsTable) {
        entity.relationshipsTable = table;
        entity.relationships = readRows(table, schema.columns.relationships).map(({ row, cells }) => ({ target: withoutNote(stripCode(cells.target?.text ?? '')), type: relationshipTypeOf(cells.type?.text ?? ''), row, cells }));
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
