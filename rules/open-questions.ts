import { listItemsOf } from '../src/document/references.js';
import { quote } from '../src/document/labels.js';
import type { Section } from '../src/document/types.js';
import { defineRule } from '../src/engine/rule.js';
import { VOCABULARY } from '../src/template/vocabulary.js';

export default defineRule({
  id: 'open-questions',
  description: 'No task box under Open Questions is left unchecked',
  rationale: 'An unchecked open question is a decision the model still waits for; a gate that lets it through ships an unfinished design.',
  defaultSeverity: 'warning',
  check({ doc, report }) {
    const withSubsections = (section: Section): Section[] => [section, ...section.children.flatMap(withSubsections)];
    for (const section of doc.sectionsFor(VOCABULARY.openQuestionsSection).flatMap(withSubsections)) {
      for (const item of listItemsOf(section)) {
        // The template's own example item is a leftover placeholder, reported by no-placeholder.
        if (item.checked !== false || doc.hasResidue(item.textRange)) continue;
        const lineEnd = doc.source.lineEnd(item.range.start.line);
        report({
          range: doc.range(item.range.start.offset, Math.min(lineEnd, item.range.end.offset)),
          message: `Open question ${quote(item.text)} is not resolved: answer it in the document and check its box (- [x])`,
        });
      }
    }
  },
});
