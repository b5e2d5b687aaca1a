/**
 * Hostile documents through lintText, each with what dmlint must say about it: empty and blank
 * text, a byte-order mark, CRLF and lone-CR line endings, very big tables, a 1 MB
 * line, 100,000 brackets, front matter, nothing but code. The big ones are built here. Deep
 * nesting and the parser's other limits are in limits.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fixes.js';
import { lintText } from '../../src/engine/lint-text.js';
import type { LintResult } from '../../src/engine/types.js';
import { runCli } from '../support/cli.js';
import { COMPLETE, INLINE_LIMIT, lineOf, located, unsoundness } from './support.js';

/** What an empty document lacks: every section of the template, and every header field. */
const NOTHING_WRITTEN = [
  ...[
    '## Overview',
    '## Entity Definitions',
    '## Entity Relationship Diagram',
    '## Storage Strategy',
    '## Data Validation',
    '## State Management',
    '## Data Integrity',
    '## Performance Considerations',
    '## Security & Privacy',
    '## Migration Strategy',
    '## Testing Strategy',
    '## Documentation Requirements',
    '## Open Questions',
    '## Constitutional Compliance',
    '## Approval',
    '## Appendix: Sample Data',
  ]
    .map((heading) => `required-section 1:1 Missing section "${heading}"`)
    // A heading with a name slot is named in words, never by its placeholder.
    .concat('required-section 1:1 Missing section "Data Model" heading (# Data Model: …)'),
  ...['Branch', 'Date', 'Spec', 'Phase', 'Input'].map((field) => `header-metadata 1:1 Header field "${field}" is missing: add "**${field}**: …" below the title`),
];

function said(text: string): string[] {
  const result = lintText(text);
  expect(unsoundness(text, result)).toEqual([]);
  return result.messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`);
}

/** The same, from the built executable reading standard input. */
function saidByExecutable(text: string): string[] {
  const run = runCli(['--stdin', '--format', 'json'], { input: text });
  const [result] = JSON.parse(run.stdout) as LintResult[];
  if (!result) throw new Error(`no result: ${run.stderr}`);
  expect(unsoundness(text, result)).toEqual([]);
  return result.messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`);
}

/** COMPLETE with one line replaced, and the line it is on. */
function withLine(from: string, to: string): { text: string; line: number } {
  const text = COMPLETE.replace(from, () => to);
  return { text, line: lineOf(text, to) };
}

/** A paragraph line in a section no rule reads, to carry hostile content. */
const PROSE = "- A booking's slot never overlaps another booked slot of the same room";

describe('nothing to read', () => {
  it('an empty file lacks every section and header field, all reported at 1:1', () => {
    expect(said('')).toEqual(NOTHING_WRITTEN);
  });

  it('whitespace only is read as empty', () => {
    expect(said('  \n\t\n\r\n   ')).toEqual(NOTHING_WRITTEN);
  });

  it('a document that is only a code block: the heading inside the code is not a heading', () => {
    expect(said('```markdown\n# Data Model: Meeting Room Booking\n\n## Overview\n```\n')).toEqual(NOTHING_WRITTEN);
  });
});

describe('encodings of the same text', () => {
  const broken = COMPLETE.replace('# Data Model: Meeting Room Booking', '# Data Model: [FEATURE]').replace('| `seats` | Integer | Yes |', '| `seats` | Integer | yes |').replace(PROSE, `${PROSE} [TBD]`);

  it('a UTF-8 byte-order mark moves no position, not even on the first line', () => {
    const plain = lintText(broken);
    expect(located(plain.messages).slice(0, 1)).toEqual([['no-placeholder', 1, 15, 1, 24]]);
    expect(lintText(`\uFEFF${broken}`)).toEqual(plain);
  });

  for (const [name, ending] of [
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ] as const) {
    it(`${name} line endings give the LF diagnostics, and fixes that keep them`, () => {
      const text = broken.replace(/\n/g, ending);
      const [lf, other] = [lintText(broken), lintText(text)];
      expect(located(lf.messages)).toEqual([
        ['no-placeholder', 1, 15, 1, 24],
        ['attribute-table', 40, 23, 40, 26],
        ['no-placeholder', 159, 72, 159, 77],
      ]);
      expect(other.messages.map(({ fix, fingerprint, ...message }) => message)).toEqual(lf.messages.map(({ fix, fingerprint, ...message }) => message));
      expect(fixText(text, {}).output).toBe(fixText(broken, {}).output?.replace(/\n/g, ending));
    });
  }
});

describe('big documents', () => {
  it('a 10,000-row attributes table: the one bad row and the one repeated name, where they are', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| \`field_${i}\` | String | ${i === 5000 ? 'maybe' : 'No'} | Field ${i} | max 80 chars |`);
    rows[9999] = '| `field_1` | String | No | Again | max 80 chars |';
    const text = COMPLETE.replace('| `created_at` | DateTime | Yes | Creation timestamp | Auto-set on create |\n\n#### Relationships\n\n| Related Entity | Type | Description | Cascade Behavior |\n|----------------|------|-------------|------------------|\n| Booking |', (row) => `${rows.join('\n')}\n${row}`);
    const first = lineOf(text, '| `field_0`');
    // Through the built executable, whose parser is the patched one (scripts/patches.ts): the same
    // tree three times as fast as the published code the other tests import.
    expect(saidByExecutable(text)).toEqual([
      `attribute-table ${first + 5000}:27 Required is "maybe" for attribute "field_5000": write Yes or No`,
      `attribute-table ${first + 9999}:3 Attribute "field_1" is listed twice in "Room" (first on line ${first + 1}): rename or remove one`,
    ]);
  }, 120_000);

  it('a 1 MB line: the placeholder at its end, at column 1,000,001', () => {
    const { text, line } = withLine(PROSE, `${'word '.repeat(200_000)}[TBD]`);
    expect(said(text)).toEqual([`no-placeholder ${line}:1000001 Unfilled placeholder "[TBD]": replace it with actual content, or delete it`]);
  }, 120_000);

  for (const [name, brackets] of [
    ['opening', '['.repeat(100_000)],
    ['closing', ']'.repeat(100_000)],
    ['empty pairs of', '[]'.repeat(50_000)],
  ] as const) {
    it(`100,000 ${name} brackets are no placeholder; the placeholder after them is`, () => {
      // Past the parser's budget (1,000 brackets in a paragraph) the rest is plain text: said at the 1,001st.
      const { text, line } = withLine(PROSE, `${brackets} [TBD]`);
      expect(said(text)).toEqual([
        `parse-limit ${line}:1001${INLINE_LIMIT.slice('parse-limit'.length)}`,
        `no-placeholder ${line}:100002 Unfilled placeholder "[TBD]": replace it with actual content, or delete it`,
      ]);
    }, 20_000);
  }
});

describe('brackets inside a placeholder', () => {
  it('a `[` left open before a bracket inside a word reaches to that bracket; one before a spaced group does not', () => {
    const { text, line } = withLine(PROSE, '- Value [TBD a[b] and [x] a [ stray bracket before [TBD]');
    expect(said(text)).toEqual([
      `no-placeholder ${line}:9 Unfilled placeholder "[TBD a[b]": replace it with actual content, or delete it`,
      `no-placeholder ${line}:52 Unfilled placeholder "[TBD]": replace it with actual content, or delete it`,
    ]);
  });
});

describe('front matter', () => {
  it('YAML front matter is not Markdown: no heading made of it, positions counted from the file start', () => {
    const front = '---\ntitle: Meeting rooms\ntags: [booking]\n---\n';
    expect(said(`${front}${COMPLETE}`)).toEqual([]);
    const { text, line } = withLine(PROSE, `${PROSE} [TBD]`);
    expect(said(`${front}${text}`)).toEqual([`no-placeholder ${line + 4}:72 Unfilled placeholder "[TBD]": replace it with actual content, or delete it`]);
  });

  it('a document that opens with a thematic break has no front matter', () => {
    expect(said(`---\n\n${COMPLETE}`)).toEqual([]);
  });
});
