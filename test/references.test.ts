/** The cross-reference parts of the model: names, lists of references, diagrams, state machines, samples, values. */
import { describe, expect, it } from 'vitest';
import { boxTitles, mermaidEntities } from '../src/model/diagrams.js';
import { DataModelDocument } from '../src/model/document.js';
import { NameIndex } from '../src/util/names.js';
import { buildStructure } from '../src/markdown/structure.js';
import type { Span } from '../src/markdown/types.js';
import { enumValues, isIsoDateTime, valueTypeOf } from '../src/model/values.js';
import { bundledSchema } from '../src/template/bundled.js';

const where = (span: Span): string => `${span.text}@${span.range.start.line}:${span.range.start.column}`;
const model = (lines: string[]): DataModelDocument => new DataModelDocument(lines.join('\n'), { schema: bundledSchema() });

describe('names', () => {
  const index = new NameIndex([
    ['OrderItem', 1],
    ['Category', 2],
    ['Address', 3],
  ] as const);

  it('match without case, markup or separators, and tolerate plurals', () => {
    expect(['order_item', '`Order Item`', 'ORDERITEMS', 'categories', 'addresses'].map((name) => index.get(name))).toEqual([1, 1, 1, 2, 3]);
    expect(index.get('Orders')).toBeUndefined();
  });

  it('offer the closest name only when it is close', () => {
    expect(index.closest('Catgory')?.name).toBe('Category');
    expect(index.closest('Invoice')).toBeUndefined();
  });
});

describe('reference lists', () => {
  const doc = model([
    '# Data Model: X',
    '',
    '## Overview',
    '',
    '**Key Entities from Spec**:',
    '- **Member** - a card holder',
    '- `Loan`: one lending',
    '- Book (title)',
    '',
    '## Entity Definitions',
    '',
    '### Entity: Loan',
    '',
    '#### Indexes',
    '',
    '- **Primary**: `id`',
    '- **Composite**: `(status, due_on)` - overdue scan',
    '- **Unique**: isbn, copy_no - one copy',
    '',
    '## Data Integrity',
    '',
    '### Referential Integrity',
    '',
    '**Foreign Key Constraints**:',
    '- Loan.member_id → Member.id - RESTRICT',
    '- `Loan.book_id` -> `Book.id` ON DELETE CASCADE',
    '- Loan.copy_id → Copy.id (SET NULL)',
    '- Loan.x → Member.y',
    '- loans point at members',
    '- Order.line_id → Sales Order Line Item.id',
    '- Order.line_id → Big Sales Order Line Item.id',
  ]);

  it('reads key entity names without their markup', () => {
    expect(doc.keyEntities?.map((entry) => where(entry.name))).toEqual(['Member@6:5', 'Loan@7:4', 'Book@8:3']);
  });

  it('reads index columns from code spans, composite lists and plain text', () => {
    expect(doc.entities[0]?.indexes.map((entry) => [entry.kind, entry.columns.map(where)])).toEqual([
      ['Primary', ['id@16:17']],
      ['Composite', ['status@17:20', 'due_on@17:28']],
      ['Unique', ['isbn@18:15', 'copy_no@18:21']],
    ]);
  });

  it('reads foreign keys in their usual spellings and keeps the lines it cannot read', () => {
    const { keys, unreadable } = doc.foreignKeys;
    expect(keys.map((key) => [where(key.from.entity), where(key.from.field), where(key.to.entity), where(key.to.field), key.action ? where(key.action) : null])).toEqual([
      ['Loan@25:3', 'member_id@25:8', 'Member@25:20', 'id@25:27', 'RESTRICT@25:32'],
      ['Loan@26:4', 'book_id@26:9', 'Book@26:22', 'id@26:27', 'CASCADE@26:41'],
      ['Loan@27:3', 'copy_id@27:8', 'Copy@27:18', 'id@27:23', 'SET NULL@27:27'],
      ['Loan@28:3', 'x@28:8', 'Member@28:12', 'y@28:19', null],
      ['Order@30:3', 'line_id@30:9', 'Sales Order Line Item@30:19', 'id@30:41', null],
    ]);
    // An entity name has at most four words.
    expect(unreadable.map((line) => where(line.text))).toEqual(['loans point at members@29:3', 'Order.line_id → Big Sales Order Line Item.id@31:3']);
  });
});

describe('diagrams', () => {
  it('read the titles of boxes drawn side by side, in box-drawing characters or ASCII', () => {
    const { codeBlocks, source } = buildStructure(['```', '┌────────┐   +----------+', '│ Member │   | Loan     |', '│ id     │   | id       |', '└────────┘   +----------+', '```'].join('\n'));
    const [code] = codeBlocks;
    if (!code) throw new Error('no code');
    expect(boxTitles(source, code).map(where)).toEqual(['Member@3:3', 'Loan@3:16']);
  });

  it('read the entities of a Mermaid erDiagram', () => {
    const { codeBlocks, source } = buildStructure(['```mermaid', 'erDiagram', '  MEMBER ||--o{ LOAN : borrows', '  BOOK {', '    uuid id', '  }', '```'].join('\n'));
    const [code] = codeBlocks;
    if (!code) throw new Error('no code');
    expect(mermaidEntities(source, code).map(where)).toEqual(['MEMBER@3:3', 'LOAN@3:17', 'BOOK@4:3']);
  });
});

describe('state machines', () => {
  it('pair each States label with its diagram and its valid and invalid transitions', () => {
    const doc = model([
      '## State Management',
      '',
      '### Entity States',
      '',
      '**Loan States**:',
      '',
      '```mermaid',
      'stateDiagram-v2',
      '  [*] --> open',
      '  open --> returned',
      '```',
      '',
      '**Valid Transitions**:',
      '- `open → returned`: scanned back',
      '',
      '**Invalid Transitions**:',
      '- returned -> open: a new loan instead',
    ]);
    const [machine] = doc.stateMachines;
    expect(machine?.entity?.text).toBe('Loan');
    expect(machine?.states.map((state) => state.text)).toEqual(['open', 'returned']);
    expect(machine?.valid.map((transition) => `${where(transition.from)} ${where(transition.to)}`)).toEqual(['open@14:4 returned@14:11']);
    expect(machine?.invalid.map((transition) => `${where(transition.from)} ${where(transition.to)}`)).toEqual(['returned@17:3 open@17:15']);
  });
});

describe('samples', () => {
  it('parse JSON with positions in the document, syntax errors included, across CRLF lines', () => {
    const doc = new DataModelDocument(['## Appendix: Sample Data', '', '### Sample Loan', '', '```json', '{', '  "id": 1', '  "status": "open"', '}', '```', ''].join('\r\n'), { schema: bundledSchema() });
    const [sample] = doc.samples;
    expect(sample?.entity.text).toBe('Loan');
    expect(sample?.syntaxErrors.map((error) => `${error.message}@${error.range.start.line}:${error.range.start.column}`)).toEqual(['a comma is expected@8:3']);
    const key = sample?.json?.children?.[0]?.children?.[0];
    if (!sample || !key) throw new Error('no key');
    expect(sample.rangeOf(key.offset, key.length).start).toMatchObject({ line: 7, column: 3 });
  });
});

describe('values', () => {
  it('know ISO date-times', () => {
    expect(['2026-01-15T10:30:00Z', '2026-01-15T10:30:00.123+02:00', '2026-01-15 10:30'].map(isIsoDateTime)).toEqual([true, true, true]);
    expect(['2026-01-15', '2026-02-30T10:00:00Z', '2026-01-15T25:00:00Z'].map(isIsoDateTime)).toEqual([false, false, false]);
  });

  it('read enum values from a validation rule', () => {
    expect(enumValues('enum: [active, "suspended", closed]')).toEqual(['active', 'suspended', 'closed']);
    expect(enumValues('one of: [a, b]')).toEqual(['a', 'b']);
    expect(enumValues('1-120 chars')).toBeNull();
  });

  it('map type names and their synonyms to one type', () => {
    expect(['`Varchar(255)`', 'Timestamp', 'Array[String]', 'TEXT[]', 'Guid', 'BigInt', 'Money', 'Whatever'].map((name) => valueTypeOf(name)?.name)).toEqual([
      'String',
      'DateTime',
      'Array',
      'Array',
      'UUID',
      'BigInt',
      'Decimal',
      undefined,
    ]);
  });

  it.each([
    ['Date', 'Date'],
    ['Date \\| null', 'Date'],
    ['null | Date', 'Date'],
    ['string | undefined', 'String'],
    ["'draft' | 'sent'", 'Enum'],
    ['string | number', undefined],
    ['Record<string, number>', 'Object'],
    ['Array<LineItem>', 'Array'],
    ['java.time.LocalDate', 'LocalDate'],
    ['BigDecimal', 'Decimal'],
    ['List<String>', 'Array'],
    ['DateTimeOffset', 'DateTime'],
    ['int?', 'Integer'],
    ['Dictionary<string, decimal>', 'Object'],
    ['Optional[int]', 'Integer'],
    ['int | None', 'Integer'],
    ['datetime.datetime', 'DateTime'],
    ['dict[str, int]', 'Object'],
    ['Option<Vec<u8>>', 'Bytes'],
    ['DateTime<Utc>', 'DateTime'],
    ['chrono::NaiveDate', 'LocalDate'],
    ['u64', 'BigInt'],
    ['*string', 'String'],
    ['time.Time', 'DateTime'],
    ['[]byte', 'Bytes'],
    ['map[string]int', 'Object'],
    ['sql.NullString', 'String'],
    ['DOUBLE PRECISION', 'Decimal'],
    ['UUID NOT NULL REFERENCES users(id)', 'UUID'],
    ['INT UNSIGNED', 'Integer'],
    ['Int @id @default(autoincrement())', 'Integer'],
    ['String?', 'String'],
    ['Json', 'JSON'],
  ])('read %j as %s, as its language means it', (written, type) => {
    expect(valueTypeOf(written)?.name).toBe(type);
  });

  it('accept for a Date what a date means in any of the languages: a day or an instant', () => {
    const date = valueTypeOf('Date');
    expect(['2026-03-01', '2026-03-01T10:00:00Z', '2026-02-30', 'soon'].map((value) => date?.accepts('string', value))).toEqual([true, true, false, false]);
    expect(['2026-03-01', '2026-03-01T10:00:00Z'].map((value) => valueTypeOf('LocalDate')?.accepts('string', value))).toEqual([true, false]);
  });
});
