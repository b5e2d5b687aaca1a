/**
 * The dependency patches of scripts/patches.ts: they fit the installed code exactly, a build fails
 * when one no longer fits or is no longer loaded, and remark-gfm bundled with them parses every
 * text to the same tree as remark-gfm as published.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildFailure } from 'esbuild';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPatch, PATCHES, patchDependencies, type DependencyPatch } from '../scripts/patches.js';
import { REPO } from './support/cli.js';
import { FIXTURE_DOCUMENTS, readFixture } from './support/fixtures.js';

const PLAIN_PARSER = "import { unified } from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm'; const processor = unified().use(remarkParse).use(remarkGfm).freeze(); export const parse = (text) => processor.parse(text);";

function bundle(contents: string, patches: readonly DependencyPatch[]): Promise<string> {
  return build({ stdin: { contents, resolveDir: REPO }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent', plugins: [patchDependencies(patches)] }).then((result) => result.outputFiles[0]?.text ?? '');
}

async function buildErrors(contents: string, patches: readonly DependencyPatch[]): Promise<string[]> {
  try {
    await bundle(contents, patches);
    return [];
  } catch (error) {
    return (error as BuildFailure).errors.map((message) => message.text);
  }
}

describe('applyPatch', () => {
  const patch: DependencyPatch = { file: 'some-package/index.js', why: 'a test', replace: [['a = 1', 'a = 2']] };

  it('replaces text that occurs exactly once', () => {
    expect(applyPatch('let a = 1;\n', patch)).toEqual({ text: 'let a = 2;\n' });
  });

  it('refuses text that is missing or occurs twice, naming the file', () => {
    expect(applyPatch('let b = 1;\n', patch)).toEqual({ error: 'patch for some-package/index.js no longer fits: the text it replaces is not in it ("a = 1"); see scripts/patches.ts' });
    expect(applyPatch('a = 1; a = 1;', patch)).toEqual({ error: 'patch for some-package/index.js no longer fits: the text it replaces is in it more than once ("a = 1"); see scripts/patches.ts' });
  });

  it.each(PATCHES.map((entry) => [entry.file, entry] as const))('fits the installed %s', (file, entry) => {
    const result = applyPatch(readFileSync(join(REPO, 'node_modules', file), 'utf8'), entry);
    expect(result).not.toHaveProperty('error');
  });
});

describe('patchDependencies', () => {
  it('fails a build whose patch no longer fits', async () => {
    const [first] = PATCHES;
    if (!first) throw new Error('no patches');
    const changed: DependencyPatch = { ...first, replace: [['text upstream no longer has', 'x']] };
    expect(await buildErrors(PLAIN_PARSER, [changed])).toEqual([`patch for ${first.file} no longer fits: the text it replaces is not in it ("text upstream no longer has"); see scripts/patches.ts`]);
  });

  it('fails a build that never loads a patched file', async () => {
    const unused: DependencyPatch = { file: 'unified/lib/not-a-file.js', why: 'a test', replace: [] };
    expect(await buildErrors(PLAIN_PARSER, [unused])).toEqual(['patch for unified/lib/not-a-file.js was not applied: the bundle no longer loads that file; see scripts/patches.ts']);
  });
});

describe('remark-gfm bundled with the patches', () => {
  const published = unified().use(remarkParse).use(remarkGfm).freeze();
  let patched: (text: string) => Root;

  beforeAll(async () => {
    const code = await bundle(PLAIN_PARSER, PATCHES);
    // The bundler may rename locals (index2): the patched statements, whatever their names.
    expect(code).toMatch(/jumps\d*\.has\(index\d*\)/);
    expect(code).toMatch(/context\d*\.sliceSerialize = events\d*\[index\d*\]\[2\]\.sliceSerialize;/);
    expect(code).toMatch(/compilerFor\d* = memoized\d*\(/);
    expect(code).toMatch(/constructsFor\d* = memoized\d*\(/);
    expect(code).toMatch(/events\d*\.left = eventsArray\d*;/);
    expect(code).toMatch(/list\d*\.splice\(start\d*, remove\d*, \.\.\.items\d*\);/);
    expect(code).toMatch(/restore: restoreStored\d*,/);
    patched = ((await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { parse: (text: string) => Root }).parse;
  }, 30_000);

  it('gives the published tree for every fixture', () => {
    expect(FIXTURE_DOCUMENTS.length).toBeGreaterThan(50);
    for (const path of FIXTURE_DOCUMENTS) {
      const text = readFixture(path);
      expect(patched(text), path).toEqual(published.parse(text));
    }
  });

  // One processor parses every text in turn, so state left over from one parse would show in the next.
  it('gives the published tree for arbitrary markup: nested lists and quotes, tables, definitions, footnotes', () => {
    const piece = fc.constantFrom('- ', '* ', '1. ', '> ', '  ', '    ', '\n', '\n\n', '| a | b |\n|---|---|\n', '| x |', '[a]: /u\n', '[^1]: n\n', '[^1]', '[a]', '```\n', 'text', '*em*', '`c`', '<div>', '~~s~~', 'www.x.com', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(patched(text)).toEqual(published.parse(text));
      }),
      { seed: 2625, numRuns: 1500 },
    );
  });
});
