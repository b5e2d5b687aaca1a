/**
 * A template schema as JSON and back. The build derives the bundled template's schema once and
 * inlines it, so a cold run does not parse the template before the document: the schema is a
 * tree with parent links, sets and maps, so it is flattened to section indexes and arrays.
 */
import type { BracketGroup } from '../markdown/types.js';
import type { Choice, TemplateSchema, TemplateSection } from './schema.js';

interface FlatSection extends Omit<TemplateSection, 'children' | 'parent'> {
  children: number[];
}

interface FlatSchema {
  origin: string;
  identity: TemplateSchema['identity'];
  /** Index 0 is the root; the others are `sections` in order. */
  sections: FlatSection[];
  headerFields: string[];
  inventory: {
    syntaxes: Array<BracketGroup['syntax']>;
    fieldLabels: string[];
    placeholders: string[];
    shapes: string[];
    choices: Choice[];
    guidance: string[];
    exampleTokens: string[];
    examplePhrases: string[];
  };
  columns: TemplateSchema['columns'];
}

export function serializeSchema(schema: TemplateSchema): string {
  const all = [schema.root, ...schema.sections];
  const indexOf = new Map(all.map((section, index) => [section, index]));
  const { inventory } = schema;
  const flat: FlatSchema = {
    origin: schema.origin,
    identity: schema.identity,
    sections: all.map(({ parent: _parent, children, ...rest }) => ({ ...rest, children: children.map((child) => indexOf.get(child) ?? -1) })),
    headerFields: schema.headerFields,
    inventory: {
      syntaxes: [...inventory.syntaxes],
      fieldLabels: [...inventory.fieldLabels],
      placeholders: [...inventory.placeholders],
      shapes: [...inventory.shapes],
      choices: [...inventory.choices.values()],
      guidance: [...inventory.guidance],
      exampleTokens: [...inventory.exampleTokens],
      examplePhrases: [...inventory.examplePhrases],
    },
    columns: schema.columns,
  };
  return JSON.stringify(flat);
}

export function deserializeSchema(json: string): TemplateSchema {
  const flat = JSON.parse(json) as FlatSchema;
  const all: TemplateSection[] = flat.sections.map((section) => ({ ...section, children: [], parent: null }));
  flat.sections.forEach((section, index) => {
    const node = all[index];
    for (const childIndex of section.children) {
      const child = all[childIndex];
      if (!node || !child) throw new Error('the inlined template schema is malformed');
      child.parent = node;
      node.children.push(child);
    }
  });
  const [root, ...sections] = all;
  if (!root) throw new Error('the inlined template schema is malformed');
  const { inventory } = flat;
  return {
    origin: flat.origin,
    identity: flat.identity,
    root,
    sections,
    headerFields: flat.headerFields,
    inventory: {
      syntaxes: new Set(inventory.syntaxes),
      fieldLabels: new Set(inventory.fieldLabels),
      placeholders: new Set(inventory.placeholders),
      shapes: new Set(inventory.shapes),
      choices: new Map(inventory.choices.map((choice) => [choice.key, choice])),
      guidance: new Set(inventory.guidance),
      exampleTokens: new Set(inventory.exampleTokens),
      examplePhrases: new Set(inventory.examplePhrases),
    },
    columns: flat.columns,
  };
}
