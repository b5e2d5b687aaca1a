/**
 * plainText (src/markdown/inline.ts) is the text of a node as mdast-util-to-string gives it,
 * walked with a stack instead of recursion. mdast-util-to-string stays a dev dependency to prove
 * the two agree; the runtime uses plainText because recursion overflows on hostile nesting.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseWhole } from '../src/markdown/parse.js';
import { plainText } from '../src/markdown/inline.js';
import { FIXTURE_DOCUMENTS, readFixture } from './support/fixtures.js';
import { nodesOf } from './support/tree.js';

describe('plainText', () => {
  it('equals mdast-util-to-string on every node of every fixture', () => {
    expect(FIXTURE_DOCUMENTS.length).toBeGreaterThan(50);
    const differences: string[] = [];
    let compared = 0;
    for (const name of FIXTURE_DOCUMENTS) {
      for (const node of nodesOf(parseWhole(readFixture(name)))) {
        compared++;
        if (plainText(node) !== toString(node)) differences.push(`${name}:${node.position?.start.line ?? '?'} ${node.type}`);
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(differences).toEqual([]);
  });

  it('reads emphasis nested 20,000 deep, where the recursive walk overflows the stack', () => {
    let node: Nodes = { type: 'text', value: 'deep' };
    for (let depth = 0; depth < 20_000; depth++) node = { type: 'emphasis', children: [node] };
    expect(() => toString(node)).toThrow(RangeError);
    expect(plainText(node)).toBe('deep');
  });
});
