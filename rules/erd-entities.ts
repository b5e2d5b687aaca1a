import { defineRule, entityHint, nameKey, quote, renameTo } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'erd-entities',
  description: 'Every defined entity appears in the Entity Relationship Diagram, and the diagram names no entity that is not defined',
  rationale: 'Readers take the diagram as the map of the model; an entity missing from it, or a box left over from a renamed entity, misleads them.',
  defaultSeverity: 'error',
  hasSuggestions: true,
  requiresEntities: true,
  check({ doc, report }) {
    const [first] = doc.diagrams;
    if (!first) return;
    const { named, wordKeys } = doc.diagramNames;
    const opening = doc.range(first.range.start.offset, doc.source.lineEnd(first.range.start.line));
    for (const entity of doc.entities) {
      const shown = named.some((span) => doc.entityIndex.get(span.text) === entity) || wordKeys.has(nameKey(entity.name));
      if (shown || doc.hasResidue(entity.nameRange)) continue;
      report({ range: opening, message: `Entity ${quote(entity.name)} (line ${entity.section.headingRange.start.line}) does not appear in the Entity Relationship Diagram: draw it` });
    }
    for (const span of named) {
      if (doc.entityIndex.has(span.text) || doc.hasResidue(span.range)) continue;
      report({ range: span.range, message: `The diagram names ${quote(span.text)}, which is not an entity defined in this document${entityHint(doc, span.text)}`, ...renameTo(span.range, doc.entityIndex.closest(span.text)?.name) });
    }
  },
});
