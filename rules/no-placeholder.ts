import { defineRule, placeLabel, quote } from '../src/rule-kit/index.js';

/** Bracketed texts a team uses on purpose, compared without brackets and case. */
interface Options {
  allow: string[];
}

const bare = (text: string): string => text.replace(/^\[|\]$/g, '').trim().toLowerCase();

export default defineRule<Options>({
  id: 'no-placeholder',
  description: 'No template placeholder such as "[EntityName]" or "[DATE]" is left unfilled',
  rationale: 'A bracketed placeholder means a part of the document was never written; readers take it for a decision that was made.',
  defaultSeverity: 'error',
  fixable: true,
  defaultOptions: { allow: [] },
  optionsSchema: {
    type: 'object',
    properties: { allow: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Bracketed texts that are not placeholders in your documents, such as "[Internal]".' } },
    additionalProperties: false,
  },
  check({ doc, report, options }) {
    const allowed = new Set(options.allow.map(bare));
    for (const residue of doc.residue) {
      if (residue.kind !== 'placeholder' || allowed.has(bare(residue.text))) continue;
      const instead = residue.context ? 'write the actual value in its place' : 'replace it with actual content, or delete it';
      report({ range: residue.range, message: `Unfilled placeholder ${quote(residue.text)}${placeLabel(residue.context)}: ${instead}` });
    }
    // Not a placeholder, but the same symptom to a reader: text that does not show.
    for (const hidden of doc.hiddenTypeArguments) {
      const { start, end } = hidden.range;
      report({
        range: hidden.range,
        severity: 'warning',
        message: `${quote(hidden.tag)} in ${quote(hidden.type)} reads as an HTML tag, which GitHub hides: put the ${hidden.alone ? 'type' : 'whole type'} in backticks`,
        ...(hidden.alone && hidden.wrappable ? { fix: { range: [start.offset, end.offset] as [number, number], text: `\`${hidden.type}\`` } } : {}),
      });
    }
  },
});
