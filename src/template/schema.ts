/**
 * Derives the expected structure of a document from a template Markdown file: the heading
 * outline (levels, order, optional and repeated blocks), the columns of each table, the header
 * fields, and the inventory of placeholders, choices, guidance and example names. The template
 * is the single source of truth; nothing here names a section of the bundled template.
 */
import { createHash } from 'node:crypto';
import { headerFields } from '../markdown/header.js';
import { buildStructure, type Structure } from '../markdown/structure.js';
import type { BracketGroup, Section } from '../markdown/types.js';
import { choiceKey, choiceOptions, isOrdinaryBracket, labelPrefixOf, normalizeText, shapeOf } from './classify.js';
import { DEFAULT_COLUMNS, withColumnNames, type ColumnNames, type ColumnVocabulary } from './columns.js';
import { isOptionalTitle, normalizeTitle, patternFrom, type TitlePattern } from './title.js';

export interface TemplateTable {
  /** Column names as the template writes them. */
  columns: string[];
}

export interface TemplateSection {
  /** The heading text as written in the template, e.g. `Entity: [EntityName]`. */
  title: string;
  level: number;
  /** Normalised title (literal headings) or `prefix*suffix` (headings with a name slot). */
  key: string;
  /** Set when the heading holds a name slot; such a heading matches any name. */
  pattern: TitlePattern | null;
  /** Marked "(if applicable)" or "(optional)": may be left out. */
  optional: boolean;
  /** A block with a name slot below the title: one per entity, per sample ... */
  repeated: boolean;
  children: TemplateSection[];
  parent: TemplateSection | null;
  /** Tables directly in this section's body. */
  tables: TemplateTable[];
  /** Languages of the code blocks directly in this section's body ('' for none given). */
  codeLanguages: string[];
  /** Position among its siblings. */
  index: number;
  /** Line in the template, for messages about the template itself. */
  line: number;
  /** The template's text of this section up to its first subsection: the heading and its guidance. */
  own: string;
}

export interface Choice {
  options: string[];
  key: string;
}

export interface Inventory {
  /**
   * The placeholder syntaxes the template writes (`bracket`, `mustache`): a `{{token}}` in a
   * document is a placeholder only when its template uses them; otherwise it is a template
   * engine's token the document talks about.
   */
  syntaxes: Set<BracketGroup['syntax']>;
  /** Lower-cased labels of the template's `**Label**:` fields: each stands for a value to write. */
  fieldLabels: Set<string>;
  /** Normalised contents of the template's placeholders (`entity1`, `purpose`, `###-feature-name`). */
  placeholders: Set<string>;
  /** Placeholder shapes with digits folded (`question #`) and label prefixes (`invariant:`). */
  shapes: Set<string>;
  choices: Map<string, Choice>;
  /** Normalised text of guidance: bracketed instructions and notes about the template itself. */
  guidance: Set<string>;
  /** Example names used only to illustrate (`Entity1`, `attribute_x`) and example values. */
  exampleTokens: Set<string>;
  examplePhrases: Set<string>;
}

/** Which template this is, for documents that say which one they were filled from. */
export interface TemplateIdentity {
  /** The front matter's `name`, else the file name without `.md` (`data-model-template` for the bundled one). */
  name: string;
  /** The front matter's `version`; null when it gives none. */
  version: string | null;
  /** The first 12 hex digits of the SHA-256 of the template's text. */
  digest: string;
}

export interface TemplateSchema {
  /** Where the template came from: a path, or `bundled`. */
  origin: string;
  identity: TemplateIdentity;
  /** A virtual level-0 node whose children are the template's top headings. */
  root: TemplateSection;
  /** Every template section in order. */
  sections: TemplateSection[];
  /** Labels of the fields at the top of the document (Branch, Date, Spec ...). */
  headerFields: string[];
  inventory: Inventory;
  /** Column names per role for the attribute and relationship tables. */
  columns: ColumnVocabulary;
}

export function buildTemplateSchema(text: string, origin: string): TemplateSchema {
  const structure = buildStructure(text);
  const inventory = readInventory(structure);
  const headingGroups = new Map<Section, BracketGroup>();
  for (const group of structure.brackets) {
    if (group.container === 'heading' && !headingGroups.has(group.section)) headingGroups.set(group.section, group);
  }
  const root = toTemplateSection(structure.root, null, { inventory, headingGroups, text: structure.source.text });
  const sections: TemplateSection[] = [];
  const collect = (node: TemplateSection): void => {
    for (const child of node.children) {
      sections.push(child);
      collect(child);
    }
  };
  collect(root);
  const identity = { name: nameOf(origin), version: null, digest: createHash('sha256').update(text).digest('hex').slice(0, 12) };
  return { origin, identity, root, sections, headerFields: readHeaderFields(structure, inventory), inventory, columns: DEFAULT_COLUMNS };
}

function nameOf(origin: string): string {
  return origin === 'bundled' ? 'data-model-template' : (origin.split(/[\\/]/).pop() ?? origin).replace(/\.md$/i, '');
}

/** The schema with the name and version its front matter declares (read by the host, which reads YAML). */
export function withIdentity(schema: TemplateSchema, declared: { name?: string; version?: string } | null): TemplateSchema {
  if (!declared) return schema;
  return { ...schema, identity: { ...schema.identity, name: declared.name ?? schema.identity.name, version: declared.version ?? schema.identity.version } };
}

/** The schema with a team's extra column names. */
export function withColumns(schema: TemplateSchema, names: ColumnNames | undefined): TemplateSchema {
  return names ? { ...schema, columns: withColumnNames(names, schema.columns) } : schema;
}

function readInventory(structure: Structure): Inventory {
  const inventory: Inventory = {
    syntaxes: new Set(),
    fieldLabels: new Set(structure.fields.map((field) => field.label.toLowerCase())),
    placeholders: new Set(),
    shapes: new Set(),
    choices: new Map(),
    guidance: new Set(),
    exampleTokens: new Set(),
    examplePhrases: new Set(),
  };
  const addChoice = (options: string[]): void => {
    const key = choiceKey(options);
    inventory.choices.set(key, { options, key });
  };
  for (const group of structure.brackets) {
    if (group.syntax === 'bracket' && isOrdinaryBracket(group.raw, group.content, group.before)) continue;
    inventory.syntaxes.add(group.syntax);
    const options = choiceOptions(group.content);
    if (options) addChoice(options);
    else if (isGuidance(group)) inventory.guidance.add(normalizeText(group.content));
    else addPlaceholder(inventory, group.content);
  }
  // Unbracketed choices in table cells: `Yes/No`, `UUID/Integer`.
  for (const table of structure.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const options = cell.raw.includes('[') ? null : choiceOptions(cell.text);
        if (options) addChoice(options);
      }
    }
  }
  // A paragraph that talks about the template itself is a note to delete.
  for (const paragraph of structure.paragraphs) {
    if (/\btemplate\b/i.test(paragraph.text)) inventory.guidance.add(normalizeText(paragraph.text));
  }
  readExamples(structure, inventory);
  return inventory;
}

/** A paragraph that is nothing but one bracketed instruction: `[Repeat structure above ...]`. */
function isGuidance(group: BracketGroup): boolean {
  return group.whole && group.standalone;
}

function addPlaceholder(inventory: Inventory, content: string): void {
  inventory.placeholders.add(normalizeText(content));
  inventory.shapes.add(shapeOf(content));
  const label = labelPrefixOf(content);
  if (label) inventory.shapes.add(label);
}

/**
 * Example names are the identifiers of the template's code blocks (diagram, sample JSON) that carry
 * a number or a one-letter suffix (`Entity1`, `attribute1`, `entity1_id`, `attribute_x`); example
 * phrases are its string values that say "example".
 */
function readExamples(structure: Structure, inventory: Inventory): void {
  for (const code of structure.codeBlocks) {
    for (const match of code.value.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      const word = match[0];
      if (word.length >= 4 && !/^[0-9a-f]+$/i.test(word) && (/\d/.test(word) || /_[a-z]$/.test(word))) inventory.exampleTokens.add(word);
    }
    for (const match of code.value.matchAll(/"([^"\n]*\bexample\b[^"\n]*)"/gi)) {
      if (match[1]) inventory.examplePhrases.add(match[1]);
    }
  }
  for (const content of inventory.placeholders) {
    if (/^[a-z]+\d+$/.test(content)) {
      for (const token of inventory.exampleTokens) if (token.toLowerCase() === content) inventory.exampleTokens.add(token);
    }
  }
}

/** Header labels, leaving out notes about the template itself. */
function readHeaderFields(structure: Structure, inventory: Inventory): string[] {
  return headerFields(structure)
    .filter((field) => !inventory.guidance.has(normalizeText(`${field.label}: ${field.value}`)))
    .map((field) => field.label);
}

interface OutlineContext {
  inventory: Inventory;
  /** The first bracket group in each heading. */
  headingGroups: Map<Section, BracketGroup>;
  text: string;
}

function toTemplateSection(section: Section, parent: TemplateSection | null, context: OutlineContext): TemplateSection {
  const pattern = section.level > 0 ? titlePattern(section, context) : null;
  const node: TemplateSection = {
    title: section.title,
    level: section.level,
    key: pattern ? `${pattern.prefix}*${pattern.suffix}` : normalizeTitle(section.title),
    pattern,
    optional: isOptionalTitle(section.title),
    // The document title (level 1) names the feature once; a slot deeper down names one of many.
    repeated: pattern !== null && section.level > 1,
    children: [],
    parent,
    tables: section.blocks.flatMap((block) => (block.kind === 'table' ? [{ columns: block.header.cells.map((cell) => cell.text) }] : [])),
    codeLanguages: section.blocks.flatMap((block) => (block.kind === 'code' ? [block.lang ?? ''] : [])),
    index: 0,
    line: section.headingRange.start.line,
    own: section.level === 0 ? '' : context.text.slice(section.headingRange.start.offset, section.children[0]?.headingRange.start.offset ?? section.range.end.offset).trimEnd(),
  };
  for (const child of section.children) {
    const converted = toTemplateSection(child, node, context);
    // `### Entity: [EntityName]` then `### Entity: [NextEntityName]`: one repeated block, shown twice.
    const twin = node.children.find((sibling) => sibling.key === converted.key);
    if (twin) {
      for (const grandchild of converted.children) {
        if (twin.children.some((existing) => existing.key === grandchild.key)) continue;
        grandchild.parent = twin;
        grandchild.index = twin.children.length;
        twin.children.push(grandchild);
      }
      continue;
    }
    converted.index = node.children.length;
    node.children.push(converted);
  }
  return node;
}

/** A heading with a placeholder (`[EntityName]`) or a numbered placeholder name (`Entity1`) has a slot. */
function titlePattern(section: Section, context: OutlineContext): TitlePattern | null {
  const title = section.title;
  const group = context.headingGroups.get(section);
  if (group) {
    const at = title.indexOf(group.raw);
    if (at >= 0) return patternFrom(title.slice(0, at), title.slice(at + group.raw.length));
  }
  for (const match of title.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (/\d/.test(match[0]) && context.inventory.placeholders.has(match[0].toLowerCase())) {
      return patternFrom(title.slice(0, match.index), title.slice(match.index + match[0].length));
    }
  }
  return null;
}
