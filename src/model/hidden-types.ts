/**
 * Generic types written outside code, such as List<UUID> or Vec<u8> in a table cell or in prose.
 * Markdown reads the type argument as an HTML tag, and GitHub hides it: readers see "List". The
 * writer wrote a type, not a placeholder; what they need to hear is that it does not show.
 */
import type { Structure } from '../markdown/structure.js';
import type { BracketGroup, Range } from '../markdown/types.js';
import { overlapTest } from '../util/intervals.js';

export interface HiddenTypeArgument {
  /** The type as written, from its name to the end of the argument (`List<UUID>`). */
  type: string;
  /** The argument read as a tag (`<UUID>`). */
  tag: string;
  /** Where the type stands, from its name on. */
  range: Range;
  /**
   * Whether the type stands alone, so wrapping `range` in backticks shows it whole; false when it
   * is an argument of another type (`Map<string, List<UUID>>`), whose extent is not told here.
   */
  alone: boolean;
  /**
   * Whether backticks around `range` make a code span of it and change nothing else: every
   * backtick of its paragraph or cell already belongs to a code span, so none pairs with them.
   */
  wrappable: boolean;
}

/** The name a type argument follows: letters, digits, `_`, `$` and dots (`System.Collections.List`). */
const TYPE_NAME = /[\w$.]+$/;

/** An `<angle>` group right after a word (`List<UUID>`): a type argument, where `<name or role>` after a space is a placeholder. */
export function isTypeArgument(group: BracketGroup): boolean {
  return group.syntax === 'angle' && /[\w$]$/.test(group.before);
}

export function findHiddenTypeArguments(structure: Structure): HiddenTypeArgument[] {
  const found: HiddenTypeArgument[] = [];
  const wrappable = backticksPaired(structure);
  for (const group of structure.brackets) {
    if (!isTypeArgument(group)) continue;
    const name = TYPE_NAME.exec(group.before)?.[0] ?? '';
    const start = group.range.start.offset - name.length;
    const outer = group.before.slice(0, group.before.length - name.length);
    // Inside an open `<` of another type (`Map<string, List`): part of a longer type.
    const alone = !/<[^<>]*$/.test(outer);
    found.push({ type: name + group.raw, tag: group.raw, range: structure.source.range(start, group.range.end.offset), alone, wrappable: wrappable(group) });
  }
  return found;
}

/**
 * A test of whether every backtick of a group's cell or paragraph (its line, elsewhere) is part of
 * a code span. Each container is read once, however many groups it holds.
 */
function backticksPaired(structure: Structure): (group: BracketGroup) => boolean {
  const { source } = structure;
  const inCode = overlapTest(structure.inlineCodes.map((code) => [code.range.start.offset, code.range.end.offset] as const));
  const paragraphs = structure.paragraphs.map((paragraph) => [paragraph.range.start.offset, paragraph.range.end.offset] as const).sort((a, b) => a[0] - b[0]);
  const known = new Map<number, boolean>();
  const containerOf = (group: BracketGroup): readonly [number, number] => {
    if (group.cell) return [group.cell.range.start.offset, group.cell.range.end.offset];
    const at = group.range.start.offset;
    // The last paragraph starting at or before the group, if it reaches the group.
    let low = 0;
    let high = paragraphs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((paragraphs[mid]?.[0] ?? 0) <= at) low = mid + 1;
      else high = mid;
    }
    const paragraph = paragraphs[low - 1];
    if (paragraph && paragraph[1] >= group.range.end.offset) return paragraph;
    const { line } = group.range.start;
    return [source.lineStart(line), source.lineEnd(line)];
  };
  return (group) => {
    const [start, end] = containerOf(group);
    let paired = known.get(start);
    if (paired === undefined) {
      paired = true;
      // Searched in the container's own text: indexOf on the whole source runs on to the next backtick anywhere.
      const text = source.text.slice(start, end);
      for (let at = text.indexOf('`'); at >= 0; at = text.indexOf('`', at + 1)) {
        if (!inCode(start + at, start + at + 1)) {
          paired = false;
          break;
        }
      }
      known.set(start, paired);
    }
    return paired;
  };
}
