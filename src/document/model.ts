/**
 * The data-model document: the generic structure of one parse, matched against a template
 * schema, with entities and header fields read out. Built once per file; rules only read it.
 */
import { findResidue, type Residue } from '../template/residue.js';
import type { TemplateSchema } from '../template/schema.js';
import { readEntities, type Entity } from './entities.js';
import { headerFields } from './header.js';
import { overlapTest } from './intervals.js';
import { matchOutline, type Outline } from './outline.js';
import { stripBom } from './source.js';
import type { ChunkCache } from './parse.js';
import { buildStructure, type Structure } from './structure.js';
import { VOCABULARY } from '../template/vocabulary.js';
import { didYouMean, namesWithLines } from './labels.js';
import { NameIndex } from './names.js';
import { fieldItems, readForeignKeys, readKeyEntities, type ForeignKey, type KeyEntity, type UnreadableLine } from './references.js';
import { readSamples, type Sample } from './samples.js';
import { readStateMachines, type StateMachine } from './states.js';
import type { CodeBlock, Field, Range, Section } from './types.js';

export interface DocumentInput {
  /** Path of the file, used for messages and to resolve relative links; null for unnamed text. */
  filePath?: string | null;
  schema: TemplateSchema;
  /** Parses of document parts kept between calls: an editor re-parses only the parts that changed. */
  chunkCache?: ChunkCache | null;
}

export class DataModelDocument {
  readonly filePath: string | null;
  /** Source text without a leading BOM; every offset refers to this text. */
  readonly text: string;
  readonly hasBom: boolean;
  readonly structure: Structure;
  readonly schema: TemplateSchema;
  readonly outline: Outline;
  /** Fields at the top of the document (Branch, Date, Spec ...), by lower-cased label. */
  readonly header: Map<string, Field>;
  readonly entities: Entity[];
  private residueCache: Residue[] | null = null;
  private residueOverlap: ((start: number, end: number) => boolean) | null = null;
  /** Parts of the model read on first use, so rules that are off cost nothing. */
  private readonly cache: {
    entityIndex?: NameIndex<Entity>;
    keyEntities?: KeyEntity[] | null;
    foreignKeys?: { keys: ForeignKey[]; unreadable: UnreadableLine[] };
    stateMachines?: StateMachine[];
    samples?: Sample[];
  } = {};

  constructor(rawText: string, input: DocumentInput) {
    const { text, hasBom } = stripBom(rawText);
    this.filePath = input.filePath ?? null;
    this.text = text;
    this.hasBom = hasBom;
    this.schema = input.schema;
    this.structure = buildStructure(text, input.chunkCache ?? null);
    this.outline = matchOutline(this.structure.root, input.schema);
    this.header = readHeader(this.structure);
    this.entities = readEntities(input.schema, this.outline, this.structure.tables, this.structure.source);
  }

  get source(): Structure['source'] {
    return this.structure.source;
  }

  /** Entities by name, tolerant of case, markup and plurals. */
  get entityIndex(): NameIndex<Entity> {
    return (this.cache.entityIndex ??= new NameIndex(this.entities.map((entity) => [entity.name, entity] as const)));
  }

  /**
   * For a name that is not a defined entity: `; did you mean "Loan" (line 120)?`, or the entities
   * that are defined, each with its line.
   */
  entityHint(name: string): string {
    const near = this.entityIndex.closest(name);
    if (near) return didYouMean({ name: near.name, line: near.value.section.headingRange.start.line });
    if (this.entities.length === 0) return '';
    return `; defined entities: ${namesWithLines(this.entities.map((entity) => ({ name: entity.name, line: entity.section.headingRange.start.line })))}`;
  }

  /** The document sections matched to template sections with this key (`overview`, `approval` ...). */
  sectionsFor(key: string): Section[] {
    return this.schema.sections.filter((template) => template.key === key).flatMap((template) => [...this.outline.sectionsOf(template)]);
  }

  /** The first field in those sections whose label matches. */
  fieldIn(key: string, label: RegExp): Field | undefined {
    for (const section of this.sectionsFor(key)) {
      for (const block of section.blocks) if (block.kind === 'paragraph') for (const field of block.fields) if (label.test(field.label)) return field;
    }
    return undefined;
  }

  /** The Overview's key-entity list; null when the document has no such list. */
  get keyEntities(): KeyEntity[] | null {
    if (this.cache.keyEntities === undefined) {
      const field = this.fieldIn(VOCABULARY.overviewSection, VOCABULARY.keyEntitiesLabel);
      this.cache.keyEntities = field ? readKeyEntities(this.source, field) : null;
    }
    return this.cache.keyEntities;
  }

  /** The foreign-key constraints of Referential Integrity, and the lines that do not read as one. */
  get foreignKeys(): { keys: ForeignKey[]; unreadable: UnreadableLine[] } {
    return (this.cache.foreignKeys ??= readForeignKeys(this.source, fieldItems(this.fieldIn(VOCABULARY.referentialSection, VOCABULARY.foreignKeysLabel))));
  }

  /** Code blocks of the Entity Relationship Diagram section. */
  get diagrams(): CodeBlock[] {
    return this.sectionsFor(VOCABULARY.diagramSection).flatMap((section) => section.blocks.filter((block): block is CodeBlock => block.kind === 'code'));
  }

  get stateMachines(): StateMachine[] {
    return (this.cache.stateMachines ??= readStateMachines(this.source, this.sectionsFor(VOCABULARY.statesSection)));
  }

  /** The appendix samples: sections matched to the template's repeated block that holds JSON. */
  get samples(): Sample[] {
    if (!this.cache.samples) {
      const block = this.schema.sections.find((template) => template.repeated && template.pattern && template.codeLanguages.includes('json'));
      this.cache.samples = block?.pattern ? readSamples(this.source, this.outline.sectionsOf(block), block.pattern) : [];
    }
    return this.cache.samples;
  }

  /** Leftover template content (placeholders, choices, guidance, examples), computed on first use. */
  get residue(): readonly Residue[] {
    this.residueCache ??= findResidue(this.structure, this.schema);
    return this.residueCache;
  }

  /** Whether any template residue overlaps the range (a cell holding a placeholder, say). */
  hasResidue(range: Range): boolean {
    this.residueOverlap ??= overlapTest(this.residue.map((residue) => [residue.range.start.offset, residue.range.end.offset] as const));
    return this.residueOverlap(range.start.offset, Math.max(range.end.offset, range.start.offset + 1));
  }

  range(startOffset: number, endOffset: number): Range {
    return this.structure.source.range(startOffset, endOffset);
  }
}

function readHeader(structure: Structure): Map<string, Field> {
  const header = new Map<string, Field>();
  for (const field of headerFields(structure)) if (!header.has(field.label.toLowerCase())) header.set(field.label.toLowerCase(), field);
  return header;
}
