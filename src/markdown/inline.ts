/**
 * Reads phrasing content (the inline nodes of a paragraph, heading or table cell): code spans,
 * links, the ranges a bracket scan must ignore, and `**Label**: value` fields.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { trimOffsets, type SourceText } from './source.js';
import type { Field, InlineCode, Link, Section } from './types.js';

export interface Phrasing {
  codes: InlineCode[];
  links: Link[];
  /** Source ranges of inline HTML (comments carry suppression directives). */
  html: Array<[number, number]>;
  /** Absolute source ranges whose brackets are not prose: links, references, code, HTML. */
  masks: Array<[number, number]>;
  /** Where the parser stopped reading inline markup because the paragraph was over budget (budget.ts). */
  unparsed: number[];
}

/** Node types whose text is not prose a placeholder could hide in. */
const MASKED_TYPES = new Set(['link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'html', 'inlineCode']);

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Pushes a node's children onto a stack so that they come off it in document order. */
export function pushChildren<T>(stack: T[], children: readonly T[]): void {
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child) stack.push(child);
  }
}

/**
 * The text of a node without its markup, as mdast-util-to-string gives it (literal values, image
 * alt texts), but with a stack instead of recursion: emphasis nested thousands deep overflows
 * the call stack. test/inline.test.ts checks the two agree on every fixture (mdast-util-to-string
 * is a dev dependency for that).
 */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if ('value' in current) parts.push(current.value);
    else if ('alt' in current && current.alt) parts.push(current.alt);
    else if ('children' in current) pushChildren(stack, current.children);
  }
  return parts.join('');
}

export function readPhrasing(children: readonly Nodes[], source: SourceText): Phrasing {
  const result: Phrasing = { codes: [], links: [], html: [], masks: [], unparsed: [] };
  // In document order, with a stack: phrasing can nest deeper than the call stack allows.
  const stack: Nodes[] = [];
  pushChildren(stack, children);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (MASKED_TYPES.has(node.type)) result.masks.push([startOffset(node), endOffset(node)]);
    if (node.type === 'inlineCode') result.codes.push(readInlineCode(node.value, startOffset(node), endOffset(node), source));
    else if (node.type === 'html') result.html.push([startOffset(node), endOffset(node)]);
    else if (node.type === 'text' && node.data?.dmlintUnparsed) result.unparsed.push(startOffset(node));
    else if (node.type === 'link') {
      result.links.push({ url: node.url, reference: null, text: plainText(node), range: source.range(startOffset(node), endOffset(node)) });
    } else if (node.type === 'linkReference') {
      // Resolved against the document's definitions once the whole document is read.
      result.links.push({ url: null, reference: node.identifier, text: plainText(node), range: source.range(startOffset(node), endOffset(node)) });
    }
    if ('children' in node && !MASKED_TYPES.has(node.type)) pushChildren(stack, node.children);
  }
  return result;
}

function readInlineCode(value: string, start: number, end: number, source: SourceText): InlineCode {
  const text = source.text;
  let ticks = 0;
  while (text.charCodeAt(start + ticks) === 96 /* ` */) ticks++;
  let valueStart = start + ticks;
  const inner = text.slice(valueStart, end - ticks);
  // CommonMark strips one space from each side when both are present and the content is not all spaces.
  if (inner.length > 2 && /^[ \r\n]/.test(inner) && /[ \r\n]$/.test(inner) && inner.trim() !== '') valueStart++;
  return { value, range: source.range(start, end), valueStart };
}

/**
 * Text without the separators (` | `) at its end, trimmed. A loop: the regex /(?:\s*\|)+$/ retries
 * from every space and pipe of a long run, in quadratic time.
 */
function withoutTrailingPipes(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s|]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end).trim();
}

/**
 * Splits a paragraph's inline nodes into `**Label**: value` fields. A field's value runs until the
 * next label, a hard line break, or the end of the paragraph; separators (` | `) are trimmed.
 */
export function readFields(children: readonly PhrasingContent[], source: SourceText, section: Section): Field[] {
  const starts: Array<{ index: number; label: string; valueStart: number }> = [];
  children.forEach((node, index) => {
    if (node.type !== 'strong') return;
    const label = plainText(node).trim();
    const next = children[index + 1];
    if (label.endsWith(':') && label.length > 1) {
      starts.push({ index, label: label.slice(0, -1).trim(), valueStart: endOffset(node) });
    } else if (next?.type === 'text' && next.value.startsWith(':') && label.length > 0) {
      starts.push({ index, label, valueStart: source.text.indexOf(':', startOffset(next)) + 1 });
    }
  });
  const fields: Field[] = [];
  starts.forEach((start, n) => {
    const labelNode = children[start.index];
    if (!labelNode) return;
    const stopIndex = starts[n + 1]?.index ?? children.length;
    let end = startOffset(labelNode);
    const valueNodes: PhrasingContent[] = [];
    for (let i = start.index + 1; i < stopIndex; i++) {
      const node = children[i];
      if (!node || node.type === 'break') break;
      valueNodes.push(node);
      end = endOffset(node);
    }
    end = Math.max(end, start.valueStart);
    let [valueStart, valueEnd] = trimOffsets(source.text, start.valueStart, end);
    while (valueEnd > valueStart && source.text[valueEnd - 1] === '|' && source.text[valueEnd - 2] !== '\\') {
      [valueStart, valueEnd] = trimOffsets(source.text, valueStart, valueEnd - 1);
    }
    const phrasing = readPhrasing(valueNodes, source);
    let text = valueNodes.map((node) => plainText(node)).join('');
    if (valueNodes[0]?.type === 'text' && startOffset(valueNodes[0]) < start.valueStart) text = text.slice(text.indexOf(':') + 1);
    text = withoutTrailingPipes(text);
    fields.push({
      label: start.label,
      labelRange: source.range(startOffset(labelNode), endOffset(labelNode)),
      value: text,
      valueRange: source.range(valueStart, valueEnd),
      raw: source.text.slice(valueStart, valueEnd),
      codes: phrasing.codes,
      links: phrasing.links,
      content: null,
      next: null,
      section,
    });
  });
  fields.forEach((field, n) => {
    if (field.value === '') field.next = fields[n + 1] ?? null;
  });
  return fields;
}
