/**
 * How much parsing a document costs: each piece is parsed once, and again only where a definition
 * from another piece may change it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified, type Processor } from 'unified';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitDocument } from '../src/document/chunks.js';
import { ChunkCache, parseMarkdown, parseWhole } from '../src/document/parse.js';
import { REPO } from './support/cli.js';

/** Every unified processor's `parse`: each call is one parse by micromark. */
const parses = vi.spyOn(Object.getPrototypeOf(unified()) as Processor, 'parse');
afterEach(() => parses.mockClear());

/** How many times parseMarkdown parses to parse the text. */
function parseCount(text: string, cache: ChunkCache | null = null): number {
  parses.mockClear();
  parseMarkdown(text, cache);
  return parses.mock.calls.length;
}

const EDITORIAL = readFileSync(join(REPO, 'fixtures/examples/editorial-cms/data-model.md'), 'utf8');
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
