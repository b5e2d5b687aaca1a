/**
 * Hostile inputs, shared by the tests (each run must reach its rule and report what it makes
 * wrong) and by `npm run bench` (twice the run must take about twice the time: quadratic growth
 * shows as 4). No wall-clock assertion lives in the tests; the bench reports the growth.
 *
 * Regular expressions: for each rule, documents with a long run of the characters its patterns
 * (and the model's patterns it reads) match in part, at the place the rule reads. Parser: the
 * paragraphs micromark used to take quadratic time on, past dmlint's inline budget.
 */
import { parse as parseYaml } from 'yaml';
import { fileURLToPath } from 'node:url';
import type { LintHost } from '../../src/engine/run-rules.js';
import { nodeHost } from '../../src/host/node-host.js';
import type { RelatedSettings } from '../../src/model/related/index.js';

export interface Attack {
  /** What the run is made of and where it goes. */
  name: string;
  /** The document with a run of about `size` characters. */
  document(size: number): string;
  /** A message the rule gives because of the run (its line, a pattern of its text). */
  reports: (text: string) => { line: number; message: RegExp };
  /** A file path and a host, for rules that look at files; a YAML parser, for rules that read the front matter; related-document settings, for rules that compare a feature folder. */
  options?: { filePath?: string; host?: LintHost; readYaml?: (text: string) => unknown; related?: RelatedSettings };
}

/** The run's length in the tests; the bench compares it with a run twice as long. */
export const ATTACK_SIZE = 30_000;

/** `unit` repeated to `size` characters or just over. */
const run = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length));

/** The 1-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in the text: ${needle}`);
  return text.slice(0, at).split(/\r\n|\r|\n/).length;
}

/** The line where the run starts. */
const at =
  (needle: string, message: RegExp) =>
  (text: string): { line: number; message: RegExp } => ({ line: lineOf(text, needle), message });

const STORAGE = '**Storage Type**: SQL Database';
const QUESTION = '- [x] Can bookings repeat weekly? (Not in this feature)';
/** A spec file that does not exist, for the Spec link check. */
const noFiles: LintHost = { fileExists: () => false, resolve: (_document, path) => path };

/** A data model in a rule's fixture folder, with its cases' specs and one case's contracts beside it. */
const inFolder = (folder: string, contracts?: string): { filePath: string; host: LintHost; related: RelatedSettings } => ({
  filePath: fileURLToPath(new URL(`../../fixtures/rules/${folder}/data-model.md`, import.meta.url)),
  host: nodeHost,
  related: { enabled: true, contracts: contracts ? [`contracts/${contracts}/**/*.{yaml,yml,json}`] : [] },
});

/** The attacks on each rule's patterns, built on a complete document (fixtures/examples/room-booking). */
export function regexAttacks(COMPLETE: string): Record<string, Attack[]> {
  /** COMPLETE with `from` replaced by `to`; `from` must be there. */
  const edit = (from: string, to: string, text = COMPLETE): string => {
    if (!text.includes(from)) throw new Error(`not in the document: ${from}`);
    return text.replace(from, () => to);
  };
  return {
    'no-placeholder': [
      { name: 'spaces inside a TODO bracket', document: (n) => edit(STORAGE, `**Storage Type**: [TODO${run(' ', n)}x]`), reports: at('**Storage Type**', /^Unfilled placeholder "\[TODO x\]"/) },
      { name: 'unclosed brackets before a placeholder', document: (n) => edit(STORAGE, `**Storage Type**: ${run('[', n)}[TBD]`), reports: at('**Storage Type**', /^Unfilled placeholder "\[TBD\]"/) },
      { name: 'unclosed tags before a placeholder', document: (n) => edit(STORAGE, `**Storage Type**: ${run('<a ', n)}[TBD]`), reports: at('**Storage Type**', /^Unfilled placeholder "\[TBD\]"/) },
      { name: 'mustaches that never close', document: (n) => edit(STORAGE, `**Storage Type**: ${run(`{{${'a'.repeat(70)} `, n)}{{name}} [TBD]`), reports: at('**Storage Type**', /^Unfilled placeholder "\[TBD\]"/) },
      { name: 'angle placeholders on one line', document: (n) => edit(STORAGE, `**Storage Type**: ${run('<name> ', n)}`), reports: at('**Storage Type**', /^Unfilled placeholder "<name>"/) },
      { name: 'an unclosed HTML comment of comment openings', document: (n) => `${COMPLETE}\n[TBD]\n\n<!--${run('<!--', n)}\n`, reports: at('[TBD]', /^Unfilled placeholder "\[TBD\]"/) },
      // Not a fence (its info string has a backtick), and `.` stops at the line separator.
      { name: 'a line of backticks with a line separator', document: (n) => edit(STORAGE, `${run('`', n)} a\`\u2028x\n\n**Storage Type**: [TBD]`), reports: at('**Storage Type**', /^Unfilled placeholder "\[TBD\]"/) },
    ],
    'no-unresolved-choice': [
      { name: 'spaces inside a bracketed choice', document: (n) => edit(STORAGE, `**Storage Type**: [High / Medium / Low${run(' ', n)}]`), reports: at('**Storage Type**', /^Unresolved choice "\[High \/ Medium \/ Low \]"/) },
      { name: 'spaces inside an unbracketed Yes/No', document: (n) => edit('| `seats` | Integer | Yes |', `| \`seats\` | Integer | Yes${run(' ', n)}/ No |`), reports: at('| `seats`', /^Unresolved choice "Yes \/ No" in column "Required"/) },
    ],
    'no-template-text': [{ name: 'example names in a code block', document: (n) => edit('### Cross-Entity Validation\n', `### Cross-Entity Validation\n\n\`\`\`\n${run('Entity1 ', n)}\n\`\`\`\n`), reports: at('Entity1', /^Template example "Entity1"/) }],
    'required-section': [
      { name: 'a heading with unclosed tags', document: (n) => edit('## Overview', `## Overview ${run('<a ', n)}`), reports: at('## Entity Definitions', /^Missing section "## Overview"/) },
      { name: 'a heading with a run of spaces', document: (n) => edit('## Overview', `## Overview${run(' ', n)}x`), reports: at('## Entity Definitions', /^Missing section "## Overview"/) },
    ],
    'template-drift': [
      {
        name: 'a template name of spaces and @ signs in the front matter',
        document: (n) => `---\ntemplate: x${run(' @', n)}y@1\n---\n\n${COMPLETE}`,
        reports: at('template:', /^The document was filled from template "x @/),
        options: { readYaml: parseYaml },
      },
    ],
    'section-order': [
      { name: 'a heading with a long tag, at the wrong level', document: (n) => edit('### Persistence Layer', `## Persistence Layer <span ${run('a ', n)}>`), reports: at('## Persistence Layer', /^Section "## Persistence Layer <span a a .*" is a level-2 heading/) },
    ],
    'no-empty-section': [{ name: 'a field of separators', document: (n) => edit('**Rationale**: Overlap checks need an exclusion constraint; PostgreSQL provides one.', `**Rationale**:${run(' |', n)}`), reports: at('**Rationale**', /^Field "Rationale" is empty/) }],
    'table-shape': [
      { name: 'a row of many cells', document: (n) => edit('| `seats` | Integer | Yes | Seat count | 1-40 |', `| \`seats\` | Integer | Yes | Seat count | 1-40 |${run(' x |', n)}`), reports: at('| `seats`', /^Row has \d+ cells but the table has 5 columns/) },
      { name: 'a delimiter row of many cells on its own', document: (n) => edit(STORAGE, `${STORAGE}\n\n|${run('-|', n)}`), reports: at('|-|', /^Table is not recognised: its delimiter row has no header row above it/) },
    ],
    'attribute-table': [
      { name: 'backticks that open no code span in a Required cell', document: (n) => edit('| `seats` | Integer | Yes |', `| \`seats\` | Integer | ${run('`', n)}x\\* |`), reports: at('| `seats`', /^Required is "`+…" for attribute "seats"/) },
      {
        name: 'an entity name of alternating case',
        document: (n) => edit('| `seats` | Integer | Yes |', '| `seats` | Integer | maybe |', edit('### Entity: Room', `### Entity: R${run('oO', n)}m`)),
        reports: at('| `seats`', /^Required is "maybe" for attribute "seats"/),
      },
    ],
    'relationship-table': [
      { name: 'spaces inside a relationship type', document: (n) => edit('| Booking | One-to-Many |', `| Booking | One-to-Many${run(' ', n)}x |`), reports: at('| Booking | One-to-Many', /^Relationship type "One-to-Many x" for the relationship to "Booking" is not one of/) },
      { name: 'spaces and a line separator in a cascade', document: (n) => edit('| The bookings of this room | Delete: RESTRICT |', `| The bookings of this room | Delete:${run(' ', n)}x\u2028y |`), reports: at('| The bookings of this room', /^Cascade behaviour "Delete: x y" for the relationship to "Booking" is not/) },
    ],
    'header-metadata': [
      { name: 'a branch of digits', document: (n) => edit('`007-room-booking`', `\`${run('0', n)}x\``), reports: at('**Branch**', /^Branch "0+…" is not NNN-kebab-case/) },
      { name: 'a date followed by spaces', document: (n) => edit('**Date**: 2026-05-04', `**Date**: 2026-05-04${run(' ', n)}x`), reports: at('**Date**', /^Date "2026-05-04 x" is not an ISO date/) },
      { name: 'a spec link of question marks and a line separator', document: (n) => edit('[spec.md](./spec.md)', `[spec.md](a${run('?', n)}\u2028)`), reports: at('**Spec**', /^Spec link "a\?+/), options: { filePath: '/specs/007/data-model.md', host: noFiles } },
    ],
    'relationship-target': [{ name: 'spaces inside a related entity', document: (n) => edit('| Booking | One-to-Many |', `| Booking${run(' ', n)}x | One-to-Many |`), reports: at('| Booking', /^Related entity "Booking x" in the relationships of "Room" is not defined/) }],
    'relationship-inverse': [{ name: 'spaces before a note on a relationship type', document: (n) => edit('| Room | Many-to-One |', `| Room | One-to-Many${run(' ', n)}(note) |`), reports: at('| Room | One-to-Many', /says One-to-Many → Room .* but "Room" says One-to-Many → Booking/) }],
    'index-attribute': [
      { name: 'a long word that is no function call', document: (n) => edit('- **Index**: `floor` - booking screen lists a floor', `- **Index**: ${run('a', n)}`), reports: at('- **Index**: a', /^Index field "a+…" is not an attribute of "Room"/) },
      { name: 'nested function calls', document: (n) => edit('- **Index**: `floor` - booking screen lists a floor', `- **Index**: \`${run('lower(', n)}x\``), reports: at('- **Index**: `lower', /^Index field "x" is not an attribute of "Room"/) },
    ],
    'foreign-key': [
      { name: 'a long field name ending in a line separator', document: (n) => edit('- Booking.room_id → Room.id - RESTRICT', `- Booking.room_id → Room.${run('d', n)}\u2028 - RESTRICT`), reports: at('- Booking.room_id', /^Foreign key "Booking\.room_id → Room\.d+…" names field "d+…", which is not an attribute of "Room"/) },
      { name: 'a line of words that is no constraint', document: (n) => edit('- Booking.room_id → Room.id - RESTRICT', `- ${run('a ', n)}`), reports: at('- a a', /^Cannot read the foreign-key constraint "a a a/) },
      { name: 'many words after "must reference"', document: (n) => edit('| must reference Room |', `| must reference ${run('Ab ', n)}|`), reports: at('| `room_id`', /must reference "Ab", which is not a defined entity/) },
    ],
    'key-entities': [
      { name: 'spaces inside a listed name', document: (n) => edit('- Room - a bookable meeting room', `- Room${run(' ', n)}x`), reports: at('- Room', /^Key entity "Room x" is not defined under Entity Definitions/) },
      { name: 'an inline list of empty names', document: (n) => edit('**Key Entities from Spec**:\n- Room - a bookable meeting room\n- Booking - one room reserved for one time slot', `**Key Entities from Spec**: Room, Booking${run(' ,', n)} Rom`), reports: at('**Key Entities', /^Key entity "Rom" is not defined under Entity Definitions/) },
    ],
    'erd-entities': [
      { name: 'a wide box of stereotype openings', document: (n) => edit('└──────────────┘          └──────────────────┘\n```', `└──────────────┘          └──────────────────┘\n+${run('-', n)}--------+\n|${run('<<', n)} Ghost |\n\`\`\``), reports: at('Ghost', /^The diagram names "Ghost", which is not an entity defined in this document/) },
      { name: 'a wide box of emoji and wide characters', document: (n) => edit('└──────────────┘          └──────────────────┘\n```', `└──────────────┘          └──────────────────┘\n┌${run('─', 4 * n)}───────┐\n│${run('。', n)}${run('🚀', 2 * n)} Ghost │\n└${run('─', 4 * n)}───────┘\n\`\`\``), reports: at('│。', /^The diagram names "Ghost", which is not an entity defined in this document/) },
      { name: 'a border that never closes', document: (n) => edit('└──────────────┘          └──────────────────┘\n```', `└──────────────┘          └──────────────────┘\n+${run('-', n)}\n\n+-------+\n| Ghost |\n+-------+\n\`\`\``), reports: at('| Ghost', /^The diagram names "Ghost"/) },
      {
        name: 'Mermaid lines of spaces and unclosed aliases',
        document: (n) => edit('```\n┌──────────────┐          ┌──────────────────┐', `\`\`\`mermaid\nerDiagram\n    Room${run(' ', n)}x\n    r [a${run(' ', n)}x\n    Ghost {\n    }\n\`\`\`\n\n\`\`\`\n┌──────────────┐          ┌──────────────────┐`),
        reports: at('Ghost {', /^The diagram names "Ghost"/),
      },
    ],
    'state-transition': [
      { name: 'a long word before a transition', document: (n) => edit('- `booked → cancelled`: the organiser', `- \`${run('a', n)} booked → canceled\`: the organiser`), reports: at('- `aaa', /^Transition "booked → canceled" uses state "canceled", which is not in the Booking state diagram/) },
      { name: 'a diagram line of one long word', document: (n) => edit('│  booked  │────►│ cancelled  │', `│  booked  │────►│ cancelled  │\n${run('a', n)}\nghost --> booked`), reports: at('ghost -->', /^State "ghost" is not a value of Booking\.status/) },
    ],
    'sample-data': [
      { name: 'spaces inside a sample heading', document: (n) => edit('### Sample Room', `### Sample Room${run(' ', n)}x`), reports: at('### Sample Room', /^"Sample Room x" is for "Room x", which is not an entity defined in this document/) },
      {
        name: 'spaces in a type and an enum that never opens',
        document: (n) =>
          edit('"status": "booked"', '"status": "bogus"', edit('| `note` | Text | No | Purpose of the meeting | max 500 chars |', `| \`note\` | Enum${run(' ', n)}(x | No | Purpose of the meeting | enum${run(' ', n)}x |`)),
        reports: at('"status": "bogus"', /^Sample value "bogus" for "status" is not one of its values: booked, cancelled/),
      },
      {
        name: 'a union of many nulls in a type',
        document: (n) => edit('| `seats` | Integer |', `| \`seats\` | Boolean ${run('\\| null  ', n)}\\| null |`),
        reports: at('"seats": 8', /^Sample value for "seats" is number 8, but its Type "Boolean/),
      },
    ],
    'open-questions': [{ name: 'an open question of many words', document: (n) => edit(QUESTION, `- [ ] ${run('a ', n)}`), reports: at('- [ ] a', /^Open question "a a a/) }],
    approval: [
      { name: 'spaces in the approver', document: (n) => edit('Facilities platform lead on 2026-05-06', `a${run(' ', n)}b`), reports: at('**Data Model Approved By**', /^Approval by "a b" has no date/) },
      { name: 'spaces after "on"', document: (n) => edit('Facilities platform lead on 2026-05-06', `on x${run(' ', n)}y`), reports: at('**Data Model Approved By**', /^Approval names no approver/) },
    ],
    'spec-entities': [
      {
        name: 'spaces inside an entity name the spec lacks',
        document: (n) => edit('[spec.md](./spec.md)', '[spec](./missing-entity.spec.md)', edit('### Entity: Room', `### Entity: Room${run(' ', n)}x`)),
        reports: at('### Entity: Room', /^Entity "Room x" is not among the spec's Key Entities/),
        options: inFolder('spec-entities/invalid'),
      },
    ],
    'spec-clarifications': [
      {
        name: 'spaces after the Spec link',
        document: (n) => edit('[spec.md](./spec.md)', `[spec](./one-marker.spec.md)${run(' ', n)}x`),
        reports: at('**Spec**', /^The spec one-marker\.spec\.md still holds 1 \[NEEDS CLARIFICATION\] marker/),
        options: inFolder('spec-clarifications/invalid'),
      },
    ],
    'contract-schema': [
      {
        name: 'underscores inside an attribute name',
        document: (n) => edit('[spec.md](./spec.md)', '[spec](./extra-and-missing.spec.md)', edit('| `note` |', `| \`no${run('_', n)}te\` |`)),
        reports: at('### Entity: Booking', /^"comment" in contracts\/extra-and-missing\/openapi\.yaml:16, schema Booking, is not an attribute of Booking/),
        options: inFolder('contract-schema/invalid', 'extra-and-missing'),
      },
    ],
    'related-document': [
      {
        name: 'spaces after the Spec link',
        document: (n) => edit('[spec.md](./spec.md)', `[spec](./ref-cycle.spec.md)${run(' ', n)}x`),
        reports: at('**Spec**', /^contracts\/ref-cycle\/openapi\.json:5:25: \$ref "#\/components\/schemas\/Space" closes a cycle/),
        options: inFolder('related-document/invalid', 'ref-cycle'),
      },
    ],
  };
}

/** A list item in a section no rule reads, to carry hostile content. */
export const PROSE = "- A booking's slot never overlaps another booked slot of the same room";

/** Hostile paragraphs the parser used to take quadratic time on, by what they repeat. */
export const PARSER_RUNS: Record<string, string> = {
  'emphasis marks (`*a`)': '*a',
  'underscores (`_a`)': '_a',
  'unclosed comments (`a <!--`)': 'a <!--',
  'link ends (`](`)': '](',
  'task boxes (`[x] `)': '[x] ',
  'link starts (`[a](`)': '[a](',
  'references on lines (`[a] b`)': '[a] b\n  ',
  'openings then closings': '[',
  'backtick runs': '`a``',
  'escapes between words (`\\*wh`)': '\\*wh ',
};

/** Runs that scan ahead cost more per character (up to 100 scans each): shorter runs. */
export function parserRunSize(unit: string): number {
  return unit.includes('<') || unit.includes('`') ? 10_000 : 40_000;
}

/** COMPLETE with the PROSE item replaced by a paragraph of the run. */
export function parserRunDocument(COMPLETE: string, unit: string, size: number): string {
  const body = unit === '[' ? `${'['.repeat(size / 2)}${']'.repeat(size / 2)}` : unit.repeat(Math.ceil(size / unit.length));
  return COMPLETE.replace(PROSE, () => `- ${body}`);
}
