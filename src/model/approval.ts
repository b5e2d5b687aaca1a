/**
 * The Approval section's `**Data Model Approved By**: <approver> on <date>` field, read into its
 * parts: who approved, the date as written, and its YYYY-MM-DD prefix.
 */
import type { Field, Section } from '../markdown/types.js';

export interface Approval {
  /** The first section matched to the template's Approval section. */
  section: Section;
  /** The approved-by field; null when the section has none. */
  field: Field | null;
  /** What comes before the last " on " (the whole value when there is no " on "), trimmed; '' when nothing. */
  approver: string;
  /** What comes after the last " on ", without a closing full stop; null when there is no " on ". */
  date: string | null;
  /** The date's leading `YYYY-MM-DD` when it starts with one (a remark may follow); null otherwise. */
  isoDate: string | null;
}

export function readApproval(section: Section, field: Field | null): Approval {
  if (!field || field.value === '') return { section, field, approver: '', date: null, isoDate: null };
  // `<approver> on <date>`: the last " on " splits them; a closing full stop is not part of the date.
  // Whitespace is collapsed first: on a long run of spaces the pattern backtracks in quadratic time.
  const value = field.value.replace(/\s+/g, ' ');
  const match = /^(?:(.*)\s+)?on\s+(.+?)\.?\s*$/i.exec(value);
  if (!match) {
    const { approver, date } = withoutOn(value);
    return { section, field, approver, date, isoDate: date };
  }
  const approver = (match[1] ?? '').trim();
  const date = match[2]?.trim() ?? null;
  // A remark may follow the date: `on 2026-04-10 (ARCH-412)`.
  const isoDate = date === null ? null : (/^(\d{4}-\d{2}-\d{2})(?=$|[\s,;(])/.exec(date)?.[1] ?? null);
  return { section, field, approver, date, isoDate };
}

/** Between an approver and a trailing date written without " on ": commas, dashes, colons, spaces. */
const SEPARATORS = new Set([' ', ',', '\uFF0C', '\u3001', ';', ':', '\uFF1A', '-', '\u2013', '\u2014', '(', '\uFF08', '/']);

/**
 * An approval written in a language without "on", the date last: `플랫폼 리드, 2026-03-05`,
 * `Responsable plateforme — 2026-03-05`, `平台负责人（2026-03-05）`. The date must end the value
 * (a closing bracket or full stop aside); otherwise the whole value is the approver, with no date.
 */
function withoutOn(value: string): { approver: string; date: string | null } {
  const trailing = /(\d{4}-\d{2}-\d{2})[)\uFF09]?\.?\s*$/.exec(value);
  if (!trailing) return { approver: value.trim(), date: null };
  // Trimmed by hand: a pattern anchored at the end backtracks over a long run of separators.
  let end = trailing.index;
  while (end > 0 && SEPARATORS.has(value[end - 1] ?? '')) end--;
  return { approver: value.slice(0, end).trim(), date: trailing[1] ?? null };
}
