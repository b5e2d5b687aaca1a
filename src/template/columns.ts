/**
 * Column roles of the two tables dmlint understands, and the header names that mean each role.
 * One table, used by the model (to find columns) and documented in docs/rules.
 */
import { normalizeText } from './classify.js';

export const ATTRIBUTE_COLUMNS = {
  name: ['attribute', 'attribute name', 'field', 'field name', 'column', 'column name', 'property', 'name'],
  type: ['type', 'data type', 'datatype'],
  required: ['required', 'mandatory'],
  description: ['description', 'purpose'],
  validation: ['validation rules', 'validation', 'constraints', 'rules'],
} as const;

export const RELATIONSHIP_COLUMNS = {
  target: ['related entity', 'related to', 'target entity', 'target', 'entity'],
  type: ['type', 'cardinality', 'relationship type', 'relationship'],
  description: ['description'],
  cascade: ['cascade behavior', 'cascade behaviour', 'cascade', 'on delete', 'delete behavior'],
} as const;

export type AttributeColumn = keyof typeof ATTRIBUTE_COLUMNS;
export type RelationshipColumn = keyof typeof RELATIONSHIP_COLUMNS;

/** Position of each role in a header row (-1 when absent). */
export function columnPositions<Role extends string>(headers: readonly string[], roles: Readonly<Record<Role, readonly string[]>>): Record<Role, number> {
  const keys = headers.map((header) => normalizeText(header));
  const positions = {} as Record<Role, number>;
  for (const role of Object.keys(roles) as Role[]) {
    positions[role] = keys.findIndex((key) => roles[role].includes(key));
  }
  return positions;
}

export type TableRole = 'attributes' | 'relationships';

/** Which of the known tables a header row is, if any. */
export function tableRole(headers: readonly string[]): TableRole | null {
  if (columnPositions(headers, RELATIONSHIP_COLUMNS).target >= 0) return 'relationships';
  const attribute = columnPositions(headers, ATTRIBUTE_COLUMNS);
  return attribute.name >= 0 && attribute.type >= 0 ? 'attributes' : null;
}

/**
 * A key for comparing column names: for the two known tables, every synonym of a role gives the
 * role (`Field` and `Attribute` are the same column); otherwise the normalised name.
 */
export function columnKeyFor(templateColumns: readonly string[]): (header: string) => string {
  const role = tableRole(templateColumns);
  const roles: Readonly<Record<string, readonly string[]>> | null = role === 'attributes' ? ATTRIBUTE_COLUMNS : role === 'relationships' ? RELATIONSHIP_COLUMNS : null;
  return (header) => {
    const key = normalizeText(header);
    const match = roles ? Object.entries(roles).find(([, names]) => names.includes(key)) : undefined;
    return match ? `@${match[0]}` : key;
  };
}
