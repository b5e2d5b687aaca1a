/**
 * How much parsing a document costs: each piece is parsed once, and again only where a definition
 * from another piece may change it; GFM constructs that a text cannot contain are left out.
 */
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { splitDocument } from '../src/markdown/chunks.js';
import { absentFeatures, ChunkCache, parseMarkdown, parseWhole, processorWithout } from '../src/markdown/parse.js';
import { FIXTURE_DOCUMENTS, readFixture } from './support/fixtures.js';
import { nodesOf } from './support/tree.js';

/** Every unified processor's `parse`: each call is one parse by micromark. */
const parses = vi.spyOn(Object.getPrototypeOf(unified()) as Processor, 'parse');
afterEach(() => parses.mockClear());
// Test files share a worker (vitest.config.ts): put the real method back.
afterAll(() => parses.mockRestore());

/** How many times parseMarkdown parses to parse the text. */
function parseCount(text: string, cache: ChunkCache | null = null): number {
  parses.mockClear();
  parseMarkdown(text, cache);
  return parses.mock.calls.length;
}

const EDITORIAL = readFixture('examples/editorial-cms/data-model.md');
const filler = `${'Some prose, 1 and 2. '.repeat(100)}\n\n`;
/** A document of three pieces, the second referring to a definition in the third. */
const CROSS_PIECE = `## A\n\n${filler}[a]: /a\n\n## B\n\n${filler}See [Foo  Bar] and [a].\n\n## C\n\n${filler}[foo bar]: /u\n`;

describe('parsing work', () => {
  it('parses a document with a footnote definition once per piece', () => {
    expect(EDITORIAL).toContain('[^1]:');
    const pieces = splitDocument(EDITORIAL).chunks.length;
    expect(pieces).toBeGreaterThan(4);
    expect(parseCount(EDITORIAL)).toBe(pieces);
  });

  it('parses again only the piece that refers to a definition in another piece', () => {
    expect(splitDocument(CROSS_PIECE).chunks).toHaveLength(3);
    expect(parseCount(CROSS_PIECE)).toBe(3 + 1);
    expect(parseMarkdown(CROSS_PIECE)).toEqual(parseWhole(CROSS_PIECE));
  });

  it('does not parse again a piece that writes a label only outside brackets, or defines it itself', () => {
    const text = `## A\n\n${filler}See [x].\n\n[x]: /x\n\n## B\n\n${filler}[x]: /y\n\n[1]: /one\n`;
    expect(parseCount(text)).toBe(2);
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });

  it('past 200 definitions, parses every piece again instead of searching each for every label', () => {
    const many = Array.from({ length: 201 }, (_, n) => `[d${n}]: /${n}`).join('\n\n');
    const text = `## A\n\n${filler}${many}\n\n## B\n\n${filler}See [D7].\n\n## C\n\n${filler}No reference here.\n`;
    expect(parseCount(text)).toBe(3 + 3);
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
    const fewer = text.replace('\n\n[d200]: /200', '');
    expect(parseCount(fewer)).toBe(3 + 1);
    expect(parseMarkdown(fewer)).toEqual(parseWhole(fewer));
  });

  it('with a cache, parses only what changed', () => {
    const cache = new ChunkCache();
    expect(parseCount(CROSS_PIECE, cache)).toBe(3 + 1);
    expect(parseCount(CROSS_PIECE, cache)).toBe(0);
    // The first piece changes; the second, parsed with the definitions, is as it was.
    const edited = CROSS_PIECE.replace('## B', 'An added line.\n\n## B');
    expect(parseCount(edited, cache)).toBe(1);
    expect(parseMarkdown(edited, cache)).toEqual(parseWhole(edited));
  });
});

const fixtureTexts = FIXTURE_DOCUMENTS.map(readFixture);

/** Text without `@`, `www.`, `http://`, escapes of them or character references, in GFM constructs of all kinds. */
const WITHOUT_AUTOLINKS = [
  'Plain _emphasis_, *more*, __strong__, **strong**, ~~struck~~, ~one~, snake_case_name and a*b*c.',
  '| a | b_c |\n|---|:-:|\n| `x|y` | **z** \\| w |\n| [l](./u) | ![i](./p.png) |\n',
  '- [ ] task\n- [x] done\n\n1. one\n2. two\n\n> quote [a][b] [c][] [d]\n\n[b]: ./b\n[d]: <./d> "t"\n',
  'A footnote[^1] and [^missing].\n\n[^1]: The note, *with* emphasis.\n    Continued.\n',
  'Near misses: http: and https:/x, hxxp://x.org, ftp://x.org, mailto:x, xmpp:y, ww.x, w.w.w, www, wwwx, HTTP API, a.b.co, 100%.',
  '```\ncode www\n```\n\n<div>\nhtml</div>\n\n# Heading _a_\n\nSetext\n---\n\n***\n\n    indented\n\nend\\\nbreak  \nhard',
  '[link *text*](http:x) [x]: [^] ]] [[ ![ ]( <http:x> <a-b> \\[ \\] \\* \\_ \\w',
];

/** Text with literal autolinks, as micromark finds them or as the tree transform finds them in decoded text. */
const WITH_AUTOLINKS = [
  'contact a@b.co',
  'see www.example.com',
  'HTTPS://X.ORG',
  '| who | where |\n|---|---|\n| a@b.co | *see www.example.com* |\n',
  '_mail **a@b.co** now_ and ~~http://x.org~~',
  'decoded: a&#64;b.co',
  'escaped: www\\.example.com',
  'escaped: http\\:\\/\\/x.org',
  'mailto:a@b.co and xmpp:a@b.co/r',
];

function links(tree: Root): number {
  return [...nodesOf(tree)].filter((node) => node.type === 'link').length;
}

describe('GFM without literal autolinks, for text that cannot contain one', () => {
  const full = processorWithout([]);
  const lean = processorWithout(['autolinkLiterals']);

  it('gives the same tree as full GFM for every fixture piece without `@`, `www.` or `http://`', () => {
    // Most fixtures are copies of a few documents with a change: each distinct piece once.
    const pieces = [...new Set(fixtureTexts.flatMap((text) => splitDocument(text).chunks.map((chunk) => chunk.text)))];
    const leanPieces = pieces.filter((text) => absentFeatures(text).includes('autolinkLiterals'));
    expect(leanPieces.length).toBeGreaterThan(pieces.length / 2);
    for (const text of leanPieces) expect(lean.parse(text)).toEqual(full.parse(text));
  });

  it.each(WITHOUT_AUTOLINKS)('gives the same tree as full GFM for %j', (text) => {
    expect(absentFeatures(text)).toContain('autolinkLiterals');
    expect(lean.parse(text)).toEqual(full.parse(text));
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });

  it.each(WITH_AUTOLINKS)('is not used for %j, which has a literal autolink', (text) => {
    expect(absentFeatures(text)).not.toContain('autolinkLiterals');
    expect(links(parseMarkdown(text))).toBeGreaterThan(0);
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });

  it('leaves out both the constructs and the tree transform', () => {
    // micromark finds the first, the transform the second (after `&#64;` is decoded).
    const text = 'see www.example.com and a&#64;b.co';
    expect(links(full.parse(text))).toBe(2);
    expect(links(lean.parse(text))).toBe(0);
    expect(links(processorWithout(['footnotes']).parse(text))).toBe(2);
  });

  it('builds one processor for each set of features', () => {
    expect(processorWithout(['footnotes', 'autolinkLiterals'])).toBe(processorWithout(['autolinkLiterals', 'footnotes']));
    expect(processorWithout(['footnotes'])).not.toBe(full);
  });
});
