/**
 * Value vocabulary shared by the rules: relationship types, referential actions, ISO dates, and
 * the attribute types a sample value is checked against (one table, documented in
 * docs/rules/sample-data.md).
 */
export const RELATIONSHIP_TYPES = ['One-to-One', 'One-to-Many', 'Many-to-One', 'Many-to-Many'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** What the other side of each relationship type says. */
export const INVERSE: Readonly<Record<RelationshipType, RelationshipType>> = {
  'One-to-One': 'One-to-One',
  'One-to-Many': 'Many-to-One',
  'Many-to-One': 'One-to-Many',
  'Many-to-Many': 'Many-to-Many',
};

export function isRelationshipType(text: string): text is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(text);
}

/**
 * A note in parentheses at the end of a value (`Many-to-One (optional)`, `Customer (aggregate
 * root)`), with the whitespace before it. The pattern has no leading `\s*`: from every space of a
 * long run that would scan to the end, in quadratic time.
 */
const NOTE = /\([^()]*\)\s*$/;

/** The text without a note at its end. */
export function stripNote(text: string): string {
  return text.replace(NOTE, '').trimEnd();
}

/**
 * The relationship type a Type cell means, written any way (`one to many`, `Many-to-One
 * (optional)`); null when it is not one of the four.
 */
export function relationshipTypeOf(text: string): RelationshipType | null {
  const key = stripNote(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return RELATIONSHIP_TYPES.find((type) => type.toLowerCase().replace(/-/g, '') === key) ?? null;
}

export const REFERENTIAL_ACTIONS = ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION', 'SET DEFAULT'] as const;

/** The canonical spelling of a referential action (`set null` → `SET NULL`), or null. */
export function referentialAction(text: string): string | null {
  const action = text.trim().replace(/\s+/g, ' ').toUpperCase();
  return (REFERENTIAL_ACTIONS as readonly string[]).includes(action) ? action : null;
}

/** Whether `text` is YYYY-MM-DD and names a day that exists. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO 8601 date-time: a real date, `T`, a time, and an optional fraction and zone. */
export function isIsoDateTime(text: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/.exec(text);
  return match?.[1] !== undefined && isIsoDate(match[1]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `enum: [`, `one of [`, `values: [`; one `\s*` per gap, as `\s*:?\s*` splits a run of spaces in quadratic ways. */
const ENUM_OPENING = /\b(?:enum|one of|values?)\s*(?::\s*)?\[/i;

/** The values listed in a validation rule such as `enum: [active, suspended]` or `one of: a, b`. */
export function enumValues(validation: string): string[] | null {
  const opening = ENUM_OPENING.exec(validation);
  if (!opening) return null;
  // Up to the first `]`. Without one, no later opening has one either; /[^\]]*\]/ would rescan to
  // the end from every opening.
  const start = opening.index + opening[0].length;
  const end = validation.indexOf(']', start);
  if (end < 0) return null;
  return validation
    .slice(start, end)
    .split(',')
    .map((value) => value.trim().replace(/^["'`]|["'`]$/g, ''))
    .filter((value) => value !== '');
}

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface ValueType {
  /** The name shown in messages. */
  name: string;
  /** Type names (lower case, without size such as `(255)`) that mean this type. */
  names: readonly string[];
  /** What a JSON value of this type looks like, as a phrase for messages. */
  expects: string;
  accepts(kind: JsonKind, value: unknown): boolean;
}

const isString = (kind: JsonKind): boolean => kind === 'string';

/** The attribute types dmlint knows, with their synonyms. Unknown types are not checked. */
export const VALUE_TYPES: readonly ValueType[] = [
  { name: 'UUID', names: ['uuid', 'guid'], expects: 'a UUID string', accepts: (kind, value) => kind === 'string' && UUID.test(String(value)) },
  { name: 'Integer', names: ['integer', 'int', 'smallint', 'serial', 'int32'], expects: 'a whole number', accepts: (kind, value) => kind === 'number' && Number.isInteger(value) },
  {
    // 64-bit integers exceed what JSON numbers hold exactly, so a string of digits is fine too.
    name: 'BigInt',
    names: ['bigint', 'long', 'bigserial', 'int64'],
    expects: 'a whole number, or a string of digits',
    accepts: (kind, value) => (kind === 'number' && Number.isInteger(value)) || (kind === 'string' && /^-?\d+$/.test(String(value))),
  },
  {
    name: 'Decimal',
    names: ['decimal', 'numeric', 'float', 'double', 'real', 'number', 'money'],
    expects: 'a number',
    accepts: (kind, value) => kind === 'number' || (kind === 'string' && /^-?\d+(?:\.\d+)?$/.test(String(value))),
  },
  { name: 'Boolean', names: ['boolean', 'bool'], expects: 'true or false', accepts: (kind) => kind === 'boolean' },
  { name: 'String', names: ['string', 'text', 'varchar', 'char', 'citext', 'email', 'url', 'uri', 'slug'], expects: 'a string', accepts: isString },
  { name: 'Date', names: ['date'], expects: 'a date as "YYYY-MM-DD"', accepts: (kind, value) => kind === 'string' && isIsoDate(String(value)) },
  {
    name: 'DateTime',
    names: ['datetime', 'timestamp', 'timestamptz', 'date-time', 'instant'],
    expects: 'an ISO 8601 date-time such as "2026-01-15T10:30:00Z"',
    accepts: (kind, value) => kind === 'string' && isIsoDateTime(String(value)),
  },
  { name: 'Time', names: ['time'], expects: 'a time as "HH:MM" or "HH:MM:SS"', accepts: (kind, value) => kind === 'string' && /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/.test(String(value)) },
  { name: 'Enum', names: ['enum'], expects: 'one of the enum values', accepts: isString },
  { name: 'JSON', names: ['json', 'jsonb'], expects: 'a JSON object or array', accepts: (kind) => kind === 'object' || kind === 'array' },
  { name: 'Object', names: ['object', 'map', 'hash', 'dict', 'struct'], expects: 'a JSON object', accepts: (kind) => kind === 'object' },
  { name: 'Array', names: ['array', 'list', 'set'], expects: 'a JSON array', accepts: (kind) => kind === 'array' },
];

/** The type a Type cell names: `Varchar(255)` → String, `Array[String]` or `String[]` → Array. */
export function valueTypeOf(typeText: string): ValueType | undefined {
  const text = typeText.replace(/[`*]/g, '').trim().toLowerCase();
  if (/\[\]$|^(?:array|list|set)\s*[[<(]/.test(text)) return VALUE_TYPES.find((type) => type.name === 'Array');
  // Up to the first parenthesis (`Varchar(255)`); trimmed after, as a leading `\s*` backtracks quadratically.
  const paren = text.indexOf('(');
  const base = (paren >= 0 ? text.slice(0, paren) : text).trim();
  return VALUE_TYPES.find((type) => type.names.includes(base));
}
