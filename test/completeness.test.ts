/**
 * The completeness figure and the outline states: read once from the model (missing, empty,
 * unfilled, present), completed by the findings (complete = present with no error in it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint-text.js';
import { outlineText } from '../src/engine/outline.js';
import { DataModelDocument } from '../src/model/document.js';
import { bundledSchema } from '../src/template/bundled.js';
import { REPO } from './support/cli.js';

const EXAMPLE = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const TEMPLATE = readFileSync(join(REPO, 'src/template/data-model-template.md'), 'utf8');
const model = (text: string): DataModelDocument => new DataModelDocument(text, { schema: bundledSchema() });
const item = <T extends { title: string }>(items: readonly T[], title: string): T | undefined => items.find((entry) => entry.title === title);

/** Required items that count: the template's sections without the optional one and the groupings, and the five header fields. */
const COUNTED = model(EXAMPLE).completeness.items.filter((entry) => entry.required && !entry.grouping).length;

describe('completeness', () => {
  it('is 1 for a finished document, with every counted item present', () => {
    const { items, ratio } = model(EXAMPLE).completeness;
    expect(ratio).toBe(1);
    expect(COUNTED).toBe(38);
    expect(items.filter((entry) => entry.grouping).map((entry) => entry.title)).toEqual([
      'Entity Definitions',
      'Storage Strategy',
      'Data Access Patterns',
      'Data Validation',
      'State Management',
      'Data Integrity',
      'Performance Considerations',
      'Security & Privacy',
      'Migration Strategy',
      'Testing Strategy',
      'Documentation Requirements',
      'Constitutional Compliance',
      'Appendix: Sample Data',
    ]);
    expect(item(items, 'From Existing System (if applicable)')).toMatchObject({ required: false, state: 'missing', ranges: [] });
  });

  it('counts a missing section, an empty one, a placeholder, a choice and a header field left blank', () => {
    const text = EXAMPLE.replace(/### Audit Trail\n[\s\S]*?(?=## Data Integrity)/, '')
      .replace(/(### Unit Tests\n)[\s\S]*?(?=### Integration Tests)/, '$1\n')
      .replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]')
      .replace(/(### Schema Evolution\n\n)/, '$1**Versioned**: Yes/No\n\n')
      .replace(/\*\*Phase\*\*: [^\n]*/, '**Phase**:');
    const { items, ratio } = model(text).completeness;
    expect(item(items, 'Audit Trail')).toMatchObject({ state: 'missing', ranges: [] });
    expect(item(items, 'Unit Tests')?.state).toBe('empty');
    expect(item(items, 'Persistence Layer')?.state).toBe('has-placeholders');
    expect(item(items, 'Schema Evolution')?.state).toBe('has-placeholders');
    expect(item(items, 'Phase')?.state).toBe('empty');
    expect(ratio).toBe((COUNTED - 5) / COUNTED);
  });

  it('is low for the blank template: only the two header fields it fills in count', () => {
    const { ratio, items } = model(TEMPLATE).completeness;
    expect(items.filter((entry) => entry.required && !entry.grouping && entry.state === 'present').map((entry) => entry.title)).toEqual(['Phase', 'Input']);
    expect(ratio).toBe(2 / items.filter((entry) => entry.required && !entry.grouping).length);
  });

  it('is carried in the lint result', () => {
    expect(lintText(EXAMPLE).completeness).toBe(1);
    expect(lintText(EXAMPLE.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]')).completeness).toBe((COUNTED - 1) / COUNTED);
  });
});

describe('outline', () => {
  it('marks present items with an error in them as present, the others complete, and lists header fields and entities', () => {
    // A relationship to an entity that does not exist: the Relationships table holds an error, nothing is unfilled.
    const text = EXAMPLE.replace('| Booking | One-to-Many | The bookings of this room |', '| Bookingz | One-to-Many | The bookings of this room |');
    const outline = outlineText(text);
    expect(outline.result.completeness).toBe(1);
    expect(outline.result.errorCount).toBeGreaterThan(0);
    const relationships = item(outline.items, 'Relationships');
    expect(relationships).toMatchObject({ state: 'present', lines: [44, 85] });
    expect(item(outline.items, 'Attributes')).toMatchObject({ state: 'complete', lines: [33, 73] });
    expect(outline.headerFields.map((field) => `${field.label}=${field.value}@${field.line}`)).toEqual([
      'Branch=007-room-booking@3',
      'Date=2026-05-04@3',
      'Spec=spec.md@3',
      'Phase=1 - Architecture & Data Design@4',
      'Input=Specification + Research findings@5',
    ]);
    expect(outline.entities).toEqual([
      { name: 'Room', line: 23, attributes: 6, relationships: 1 },
      { name: 'Booking', line: 63, attributes: 7, relationships: 1 },
    ]);
  });
});
