/**
 * Fixes and suggestions are edits of the source: applied, they give the text the message promises,
 * on a complete document (the rule fixtures show each edit; here it is applied in context).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../src/host/node-host.js';
import type { TextEdit } from '../src/engine/types.js';
import { lintText } from '../src/engine/lint-text.js';
import { REPO } from './support/cli.js';

const FILE = join(REPO, 'fixtures/examples/room-booking/data-model.md');
const COMPLETE = readFileSync(FILE, 'utf8');
const apply = (text: string, edit: TextEdit): string => text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
/** The complete document with `from` replaced by `to`; `from` must be there. */
function edited(from: string, to: string): string {
  if (!COMPLETE.includes(from)) throw new Error(`not in the document: ${from}`);
  return COMPLETE.replace(from, () => to);
}
const lint = (text: string): ReturnType<typeof lintText> => lintText(text, { filePath: FILE, host: nodeHost });

describe('fixes', () => {
  it.each([
    ['a relationship type written another way', '| Booking | One-to-Many |', '| Booking | `one to many` |', 'relationship-table', 48, '| Booking | `One-to-Many` | The bookings of this room | Delete: RESTRICT |'],
    ['a cascade written in SQL', '| Delete: RESTRICT |\n\n#### Invariants', '| ON DELETE restrict |\n\n#### Invariants', 'relationship-table', 48, '| Booking | One-to-Many | The bookings of this room | Delete: RESTRICT |'],
    ['a Required of another case', '| `floor` | Integer | Yes |', '| `floor` | Integer | yes |', 'attribute-table', 39, '| `floor` | Integer | Yes | Floor number | >= 0 |'],
  ])('%s: the %s fix writes the canonical form', (_what, from, to, ruleId, line, expected) => {
    const text = edited(from, to);
    const message = lint(text).messages.find((candidate) => candidate.ruleId === ruleId && candidate.line === line && candidate.fix);
    if (!message?.fix) throw new Error('no fix');
    expect(apply(text, message.fix).split('\n')[line - 1]).toBe(expected);
  });

  it('removes the template note with one blank line, leaving a clean document', () => {
    const text = edited('**Input**: Specification + Research findings\n', '**Input**: Specification + Research findings\n\n**Note**: This template is filled in by the plan-architect agent during Phase 1 design.\n');
    const [message] = lint(text).messages;
    if (!message?.fix) throw new Error('no fix');
    const fixed = apply(text, message.fix);
    expect(fixed).toBe(COMPLETE);
    expect(lint(fixed).messages).toEqual([]);
  });
});

describe('suggestions', () => {
  it('offer each option of an unresolved choice, keeping code markers around it', () => {
    const text = '| Attribute | Type | Required | Description |\n|---|---|---|---|\n| `id` | `UUID/Integer` | Yes | Key |\n';
    const message = lintText(text).messages.find((candidate) => candidate.ruleId === 'no-unresolved-choice');
    expect(message?.suggestions?.map((suggestion) => apply(text, suggestion.fix).split('\n')[2])).toEqual(['| `id` | `UUID` | Yes | Key |', '| `id` | `Integer` | Yes | Key |']);
  });

  it.each([
    ['a sample key', '  "floor": 3,', '  "flor": 3,', 339],
    ['a foreign-key field', '- Booking.room_id → Room.id - RESTRICT', '- Booking.room_id → Room.idd - RESTRICT', 201],
    ['a key entity', '- Booking - one room reserved for one time slot', '- Bookng - one room reserved for one time slot', 17],
    ['a state', '- `booked → cancelled`: the organiser', '- `booked → canceled`: the organiser', 182],
    ['a related entity', '| Room | Many-to-One | The booked room |', '| Rom | Many-to-One | The booked room |', 89],
  ])('offer the name meant for a misspelt one: %s', (_what, right, wrong, line) => {
    const text = edited(right, wrong);
    const message = lint(text).messages.find((candidate) => candidate.line === line && candidate.suggestions);
    const [suggestion] = message?.suggestions ?? [];
    if (!suggestion) throw new Error('no suggestion');
    expect(apply(text, suggestion.fix)).toBe(COMPLETE);
  });

  it('offer "did you mean" first for a cardinality shorthand', () => {
    // Room's row back to Booking names no type yet: every type is possible.
    const text = edited('| Room | Many-to-One | The booked room |', '| Room | N:1 | The booked room |').replace('| Booking | One-to-Many | The bookings of this room |', '| Booking | ? | The bookings of this room |');
    const message = lint(text).messages.find((candidate) => candidate.line === 89);
    expect(message?.suggestions?.map((suggestion) => suggestion.fix.text)).toEqual(['Many-to-One', 'One-to-One', 'One-to-Many', 'Many-to-Many']);
  });

  it('offer only the type the other side implies, when it says one', () => {
    const message = lint(edited('| Room | Many-to-One | The booked room |', '| Room | 1:1 | The booked room |')).messages.find((candidate) => candidate.line === 89);
    // Room says One-to-Many back to Booking: this side is Many-to-One, whatever "1:1" meant.
    expect(message?.message).toContain('did you mean "Many-to-One"?');
    expect(message?.suggestions?.map((suggestion) => suggestion.fix.text)).toEqual(['Many-to-One']);
  });
});
