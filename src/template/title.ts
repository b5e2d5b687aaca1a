/**
 * Heading titles: normalisation for matching, and patterns for template headings that hold a
 * name slot (`### Entity: [EntityName]`, `### Sample Entity1`).
 */
import { foldLetters } from '../util/letters.js';

/** Lower-cased, numbering and "(if applicable)" removed, whitespace collapsed, no trailing colon. */
export function normalizeTitle(title: string): string {
  return withoutDecoration(collapse(withoutTags(title)))
    .toLowerCase()
    .replace(/\((?:if applicable|optional)\)/g, '')
    .replace(/^(?:\d+(?:\.\d+)*\.?)\s+/, '')
    .replace(/&/g, 'and')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '');
}

export function isOptionalTitle(title: string): boolean {
  return /\((?:if applicable|optional)\)/i.test(title);
}

export interface TitlePattern {
  /** Normalised text before the slot. */
  prefix: string;
  /** Normalised text after the slot. */
  suffix: string;
}

/** Builds a pattern from the literal text around a slot in a template heading. */
export function patternFrom(before: string, after: string): TitlePattern {
  return { prefix: normalizeTitle(before + 'x').slice(0, -1).trimEnd(), suffix: normalizeTitle('x' + after).slice(1).trimStart() };
}

export function matchesPattern(pattern: TitlePattern, title: string): boolean {
  return slotOf(pattern, title) !== null;
}

/** The text in the slot of a title that matches the pattern (original case), or null. */
export function slotOf(pattern: TitlePattern, title: string): string | null {
  const plain = withoutDecoration(collapse(withoutTags(title))).replace(/^(?:\d+(?:\.\d+)*\.?)\s+/, '');
  const lower = plain.toLowerCase();
  const { prefix, suffix } = pattern;
  if (!lower.startsWith(prefix) || !lower.endsWith(suffix)) return null;
  // The prefix must end at a word boundary: "Sample" matches "Sample Member", not "Samples".
  if (prefix !== '' && /[a-z0-9]$/i.test(prefix) && /[a-z0-9]/i.test(lower.charAt(prefix.length))) return null;
  const slot = plain.slice(prefix.length, plain.length - suffix.length).trim();
  return slot === '' ? null : slot;
}

/**
 * Without the decorations before the words (`❓ Open Questions`): they do not change which section
 * it is. Everything up to the first letter, digit (of any script) or parenthesis.
 */
function withoutDecoration(text: string): string {
  return text.slice(/^[^A-Za-z0-9(]*/.exec(foldLetters(text))?.[0].length ?? 0);
}

/**
 * HTML tags (`<a id="x"></a>`) replaced by a space. Only the text up to the last `>` is searched:
 * after it no tag can close, and there /<[^>]*>/ would scan to the end from every `<`.
 */
function withoutTags(text: string): string {
  const end = text.lastIndexOf('>') + 1;
  return text.slice(0, end).replace(/<[^>]*>/g, ' ') + text.slice(end);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
