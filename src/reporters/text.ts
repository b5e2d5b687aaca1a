/** Helpers shared by the text reporters. */
import { relative, sep } from 'node:path';
import type { LintResult } from '../engine/types.js';

/**
 * Shows control characters (ANSI escapes, carriage returns ...) and bidirectional formatting
 * characters (U+202E turns the rest of a line around) as visible escapes, so document text quoted
 * in a message cannot rewrite the terminal, hide a line or disguise one.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Printable text whose line breaks stay line breaks (a message of several lines, such as a plugin's load error). */
export function printableLines(text: string): string {
  return text.split(/\r?\n/).map(printable).join('\n');
}

/** A path relative to `cwd` with forward slashes; `<text>`-style names are kept. Printable either way. */
export function displayPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return printable(filePath);
  const shown = relative(cwd, filePath) || filePath;
  return printable(sep === '\\' ? shown.split(sep).join('/') : shown);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A completeness figure as a whole percentage, rounded down: 99.6% filled in is not 100%. */
export function filledIn(completeness: number | undefined): string {
  return completeness === undefined ? '?' : `${Math.floor(completeness * 100 + 1e-9)}%`;
}

/** `2 errors and 1 warning potentially fixable with the --fix option.`, as ESLint says it; null when nothing is. */
export function fixableSummary(results: readonly LintResult[]): string | null {
  const errors = results.reduce((sum, result) => sum + result.fixableErrorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.fixableWarningCount, 0);
  return errors + warnings === 0 ? null : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} potentially fixable with the --fix option.`;
}

/** `fixed 3 problems (attribute-table 2, no-unresolved-choice 1)`: what --fix did to one file. */
export function fixedSummary(fixed: Readonly<Record<string, number>>): string {
  const entries = Object.entries(fixed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return `${plural(total, 'problem')} (${entries.map(([rule, count]) => `${printable(rule)} ${count}`).join(', ')})`;
}
