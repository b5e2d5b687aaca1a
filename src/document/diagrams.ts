/**
 * Reading names out of diagrams in code blocks: the titles of ASCII boxes (┌──┐ or +--+), the
 * entities of a Mermaid erDiagram, and the states on either side of an arrow.
 */
import { codeOffset } from './code.js';
import type { SourceText } from './source.js';
import type { CodeBlock, Span } from './types.js';

interface Line {
  text: string;
  /** Index of the line's first character in the code block's value. */
  start: number;
}

function linesOf(value: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of value.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ text: value.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  lines.push({ text: value.slice(start), start });
  return lines;
}

function spanAt(source: SourceText, code: CodeBlock, index: number, text: string): Span {
  const start = codeOffset(source, code, index);
  return { text, range: source.range(start, start + text.length) };
}

const TOP_BORDER = /[┌╔╭+][─═-]{2,}[┐╗╮+]/g;
const BORDER_ONLY = /^[\s─═\-+│║|┌┐└┘├┤┬┴┼╔╗╚╝╭╮╰╯]*$/;
const TITLE = /[\p{L}\p{N}_][\p{L}\p{N}_ .-]*/u;

/** The first text line inside each box drawn with box-drawing characters or `+---+`. */
export function boxTitles(source: SourceText, code: CodeBlock): Span[] {
  const lines = linesOf(code.value);
  const titles: Span[] = [];
  lines.forEach((line, i) => {
    for (const border of line.text.matchAll(TOP_BORDER)) {
      const from = border.index + 1;
      const to = border.index + border[0].length - 1;
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const inside = lines[j]?.text.slice(from, to) ?? '';
        if (BORDER_ONLY.test(inside)) continue;
        const title = TITLE.exec(inside);
        const text = title?.[0].trim();
        if (title && text) titles.push(spanAt(source, code, (lines[j]?.start ?? 0) + from + title.index, text));
        break;
      }
    }
  });
  return titles;
}

const MERMAID_RELATION = /^\s*([\p{L}_][\p{L}\p{N}_-]*)\s+[|}o]{1,2}(?:--|\.\.)[|{o]{1,2}\s+([\p{L}_][\p{L}\p{N}_-]*)/u;
const MERMAID_ENTITY = /^\s*([\p{L}_][\p{L}\p{N}_-]*)\s*\{\s*$/u;

/** Entity names of a Mermaid `erDiagram`: both ends of each relationship line and each `NAME {` block. */
export function mermaidEntities(source: SourceText, code: CodeBlock): Span[] {
  const names: Span[] = [];
  for (const line of linesOf(code.value)) {
    const relation = MERMAID_RELATION.exec(line.text);
    const entity = MERMAID_ENTITY.exec(line.text);
    for (const match of [relation, entity]) {
      if (!match) continue;
      for (const name of match.slice(1)) {
        if (name) names.push(spanAt(source, code, line.start + line.text.indexOf(name, match.index), name));
      }
    }
  }
  return names;
}

export function isMermaidErDiagram(code: CodeBlock): boolean {
  return code.lang === 'mermaid' && /^\s*erDiagram\b/m.test(code.value);
}

const ARROW_PAIR = /([\p{L}_][\p{L}\p{N}_-]*)\s*(?:-->|->|→|⟶|=>|─+►)\s*([\p{L}_][\p{L}\p{N}_-]*)/gu;

/** Names on either side of an arrow (`draft --> published`, `draft → published`). */
export function arrowEnds(source: SourceText, code: CodeBlock): Span[] {
  const names: Span[] = [];
  for (const line of linesOf(code.value)) {
    for (const match of line.text.matchAll(ARROW_PAIR)) {
      const [whole, from, to] = match;
      if (!from || !to) continue;
      names.push(spanAt(source, code, line.start + match.index, from));
      names.push(spanAt(source, code, line.start + match.index + whole.lastIndexOf(to), to));
    }
  }
  return names;
}
