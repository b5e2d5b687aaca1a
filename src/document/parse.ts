/**
 * The only module that imports unified/remark. One frozen processor is reused for every parse:
 * building a processor is costly, and a frozen one cannot be mutated by accident.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses Markdown (GFM) into mdast. Expects text without a leading BOM. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export const BOM = '\uFEFF';

/** Removes a leading byte-order mark so that offsets and columns match what editors show. */
export function stripBom(text: string): { text: string; hasBom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), hasBom: true } : { text, hasBom: false };
}
