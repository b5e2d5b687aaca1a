/** Parsing a document piece by piece gives exactly the tree of parsing it whole, positions included. */
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../src/markdown/chunks.js';
import { ChunkCache, parseMarkdown, parseWhole } from '../src/markdown/parse.js';
import { FIXTURE_DOCUMENTS, readFixture } from './support/fixtures.js';

const documents = FIXTURE_DOCUMENTS.filter((path) => !path.endsWith('spec.md') && !path.startsWith('sarif'));

const filler = (n: number): string => `${'Some prose. '.repeat(200)}\n\n`.repeat(n);

const tricky: Array<[string, string]> = [
  ['a reference defined in another piece', `## A\n\n${filler(1)}See [the spec][spec] and [^1].\n\n## B\n\n${filler(1)}[spec]: ./spec.md\n[^1]: A note.\n`],
  ['a fence with headings inside', `## A\n\n${filler(1)}\`\`\`\n\n## not a heading\n\n\`\`\`\n\n## B\n\n${filler(1)}`],
  ['an HTML comment with blank lines and headings inside', `## A\n\n${filler(1)}<!--\n\n## hidden\n\n-->\n\n## B\n\n${filler(1)}`],
  ['CRLF line endings', `## A\r\n\r\n${filler(1).replace(/\n/g, '\r\n')}## B\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n`],
  ['a fence left open at the end', `## A\n\n${filler(1)}[x][y]\n\n## B\n\n\`\`\`\n[y]: ./z\n`],
  ['a heading right after a paragraph line', `## A\n\n${filler(1)}text\n## B\n\n${filler(1)}`],
  // Cuts the line scan gets wrong: parsing checks each one.
  ['a fence line inside an HTML block', `## A\n\n${filler(1)}<div>\n\`\`\`\n\n## B\n\n${filler(1)}\`\`\`\n\n## C\n\n${filler(1)}`],
  ['a fence in a list item, ended by a heading', `## A\n\n${filler(1)}- item\n\n  \`\`\`\n  code\n\n## B\n\n${filler(1)}\`\`\`\n\n## C\n\n${filler(1)}`],
  ['a line of no-break spaces, which is not blank', `## A\n\n${filler(1)}<div>\n\u00A0\n## B\n\n${filler(1)}`],
  ['a line separator in the info string of a fence', `## A\n\n${filler(1)}\`\`\`x\u2028y\n\n## not a heading\n\n${filler(1)}\`\`\`\n\n## B\n\n${filler(1)}`],
  // Definitions as micromark reads them, not as lines look.
  ['a definition-like line that continues a paragraph', `## A\n\n${filler(1)}See [a].\n\n## B\n\n${filler(1)}text\n[a]: /u\n`],
  ['definitions in a block quote and over two lines', `## A\n\n${filler(1)}See [a] and [b].\n\n## B\n\n${filler(1)}> [a]: /u\n\n[b]:\n/v\n`],
  ['a footnote definition, then a link definition', `## A\n\n${filler(1)}See [a] and [^1].\n\n## B\n\n${filler(1)}[^1]: n\n\n[a]: /u\n`],
  ['a link label that starts with a caret after a space', `## A\n\n${filler(1)}See [ ^x] and [^x].\n\n## B\n\n${filler(1)}[ ^x]: /u\n`],
  // A piece is parsed again with the definitions only where it may refer to one: labels as micromark compares them.
  ['labels in another case and spacing than their definitions', `## A\n\n${filler(1)}See [Foo  Bar], [x][ FOO\nbar ], [BAZ][] and [^NOTE].\n\n## B\n\n${filler(1)}[foo bar]: /u\n\n[baz]: /v\n\n[^note]: n\n`],
  ['a definition before the piece that refers to it', `## A\n\n${filler(1)}[^n]: A note.\n\n[a]: /u\n\n## B\n\n${filler(1)}See [a] and [^n].\n`],
  ['a label over two lines of a block quote', `## A\n\n${filler(1)}> See [foo\n> bar] here.\n\n## B\n\n${filler(1)}[foo bar]: /u\n`],
  ['a NUL in a label, which micromark reads as U+FFFD', `## A\n\n${filler(1)}See [a\u0000b].\n\n## B\n\n${filler(1)}[a\u0000b]: /u\n`],
];

describe('piecewise parsing', () => {
  it('cuts big documents into several pieces', () => {
    const text = readFixture('examples/checkout-orders/data-model.md');
    expect(splitDocument(text).chunks.length).toBeGreaterThan(4);
  });

  it.each(documents)('equals the whole parse for fixtures/%s', (path) => {
    const text = readFixture(path);
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });

  it.each(tricky)('equals the whole parse with %s', (_name, text) => {
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });

  it('parses a paragraph of 100,000 closing brackets quickly (the footnote extension scans back at each one)', () => {
    const text = `${']'.repeat(100_000)}\n`;
    expect(parseMarkdown(text).children.map((node) => node.type)).toEqual(['paragraph']);
  }, 10_000);

  it('gives the same tree from a cache, after an edit in one piece, without changing the cached pieces', () => {
    const cache = new ChunkCache();
    const text = readFixture('examples/editorial-cms/data-model.md');
    expect(parseMarkdown(text, cache)).toEqual(parseWhole(text));
    const edited = text.replace('## Storage Strategy', 'An added line.\n\n## Storage Strategy');
    expect(parseMarkdown(edited, cache)).toEqual(parseWhole(edited));
    expect(parseMarkdown(text, cache)).toEqual(parseWhole(text));
  });
});
