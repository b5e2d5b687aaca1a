/**
 * Safe fixes: applied to a text as non-overlapping edits, back to front, so offsets stay valid
 * (an edit that overlaps one already taken waits for the next pass), pass after pass until none
 * is left, since a fix may make another one possible.
 */
import { BOM } from '../markdown/source.js';
import { lintText, type LintTextOptions } from './lint-text.js';
import type { LintMessage, LintResult, TextEdit } from './types.js';

/** Applies what fixes it can; `applied` names the rule of each fix applied. */
export function applyFixes(text: string, messages: readonly LintMessage[]): { output: string; applied: string[] } {
  const edits = messages.flatMap((message) => (message.fix ? [{ ...message.fix, ruleId: message.ruleId }] : [])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const taken: Array<TextEdit & { ruleId: string }> = [];
  let reached = -1;
  for (const edit of edits) {
    // Two edits at the same point, or overlapping ones, cannot both be applied safely.
    if (edit.range[0] <= reached && taken.length > 0) continue;
    taken.push(edit);
    reached = Math.max(edit.range[1], edit.range[0]);
  }
  let output = text;
  for (const edit of [...taken].reverse()) output = output.slice(0, edit.range[0]) + edit.text + output.slice(edit.range[1]);
  return { output, applied: taken.map((edit) => edit.ruleId) };
}

/** Passes before giving up: fixes that keep producing fixes would otherwise never end. */
const MAX_PASSES = 10;

/** Lints, fixes, lints again; the result is the one for the fixed text, with `output` when changed. */
export function fixText(text: string, options: LintTextOptions): LintResult {
  const bom = text.startsWith(BOM) ? BOM : '';
  let current = text.slice(bom.length);
  let result = lintText(current, options);
  const fixed: Record<string, number> = {};
  for (let pass = 0; pass < MAX_PASSES && result.messages.some((message) => message.fix); pass++) {
    const { output, applied } = applyFixes(current, result.messages);
    if (applied.length === 0 || output === current) break;
    for (const rule of applied) fixed[rule] = (fixed[rule] ?? 0) + 1;
    current = output;
    result = lintText(current, options);
  }
  const output = bom + current;
  return output === text ? result : { ...result, output, fixed };
}
