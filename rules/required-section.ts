import { headingLabel, quote, quoteHeading } from '../src/document/labels.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'required-section',
  description: "Every section of the template's outline is present, in every entity, with at least one entity",
  rationale: 'A missing section is a question the data model never answered; reviewers cannot see what was skipped.',
  defaultSeverity: 'error',
  check({ doc, report }) {
    for (const missing of doc.outline.missing) {
      const { template, parent, after, before } = missing;
      const wanted = quote(headingLabel(template), 80);
      const inParent = parent.level > 0 ? ` in ${quoteHeading(parent)}` : '';
      const range = before?.headingRange ?? (parent.level > 0 ? parent.headingRange : (after?.headingRange ?? doc.range(0, 0)));
      if (template.repeated) {
        report({ range, message: `No ${wanted} section${inParent}: add one for each item it describes` });
        continue;
      }
      const stray = template.level === 1 ? parent.children.find((section) => section.level === 1 && !doc.outline.templateOf(section)) : undefined;
      if (stray) {
        report({ range: stray.headingRange, message: `The document title ${quoteHeading(stray)} does not follow the template's ${wanted}` });
        continue;
      }
      const place = [after ? `after ${quoteHeading(after)}` : '', before ? `before ${quoteHeading(before)}` : ''].filter(Boolean).join(' and ');
      report({ range, message: `Missing section ${wanted}${inParent}${place ? `; add it ${place}` : ''}` });
    }
  },
});
