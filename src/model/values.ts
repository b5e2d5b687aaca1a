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
const isDate = (kind: JsonKind, value: unknown): boolean => kind === 'string' && isIsoDate(String(value));
const isDateTime = (kind: JsonKind, value: unknown): boolean => kind === 'string' && isIsoDateTime(String(value));
const isWhole = (kind: JsonKind, value: unknown): boolean => kind === 'number' && Number.isInteger(value);

/**
 * The attribute types dmlint knows, with their names in the languages teams write models in:
 * SQL, Prisma, TypeScript, Java, C#, Python, Rust and Go (lower case; a qualified name such as
 * `java.time.LocalDate` is also looked up by its last part). Unknown types are not checked.
 */
export const VALUE_TYPES: readonly ValueType[] = [
  { name: 'UUID', names: ['uuid', 'guid', 'uniqueidentifier'], expects: 'a UUID string', accepts: (kind, value) => kind === 'string' && UUID.test(String(value)) },
  {
    name: 'Integer',
    names: ['integer', 'int', 'smallint', 'tinyint', 'mediumint', 'serial', 'smallserial', 'int2', 'int4', 'int16', 'int32', 'short', 'byte', 'sbyte', 'ushort', 'uint', 'uint8', 'uint16', 'uint32', 'i8', 'i16', 'i32', 'u8', 'u16', 'u32', 'sql.nullint32', 'sql.nullint16', 'sql.nullbyte'],
    expects: 'a whole number',
    accepts: isWhole,
  },
  {
    // 64-bit integers exceed what JSON numbers hold exactly, so a string of digits is fine too.
    name: 'BigInt',
    names: ['bigint', 'long', 'ulong', 'bigserial', 'int8', 'int64', 'uint64', 'i64', 'u64', 'i128', 'u128', 'isize', 'usize', 'biginteger', 'sql.nullint64'],
    expects: 'a whole number, or a string of digits',
    accepts: (kind, value) => isWhole(kind, value) || (kind === 'string' && /^-?\d+$/.test(String(value))),
  },
  {
    name: 'Decimal',
    names: ['decimal', 'numeric', 'float', 'double', 'double precision', 'real', 'number', 'money', 'smallmoney', 'float4', 'float8', 'float32', 'float64', 'f32', 'f64', 'bigdecimal', 'sql.nullfloat64'],
    expects: 'a number',
    accepts: (kind, value) => kind === 'number' || (kind === 'string' && /^-?\d+(?:\.\d+)?$/.test(String(value))),
  },
  { name: 'Boolean', names: ['boolean', 'bool', 'sql.nullbool'], expects: 'true or false', accepts: (kind) => kind === 'boolean' },
  {
    name: 'String',
    names: ['string', 'str', '&str', 'text', 'varchar', 'nvarchar', 'char', 'nchar', 'character', 'character varying', 'tinytext', 'mediumtext', 'longtext', 'ntext', 'clob', 'citext', 'email', 'url', 'uri', 'slug', 'sql.nullstring'],
    expects: 'a string',
    accepts: isString,
  },
  {
    // A TypeScript or Java Date is an instant; an SQL or Python date is a day: either is a Date.
    name: 'Date',
    names: ['date'],
    expects: 'a date as "YYYY-MM-DD", or an ISO 8601 date-time',
    accepts: (kind, value) => isDate(kind, value) || isDateTime(kind, value),
  },
  { name: 'LocalDate', names: ['localdate', 'dateonly', 'naivedate', 'datetime.date'], expects: 'a date as "YYYY-MM-DD"', accepts: isDate },
  {
    name: 'DateTime',
    names: [
      'datetime',
      'datetime2',
      'smalldatetime',
      'datetimeoffset',
      'timestamp',
      'timestamptz',
      'timestamp with time zone',
      'timestamp without time zone',
      'date-time',
      'instant',
      'localdatetime',
      'offsetdatetime',
      'zoneddatetime',
      'naivedatetime',
      'time.time',
      'sql.nulltime',
    ],
    expects: 'an ISO 8601 date-time such as "2026-01-15T10:30:00Z"',
    accepts: isDateTime,
  },
  {
    name: 'Time',
    names: ['time', 'localtime', 'timeonly', 'naivetime', 'time without time zone', 'datetime.time'],
    expects: 'a time as "HH:MM" or "HH:MM:SS"',
    accepts: (kind, value) => kind === 'string' && /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/.test(String(value)),
  },
  { name: 'Enum', names: ['enum'], expects: 'one of the enum values', accepts: isString },
  { name: 'JSON', names: ['json', 'jsonb', 'jsonvalue', 'jsonnode', 'jsonelement', 'serde_json::value'], expects: 'a JSON object or array', accepts: (kind) => kind === 'object' || kind === 'array' },
  // Binary data travels in JSON as a base64 string, or as an array of byte values.
  { name: 'Bytes', names: ['bytes', 'bytea', 'blob', 'binary', 'varbinary', 'bytearray', 'buffer', 'uint8array', 'byte[]', '[]byte', 'vec<u8>'], expects: 'a base64 string or an array of bytes', accepts: (kind) => kind === 'string' || kind === 'array' },
  { name: 'Object', names: ['object', 'map', 'hash', 'dict', 'struct', 'record', 'dictionary', 'hashmap', 'btreemap', 'treemap', 'mapping', 'hstore'], expects: 'a JSON object', accepts: (kind) => kind === 'object' },
  { name: 'Array', names: ['array', 'list', 'set', 'vec', 'vector', 'sequence', 'slice', 'tuple', 'hashset', 'btreeset', 'frozenset'], expects: 'a JSON array', accepts: (kind) => kind === 'array' },
];

const TYPES_BY_NAME = new Map(VALUE_TYPES.flatMap((type) => type.names.map((name) => [name, type] as const)));
const typeNamed = (name: string): ValueType | undefined => TYPES_BY_NAME.get(name);

/** Wrappers that only say a value may be missing: `Optional[int]`, `Option<i32>`, `Nullable<Guid>`, `Maybe<T>`. */
const NULLABLE = /^(?:optional|option|nullable|maybe)\s*[[<]/;
/** Generic containers of many values (`List<Tag>`, `Vec<String>`, `Sequence[str]`, `IEnumerable<T>`). */
const LISTS = /^(?:array|list|set|vec|vector|sequence|seq|collection|iterable|ienumerable|icollection|ilist|ireadonlylist|readonlyarray|hashset|btreeset|frozenset|tuple)\s*[[<(]/;
/** Generic maps (`Map<K, V>`, `Record<string, number>`, `dict[str, int]`, Go's `map[string]int`). */
const MAPS = /^(?:map|record|dict|dictionary|idictionary|hashmap|btreemap|treemap|linkedhashmap|mapping)\s*[[<(]/;
/** Where an SQL column type ends and its constraints begin (`UUID NOT NULL REFERENCES users`), or a Prisma attribute (`Int @id`). */
const CONSTRAINTS = /\s(?:not null|null|primary key|unique|default|references|check|generated|collate|unsigned|auto_increment|identity)\b|\s@/;

/** The type without what says it may be missing: `Date | null`, `string?`, `Optional[int]`, `int | None`. */
function withoutNullability(text: string): string {
  let type = text;
  // A few rounds for nesting such as `Option<Vec<u8>>?`; each round only shortens the text.
  for (let round = 0; round < 4; round++) {
    const before = type;
    if (type.endsWith('?')) type = type.slice(0, -1).trim();
    if (type.includes('|')) {
      const parts = type.split('|').map((part) => part.trim());
      const kept = parts.filter((part) => !['null', 'undefined', 'none', 'nil'].includes(part));
      if (kept.length === 1 && kept[0] !== undefined) type = kept[0];
    }
    const nullable = NULLABLE.exec(type);
    if (nullable && /[\]>]$/.test(type)) type = type.slice(nullable[0].length, -1).trim();
    if (type === before) break;
  }
  return type;
}

/**
 * The type a Type cell names, in any of the vocabulary's languages: `Varchar(255)` → String,
 * `Date \| null` → Date, `Option<i64>` → BigInt, `List<Tag>`, `String[]` or `[]string` → Array,
 * `Map<K, V>` → Object, `'draft' | 'sent'` → Enum. Undefined for a type dmlint does not know.
 */
export function valueTypeOf(typeText: string): ValueType | undefined {
  const text = withoutNullability(typeText.replace(/[`*]/g, '').replace(/\\\|/g, '|').trim().toLowerCase());
  const known = typeNamed(text);
  if (known) return known;
  if (/\[\]$|^\[\]/.test(text) || LISTS.test(text)) return typeNamed('array');
  if (MAPS.test(text)) return typeNamed('map');
  // A union of string literals (TypeScript's `'draft' | 'sent'`) is an enum.
  if (text.includes('|') && text.split('|').every((part) => /^\s*(?:'[^']*'|"[^"]*")\s*$/.test(part))) return typeNamed('enum');
  // Up to the first parenthesis or type argument (`Varchar(255)`, `DateTime<Utc>`) and the first
  // constraint; trimmed after, as a leading `\s*` backtracks quadratically.
  const cut = text.search(/[(<]/);
  let base = (cut >= 0 ? text.slice(0, cut) : text).trim();
  const constraint = CONSTRAINTS.exec(base);
  if (constraint) base = base.slice(0, constraint.index).trim();
  return typeNamed(base) ?? typeNamed(base.slice(Math.max(base.lastIndexOf('.'), base.lastIndexOf(':')) + 1));
}
