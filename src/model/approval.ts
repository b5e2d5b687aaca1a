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
  const approver = (match ? (match[1] ?? '') : value).trim();
  const date = match?.[2]?.trim() ?? null;
  // A remark may follow the date: `on 2026-04-10 (ARCH-412)`.
  const isoDate = date === null ? null : (/^(\d{4}-\d{2}-\d{2})(?=$|[\s,;(])/.exec(date)?.[1] ?? null);
  return { section, field, approver, date, isoDate };
}
