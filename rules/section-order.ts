import { defineRule, quoteHeading, templateHeading } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'section-order',
  description: "Sections follow the template's order and heading levels",
  rationale: 'Readers and tools find a section where the template puts it; a section out of place looks missing.',
  defaultSeverity: 'warning',
  check({ doc, report }) {
    for (const { section, after } of doc.outline.unordered) {
      const where = after ? `the template puts it after ${quoteHeading(after)}` : `the template puts it first in ${quoteHeading(section.parent ?? section)}`;
      report({ range: section.headingRange, message: `Section ${quoteHeading(section)} is out of order: ${where}` });
    }
    for (const { section, template, expectedParent } of doc.outline.misplaced) {
      const inParent = expectedParent.level > 0 ? ` in ${quoteHeading(expectedParent)}` : '';
      report({
        range: section.headingRange,
        message: `Section ${quoteHeading(section)} is a level-${section.level} heading; the template has ${templateHeading(template)} at level ${template.level}${inParent}`,
      });
    }
  },
});
