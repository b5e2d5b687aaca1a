import { defineRule, entityHint, quote, renameTo } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'relationship-target',
  description: 'Every Related Entity in a Relationships table is an entity defined in the document',
  rationale: 'A relationship to an entity that is not defined means the model is incomplete or an entity was renamed and its references were not.',
  defaultSeverity: 'error',
  hasSuggestions: true,
  check({ doc, report }) {
    for (const entity of doc.entities) {
      for (const relationship of entity.relationships) {
        const cell = relationship.cells.target;
        if (!cell || relationship.target === '' || doc.hasResidue(cell.range) || doc.entityIndex.has(relationship.target)) continue;
        const near = doc.entityIndex.closest(relationship.target);
        // The suggestion replaces the name and keeps a note after it (`Rom (booked)`).
        const whole = cell.textRange ?? cell.range;
        const target = cell.textRange && cell.text.startsWith(relationship.target) ? { start: whole.start, end: doc.range(whole.start.offset + relationship.target.length, whole.start.offset + relationship.target.length).end } : whole;
        report({
          range: cell.range,
          message: `Related entity ${quote(relationship.target)} in the relationships of ${quote(entity.name)} is not defined in this document${entityHint(doc, relationship.target)}`,
          ...renameTo(target, near?.name),
        });
      }
    }
  },
});
