import { defineRule, quote } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'no-template-text',
  description: "No template guidance, notes about the template, or the template's example names are left in the document",
  rationale: 'Instructions such as "[Repeat structure above for each entity]" and example names such as "Entity1" are scaffolding; left in, they make the document read as unfinished or wrong.',
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, report }) {
    for (const residue of doc.residue) {
      if (residue.kind === 'guidance') {
        report({
          range: residue.range,
          message: `Template guidance ${quote(residue.text)} is left in the document: delete it`,
          ...(residue.removal ? { fix: { range: [residue.removal.start, residue.removal.end], text: '' } } : {}),
        });
      } else if (residue.kind === 'example') {
        report({
          range: residue.range,
          message: `Template example ${quote(residue.text)} is left in the document: replace it with this model's own names and values`,
        });
      }
    }
  },
});
