/**
 * Where a `dmlint-disable` comment goes so that it suppresses one problem without changing the
 * document's structure. A comment line inside a table, list or paragraph would end it (an HTML
 * block interrupts them all), so the comment goes before the top-level block that holds the
 * problem's line: `disable-next-line` when the problem is on the block's first line, else a
 * `disable` … `enable` pair around the whole block.
 */
import type { ChunkCache } from '../markdown/parse.js';
import { BOM } from '../markdown/source.js';
import { buildStructure } from '../markdown/structure.js';
import type { Block, Range } from '../markdown/types.js';

/** A line of text to insert before 1-based line `before` (one past the last line: at the end). */
export interface LineInsertion {
  before: number;
  text: string;
}

export interface DisableComment {
  /** What the comment covers, for the action's title: `line`, or the block's kind. */
  scope: 'line' | 'table' | 'list' | 'paragraph' | 'code block' | 'HTML block' | 'block quote' | 'block';
  insertions: LineInsertion[];
}

const SCOPES: Partial<Record<Block['kind'], DisableComment['scope']>> = {
  table: 'table',
  'pipe-rows': 'paragraph',
  list: 'list',
  paragraph: 'paragraph',
  code: 'code block',
  html: 'HTML block',
  blockquote: 'block quote',
};

/** The comment(s) that disable `ruleId` for a problem on `line`; null when the line is in no block (front matter, a blank line). */
export function disableComment(text: string, line: number, ruleId: string, cache: ChunkCache | null = null): DisableComment | null {
  const structure = buildStructure(text.startsWith(BOM) ? text.slice(BOM.length) : text, cache);
  const blocks: Array<{ range: Range; scope: DisableComment['scope'] }> = [];
  for (const section of [structure.root, ...structure.sections]) {
    if (section.level > 0) blocks.push({ range: section.headingRange, scope: 'block' });
    for (const block of section.blocks) blocks.push({ range: block.range, scope: SCOPES[block.kind] ?? 'block' });
  }
  const holder = blocks.find(({ range }) => range.start.line <= line && line <= range.end.line);
  if (!holder) return null;
  const { start, end } = holder.range;
  if (start.line === line) return { scope: 'line', insertions: [{ before: line, text: `<!-- dmlint-disable-next-line ${ruleId} -->` }] };
  return {
    scope: holder.scope,
    insertions: [
      { before: start.line, text: `<!-- dmlint-disable ${ruleId} -->` },
      { before: end.line + 1, text: `<!-- dmlint-enable ${ruleId} -->` },
    ],
  };
}
