import { defineRule, fileLine, relatedAt } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'related-document',
  description: "The spec and the API contracts of the data model's feature folder can be read, and their $refs followed",
  rationale: 'A contract that does not parse, or a $ref that points nowhere, outside the repository or in a cycle, leaves the comparison with the spec and the contracts undone without anyone noticing.',
  defaultSeverity: 'error',
  check({ doc, related, report }) {
    const spec = doc.specLink;
    // Related documents are read only for a document that links its spec: the field is the anchor.
    if (!spec?.path) return;
    for (const problem of related.problems) {
      const where = `${fileLine(problem.file, problem.range)}:${problem.range.start.column}`;
      report({ range: spec.field.valueRange, message: `${where}: ${problem.message}`, related: [relatedAt(problem.file, problem.range, problem.message)] });
    }
  },
});
