import { placeLabel, quote } from '../src/document/labels.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'no-placeholder',
  description: 'No template placeholder such as "[EntityName]" or "[DATE]" is left unfilled',
  rationale: 'A bracketed placeholder means a part of the document was never written; readers take it for a decision that was made.',
  defaultSeverity: 'error',
  check({ doc, report }) {
    for (const residue of doc.residue) {
      if (residue.kind !== 'placeholder') continue;
      const instead = residue.context ? 'write the actual value in its place' : 'replace it with actual content, or delete it';
      report({ range: residue.range, message: `Unfilled placeholder ${quote(residue.text)}${placeLabel(residue.context)}: ${instead}` });
    }
  },
});
