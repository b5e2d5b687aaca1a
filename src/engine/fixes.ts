/**
 * Safe fixes: applied to a text as non-overlapping edits, back to front, so offsets stay valid
 * (an edit that overlaps one already taken waits for the next pass), pass after pass until none
 * is left, since a fix may make another one possible.
 */
import { BOM } from '../markdown/source.js';
import { lintText, type LintTextOptions } from './lint-text.js';
import type { LintMessage, LintResult, TextEdit } from './types.js';

export function applyFixes(text: string, messages: readonly LintMessage[]): { output: string; applied: number } {
  const edits = messages.flatMap((message) => (message.fix ? [message.fix] : [])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const taken: TextEdit[] = [];
  let reached = -1;
  for (const edit of edits) {
    // Two edits at the same point, or overlapping ones, cannot both be applied safely.
    if (edit.range[0] <= reached && taken.length > 0) continue;
    taken.push(edit);
    reached = Math.max(edit.range[1], edit.range[0]);
  }
  let output = text;
  for (const edit of [...taken].reverse()) output = output.slice(0, edit.range[0]) + edit.text + output.slice(edit.range[1]);
  return { output, applied: taken.length };
}

/** Passes before giving up: fixes that keep producing fixes would otherwise never end. */
const MAX_PASSES = 10;

/** Lints, fixes, lints again; the result is the one for the fixed text, with `output` when changed. */
export function fixText(text: string, options: LintTextOptions): LintResult {
  const bom = text.startsWith(BOM) ? BOM : '';
  let current = text.slice(bom.length);
  let result = lintText(current, options);
  for (let pass = 0; pass < MAX_PASSES && result.messages.some((message) => message.fix); pass++) {
    const { output, applied } = applyFixes(current, result.messages);
    if (applied === 0 || output === current) break;
    current = output;
    result = lintText(current, options);
  }
  const output = bom + current;
  return output === text ? result : { ...result, output };
}
