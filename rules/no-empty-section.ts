import { defineRule, isEmptySection, quoteHeading, type Field } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'no-empty-section',
  description: 'No section heading and no "**Label**:" field is left without content',
  rationale: 'An empty section or field passes a glance but answers nothing; it is as unfinished as a placeholder.',
  defaultSeverity: 'error',
  check({ doc, report }) {
    for (const section of doc.structure.sections) {
      if (!isEmptySection(section)) continue;
      const optional = doc.outline.templateOf(section)?.optional === true;
      report({
        range: section.headingRange,
        message: `Section ${quoteHeading(section)} is empty: write its content below the heading${optional ? ', or delete the section if it does not apply' : ''}`,
      });
    }
    const header = new Set<Field>(doc.header.values());
    for (const field of doc.structure.fields) {
      // Header fields have their own rule; a field followed by a list or a diagram has it as its
      // value; a label over a group of fields has them.
      if (field.value !== '' || field.content || header.has(field) || doc.headsGroup(field)) continue;
      report({ range: field.labelRange, message: `Field "${field.label}" is empty: write a value after the colon` });
    }
  },
});
