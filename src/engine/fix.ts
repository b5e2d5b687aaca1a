/**
 * Applies safe fixes to a text: non-overlapping edits, back to front, so offsets stay valid.
 * An edit that overlaps one already taken waits for the next pass.
 */
import type { LintMessage, TextEdit } from './types.js';

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
