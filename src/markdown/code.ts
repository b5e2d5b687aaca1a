/**
 * Maps an index inside a code block's value to a source offset. Indented and list-nested code
 * loses its indentation in `value`, so each value line is located in its source line.
 */
import type { SourceText } from './source.js';
import type { CodeBlock } from './types.js';

const LINE_BREAK = /\r\n|\r|\n/g;

/** Where each line of a value starts, and (once asked for) the source offset of that line's text. */
interface ValueLines {
  starts: number[];
  sourceStarts: Array<number | undefined>;
}

// Worked out once per block: rules map many indexes of one block (a diagram's names, a sample's keys).
const valueLines = new WeakMap<CodeBlock, ValueLines>();

export function codeOffset(source: SourceText, code: CodeBlock, index: number): number {
  let lines = valueLines.get(code);
  if (!lines) {
    const starts = [0];
    for (const match of code.value.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
    lines = { starts, sourceStarts: [] };
    valueLines.set(code, lines);
  }
  const { starts, sourceStarts } = lines;
  // The last line that starts at or before the index.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  const sourceLine = code.valueLine + low;
  let sourceStart = sourceStarts[low];
  if (sourceStart === undefined) {
    const valueLineText = code.value.slice(starts[low] ?? 0, starts[low + 1] ?? code.value.length).replace(/[\r\n]+$/, '');
    const indent = valueLineText === '' ? 0 : Math.max(0, source.lineText(sourceLine).indexOf(valueLineText));
    sourceStart = source.lineStart(sourceLine) + indent;
    sourceStarts[low] = sourceStart;
  }
  return Math.min(sourceStart + (index - (starts[low] ?? 0)), source.lineEnd(sourceLine));
}
