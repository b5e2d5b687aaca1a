import { defineRule, didYouMean, quote, renameTo } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'index-attribute',
  description: "Every field named in an entity's Indexes list is an attribute in its Attributes table",
  rationale: 'An index on a field that does not exist cannot be created; usually the attribute was renamed and the index list was not.',
  defaultSeverity: 'error',
  hasSuggestions: true,
  check({ doc, report }) {
    for (const entity of doc.entities) {
      const table = entity.attributesTable;
      if (!table) continue;
      const names = new Set(entity.attributes.map((attribute) => attribute.name.toLowerCase()));
      const index = doc.attributeIndex(entity);
      for (const entry of entity.indexes) {
        for (const column of entry.columns) {
          if (names.has(column.text.toLowerCase()) || doc.hasResidue(column.range)) continue;
          const near = index.closest(column.text);
          report({
            range: column.range,
            message: `${entry.kind.toLowerCase() === 'index' ? 'Index' : `${entry.kind} index`} field ${quote(column.text)} is not an attribute of ${quote(entity.name)} (Attributes table, line ${table.range.start.line})${
              near ? didYouMean({ name: near.name, line: near.value.row.range.start.line }) : ''
            }`,
            ...renameTo(column.range, near?.name),
          });
        }
      }
    }
  },
});
