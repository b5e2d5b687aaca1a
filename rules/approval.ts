import { defineRule, isIsoDate, quote, quoteHeading } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'approval',
  description: "The Approval section names an approver and a real date that is not before the document's Date",
  rationale: 'An approval without a name or a date, or dated before the document was written, approves nothing a reviewer can trace.',
  defaultSeverity: 'error',
  check({ doc, report }) {
    const approval = doc.approval;
    if (!approval) return;
    const { section, field, approver, date, isoDate } = approval;
    if (!field) {
      report({ range: section.headingRange, message: `${quoteHeading(section)} names no approver: add "**Data Model Approved By**: <name or role> on YYYY-MM-DD"` });
      return;
    }
    if (field.value === '' || doc.hasResidue(field.valueRange)) return;
    if (approver === '') report({ range: field.valueRange, message: `Approval names no approver: write "<name or role> on ${date ?? 'YYYY-MM-DD'}"` });
    if (date === null) {
      report({ range: field.valueRange, message: `Approval by ${quote(approver)} has no date: add " on YYYY-MM-DD"` });
      return;
    }
    if (!isoDate || !isIsoDate(isoDate)) {
      const shaped = isoDate !== null;
      report({ range: field.valueRange, message: shaped ? `Approval date ${quote(date)} is not a real calendar date: write an existing day as YYYY-MM-DD` : `Approval date ${quote(date)} is not written as YYYY-MM-DD` });
      return;
    }
    const written = doc.header.get('date');
    if (written && isIsoDate(written.value) && isoDate < written.value) {
      report({ range: field.valueRange, message: `Approval date ${isoDate} is before the document's Date ${written.value} (line ${written.valueRange.start.line}): approval comes after writing` });
    }
  },
});
