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
import { stripBom } from './parse.js';
import { buildStructure, type Structure } from './structure.js';
import type { Field, Range } from './types.js';

export interface DocumentInput {
  /** Path of the file, used for messages and to resolve relative links; null for unnamed text. */
  filePath?: string | null;
  schema: TemplateSchema;
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

  constructor(rawText: string, input: DocumentInput) {
    const { text, hasBom } = stripBom(rawText);
    this.filePath = input.filePath ?? null;
    this.text = text;
    this.hasBom = hasBom;
    this.schema = input.schema;
    this.structure = buildStructure(text);
    this.outline = matchOutline(this.structure.root, input.schema);
    this.header = readHeader(this.structure);
    this.entities = readEntities(input.schema, this.outline, this.structure.tables, this.structure.source);
  }

  get source(): Structure['source'] {
    return this.structure.source;
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
