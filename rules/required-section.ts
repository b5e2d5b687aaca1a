import { defineRule, normalizeTitle, quoteHeading, templateHeading } from '../src/rule-kit/index.js';

interface Options {
  /** Template sections that may be left out, by title (`Migration Strategy`). */
  optional: string[];
}

export default defineRule<Options>({
  id: 'required-section',
  description: "Every section of the template's outline is present, in every entity, with at least one entity",
  rationale: 'A missing section is a question the data model never answered; reviewers cannot see what was skipped.',
  defaultSeverity: 'error',
  hasSuggestions: true,
  defaultOptions: { optional: [] },
  optionsSchema: {
    type: 'object',
    properties: { optional: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Titles of template sections that may be left out, such as "Migration Strategy".' } },
    additionalProperties: false,
  },
  check({ doc, report, options }) {
    const optional = new Set(options.optional.map(normalizeTitle));
    for (const { section, template } of doc.outline.retitled) {
      report({ range: section.headingRange, message: `The document title ${quoteHeading(section)} does not follow the template's ${templateHeading(template)}` });
    }
    for (const missing of doc.outline.missing) {
      const { template, parent, after, before, insertion } = missing;
      if (optional.has(template.key) || optional.has(normalizeTitle(template.title))) continue;
      const wanted = templateHeading(template);
      // Below the document title, naming the title adds nothing.
      const inParent = parent.level > 1 ? ` in ${quoteHeading(parent)}` : '';
      // At the section it goes before, else the one it goes after, else the section it belongs in.
      const range = before?.headingRange ?? after?.headingRange ?? (parent.level > 0 ? parent.headingRange : doc.range(0, 0));
      // Placeholders to fill in: offered, never applied by --fix.
      const suggestions = [{ desc: `Insert the template's ${wanted}${template.pattern ? '' : ' section'} here`, fix: { range: [insertion.at, insertion.at] as [number, number], text: insertion.text } }];
      if (template.repeated) {
        report({ range, message: `No ${wanted}${template.pattern ? '' : ' section'}${inParent}: add one for each item it describes`, suggestions });
        continue;
      }
      const place = [after ? `after ${quoteHeading(after)}` : '', before ? `before ${quoteHeading(before)}` : ''].filter(Boolean).join(' and ');
      report({ range, message: `Missing section ${wanted}${inParent}${place ? `; add it ${place}` : ''}`, suggestions });
    }
  },
});
