/**
 * Maps an index inside a code block's value to a source offset. Indented and list-nested code
 * loses its indentation in `value`, so each value line is located in its source line.
 */
import type { SourceText } from './source.js';
import type { CodeBlock } from './types.js';

const LINE_BREAK = /\r\n|\r|\n/g;

export function codeOffset(source: SourceText, code: CodeBlock, index: number): number {
  let lineIndex = 0;
  let lineStartInValue = 0;
  for (const match of code.value.matchAll(LINE_BREAK)) {
    const next = match.index + match[0].length;
    if (next > index) break;
    lineIndex++;
    lineStartInValue = next;
  }
  const sourceLine = code.valueLine + lineIndex;
  const valueLineEnd = code.value.slice(lineStartInValue).search(/[\r\n]/);
  const valueLineText = code.value.slice(lineStartInValue, valueLineEnd < 0 ? undefined : lineStartInValue + valueLineEnd);
  const indent = valueLineText === '' ? 0 : Math.max(0, source.lineText(sourceLine).indexOf(valueLineText));
  return Math.min(source.lineStart(sourceLine) + indent + (index - lineStartInValue), source.lineEnd(sourceLine));
}
