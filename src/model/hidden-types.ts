/**
 * Generic types written outside code, such as List<UUID> or Vec<u8> in a table cell or in prose.
 * Markdown reads the type argument as an HTML tag, and GitHub hides it: readers see "List". The
 * writer wrote a type, not a placeholder; what they need to hear is that it does not show.
 */
import type { Structure } from '../markdown/structure.js';
import type { BracketGroup, Range } from '../markdown/types.js';

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
}

/** The name a type argument follows: letters, digits, `_`, `$` and dots (`System.Collections.List`). */
const TYPE_NAME = /[\w$.]+$/;

/** An `<angle>` group right after a word (`List<UUID>`): a type argument, where `<name or role>` after a space is a placeholder. */
export function isTypeArgument(group: BracketGroup): boolean {
  return group.syntax === 'angle' && /[\w$]$/.test(group.before);
}

export function findHiddenTypeArguments(structure: Structure): HiddenTypeArgument[] {
  const found: HiddenTypeArgument[] = [];
  for (const group of structure.brackets) {
    if (!isTypeArgument(group)) continue;
    const name = TYPE_NAME.exec(group.before)?.[0] ?? '';
    const start = group.range.start.offset - name.length;
    const outer = group.before.slice(0, group.before.length - name.length);
    // Inside an open `<` of another type (`Map<string, List`): part of a longer type.
    const alone = !/<[^<>]*$/.test(outer);
    found.push({ type: name + group.raw, tag: group.raw, range: structure.source.range(start, group.range.end.offset), alone });
  }
  return found;
}
