import { defineRule, fileLine, plural, quote, relatedAt } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'spec-clarifications',
  description: 'The spec the data model cites holds no [NEEDS CLARIFICATION: ...] marker',
  rationale: 'A data model built on a spec with open questions rests on guesses; the answers may change entities, attributes or rules.',
  defaultSeverity: 'warning',
  check({ doc, related, report }) {
    const field = doc.specLink?.field;
    const spec = related.spec;
    const [first] = spec?.clarifications ?? [];
    if (!field || !spec || !first) return;
    const count = spec.clarifications.length;
    report({
      range: field.valueRange,
      message: `The spec ${spec.file.label} still holds ${count} [NEEDS CLARIFICATION] ${plural(count, 'marker')}, the first at ${fileLine(spec.file, first.range)} (${quote(first.question)}): the model rests on open questions; answer them in the spec first`,
      related: spec.clarifications.map((marker) => relatedAt(spec.file, marker.range, `Open question: ${marker.question}`)),
    });
  },
});
