import { defineRule, quote } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'open-questions',
  description: 'No task box under Open Questions is left unchecked',
  rationale: 'An unchecked open question is a decision the model still waits for; a gate that lets it through ships an unfinished design.',
  defaultSeverity: 'warning',
  check({ doc, report }) {
    for (const item of doc.openQuestions) {
      // The template's own example item is a leftover placeholder, reported by no-placeholder.
      if (item.checked !== false || doc.hasResidue(item.textRange)) continue;
      const lineEnd = doc.source.lineEnd(item.range.start.line);
      report({
        range: doc.range(item.range.start.offset, Math.min(lineEnd, item.range.end.offset)),
        message: `Open question ${quote(item.text)} is not resolved: answer it in the document and check its box (- [x])`,
      });
    }
  },
});
