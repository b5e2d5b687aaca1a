/**
 * Reading names out of diagrams in code blocks: the titles of ASCII boxes (┌──┐ or +--+), the
 * entities of a Mermaid erDiagram, and the states on either side of an arrow. Names are matched
 * on folded text (letters.ts) and sliced from the code itself.
 */
import { codeOffset } from '../markdown/code.js';
import { displayColumns, indexAtColumn, isWide } from '../util/display-width.js';
import { foldLetters } from '../util/letters.js';
import { nameKey } from '../util/names.js';
import type { SourceText } from '../markdown/source.js';
import type { CodeBlock, Span } from '../markdown/types.js';

interface Line {
  text: string;
  /** The line with its letters folded: the same offsets as `text`. */
  folded: string;
  /** Index of the line's first character in the code block's value. */
  start: number;
}

function linesOf(value: string): Line[] {
  const folded = foldLetters(value);
  const lines: Line[] = [];
  let start = 0;
  const line = (end: number): Line => ({ text: value.slice(start, end), folded: folded.slice(start, end), start });
  for (const match of value.matchAll(/\r\n|\r|\n/g)) {
    lines.push(line(match.index));
    start = match.index + match[0].length;
  }
  lines.push(line(value.length));
  return lines;
}

/** The text of a match's group, from the original line (the match ran on the folded one). */
function group(line: Line, match: RegExpExecArray | RegExpMatchArray, index: number): { text: string; at: number } | null {
  const at = match.indices?.[index];
  return at ? { text: line.text.slice(at[0], at[1]), at: at[0] } : null;
}

function spanAt(source: SourceText, code: CodeBlock, index: number, text: string): Span {
  const start = codeOffset(source, code, index);
  return { text, range: source.range(start, start + text.length) };
}

// Characters outside ASCII are written as escapes in patterns: the bundle stays ASCII, which
// Node reads and V8 keeps in half the memory (see scripts/build.mjs).
/** `┌──┐`, `╔══╗`, `╭──╮`, `+--+`. */
const TOP_BORDER = /[\u250C\u2554\u256D+][\u2500\u2550-]{2,}[\u2510\u2557\u256E+]/g;
/** Nothing but spaces and box-drawing lines: ─═+│║|┌┐└┘├┤┬┴┼╔╗╚╝╭╮╰╯- */
const BORDER_ONLY = /^[\s\u2500\u2550+\u2502\u2551|\u250C\u2510\u2514\u2518\u251C\u2524\u252C\u2534\u253C\u2554\u2557\u255A\u255D\u256D\u256E\u2570\u256F-]*$/;
const SIDES = new Set(['|', '│', '║', '+', '├', '╟', '╠']);
/**
 * «aggregate», <<entity>>: a stereotype, not part of the name. Bounded: unbounded, a line of `<<`
 * with no `>>` is rescanned to its end from every `<<`.
 */
const STEREOTYPE = /\u00AB[^\u00BB]{0,80}\u00BB|<<[^>]{0,80}>>/g;
const TITLE = /[A-Za-z0-9_][A-Za-z0-9_ .-]*/;

/**
 * The entity's name in a box's title: a gloss beside it is not part of it. A gloss is set apart by
 * two spaces or more (`Restaurant  店舗`), or is written in wide characters after a name that is
 * not (`Restaurant 店舗`), or the other way round.
 */
function titleName(title: string): string {
  const [first = ''] = title.trim().split(/\s{2,}/);
  const words = first.split(' ');
  const wide = (word: string): boolean => [...word].some((char) => isWide(char));
  const kind = wide(words[0] ?? '');
  const kept = words.findIndex((word) => wide(word) !== kind);
  return (kept < 0 ? words : words.slice(0, kept)).join(' ');
}

/** A line with its display columns, measured when first needed. */
function columnsOf(cache: Map<number, readonly number[]>, lines: readonly Line[], index: number): readonly number[] {
  let columns = cache.get(index);
  if (!columns) {
    columns = displayColumns(lines[index]?.text ?? '');
    cache.set(index, columns);
  }
  return columns;
}

/**
 * The first text line inside each box drawn with box-drawing characters or `+---+`. A `+---+`
 * line with a box side right above it is a separator or a bottom border, not a new box. Boxes
 * line up by display column: a wide character (`店`, `🚀`) takes two.
 */
export function boxTitles(source: SourceText, code: CodeBlock): Span[] {
  const lines = linesOf(code.value);
  const measured = new Map<number, readonly number[]>();
  /** The text of line `index` between two display columns. */
  const between = (index: number, from: number, to: number): { text: string; at: number } => {
    const columns = columnsOf(measured, lines, index);
    const at = indexAtColumn(columns, from);
    return { text: lines[index]?.text.slice(at, indexAtColumn(columns, to)) ?? '', at };
  };
  const titles: Span[] = [];
  lines.forEach((line, i) => {
    for (const border of line.text.matchAll(TOP_BORDER)) {
      const columns = columnsOf(measured, lines, i);
      const left = columns[border.index] ?? 0;
      if (border[0].startsWith('+') && i > 0 && SIDES.has(between(i - 1, left, left + 1).text)) continue;
      const from = columns[border.index + 1] ?? 0;
      const to = columns[border.index + border[0].length - 1] ?? 0;
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const { text: raw, at } = between(j, from, to);
        const inside = raw.replace(STEREOTYPE, (match) => ' '.repeat(match.length));
        if (BORDER_ONLY.test(inside)) continue;
        const title = TITLE.exec(foldLetters(inside));
        const text = title ? titleName(inside.slice(title.index, title.index + title[0].length)) : undefined;
        if (title && text) titles.push(spanAt(source, code, (lines[j]?.start ?? 0) + at + title.index, text));
        break;
      }
    }
  });
  return titles;
}

/** A state's or a Mermaid entity's name, on folded text. */
export const STATE_NAME = '[A-Za-z_][A-Za-z0-9_-]*';
const MERMAID_NAME = STATE_NAME;
const MERMAID_RELATION = new RegExp(String.raw`^\s*(${MERMAID_NAME})\s+[|}o]{1,2}(?:--|\.\.)[|{o]{1,2}\s+(${MERMAID_NAME})`, 'd');
/**
 * `Customer {`, `c["Customer"]`. Each run of spaces has one `\s*` that can match it, and the alias
 * label is read apart (aliasLabel): `\s*"?([^"\]]+)"?\s*` and `\s*\{?\s*$` split a long run of
 * spaces in cubic numbers of ways before they fail.
 */
const MERMAID_ENTITY = new RegExp(String.raw`^\s*(${MERMAID_NAME})(?:\s*\[([^\]]*)\])?(?:\s*\{)?\s*$`, 'd');

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
    const entity = MERMAID_ENTITY.exec(line.folded);
    const name = entity && group(line, entity, 1);
    if (!entity || !name || name.text === 'erDiagram') continue;
    const alias = group(line, entity, 2);
    if (alias) {
      const label = aliasLabel(alias.text);
      if (label === null) continue;
      const span = spanAt(source, code, line.start + line.text.indexOf(label), label);
      aliases.set(name.text, span);
      names.push(span);
    } else if (line.text.trimEnd().endsWith('{')) names.push(spanAt(source, code, line.start + name.at, name.text));
  }
  for (const line of lines) {
    const relation = MERMAID_RELATION.exec(line.folded);
    if (!relation) continue;
    for (const index of [1, 2]) {
      const name = group(line, relation, index);
      if (name) names.push(aliases.get(name.text) ?? spanAt(source, code, line.start + name.at, name.text));
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
export const NAME_BEFORE_ARROW = String.raw`(?<![A-Za-z0-9_-])[0-9-]*(${STATE_NAME})`;
/** `->`, `→`, `⟶` or `=>` between two names (foreign keys, transitions). */
export const ARROW = String.raw`(?:->|\u2192|\u27F6|=>)`;
/**
 * In a diagram also `-->` and `──►`. The name after the arrow is looked ahead at, not consumed: in
 * a chain `draft → placed → shipped` it is the name before the next arrow too.
 */
const ARROW_PAIR = new RegExp(String.raw`${NAME_BEFORE_ARROW}\s*(?:-->|${ARROW}|\u2500+\u25BA)\s*(?=(${STATE_NAME}))`, 'dg');
/** Mermaid pseudo-states (`state check <<choice>>`): routing, not states of the entity. */
const PSEUDO_STATE = new RegExp(String.raw`^\s*state\s+(${STATE_NAME})\s*<<\s*(?:choice|fork|join)\s*>>`, 'd');

/** Names on either side of an arrow (`draft --> published`, `draft → published`), pseudo-states left out. */
export function arrowEnds(source: SourceText, code: CodeBlock): Span[] {
  const lines = linesOf(code.value);
  const pseudo = new Set(
    lines.flatMap((line) => {
      const match = PSEUDO_STATE.exec(line.folded);
      return (match && group(line, match, 1)?.text) ?? [];
    }),
  );
  const names: Span[] = [];
  for (const line of lines) {
    for (const match of line.folded.matchAll(ARROW_PAIR)) {
      const [from, to] = [group(line, match, 1), group(line, match, 2)];
      if (!from || !to) continue;
      if (!pseudo.has(from.text)) names.push(spanAt(source, code, line.start + from.at, from.text));
      if (!pseudo.has(to.text)) names.push(spanAt(source, code, line.start + to.at, to.text));
    }
  }
  return names;
}

/** The names a set of diagrams shows: entity boxes or Mermaid entities, and every word, as name keys. */
export interface DiagramNames {
  /** Entity names drawn: box titles, or the entities of a Mermaid erDiagram. */
  named: Span[];
  /** Every word of the diagrams, as a name key (names.ts): an entity written in a box's text still appears. */
  wordKeys: Set<string>;
}

export function diagramNames(source: SourceText, codes: readonly CodeBlock[]): DiagramNames {
  const named: Span[] = [];
  const wordKeys = new Set<string>();
  for (const code of codes) {
    for (const span of isMermaidErDiagram(code) ? mermaidEntities(source, code) : boxTitles(source, code)) named.push(span);
    for (const word of foldLetters(code.value).matchAll(/[A-Za-z0-9_]+/g)) wordKeys.add(nameKey(code.value.slice(word.index, word.index + word[0].length)));
  }
  return { named, wordKeys };
}
