/**
 * Column roles of the two tables dmlint understands, and the header names that mean each role.
 * One vocabulary, used by the model (to find columns) and by table-shape (to compare them), and
 * extended by the `columns` key of a config file.
 */
import { normalizeText } from './classify.js';

export type AttributeColumn = 'name' | 'type' | 'required' | 'nullable' | 'description' | 'validation';
export type RelationshipColumn = 'target' | 'type' | 'description' | 'cascade';

export interface ColumnVocabulary {
  attributes: Readonly<Record<AttributeColumn, readonly string[]>>;
  relationships: Readonly<Record<RelationshipColumn, readonly string[]>>;
  /** The names a team's configuration added, normalised: declared, so table-shape accepts them. */
  declared?: readonly string[];
}

/** Extra names per role, as a config file gives them. */
export interface ColumnNames {
  attributes?: Partial<Record<AttributeColumn, string[]>>;
  relationships?: Partial<Record<RelationshipColumn, string[]>>;
}

export const DEFAULT_COLUMNS: ColumnVocabulary = {
  attributes: {
    name: ['attribute', 'attribute name', 'field', 'field name', 'column', 'column name', 'property', 'name'],
    type: ['type', 'data type', 'datatype'],
    required: ['required', 'mandatory'],
    // The inverse of Required: Nullable = Yes means not required.
    nullable: ['nullable', 'optional'],
    description: ['description', 'purpose'],
    validation: ['validation rules', 'validation', 'constraints', 'rules'],
  },
  relationships: {
    target: ['related entity', 'related to', 'target entity', 'target', 'entity'],
    type: ['type', 'cardinality', 'relationship type', 'relationship'],
    description: ['description'],
    cascade: ['cascade behavior', 'cascade behaviour', 'cascade', 'on delete', 'delete behavior'],
  },
};

function extend<Role extends string>(base: Readonly<Record<Role, readonly string[]>>, extra: Partial<Record<Role, string[]>> | undefined): Record<Role, string[]> {
  const merged = {} as Record<Role, string[]>;
  for (const role of Object.keys(base) as Role[]) {
    // The team's names come first: they win when a name could mean two roles.
    merged[role] = [...new Set([...(extra?.[role] ?? []).map(normalizeText), ...base[role]])];
  }
  return merged;
}

/** The default vocabulary with a team's extra names added. */
export function withColumnNames(names: ColumnNames | undefined, base: ColumnVocabulary = DEFAULT_COLUMNS): ColumnVocabulary {
  if (!names) return base;
  const declared = [...Object.values(names.attributes ?? {}), ...Object.values(names.relationships ?? {})].flat().map(normalizeText);
  return { attributes: extend(base.attributes, names.attributes), relationships: extend(base.relationships, names.relationships), declared: [...(base.declared ?? []), ...declared] };
}

/** Position of each role in a header row (-1 when absent). */
export function columnPositions<Role extends string>(headers: readonly string[], roles: Readonly<Record<Role, readonly string[]>>): Record<Role, number> {
  const keys = headers.map((header) => normalizeText(header));
  const positions = {} as Record<Role, number>;
  for (const role of Object.keys(roles) as Role[]) positions[role] = keys.findIndex((key) => roles[role].includes(key));
  return positions;
}

export type TableRole = 'attributes' | 'relationships';

/** Which of the known tables a header row is, if any. */
export function tableRole(headers: readonly string[], columns: ColumnVocabulary): TableRole | null {
  if (columnPositions(headers, columns.relationships).target >= 0) return 'relationships';
  const attribute = columnPositions(headers, columns.attributes);
  return attribute.name >= 0 && attribute.type >= 0 ? 'attributes' : null;
}

/**
 * A key for comparing column names: for the two known tables, every name of a role gives the role
 * (`Field` and `Attribute` are the same column); otherwise the normalised name.
 */
export function columnKeyFor(templateColumns: readonly string[], columns: ColumnVocabulary): (header: string) => string {
  const role = tableRole(templateColumns, columns);
  const roles: Readonly<Record<string, readonly string[]>> | null = role ? columns[role] : null;
  return (header) => {
    const key = normalizeText(header);
    const match = roles ? Object.entries(roles).find(([, names]) => names.includes(key)) : undefined;
    return match ? `@${match[0]}` : key;
  };
}
