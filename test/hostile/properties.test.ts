/**
 * Properties over hostile text: mutated copies of documents that lint clean (lines deleted,
 * duplicated, swapped, cut mid-token; brackets, pipes, code fences, comments and odd Unicode
 * inserted), and arbitrary strings. dmlint never crashes, never reports a position outside the
 * text, answers the same twice, parses piece by piece exactly as whole, and its fixes settle. Each
 * property has a fixed seed, so a failure is the same on every run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fixes.js';
import { parseMarkdown, parseWhole } from '../../src/markdown/parse.js';
import { lintText } from '../../src/engine/lint-text.js';
import { COMPLETE, lineStarts, unsoundness, VALID_DOCUMENTS } from './support.js';

/** Text that has a meaning somewhere in Markdown or in dmlint, and Unicode that is easy to get wrong. */
const FRAGMENTS = [
  '[', ']', '{', '}', '<', '>', '|', '`', '```', '~~~', '<!--', '-->', '<!-- dmlint-disable -->', '{{x}}', '\\', '**', ':', '(', ')',
  '\n', '\r', '\r\n', '\n\n', '\t', '    ', '# ', '## X\n', '- ', '- [ ] ', '> ', '1. ', '| --- |', '---\n', '[a]: /u\n', '[^1]', '[^1]: n\n', '<div>\n',
  '→', '𝕏', 'e\u0301', '\u202E', '\u200B', '\u05D0\u05D1', '\uFEFF', '\u00A0', '\u2028', '\uD800', '\uDC00', '\u0000', '\u001B[2J',
];

/** Any UTF-16 code unit, lone surrogates included: what a string can hold, not only what UTF-8 can. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const fragment = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: codeUnit, maxLength: 4 }));

type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number; count: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'truncate'; line: number; keep: number }
  | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), line: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
);

function mutate(text: string, change: Mutation): string {
  const lines = text.split('\n');
  switch (change.kind) {
    case 'delete':
      lines.splice(change.line % lines.length, change.count);
      return lines.join('\n');
    case 'duplicate': {
      const at = change.line % lines.length;
      lines.splice(at, 0, ...lines.slice(at, at + change.count));
      return lines.join('\n');
    }
    case 'swap': {
      const [a, b] = [change.line % lines.length, change.other % lines.length];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'truncate': {
      // Cut inside the line: mid-word, mid-link, mid-fence.
      const at = change.line % lines.length;
      const line = lines[at] ?? '';
      lines[at] = line.slice(0, change.keep % (line.length + 1));
      return lines.join('\n');
    }
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
  }
}

const mutatedDocument = fc
  .tuple(fc.constantFrom(...VALID_DOCUMENTS), fc.array(mutation, { minLength: 1, maxLength: 12 }))
  .map(([document, changes]) => changes.reduce(mutate, document.text));

const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join('')),
);

function assertSound(text: string): void {
  const result = lintText(text);
  expect(unsoundness(text, result)).toEqual([]);
}

describe('any text', () => {
  it('mutated documents: no crash, no internal error, every position inside the text', () => {
    fc.assert(fc.property(mutatedDocument, assertSound), { seed: 1101, numRuns: 120 });
  }, 60_000);

  it('arbitrary strings: no crash, no internal error, every position inside the text', () => {
    fc.assert(fc.property(anyText, assertSound), { seed: 1102, numRuns: 400 });
  }, 60_000);

  it('the same text gives the same result twice', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedDocument, anyText), (text) => {
        expect(lintText(text)).toEqual(lintText(text));
      }),
      { seed: 1103, numRuns: 30 },
    );
  }, 60_000);

  it('parsed piece by piece, a mutated document gives the tree of parsing it whole', () => {
    // Only the complete examples are big enough to be cut into pieces.
    const big = VALID_DOCUMENTS.filter((document) => document.name.startsWith('examples/'));
    const mutatedBig = fc.tuple(fc.constantFrom(...big), fc.array(mutation, { minLength: 1, maxLength: 10 })).map(([document, changes]) => changes.reduce(mutate, document.text));
    fc.assert(
      fc.property(mutatedBig, (text) => {
        expect(parseMarkdown(text)).toEqual(parseWhole(text));
      }),
      { seed: 1104, numRuns: 30 },
    );
  }, 60_000);
});

/**
 * Labels that micromark compares alike or not: case, spacing, a caret, and case folding beyond
 * upper case (`ẞ` and `ß` as `SS`, the Kelvin sign as `K`, final sigma, a dotted capital I).
 */
const LABELS = ['a', 'A', 'foo bar', 'FOO  bar', 'foo\nbar', '^x', ' ^x', 'x', '1', 'ß', 'ẞ', 'ss', '\u212A', 'k', 'ΑΣ', 'ας', '\u0130', 'i\u0307', 'a\u0000b', 'a\\]b'];
const label = fc.constantFrom(...LABELS);
/** References and definitions of the labels, in paragraphs, block quotes and lists. */
const referring = fc.oneof(
  label.map((name) => `[${name}]`),
  label.map((name) => `[^${name}]`),
  label.map((name) => `[text][${name}]`),
  label.map((name) => `[${name}][]`),
  label.map((name) => `\n\n> see [${name.replace('\n', '\n> ')}]\n\n`),
  label.map((name) => `\n\n[${name}]: /u\n\n`),
  label.map((name) => `\n\n[^${name}]: n\n\n`),
  label.map((name) => `\n\n> [${name}]: /q\n\n`),
  label.map((name) => `\n\n- [${name}]: /l\n\n`),
  fc.constantFrom(' ', '\n', '\n\n', 'text ', '- ', '> ', '*', '`'),
);
/** A section long enough to be parsed as a piece of its own. */
const section = fc.array(referring, { maxLength: 12 }).map((parts) => `${'Some prose. '.repeat(180)}\n\n${parts.join('')}\n\n`);
const sections = fc.array(section, { minLength: 2, maxLength: 5 }).map((parts) => parts.map((part, index) => `## S${index}\n\n${part}`).join(''));

describe('definitions shared between pieces', () => {
  it('parsed piece by piece, a document with references to definitions in other pieces gives the tree of parsing it whole', () => {
    fc.assert(
      fc.property(sections, (text) => {
        expect(parseMarkdown(text)).toEqual(parseWhole(text));
      }),
      { seed: 1108, numRuns: 100 },
    );
  }, 60_000);
});

/**
 * Text near literal autolinks (GFM): `www`, `http`, `mailto:` and the like, then `.`, `:`, `://`, `@`
 * as they are or escaped or as character references, then a domain or not; among Markdown's own
 * characters. Most strings just miss one, or make one only once escapes and references are decoded.
 */
const nearAutolink = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('www', 'WwW', 'http', 'HTTPS', 'a', 'mailto:a', 'xmpp:a', 'w'),
        fc.constantFrom('.', '\\.', '&#46;', '&period;', ':', '\\:', '&colon;', '://', ':\\/\\/', '\\:\\/\\/', '&#58;//', '&#64;', '&commat;'),
        fc.constantFrom('x.org', 'b.co', 'x', '', 'x_.y'),
      )
      .map((parts) => parts.join('')),
  },
  { weight: 6, arbitrary: fc.constantFrom('w', 'W', '.', 'h', 't', 'p', ':', '/', '[', ']', '^', '*', '_', '~', '|', '#', '\n', ' ', '\\', '&', 'a', '-', '(', ')', '<', '>', '`', '| - |\n') },
  { weight: 1, arbitrary: fc.constantFrom('@', 'www.', 'http://', 'https://', 'a@b.co', '[^1]', '[^1]: n\n') },
);
const nearAutolinks = fc.string({ unit: nearAutolink, maxLength: 30 });
/** The same in sections long enough to be parsed as pieces of their own. */
const nearAutolinkSections = fc.array(nearAutolinks, { minLength: 2, maxLength: 4 }).map((parts) => parts.map((part, index) => `## S${index}\n\n${'Some prose. '.repeat(180)}\n\n${part}\n\n`).join(''));

describe('literal autolinks', () => {
  it('text without them, parsed without them, gives the tree of parsing it with them', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: nearAutolinks }, { weight: 1, arbitrary: nearAutolinkSections }), (text) => {
        expect(parseMarkdown(text)).toEqual(parseWhole(text));
      }),
      { seed: 1109, numRuns: 400 },
    );
  }, 60_000);
});

describe('fixes', () => {
  it('leave no fixable problem behind, and fixing the fixed text changes nothing', () => {
    fc.assert(
      fc.property(mutatedDocument, (text) => {
        const fixed = fixText(text, {});
        expect(unsoundness(fixed.output ?? text, fixed)).toEqual([]);
        expect(fixed.messages.filter((message) => message.fix)).toEqual([]);
        if (fixed.output !== undefined) expect(fixText(fixed.output, {}).output).toBeUndefined();
      }),
      { seed: 1105, numRuns: 40 },
    );
  }, 60_000);

  it('edit only the lines of the problem they fix, in documents with hostile text around fixable problems', () => {
    // Lower-case Required, a cascade in lower case, a guidance line left from the template: fixable,
    // then mutated, so that edits must find their place among hostile text.
    const fixable = COMPLETE.replace('| `seats` | Integer | Yes |', '| `seats` | Integer | yes |')
      .replace('Delete: RESTRICT |\n\n#### Invariants\n\n- `ends_at`', 'delete: restrict |\n\n#### Invariants\n\n- `ends_at`')
      .replace('---\n\n## Entity Relationship Diagram', '[Repeat structure above for each entity]\n\n---\n\n## Entity Relationship Diagram');
    expect(lintText(fixable).fixableErrorCount).toBe(3);
    expect(fixText(fixable, {}).output).toBe(COMPLETE);
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 8 }), (changes) => {
        const text = changes.reduce(mutate, fixable);
        const starts = lineStarts(text);
        for (const message of lintText(text).messages) {
          if (!message.fix) continue;
          // A whole-line removal takes the line break and one blank line after the problem's lines.
          const [from, to] = message.fix.range;
          expect({ message: message.message, from, to }).toEqual({ message: message.message, from: Math.max(from, starts[message.line - 1] ?? 0), to: Math.min(to, starts[message.endLine + 1] ?? text.length) });
        }
        expect(() => fixText(text, {})).not.toThrow();
      }),
      { seed: 1106, numRuns: 25 },
    );
  }, 60_000);
});
