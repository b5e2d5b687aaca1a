import { boxTitles, isMermaidErDiagram, mermaidEntities } from '../src/document/diagrams.js';
import { quote } from '../src/document/labels.js';
import { foldLetters } from '../src/document/letters.js';
import { nameKey } from '../src/document/names.js';
import type { Span } from '../src/document/types.js';
import { defineRule, renameTo } from '../src/engine/rule.js';

export default defineRule({
  id: 'erd-entities',
  description: 'Every defined entity appears in the Entity Relationship Diagram, and the diagram names no entity that is not defined',
  rationale: 'Readers take the diagram as the map of the model; an entity missing from it, or a box left over from a renamed entity, misleads them.',
  defaultSeverity: 'error',
  check({ doc, report }) {
    // With no entity defined, required-section reports the cause; every reference would fail with it.
    if (doc.entities.length === 0) return;
    const diagrams = doc.diagrams;
    if (diagrams.length === 0) return;
    const named: Span[] = [];
    const words = new Set<string>();
    for (const code of diagrams) {
      for (const span of isMermaidErDiagram(code) ? mermaidEntities(doc.source, code) : boxTitles(doc.source, code)) named.push(span);
      for (const word of foldLetters(code.value).matchAll(/[A-Za-z0-9_]+/g)) words.add(nameKey(code.value.slice(word.index, word.index + word[0].length)));
    }
    const first = diagrams[0];
    if (!first) return;
    const opening = doc.range(first.range.start.offset, doc.source.lineEnd(first.range.start.line));
    for (const entity of doc.entities) {
      const shown = named.some((span) => doc.entityIndex.get(span.text) === entity) || words.has(nameKey(entity.name));
      if (shown || doc.hasResidue(entity.nameRange)) continue;
      report({ range: opening, message: `Entity ${quote(entity.name)} (line ${entity.section.headingRange.start.line}) does not appear in the Entity Relationship Diagram: draw it` });
    }
    for (const span of named) {
      if (doc.entityIndex.has(span.text) || doc.hasResidue(span.range)) continue;
      report({ range: span.range, message: `The diagram names ${quote(span.text)}, which is not an entity defined in this document${doc.entityHint(span.text)}`, ...renameTo(span.range, doc.entityIndex.closest(span.text)?.name) });
    }
  },
});
