import { quote, quoteHeading } from '../src/document/labels.js';
import { isIsoDate } from '../src/document/values.js';
import { defineRule } from '../src/engine/rule.js';
import { VOCABULARY } from '../src/template/vocabulary.js';

export default defineRule({
  id: 'approval',
  description: "The Approval section names an approver and a real date that is not before the document's Date",
  rationale: 'An approval without a name or a date, or dated before the document was written, approves nothing a reviewer can trace.',
  defaultSeverity: 'error',
  check({ doc, report }) {
    const [section] = doc.sectionsFor(VOCABULARY.approvalSection);
    if (!section) return;
    const field = doc.fieldIn(VOCABULARY.approvalSection, VOCABULARY.approvedByLabel);
    if (!field) {
      report({ range: section.headingRange, message: `${quoteHeading(section)} names no approver: add "**Data Model Approved By**: <name or role> on YYYY-MM-DD"` });
      return;
    }
    if (field.value === '' || doc.hasResidue(field.valueRange)) return;
    // `<approver> on <date>`: the last " on " splits them; a closing full stop is not part of the date.
    // Whitespace is collapsed first: on a long run of spaces the pattern backtracks in quadratic time.
    const value = field.value.replace(/\s+/g, ' ');
    const match = /^(?:(.*)\s+)?on\s+(.+?)\.?\s*$/i.exec(value);
    const approver = (match ? (match[1] ?? '') : value).trim();
    const date = match?.[2]?.trim();
    if (approver === '') report({ range: field.valueRange, message: `Approval names no approver: write "<name or role> on ${date ?? 'YYYY-MM-DD'}"` });
    if (date === undefined) {
      report({ range: field.valueRange, message: `Approval by ${quote(approver)} has no date: add " on YYYY-MM-DD"` });
      return;
    }
    // A remark may follow the date: `on 2026-04-10 (ARCH-412)`.
    const iso = /^(\d{4}-\d{2}-\d{2})(?=$|[\s,;(])/.exec(date)?.[1];
    if (!iso || !isIsoDate(iso)) {
      const shaped = iso !== undefined;
      report({ range: field.valueRange, message: shaped ? `Approval date ${quote(date)} is not a real calendar date: write an existing day as YYYY-MM-DD` : `Approval date ${quote(date)} is not written as YYYY-MM-DD` });
      return;
    }
    const written = doc.header.get('date');
    if (written && isIsoDate(written.value) && iso < written.value) {
      report({ range: field.valueRange, message: `Approval date ${iso} is before the document's Date ${written.value} (line ${written.valueRange.start.line}): approval comes after writing` });
    }
  },
});
