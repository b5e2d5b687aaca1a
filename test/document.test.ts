/** The document model: positions, sections, tables, fields, failed tables and visible brackets. */
import { describe, expect, it } from 'vitest';
import type { PhrasingContent } from 'mdast';
import { codeOffset } from '../src/markdown/code.js';
import { plainText, readPhrasing } from '../src/markdown/inline.js';
import { DataModelDocument } from '../src/model/document.js';
import { SourceText } from '../src/markdown/source.js';
import { buildStructure } from '../src/markdown/structure.js';
import { bundledSchema } from '../src/template/bundled.js';

const at = (source: SourceText, offset: number): string => {
  const { line, column } = source.position(offset);
  return `${line}:${column}`;
};

describe('SourceText', () => {
  it('counts LF, CRLF and lone CR as one line ending each, as micromark does', () => {
    const source = new SourceText('a\nb\r\nc\rd');
    expect(source.lineCount).toBe(4);
    expect([0, 2, 5, 7].map((offset) => at(source, offset))).toEqual(['1:1', '2:1', '3:1', '4:1']);
    expect(source.lineText(2)).toBe('b');
    expect(source.lineEnd(2)).toBe(3);
  });

  it('clamps offsets outside the text', () => {
    const source = new SourceText('ab');
    expect(at(source, -5)).toBe('1:1');
    expect(at(source, 99)).toBe('1:3');
  });
});

describe('structure', () => {
  it('builds the section tree with levels, titles and ranges', () => {
    const { root, sections } = buildStructure('# T\n\nintro\n\n## A\n\ntext\n\n### A1\n\n## B\n');
    expect(root.children.map((section) => section.title)).toEqual(['T']);
    expect(sections.map((section) => `${section.level} ${section.title} ${section.range.start.line}-${section.range.end.line}`)).toEqual(['1 T 1-11', '2 A 5-9', '3 A1 9-9', '2 B 11-11']);
    expect(sections[1]?.children.map((section) => section.title)).toEqual(['A1']);
  });

  it('keeps exact cell positions: escaped pipes, blank cells, missing and extra cells', () => {
    const { tables } = buildStructure('| A | B |\n|---|---|\n| `x` \\| y |  |\n| only |\n| 1 | 2 | 3 |\n');
    const [table] = tables;
    expect(table?.columnCount).toBe(2);
    expect(table?.header.cells.map((cell) => cell.text)).toEqual(['A', 'B']);
    const [first, short, long] = table?.rows ?? [];
    expect(first?.cells.map((cell) => [cell.text, cell.raw, `${cell.range.start.column}-${cell.range.end.column}`, cell.column])).toEqual([
      ['x | y', '`x` \\| y', '3-11', 'A'],
      ['', '', '14-14', 'B'],
    ]);
    expect(short?.cells).toHaveLength(1);
    expect(long?.cells.map((cell) => cell.column)).toEqual(['A', 'B', null]);
  });

  it('records a table whose delimiter row is broken as pipe rows, line by line', () => {
    const { tables, pipeRows } = buildStructure('| A | B | C |\n|---|---|\n| 1 | 2 | 3 |\n');
    expect(tables).toEqual([]);
    expect(pipeRows[0]?.lines.map((line) => [line.range.start.line, line.cellCount, line.isDelimiter])).toEqual([
      [1, 3, false],
      [2, 2, true],
      [3, 3, false],
    ]);
  });

  it('does not take a header line with " | " separators for a table', () => {
    const { pipeRows, fields } = buildStructure('**Branch**: `001-x` | **Date**: 2026-01-02 | **Spec**: [spec.md](./spec.md)  \n**Phase**: 1\n');
    expect(pipeRows).toEqual([]);
    expect(fields.map((field) => [field.label, field.value, field.raw])).toEqual([
      ['Branch', '001-x', '`001-x`'],
      ['Date', '2026-01-02', '2026-01-02'],
      ['Spec', 'spec.md', '[spec.md](./spec.md)'],
      ['Phase', '1', '1'],
    ]);
    expect(fields[2]?.links.map((link) => link.url)).toEqual(['./spec.md']);
  });

  it('gives an empty field the list or diagram that follows it as its content', () => {
    const { fields } = buildStructure('**Access Patterns**:\n- by id\n\n**States**:\n\n```\na -> b\n```\n\n**Purpose**:\n\n**Scope**: all\n');
    expect(fields.map((field) => [field.label, field.content?.kind ?? null])).toEqual([
      ['Access Patterns', 'list'],
      ['States', 'code'],
      ['Purpose', null],
      ['Scope', null],
    ]);
  });

  it('sees brackets a reader sees, and not those in links, code blocks, footnotes or escapes', () => {
    const { brackets } = buildStructure(
      '# T [A]\n\n[B] and [link](./x) and [ref] and \\[esc\\] and [^1] and `[C]`\n\n| [D] |\n|---|\n\n```\n[E]\n```\n\n[ref]: http://example.com\n[^1]: note\n',
    );
    expect(brackets.map((group) => [group.raw, group.container, `${group.range.start.line}:${group.range.start.column}`])).toEqual([
      ['[A]', 'heading', '1:5'],
      ['[B]', 'paragraph', '3:1'],
      ['[C]', 'inlineCode', '3:57'],
      ['[D]', 'tableCell', '5:3'],
    ]);
  });

  it('keeps nested brackets as one outermost group, even after an unmatched opening bracket', () => {
    const { brackets } = buildStructure('x [ y [e.g., >0, enum: [A,B,C]] z\n');
    expect(brackets.map((group) => group.raw)).toEqual(['[e.g., >0, enum: [A,B,C]]']);
  });

  it('knows whether a bracket is all there is in a standalone paragraph', () => {
    const { brackets } = buildStructure('[Guidance here]\n\n- [Item]\n\ntext [inline]\n');
    expect(brackets.map((group) => [group.raw, group.whole, group.standalone])).toEqual([
      ['[Guidance here]', true, true],
      ['[Item]', true, false],
      ['[inline]', false, true],
    ]);
  });

  it('maps positions inside code blocks back to the source, indented and CRLF included', () => {
    const text = '- item\r\n\r\n  ```json\r\n  {\r\n    "a": 1\r\n  }\r\n  ```\r\n';
    const structure = buildStructure(text);
    const [code] = structure.codeBlocks;
    if (!code) throw new Error('no code block');
    const index = code.value.indexOf('"a"');
    expect(at(structure.source, codeOffset(structure.source, code, index))).toBe('5:5');
  });

  it('reads phrasing nested far deeper than the call stack allows', () => {
    // Built by hand: micromark takes minutes to nest emphasis this deep.
    let node: PhrasingContent = { type: 'inlineCode', value: 'x', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } } };
    for (let depth = 0; depth < 100_000; depth++) node = { type: 'emphasis', children: [node, { type: 'text', value: String(depth % 10) }] };
    expect(plainText(node).slice(0, 4)).toBe('x012');
    expect(readPhrasing([node], new SourceText('`x`')).codes.map((code) => code.value)).toEqual(['x']);
  });

  it('reads lists and quotes nested deeper than 64 levels as one quote of what is inside them', () => {
    const structure = buildStructure(`${'> '.repeat(300)}[TBD]\n\n${'- '.repeat(300)}**Label**: text\n`);
    expect(structure.brackets.map((group) => [group.raw, at(structure.source, group.range.start.offset)])).toEqual([['[TBD]', '1:601']]);
    expect(structure.fields.map((field) => [field.label, field.value])).toEqual([['Label', 'text']]);
    let depth = 0;
    for (let block = structure.root.blocks[0]; block?.kind === 'blockquote'; block = block.blocks[0]) depth++;
    expect(depth).toBe(65);
  });
});

describe('data-model document', () => {
  const text = [
    '# Data Model: X',
    '',
    '**Branch**: `001-x` | **Date**: 2026-01-02',
    '',
    '## Entity Definitions',
    '',
    '### Entity: `Member`',
    '',
    '**Description**: A member.',
    '',
    '#### Attributes',
    '',
    '| Field | Type | Required | Description |',
    '|---|---|---|---|',
    '| `id` | UUID | Yes | Identifier |',
    '',
    '#### Relationships',
    '',
    '| Related Entity | Type | Description | Cascade Behavior |',
    '|---|---|---|---|',
    '| Loan | One-to-Many | Loans | Delete: RESTRICT |',
    '',
  ].join('\n');

  it('reads entities by the template block, with attributes and relationships by column role', () => {
    const doc = new DataModelDocument(`\uFEFF${text}`, { schema: bundledSchema() });
    expect(doc.hasBom).toBe(true);
    const [member] = doc.entities;
    expect(member?.name).toBe('Member');
    expect(doc.text.slice(member?.nameRange.start.offset, member?.nameRange.end.offset)).toBe('Member');
    expect(member?.fields.get('description')?.value).toBe('A member.');
    expect(member?.attributes.map((attribute) => [attribute.name, attribute.cells.type?.text, attribute.cells.required?.text, attribute.cells.validation])).toEqual([['id', 'UUID', 'Yes', null]]);
    expect(member?.relationships.map((relationship) => [relationship.target, relationship.cells.cascade?.text])).toEqual([['Loan', 'Delete: RESTRICT']]);
    expect([...member!.subsections.keys()]).toEqual(['attributes', 'relationships']);
    expect([...doc.header.keys()]).toEqual(['branch', 'date']);
  });

  it('positions are those of the text without its byte-order mark', () => {
    const doc = new DataModelDocument(`\uFEFF${text}`, { schema: bundledSchema() });
    expect(doc.structure.sections[0]?.headingRange.start).toEqual({ line: 1, column: 1, offset: 0 });
  });
});
