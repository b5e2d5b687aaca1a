import { defineRule, INVERSE, quote, within, type Entity, type Relationship, type RelationshipType } from '../src/rule-kit/index.js';

interface Side {
  entity: Entity;
  relationship: Relationship;
  type: RelationshipType;
  target: Entity;
}

const line = (side: Side): number => side.relationship.row.range.start.line;
const says = (side: Side): string => `${quote(side.entity.name)} says ${side.type} → ${side.target.name} (line ${line(side)})`;

export default defineRule({
  id: 'relationship-inverse',
  description: 'Each relationship is declared on both sides with matching types (One-to-Many on one side, Many-to-One on the other)',
  rationale: 'When the two sides disagree, one of them is wrong, and the foreign key and cascade behaviour built from it will be too.',
  defaultSeverity: 'warning',
  check({ doc, report }) {
    // A row takes part once its target is a defined entity and its type reads as one of the four
    // (`one-to-many`, `Many-to-One (optional)`); relationship-table reports the spelling.
    const unfinished = (relationship: Relationship): boolean =>
      !doc.entityIndex.has(relationship.target) || relationship.type === null || [relationship.cells.target, relationship.cells.type].some((cell) => !cell || doc.hasResidue(cell.range));
    const sides: Side[] = [];
    for (const entity of doc.entities) {
      for (const relationship of entity.relationships) {
        const type = relationship.type;
        const target = doc.entityIndex.get(relationship.target);
        if (target && type && !unfinished(relationship)) sides.push({ entity, relationship, type, target });
      }
    }
    const between = (from: Entity, to: Entity): Side[] => sides.filter((side) => side.entity === from && side.target === to);
    for (const side of sides) {
      const expected = INVERSE[side.type];
      // A symmetric link of an entity to itself (friends: Many-to-Many) is its own way back.
      if (side.target === side.entity && expected === side.type) continue;
      const backs = between(side.target, side.entity).filter((back) => back !== side);
      if (backs.some((back) => back.type === expected)) continue;
      // A row back that answers another row of this entity (an order's buyer and its recipient)
      // is not a contradiction of this one.
      const siblings = between(side.entity, side.target).filter((other) => other !== side);
      const unanswered = backs.filter((back) => !siblings.some((sibling) => INVERSE[sibling.type] === back.type));
      const contradiction = unanswered[0];
      if (contradiction) {
        // Both rows see the disagreement; report it once, on the later row.
        if (contradiction.relationship.row.range.start.offset > side.relationship.row.range.start.offset) continue;
        report({
          range: side.relationship.row.range,
          message: `${says(side)} but ${says(contradiction)}: the sides disagree, as ${contradiction.type} on one side means ${INVERSE[contradiction.type]} on the other`,
        });
        continue;
      }
      // A side still being written (a placeholder row, an empty cell, a broken table) is reported by
      // the rules for those; saying the row back is missing would only repeat them.
      if (side.target.relationships.some(unfinished) || doc.structure.pipeRows.some((rows) => within(rows.section, side.target.section))) continue;
      const table = side.target.relationshipsTable;
      report({
        range: table ? table.header.range : side.target.section.headingRange,
        message: `${quote(side.target.name)} has no relationship back to ${quote(side.entity.name)}: ${says(side)}, so add a ${quote(`${side.entity.name} | ${expected}`)} row here`,
      });
    }
  },
});
