/**
 * What a bracket group or a short text is: a template placeholder, an unresolved choice, or
 * ordinary text (a value list, a range, a generic type, a footnote ...). Shared by the template
 * reader (to build the inventory) and by the residue analysis of documents.
 */

/** Text with emphasis and code markers removed, lower-cased and whitespace collapsed: the key for comparisons. */
export function normalizeText(text: string): string {
  return text
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The words writers leave as markers of unfinished work. A marker is written in upper case (`TODO`,
 * not the noun in "Todo manager app" or an entity named Todo); TBD, TBC and TBA are no words, so
 * they are markers in any case.
 */
const isMarkerWord = (word: string): boolean => /^(?:TODO|TBD|TBC|TBA|FIXME|XXX)$/.test(word) || /^(?:tbd|tbc|tba)$/i.test(word);

/** Whether `text` holds a marker word anywhere (`[Owner TBD]`, `[TODO: pick one]`), as a marker, not a noun. */
function hasMarker(text: string): boolean {
  return text.split(/[^A-Za-z]+/).some(isMarkerWord);
}

/**
 * A whole value that says it is not written yet: a marker alone or followed by a colon, a
 * parenthesis or a dash (`TBD`, `TODO: pick a store`, `FIXME (owner)`), `?`, `...`.
 * (`N/A` is an answer: not applicable; `Todo` is the name of a thing.)
 */
export function isUnfinishedValue(text: string): boolean {
  const value = text.trim();
  if (/^(?:\?{1,3}|\.{3}|\u2026)$/.test(value)) return true;
  const marker = /^([A-Za-z]+)\s*(?:$|[:(]|[-\u2013\u2014]\s|[.!]$)/.exec(value)?.[1];
  return marker !== undefined && isMarkerWord(marker);
}

/** Digits folded to `#`, so `[Question 3]` has the shape of `[Question 1]`. */
export function shapeOf(text: string): string {
  return normalizeText(text).replace(/\d+/g, '#');
}

/** The `Label:` or `Label N:` that starts a descriptive placeholder (`[Invariant 1: e.g., ...]`). */
export function labelPrefixOf(text: string): string | null {
  const match = /^([a-z][a-z /-]{1,30}?)\s*#?\s*:/.exec(shapeOf(text));
  return match?.[1] ? `${match[1].trim()}:` : null;
}

/**
 * Options of a choice such as `High / Medium / Low`, `Yes/No` or `CASCADE/SET NULL/RESTRICT`:
 * two or more short alternatives, each starting with a capital letter or digit. Returns null for
 * prose that merely contains a slash (`Common filter/search requirements`).
 */
export function choiceOptions(text: string): string[] | null {
  const parts = text.split('/').map((part) => part.trim());
  if (parts.length < 2) return null;
  for (const part of parts) {
    if (part.length < 2 || part.length > 30) return null;
    if (!/^[A-Z0-9]/.test(part)) return null;
    if (/[:,.;"'()[\]{}<>=]/.test(part)) return null;
    if (part.split(/\s+/).length > 3) return null;
  }
  return parts;
}

/** The same key for the same options in any order. */
export function choiceKey(options: readonly string[]): string {
  return options
    .map((option) => normalizeText(option))
    .sort()
    .join('/');
}

/** One item of a value list: a number, a quoted string, or an identifier (dots only inside: `a.b`, not `e.g.`). */
const VALUE_ITEM = /^\s*(?:-?\d+(?:\.\d+)?|"[^"]*"|'[^']*'|[A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*$/;

/**
 * Brackets that are ordinary text, whatever the template says: footnotes, task-box lookalikes,
 * wiki links, CLI options, generic types and indexing (`Array[String]`, `TEXT[]`), value lists and
 * ranges (`[draft, published]`, `[-90, 90]`), citation numbers (`[1]`).
 */
export function isOrdinaryBracket(raw: string, content: string, before: string): boolean {
  const inner = content.trim();
  if (inner === '' || inner === 'x' || inner === 'X') return true;
  if (/[\w)\]]$/.test(before)) return true;
  if (inner.startsWith('^')) return true;
  if (raw.startsWith('[[') && raw.endsWith(']]')) return true;
  if (/^-{1,2}[A-Za-z]/.test(inner)) return true;
  if (/^\d+$/.test(inner)) return true;
  const items = inner.split(',');
  if (items.length >= 2 && items.every((item) => VALUE_ITEM.test(item))) return true;
  return false;
}

const UNFINISHED = /\b(?:fill in|placeholder)\b/i;
/** Instructions to the writer: `[Describe the scope]`, `[Insert diagram]`, `[your name]`, `[details here]`. */
const INSTRUCTION = /^(?:describe|insert|add|enter|write|explain|provide|specify|fill|replace|choose|select|define|summari[sz]e|outline|include|give)\b|\b(?:your|here)\b/i;
/** The last word of a short bracketed name that stands for a value: `[Team Name]`, `[Approver]`. */
const SLOT_NOUN = /^(?:\S+\s+){0,2}(?:name|title|team|owner|approver|author|reviewer|date|email|value|number|version|url|role|person|company|project)$/i;

/**
 * Bracketed text that reads as a placeholder even when the template never used it: an example
 * (`e.g.`), an ellipsis, an unfinished marker (TODO, TBD), or a template-style identifier
 * (`[EntityName]`, `[field_name]`, `[attribute3]`). Deliberately narrow: other bracketed prose
 * is a placeholder only when the template has it.
 */
export function looksLikePlaceholder(content: string): boolean {
  const inner = content.trim();
  if (/^(?:e\.g\.|i\.e\.|eg\b|for example\b)/i.test(inner)) return true;
  if (inner.includes('...') || inner.includes('…')) return true;
  if (hasMarker(inner) || UNFINISHED.test(inner) || INSTRUCTION.test(inner) || SLOT_NOUN.test(inner)) return true;
  // A numbered example name (`attribute3`, `Entity4`), not a version or a product (`v2`, `S3`, `IPv6`).
  if (/^[A-Za-z][a-z]{2,}\d+$/.test(inner)) return true;
  if (/^[a-z]+(?:_[a-z0-9]+)+$/.test(inner)) return true;
  // A joined-words name of a kind of thing (`EntityName`, `FieldType`), not a product (`GitHub`).
  if (/^[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Name|Type|Field|Entity|Value|Id|Key|Table|Column)$/.test(inner) && /[a-z][A-Z]/.test(inner)) return true;
  return false;
}
