import { defineRule, placeLabel, quote } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'no-unresolved-choice',
  description: 'Every choice the template offers ("Yes/No", "[High / Medium / Low]") is resolved to one option',
  rationale: 'A list of options left in place records no decision; the reader cannot tell which one the model uses.',
  defaultSeverity: 'error',
  hasSuggestions: true,
  check({ doc, report }) {
    for (const residue of doc.residue) {
      if (residue.kind !== 'choice' || !residue.options) continue;
      const options = residue.options;
      report({
        range: residue.range,
        message: `Unresolved choice ${quote(residue.text)}${placeLabel(residue.context)}: keep one of ${options.join(', ')}`,
        options,
        suggestions: options.map((option) => ({
          desc: `Choose "${option}"`,
          fix: { range: [residue.range.start.offset, residue.range.end.offset], text: option },
        })),
      });
    }
  },
});
