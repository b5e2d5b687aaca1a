/**
 * What the model reads out of a document once, for every rule: an attribute's required flag, type,
 * enum values and "must reference", a relationship's type, the approval, the Spec link, the open
 * questions, the names a diagram shows and a table's columns against the template's.
 */
import { describe, expect, it } from 'vitest';
import { DataModelDocument } from '../src/model/document.js';
import type { Range } from '../src/markdown/types.js';
import { bundledSchema } from '../src/template/bundled.js';

const model = (text: string): DataModelDocument => new DataModelDocument(text, { schema: bundledSchema() });
const where = (range: Range): string => `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;

const ENTITIES = `# Data Model: Lending

## Entity Definitions

### Entity: OrderItem

#### Attributes

| Attribute | Type | Required | Description | Validation Rules |
|-----------|------|----------|-------------|------------------|
| \`id\` | UUID | Yes | Key | Auto-generated |
| \`status\` | Enum | Yes | Where it is | enum: [open, "shipped", closed] |
| \`note\` | \`Varchar(255)\` | No | Free text | max 255 |
| \`order_id\` | UUID | Yes | Its order (PK) | must reference an active Customer Order |
| \`ledger\` | String | maybe | Book | must reference the ledger |

#### Relationships

| Related Entity | Type | Description | Cascade Behavior |
|----------------|------|-------------|------------------|
| Order | many to one (required) | Its order | Delete: CASCADE |
| Shelf | 1:N | Where it is | Delete: RESTRICT |

### Entity: Loan

#### Attributes

| Field | Type | Nullable | Description |
|-------|------|----------|-------------|
| \`due\` | Date | No | Due date |
| \`returned\` | DateTime | Yes | Return time |
`;

describe('attributes', () => {
  const [item, loan] = model(ENTITIES).entities;

  it('read Required, or Nullable as its inverse, and nothing from another answer', () => {
    expect(item?.attributes.map((attribute) => attribute.required)).toEqual([true, true, false, true, null]);
    expect(loan?.attributes.map((attribute) => attribute.required)).toEqual([true, false]);
  });

  it('read their type through the one vocabulary, and the values of an Enum', () => {
    expect(item?.attributes.map((attribute) => attribute.valueType?.name ?? null)).toEqual(['UUID', 'Enum', 'String', 'UUID', 'String']);
    expect(item?.attributes.map((attribute) => attribute.enumValues)).toEqual([null, ['open', 'shipped', 'closed'], null, null, null]);
  });

  it('read what a validation says it must reference: every run of words, and the one that reads as a name', () => {
    expect(item?.attributes[3]?.reference).toEqual({ candidates: ['an', 'an active', 'an active Customer', 'an active Customer Order', 'active', 'active Customer', 'active Customer Order', 'Customer', 'Customer Order', 'Order'], named: 'Customer' });
    // "the ledger" is prose: no word reads as an entity's name.
    expect(item?.attributes[4]?.reference).toEqual({ candidates: ['the', 'the ledger', 'ledger'], named: null });
    expect(item?.attributes[0]?.reference).toBeNull();
  });

  it('say when the notes call them the primary key, and the entity its own identifier name', () => {
    expect(item?.attributes.map((attribute) => attribute.describedAsPrimaryKey)).toEqual([false, false, false, true, false]);
    expect([item?.ownIdName, loan?.ownIdName]).toEqual(['order_item_id', 'loan_id']);
  });

  it('are found by name without case, markup or plurals', () => {
    const doc = model(ENTITIES);
    const entity = doc.entities[0];
    if (!entity) throw new Error('no entity');
    expect(doc.attributeIndex(entity).get('Order ID')?.name).toBe('order_id');
    expect(doc.attributeIndex(entity).closest('notes')?.name).toBe('note');
  });
});

describe('relationships', () => {
  it('read their type written any way, and nothing from a shorthand', () => {
    expect(model(ENTITIES).entities[0]?.relationships.map((relationship) => [relationship.target, relationship.type])).toEqual([
      ['Order', 'Many-to-One'],
      ['Shelf', null],
    ]);
  });
});

describe('the approval', () => {
  const approval = (value: string): unknown => {
    const read = model(`# Data Model: X\n\n## Approval\n\n**Data Model Approved By**: ${value}\n`).approval;
    return read && { approver: read.approver, date: read.date, isoDate: read.isoDate, field: read.field && where(read.field.valueRange) };
  };

  it('is the approver before the last " on " and the date after it, with its YYYY-MM-DD', () => {
    expect(approval('Platform lead on Monday on 2026-04-10 (ARCH-412).')).toEqual({ approver: 'Platform lead on Monday', date: '2026-04-10 (ARCH-412)', isoDate: '2026-04-10', field: '5:29-5:78' });
    expect(approval('Platform lead')).toEqual({ approver: 'Platform lead', date: null, isoDate: null, field: '5:29-5:42' });
    expect(approval('on 10 April 2026')).toEqual({ approver: '', date: '10 April 2026', isoDate: null, field: '5:29-5:45' });
  });

  it('is the section without a field, or nothing without the section', () => {
    expect(model('# Data Model: X\n\n## Approval\n\nPending.\n').approval).toMatchObject({ field: null, approver: '', date: null });
    expect(model('# Data Model: X\n').approval).toBeNull();
  });
});

describe('the Spec link', () => {
  const spec = (value: string): unknown => {
    const link = model(`# Data Model: X\n\n**Spec**: ${value}\n`).specLink;
    return link && { path: link.path, url: link.link?.url ?? null, at: link.link && where(link.link.range) };
  };

  it('names the linked file, relative to the document and decoded, and nothing for a web address or an anchor', () => {
    expect(spec('[spec](../specs/My%20Spec.md#scope)')).toEqual({ path: '../specs/My Spec.md', url: '../specs/My%20Spec.md#scope', at: '3:11-3:46' });
    expect(spec('[spec](https://example.com/spec.md)')).toEqual({ path: null, url: 'https://example.com/spec.md', at: '3:11-3:46' });
    expect(spec('[spec](#spec)')).toEqual({ path: null, url: '#spec', at: '3:11-3:24' });
    expect(spec('spec.md')).toEqual({ path: null, url: null, at: null });
    expect(model('# Data Model: X\n').specLink).toBeNull();
  });
});

describe('open questions', () => {
  it('are every list item under Open Questions and its subsections, nested ones included', () => {
    const doc = model('# Data Model: X\n\n## Open Questions\n\n- [ ] First?\n  - [x] Nested\n\n### Later\n\n1. Second?\n\n## Approval\n\n- [ ] Not a question\n');
    expect(doc.openQuestions.map((item) => [item.text, item.checked, where(item.textRange)])).toEqual([
      ['First?', false, '5:7-5:13'],
      ['Nested', true, '6:9-6:15'],
      ['Second?', null, '10:4-10:11'],
    ]);
  });
});

describe('diagram names', () => {
  it('are the entities of a Mermaid erDiagram, box titles, and every word as a name key', () => {
    const doc = model('# Data Model: X\n\n## Entity Relationship Diagram\n\n```mermaid\nerDiagram\n    Order ||--o{ OrderItem : holds\n```\n\n```\n┌───────┐\n│ Shelf │\n└───────┘\n```\n');
    expect(doc.diagramNames.named.map((span) => `${span.text} ${where(span.range)}`)).toEqual(['Order 7:5-7:10', 'OrderItem 7:18-7:27', 'Shelf 12:3-12:8']);
    expect([...doc.diagramNames.wordKeys].sort()).toEqual(['erdiagram', 'holds', 'o', 'order', 'orderitem', 'shelf']);
  });
});

describe('box diagrams read by display width', () => {
  const named = (diagram: string): string[] => {
    const doc = model(`# Data Model: X\n\n## Entity Relationship Diagram\n\n\`\`\`\n${diagram}\n\`\`\`\n`);
    return doc.diagramNames.named.map((span) => `${span.text} ${where(span.range)}`);
  };

  it('find boxes after wide characters and emoji, with whole names and UTF-16 columns', () => {
    const diagram = ['┌───────────┐      ┌─────────────────────┐ 🚀 ┌────────┐', '│ Order     │ 注文 │ MenuItemTranslation │───►│ Shelf  │', '└───────────┘      └─────────────────────┘    └────────┘'];
    expect(named(diagram.join('\n'))).toEqual(['Order 7:3-7:8', 'MenuItemTranslation 7:20-7:39', 'Shelf 7:47-7:52']);
  });

  it('leave a gloss beside the name out of it', () => {
    expect(named('┌──────────────────┐  ┌──────────────────┐\n│ Restaurant  店舗 │  │ 메뉴 MenuItem    │\n└──────────────────┘  └──────────────────┘')).toEqual(['Restaurant 7:3-7:13', '메뉴 7:23-7:25']);
    expect(named('┌────────────────────┐\n│ Restaurant 店舗    │\n│ Order Item         │\n└────────────────────┘')).toEqual(['Restaurant 7:3-7:13']);
  });

  it('read every state of a chain of arrows', () => {
    const doc = model('# Data Model: X\n\n## State Management\n\n### Entity States\n\n**Order States**:\n\n```\nscheduled → confirmed → completed\nscheduled --> cancelled\n```\n');
    expect(doc.stateMachines[0]?.states.map((span) => `${span.text} ${where(span.range)}`)).toEqual(['scheduled 10:1-10:10', 'confirmed 10:13-10:22', 'completed 10:25-10:34', 'cancelled 11:15-11:24']);
  });

  it('read a state box after a Hangul label on a border row', () => {
    const doc = model('# Data Model: X\n\n## State Management\n\n### Entity States\n\n**Order States**:\n\n```\n┌────────┐ 승인 ┌──────────┐\n│ draft  │─────►│ approved │\n└────────┘      └──────────┘\n```\n');
    expect(doc.stateMachines[0]?.states.map((span) => `${span.text} ${where(span.range)}`)).toEqual(['draft 11:3-11:8', 'approved 11:19-11:27']);
  });
});

describe('table columns against the template', () => {
  const columns = (header: string): unknown => {
    const doc = model(`# Data Model: X\n\n## Entity Definitions\n\n### Entity: A\n\n#### Attributes\n\n${header}\n${header.replace(/[^|]+/g, '---')}\n`);
    const table = doc.structure.tables[0];
    const compared = table && doc.tableColumns(table);
    return compared && { renamed: compared.renamed.map(({ cell, expected }) => `${cell.text} → ${expected}`), extra: compared.extra.map((cell) => cell.text), missing: compared.missing, outOfOrder: compared.outOfOrder };
  };

  it('tell the names that differ from the template\'s apart, leaving out the ones declared', () => {
    const doc = model('# Data Model: X\n\n## Entity Definitions\n\n### Entity: A\n\n#### Relationships\n\n| Target | Type | Description | Cascade |\n|---|---|---|---|\n| B | 1:N | Its Bs | Delete: CASCADE |\n');
    const table = doc.structure.tables[0];
    const synonyms = (declared?: Record<string, string[]>): string[] => (table ? (doc.tableColumns(table, declared)?.synonyms ?? []) : []).map(({ cell, expected }) => `${cell.text} → ${expected}`);
    expect(synonyms()).toEqual(['Target → Related Entity', 'Cascade → Cascade Behavior']);
    expect(synonyms({ 'CASCADE BEHAVIOR': ['cascade'] })).toEqual(['Target → Related Entity']);
    // Read all the same: the relationship and its cascade are there.
    expect(doc.entities[0]?.relationships.map((relationship) => [relationship.target, relationship.cells.cascade?.text])).toEqual([['B', 'Delete: CASCADE']]);
  });

  it('match through the column vocabulary, and tell renamed, extra, missing and reordered columns apart', () => {
    expect(columns('| Field | Type | Required | Description | Validation Rules |')).toEqual({ renamed: [], extra: [], missing: [], outOfOrder: false });
    expect(columns('| Attribute | Type | Must | Description | Validation Rules |')).toEqual({ renamed: ['Must → Required'], extra: [], missing: [], outOfOrder: false });
    expect(columns('| Attribute | Type | Required | Description | Validation Rules | Owner |')).toEqual({ renamed: [], extra: ['Owner'], missing: [], outOfOrder: false });
    expect(columns('| Attribute | Type | Required | Description |')).toEqual({ renamed: [], extra: [], missing: ['Validation Rules'], outOfOrder: false });
    expect(columns('| Type | Attribute | Required | Description | Validation Rules |')).toEqual({ renamed: [], extra: [], missing: [], outOfOrder: true });
  });
});

describe('type arguments that Markdown reads as HTML tags', () => {
  const doc = model(
    [
      '# Data Model: Orders',
      '',
      '| Attribute | Type | Required | Description | Validation Rules |',
      '|-----------|------|----------|-------------|------------------|',
      '| `lines` | List<UUID> | Yes | `Array<LineItem>` in code shows | none |',
      '',
      'Tags map as Map<string, List<UUID>>, prices as Record<string, number>; owner is <name or role>.',
      '',
      'A stray ` backtick, then Vec<u8>.',
      '',
    ].join('\n'),
  );

  it('finds each with the type it belongs to, and tells whether the type stands alone and backticks would wrap only it', () => {
    expect(doc.hiddenTypeArguments.map((hidden) => [hidden.type, hidden.tag, where(hidden.range), hidden.alone, hidden.wrappable])).toEqual([
      ['List<UUID>', '<UUID>', '5:13-5:23', true, true],
      ['List<UUID>', '<UUID>', '7:25-7:35', false, true],
      ['Vec<u8>', '<u8>', '9:26-9:33', true, false],
    ]);
  });

  it('does not count them as template residue, while an angle placeholder after a space still is', () => {
    expect(doc.residue.map((residue) => [residue.kind, residue.text])).toEqual([['placeholder', '<name or role>']]);
  });
});

describe('labels that head a group of fields', () => {
  const doc = model(['# Data Model: Sessions', '', '**Purpose**:', '', '**Configurations**:', '', '**Single AI Mode**:', '', '```json', '{}', '```', '', '**Runtime Settings**:', '**Timeout**: 30 s', ''].join('\n'));
  const field = (label: string) => {
    const found = doc.structure.fields.find((candidate) => candidate.label === label);
    if (!found) throw new Error(`no field ${label}`);
    return found;
  };

  it('link an empty field to the field after it, in the next block or on the next line', () => {
    expect(['Purpose', 'Configurations', 'Single AI Mode', 'Runtime Settings', 'Timeout'].map((label) => field(label).next?.label ?? null)).toEqual(['Configurations', 'Single AI Mode', null, 'Timeout', null]);
  });

  it('head a group unless the template writes the label as a field with a value', () => {
    expect(['Purpose', 'Configurations', 'Single AI Mode', 'Runtime Settings'].map((label) => doc.headsGroup(field(label)))).toEqual([false, true, false, true]);
  });
});
