/**
 * The data-model document: the generic structure of one parse, matched against a template
 * schema, with entities and header fields read out. Built once per file; rules only read it.
 */
import { readTemplateReference, type TemplateReferenceRead } from './template-reference.js';
import { findResidue, type Residue } from './residue.js';
import { findHiddenTypeArguments, type HiddenTypeArgument } from './hidden-types.js';
import type { TemplateSchema } from '../template/schema.js';
import { readApproval, type Approval } from './approval.js';
import { diagramNames, type DiagramNames } from './diagrams.js';
import { readEntities, type Attribute, type Entity } from './entities.js';
import { linkedFilePath } from './links.js';
import { readCompleteness, type Completeness } from './completeness.js';
import { compareColumns, type ColumnComparison, type DeclaredSynonyms } from './table-columns.js';
import { headerFields } from '../markdown/header.js';
import { overlapTest } from '../util/intervals.js';
import { matchOutline, type Outline } from './outline.js';
import { stripBom } from '../markdown/source.js';
import type { ChunkCache } from '../markdown/parse.js';
import { buildStructure, type Structure } from '../markdown/structure.js';
import { VOCABULARY } from '../template/vocabulary.js';
import { NameIndex } from '../util/names.js';
import { fieldItems, listItemsOf, readForeignKeys, readKeyEntities, type ForeignKey, type KeyEntity, type UnreadableLine } from './references.js';
import { readSamples, type Sample } from './samples.js';
import { readStateMachines, type StateMachine } from './states.js';
import type { CodeBlock, Field, Link, ListItem, Range, Section, Table } from '../markdown/types.js';

/** The header's Spec field and the spec file its link names. */
export interface SpecLink {
  field: Field;
  /** The field's first link; null when the value is not a link. */
  link: Link | null;
  /** The linked file, relative to the document and decoded; null for a web address, an anchor, or no link. */
  path: string | null;
}

export interface DocumentInput {
  /** Path of the file, used for messages and to resolve relative links; null for unnamed text. */
  filePath?: string | null;
  schema: TemplateSchema;
  /** Parses of document parts kept between calls: an editor re-parses only the parts that changed. */
  chunkCache?: ChunkCache | null;
  /** Parses YAML, for the front matter; without it the front matter is not read. */
  readYaml?: ((text: string) => unknown) | null;
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
  private readonly readYaml: ((text: string) => unknown) | null;
  private templateReferenceCache: TemplateReferenceRead | undefined;
  private residueOverlap: ((start: number, end: number) => boolean) | null = null;
  /** Parts of the model read on first use, so rules that are off cost nothing. */
  private readonly cache: {
    entityIndex?: NameIndex<Entity>;
    keyEntities?: KeyEntity[] | null;
    foreignKeys?: { keys: ForeignKey[]; unreadable: UnreadableLine[] };
    stateMachines?: StateMachine[];
    samples?: Sample[];
    approval?: Approval | null;
    openQuestions?: ListItem[];
    diagramNames?: DiagramNames;
    attributeIndexes?: Map<Entity, NameIndex<Attribute>>;
    completeness?: Completeness;
    hiddenTypeArguments?: HiddenTypeArgument[];
  } = {};

  constructor(rawText: string, input: DocumentInput) {
    const { text, hasBom } = stripBom(rawText);
    this.filePath = input.filePath ?? null;
    this.text = text;
    this.hasBom = hasBom;
    this.schema = input.schema;
    this.readYaml = input.readYaml ?? null;
    this.structure = buildStructure(text, input.chunkCache ?? null);
    this.outline = matchOutline(this.structure.root, input.schema);
    this.header = readHeader(this.structure);
    this.entities = readEntities(input.schema, this.outline, this.structure.tables, this.structure.source);
  }

  /** The template the front matter says the document was filled from (`template:`), or why it cannot be read. */
  get templateReference(): TemplateReferenceRead {
    if (this.templateReferenceCache === undefined) this.templateReferenceCache = readTemplateReference(this.structure.source, this.readYaml);
    return this.templateReferenceCache;
  }

  get source(): Structure['source'] {
    return this.structure.source;
  }

  /** Entities by name, tolerant of case, markup and plurals. */
  get entityIndex(): NameIndex<Entity> {
    return (this.cache.entityIndex ??= new NameIndex(this.entities.map((entity) => [entity.name, entity] as const)));
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

  /** The level-1 heading that titles the document; null when it has none. */
  get title(): Section | null {
    return this.structure.root.children.find((section) => section.level === 1) ?? null;
  }

  /** The header's Spec field, its link and the file the link names (relative to the document); null without the field. */
  get specLink(): SpecLink | null {
    const field = this.header.get('spec');
    if (!field) return null;
    const link = field.links[0] ?? null;
    return { field, link, path: link?.url ? linkedFilePath(link.url) : null };
  }

  /** The Approval section's approved-by field, read into approver and date; null without the section. */
  get approval(): Approval | null {
    if (this.cache.approval === undefined) {
      const [section] = this.sectionsFor(VOCABULARY.approvalSection);
      this.cache.approval = section ? readApproval(section, this.fieldIn(VOCABULARY.approvalSection, VOCABULARY.approvedByLabel) ?? null) : null;
    }
    return this.cache.approval;
  }

  /** Every list item under Open Questions and its subsections, nested items included. */
  get openQuestions(): ListItem[] {
    const withSubsections = (section: Section): Section[] => [section, ...section.children.flatMap(withSubsections)];
    return (this.cache.openQuestions ??= this.sectionsFor(VOCABULARY.openQuestionsSection).flatMap(withSubsections).flatMap(listItemsOf));
  }

  /** The entity names the Entity Relationship Diagram shows. */
  get diagramNames(): DiagramNames {
    return (this.cache.diagramNames ??= diagramNames(this.source, this.diagrams));
  }

  /** An entity's attributes by name, tolerant of case, markup and plurals. */
  attributeIndex(entity: Entity): NameIndex<Attribute> {
    const indexes = (this.cache.attributeIndexes ??= new Map());
    let index = indexes.get(entity);
    if (!index) {
      index = new NameIndex(entity.attributes.map((attribute) => [attribute.name, attribute] as const));
      indexes.set(entity, index);
    }
    return index;
  }

  /**
   * Whether a field with nothing after its colon heads a group of fields (`**Configurations**:`
   * above `**Single AI Mode**:` and its code block) rather than being left empty: another field
   * follows it, and its label is none the template writes a value for.
   */
  headsGroup(field: Field): boolean {
    return field.value === '' && field.next !== null && !this.schema.inventory.fieldLabels.has(field.label.toLowerCase());
  }

  /**
   * A table's columns against the template's for its section, with the header names the team
   * accepts for a column; null when the template has no table there.
   */
  tableColumns(table: Table, declared: DeclaredSynonyms = {}): ColumnComparison | null {
    const expected = this.outline.templateOf(table.section)?.tables[0]?.columns;
    return expected ? compareColumns(table, expected, this.schema.columns, declared) : null;
  }

  /** The template's items in order with their state, and the share of required items filled in. */
  get completeness(): Completeness {
    return (this.cache.completeness ??= readCompleteness(this));
  }

  /** Leftover template content (placeholders, choices, guidance, examples), computed on first use. */
  get residue(): readonly Residue[] {
    this.residueCache ??= findResidue(this.structure, this.schema);
    return this.residueCache;
  }

  /** Generic types outside code whose argument Markdown reads as an HTML tag (`List<UUID>`). */
  get hiddenTypeArguments(): readonly HiddenTypeArgument[] {
    return (this.cache.hiddenTypeArguments ??= findHiddenTypeArguments(this.structure));
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
