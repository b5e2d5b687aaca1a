/** Fixes and suggestions are edits of the source: applied, they give the text the message promises. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../src/host/node-host.js';
import type { TextEdit } from '../src/engine/types.js';
import { lintText } from '../src/engine/lint-text.js';
import { REPO } from './support/cli.js';

const apply = (text: string, edit: TextEdit): string => text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
const fixture = (path: string): { file: string; text: string } => {
  const file = join(REPO, 'fixtures', path);
  return { file, text: readFileSync(file, 'utf8') };
};

describe('fixes', () => {
  it.each([
    ['relationship-table/invalid/types.md', 'relationship-table', 48, '| Booking | `One-to-Many` | The bookings of this room | Delete: RESTRICT |'],
    ['relationship-table/invalid/cascade.md', 'relationship-table', 48, '| Booking | One-to-Many | The bookings of this room | Delete: RESTRICT |'],
    ['relationship-table/invalid/empty-cells.md', 'relationship-table', 48, '| Booking | One-to-Many |  | Delete: RESTRICT |'],
    ['attribute-table/invalid/required-values.md', 'attribute-table', 39, '| `floor` | Integer | Yes | Floor number | >= 0 |'],
  ])('%s: the %s fix on line %i writes the canonical form', (path, ruleId, line, expected) => {
    const { file, text } = fixture(path);
    const message = lintText(text, { filePath: file, host: nodeHost }).messages.find((candidate) => candidate.ruleId === ruleId && candidate.line === line && candidate.fix);
    if (!message?.fix) throw new Error('no fix');
    expect(apply(text, message.fix).split('\n')[line - 1]).toBe(expected);
  });

  it('removes the template note with one blank line, leaving a clean document', () => {
    const { file, text } = fixture('no-template-text/invalid/note-line.md');
    const [message] = lintText(text, { filePath: file, host: nodeHost }).messages;
    if (!message?.fix) throw new Error('no fix');
    const fixed = apply(text, message.fix);
    expect(fixed).toBe(readFileSync(join(REPO, 'fixtures/no-template-text/valid/template-word-in-prose.md'), 'utf8').replace('\n- The confirmation email template is owned by the messaging team', ''));
    expect(lintText(fixed, { filePath: file, host: nodeHost }).messages).toEqual([]);
  });
});

describe('suggestions', () => {
  it('offer each option of an unresolved choice, keeping code markers around it', () => {
    const text = '| Attribute | Type | Required | Description |\n|---|---|---|---|\n| `id` | `UUID/Integer` | Yes | Key |\n';
    const message = lintText(text).messages.find((candidate) => candidate.ruleId === 'no-unresolved-choice');
    expect(message?.suggestions?.map((suggestion) => apply(text, suggestion.fix).split('\n')[2])).toEqual(['| `id` | `UUID` | Yes | Key |', '| `id` | `Integer` | Yes | Key |']);
  });

  it.each([
    ['sample-data/invalid/keys-and-required.md', 339, '  "floor": 3,'],
    ['foreign-key/invalid/unknown-entity-and-field.md', 201, '- Booking.room_id → Room.uuid - RESTRICT'],
    ['key-entities/invalid/misspelt.md', 17, '- Booking - one room reserved for one time slot'],
    ['state-transition/invalid/unknown-state.md', 182, '- `booked → cancelled`: the organiser cancels before the slot starts'],
    ['relationship-target/invalid/misspelt.md', 89, '| Room | Many-to-One | The booked room | Delete: RESTRICT |'],
  ])('offer the name meant for a misspelt one: %s, line %i', (path, line, expected) => {
    const { file, text } = fixture(path);
    const message = lintText(text, { filePath: file, host: nodeHost }).messages.find((candidate) => candidate.line === line && candidate.suggestions);
    const [suggestion] = message?.suggestions ?? [];
    if (!suggestion) throw new Error('no suggestion');
    expect(apply(text, suggestion.fix).split('\n')[line - 1]).toBe(expected);
  });

  it('offer "did you mean" first for a cardinality shorthand', () => {
    const { file, text } = fixture('relationship-table/invalid/types.md');
    const message = lintText(text, { filePath: file, host: nodeHost }).messages.find((candidate) => candidate.line === 89);
    expect(message?.suggestions?.map((suggestion) => suggestion.fix.text)).toEqual(['Many-to-One', 'One-to-One', 'One-to-Many', 'Many-to-Many']);
  });
});
