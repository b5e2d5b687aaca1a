/** The schema comes from the template text, not from code: checked on the bundled template and on another one. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundledSchema } from '../src/template/bundled.js';
import { deserializeSchema, serializeSchema } from '../src/template/serialize.js';
import { runCli } from './support/cli.js';
import { choiceOptions, isOrdinaryBracket, isUnfinishedValue, looksLikePlaceholder } from '../src/template/classify.js';
import { buildTemplateSchema, type TemplateSection } from '../src/template/schema.js';
import { lintText } from '../src/engine/lint-text.js';

function outline(node: TemplateSection): string[] {
  return node.children.flatMap((child) => [
    `${'#'.repeat(child.level)} ${child.key}${child.optional ? ' (optional)' : ''}${child.repeated ? ' (repeated)' : ''}`,
    ...outline(child).map((line) => `  ${line}`),
  ]);
}

describe('schema of the bundled template', () => {
  const schema = bundledSchema();

  it('has the outline with levels, the repeated entity and sample blocks and the optional migration section', () => {
    const lines = outline(schema.root);
    expect(lines.slice(0, 9)).toEqual([
      '# data model:*',
      '  ## overview',
      '  ## entity definitions',
      '    ### entity:* (repeated)',
      '      #### attributes',
      '      #### relationships',
      '      #### invariants',
      '      #### indexes',
      '  ## entity relationship diagram',
    ]);
    expect(lines).toContain('    ### from existing system (optional)');
    expect(lines).toContain('    ### sample* (repeated)');
    expect(lines.filter((line) => line.startsWith('  ## '))).toHaveLength(16);
  });

  it('reads the table columns of each section', () => {
    const columns = Object.fromEntries(schema.sections.filter((section) => section.tables.length > 0).map((section) => [section.key, section.tables[0]?.columns]));
    expect(columns).toEqual({
      attributes: ['Attribute', 'Type', 'Required', 'Description', 'Validation Rules'],
      relationships: ['Related Entity', 'Type', 'Description', 'Cascade Behavior'],
    });
  });

  it('reads the header fields, leaving out the note about the template', () => {
    expect(schema.headerFields).toEqual(['Branch', 'Date', 'Spec', 'Phase', 'Input']);
  });

  it('sorts the bracketed texts into placeholders, choices and guidance', () => {
    const { placeholders, choices, guidance, exampleTokens } = schema.inventory;
    for (const text of ['feature', 'date', 'entity1', 'field_name', 'e.g., "retrieve user with all orders"']) expect(placeholders).toContain(text);
    expect([...choices.keys()].sort()).toEqual(['acceptable/not acceptable', 'big bang/parallel run/phased', 'cascade/restrict/set null', 'file system/hybrid/nosql/sql database', 'high/low/medium', 'integer/uuid', 'no/partial/yes', 'no/yes']);
    expect(guidance).toContain('repeat structure above for each entity');
    expect(guidance).toContain('note: this template is filled in by the plan-architect agent during phase 1 design.');
    expect([...exampleTokens].sort()).toEqual(['Entity1', 'Entity2', 'attribute1', 'attribute2', 'attribute_x', 'attribute_y', 'entity1_id']);
  });
});

describe('schema of another template', () => {
  const team = [
    '# Schema: [name]',
    '',
    '**Owner**: [team]',
    '',
    '## Summary',
    '',
    '[One paragraph on what this schema stores]',
    '',
    '## Tables',
    '',
    '### Table: [TableName]',
    '',
    '| Field | Type | Nullable | Notes |',
    '|---|---|---|---|',
    '| `[column]` | [type] | Yes/No | [notes] |',
    '',
    '## Rollout (if applicable)',
    '',
    '**Plan**: [Big bang / Phased]',
    '',
  ].join('\n');
  const schema = buildTemplateSchema(team, 'team.md');

  it('derives its own outline, columns, header fields and inventory', () => {
    expect(outline(schema.root)).toEqual(['# schema:*', '  ## summary', '  ## tables', '    ### table:* (repeated)', '  ## rollout (optional)']);
    expect(schema.sections.find((section) => section.key === 'table:*')?.tables[0]?.columns).toEqual(['Field', 'Type', 'Nullable', 'Notes']);
    expect(schema.headerFields).toEqual(['Owner']);
    expect([...schema.inventory.choices.keys()].sort()).toEqual(['big bang/phased', 'no/yes']);
    expect(schema.inventory.guidance).toContain('one paragraph on what this schema stores');
  });

  it('lints a document written from it against it', () => {
    const doc = ['# Schema: orders', '', '**Owner**: [team]', '', '## Tables', '', '### Table: orders', '', '| Field | Type | Nullable | Notes |', '|---|---|---|---|', '| `id` | UUID | No | key |', ''].join('\n');
    const { messages } = lintText(doc, { schema });
    expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['3:12 no-placeholder', '5:1 required-section']);
    expect(messages[1]?.message).toBe('Missing section "## Summary"; add it before "## Tables"');
  });
});

describe('placeholder syntaxes a template writes', () => {
  it('are brackets for the bundled template, and mustaches for a team template that writes them', () => {
    expect([...bundledSchema().inventory.syntaxes]).toEqual(['bracket']);
    const team = buildTemplateSchema(readFileSync('fixtures/templates/mustache/template.md', 'utf8'), 'team');
    expect([...team.inventory.syntaxes]).toEqual(['mustache']);
  });
});

describe('bracket classification', () => {
  it.each([
    ['[draft, published]', 'draft, published', 'enum: '],
    ['[-90, 90]', '-90, 90', 'in '],
    ['[String]', 'String', 'Array'],
    ['[]', '', 'TEXT'],
    ['[^1]', '^1', ''],
    ['[[wiki-page]]', '[wiki-page]', 'see '],
    ['[--dry-run]', '--dry-run', 'migrate '],
    ['[x]', 'x', ''],
    ['[1]', '1', 'as shown '],
  ])('%s after %j is ordinary text', (raw, content, before) => {
    expect(isOrdinaryBracket(raw, content, before)).toBe(true);
  });

  it.each(['e.g., "a", "b"', 'Created when...', 'TODO: owner', 'EntityName', 'field_name', 'attribute3', 'fill in later'])('[%s] looks like a placeholder', (content) => {
    expect(isOrdinaryBracket(`[${content}]`, content, '')).toBe(false);
    expect(looksLikePlaceholder(content)).toBe(true);
  });

  it.each(['TODO', 'Owner TBD', 'tbd', 'FIXME: pick one', 'XXX'])('[%s] holds a marker of unfinished work', (content) => {
    expect(looksLikePlaceholder(content)).toBe(true);
  });

  it.each(['Todo list', 'Todo manager app', 'xxx-large', 'Fixme-style tags'])('[%s] uses the marker words as nouns, not as markers', (content) => {
    expect(looksLikePlaceholder(content)).toBe(false);
  });

  it.each(['TBD', 'tbd', 'TODO: pick a store', 'TBD (ask legal)', 'FIXME - owner', 'XXX', 'TBD.', '?', '…'])('%j is an unfinished value', (value) => {
    expect(isUnfinishedValue(value)).toBe(true);
  });

  it.each(['Todo', 'Todo manager app', 'todo', 'TODO list view', 'Xxx', 'N/A', 'Why was it refunded?'])('%j is a finished value', (value) => {
    expect(isUnfinishedValue(value)).toBe(false);
  });

  it.each(['sic', 'DEPRECATED', 'see RFC 5322', 'New York, Paris'])('[%s] is neither ordinary by shape nor a placeholder by itself', (content) => {
    expect(looksLikePlaceholder(content)).toBe(false);
  });

  it('splits choices into options, and refuses prose with a slash', () => {
    expect(choiceOptions('High / Medium / Low')).toEqual(['High', 'Medium', 'Low']);
    expect(choiceOptions('CASCADE/SET NULL/RESTRICT')).toEqual(['CASCADE', 'SET NULL', 'RESTRICT']);
    expect(choiceOptions('Yes/No')).toEqual(['Yes', 'No']);
    expect(choiceOptions('Common filter/search requirements')).toBeNull();
    expect(choiceOptions('N/A')).toBeNull();
    expect(choiceOptions('Expected read/write ratio')).toBeNull();
  });
});

describe('the schema the build inlines', () => {
  it('comes back from JSON equal to the derived one, parent links included', () => {
    const derived = buildTemplateSchema(readFileSync('src/template/data-model-template.md', 'utf8'), 'bundled');
    const restored = deserializeSchema(serializeSchema(derived));
    expect(restored).toEqual(derived);
    expect(restored.sections.every((section) => section.parent?.children.includes(section))).toBe(true);
  });

  it('is the one the built CLI uses: its outline messages match a run from source', () => {
    const file = 'fixtures/examples/checkout-orders/data-model.md';
    const broken = readFileSync(file, 'utf8').replace('## Entity Relationship Diagram', '## Diagram');
    type Shown = { line: number; column: number; ruleId: string | null; message: string };
    const show = (messages: Shown[] | undefined): string[] => (messages ?? []).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    const fromSource = show(lintText(broken, { filePath: file }).messages);
    const { stdout } = runCli(['--format', 'json', '--stdin', '--stdin-filename', file], { input: broken });
    const built = show((JSON.parse(stdout) as { messages: Shown[] }[])[0]?.messages);
    expect(fromSource.length).toBeGreaterThan(0);
    expect(built).toEqual(fromSource);
  });
});
