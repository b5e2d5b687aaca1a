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
const BORDER_ONLY = /^[\s─═+│║|┌┐└┘├┤┬┴┼╔╗╚╝╭╮╰╯-]*$/;
const SIDES = new Set(['|', '│', '║', '+', '├', '╟', '╠']);
/**
 * «aggregate», <<entity>>: a stereotype, not part of the name. Bounded: unbounded, a line of `<<`
 * with no `>>` is rescanned to its end from every `<<`.
 */
const STEREOTYPE = /«[^»]{0,80}»|<<[^>]{0,80}>>/g;
const TITLE = /[\p{L}\p{N}_][\p{L}\p{N}_ .-]*/u;

/**
 * The first text line inside each box drawn with box-drawing characters or `+---+`. A `+---+`
 * line with a box side right above it is a separator or a bottom border, not a new box.
 */
export function boxTitles(source: SourceText, code: CodeBlock): Span[] {
  const lines = linesOf(code.value);
  const titles: Span[] = [];
  lines.forEach((line, i) => {
    for (const border of line.text.matchAll(TOP_BORDER)) {
      if (border[0].startsWith('+') && SIDES.has(lines[i - 1]?.text.charAt(border.index) ?? '')) continue;
      const from = border.index + 1;
      const to = border.index + border[0].length - 1;
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const inside = (lines[j]?.text.slice(from, to) ?? '').replace(STEREOTYPE, (match) => ' '.repeat(match.length));
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

const MERMAID_NAME = String.raw`[\p{L}_][\p{L}\p{N}_-]*`;
const MERMAID_RELATION = new RegExp(String.raw`^\s*(${MERMAID_NAME})\s+[|}o]{1,2}(?:--|\.\.)[|{o]{1,2}\s+(${MERMAID_NAME})`, 'u');
/**
 * `Customer {`, `c["Customer"]`. Each run of spaces has one `\s*` that can match it, and the alias
 * label is read apart (aliasLabel): `\s*"?([^"\]]+)"?\s*` and `\s*\{?\s*$` split a long run of
 * spaces in cubic numbers of ways before they fail.
 */
const MERMAID_ENTITY = new RegExp(String.raw`^\s*(${MERMAID_NAME})(?:\s*\[([^\]]*)\])?(?:\s*\{)?\s*$`, 'u');

/** The label between an alias's brackets, `"Customer"` or `Customer`: null when a quote is inside. */
function aliasLabel(inner: string): string | null {
  let label = inner.trimStart();
  if (label.startsWith('"')) label = label.slice(1);
  label = label.trimEnd();
  if (label.endsWith('"')) label = label.slice(0, -1);
  label = label.trim();
  return label !== '' && !label.includes('"') ? label : null;
}

/**
 * Entity names of a Mermaid `erDiagram`: both ends of each relationship line and each entity
 * block. An alias declared as `c["Customer"]` stands for its label.
 */
export function mermaidEntities(source: SourceText, code: CodeBlock): Span[] {
  const lines = linesOf(code.value);
  const aliases = new Map<string, Span>();
  const names: Span[] = [];
  for (const line of lines) {
    const entity = MERMAID_ENTITY.exec(line.text);
    if (!entity?.[1] || entity[1] === 'erDiagram') continue;
    if (entity[2] !== undefined) {
      const label = aliasLabel(entity[2]);
      if (label === null) continue;
      const span = spanAt(source, code, line.start + line.text.indexOf(label), label);
      aliases.set(entity[1], span);
      names.push(span);
    } else if (line.text.trimEnd().endsWith('{')) names.push(spanAt(source, code, line.start + line.text.indexOf(entity[1]), entity[1]));
  }
  for (const line of lines) {
    const relation = MERMAID_RELATION.exec(line.text);
    if (!relation) continue;
    let at = relation.index;
    for (const name of relation.slice(1)) {
      if (!name) continue;
      at = line.text.indexOf(name, at);
      names.push(aliases.get(name) ?? spanAt(source, code, line.start + at, name));
      at += name.length;
    }
  }
  return names.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

export function isMermaidErDiagram(code: CodeBlock): boolean {
  return code.lang === 'mermaid' && /^\s*erDiagram\b/m.test(code.value);
}

/**
 * The name before an arrow. Tried only where a run of name characters starts (leading digits and
 * dashes skipped): tried from inside a long run that no arrow follows, every position would rescan
 * the run, in quadratic time. The name found is the same: the run's first letter on.
 */
export const NAME_BEFORE_ARROW = String.raw`(?<![\p{L}\p{N}_-])[\p{N}-]*([\p{L}_][\p{L}\p{N}_-]*)`;
const ARROW_PAIR = new RegExp(String.raw`${NAME_BEFORE_ARROW}\s*(?:-->|->|→|⟶|=>|─+►)\s*([\p{L}_][\p{L}\p{N}_-]*)`, 'dgu');
/** Mermaid pseudo-states (`state check <<choice>>`): routing, not states of the entity. */
const PSEUDO_STATE = /^\s*state\s+([\p{L}_][\p{L}\p{N}_-]*)\s*<<\s*(?:choice|fork|join)\s*>>/u;

/** Names on either side of an arrow (`draft --> published`, `draft → published`), pseudo-states left out. */
export function arrowEnds(source: SourceText, code: CodeBlock): Span[] {
  const lines = linesOf(code.value);
  const pseudo = new Set(lines.flatMap((line) => PSEUDO_STATE.exec(line.text)?.[1] ?? []));
  const names: Span[] = [];
  for (const line of lines) {
    for (const match of line.text.matchAll(ARROW_PAIR)) {
      const [, from, to] = match;
      const [fromAt, toAt] = [match.indices?.[1], match.indices?.[2]];
      if (!from || !to || !fromAt || !toAt) continue;
      if (!pseudo.has(from)) names.push(spanAt(source, code, line.start + fromAt[0], from));
      if (!pseudo.has(to)) names.push(spanAt(source, code, line.start + toAt[0], to));
    }
  }
  return names;
}
