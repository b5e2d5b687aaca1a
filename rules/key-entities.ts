import { defineRule, entityHint, NameIndex, nameKey, quote, renameTo } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'key-entities',
  description: 'The "Key Entities from Spec" list in the Overview and the entities defined under Entity Definitions are the same set, each defined once',
  rationale: 'The key-entity list is the promise the spec made; an entity missing on either side means part of the spec was not modelled, or the model grew beyond it unnoticed.',
  defaultSeverity: 'error',
  hasSuggestions: true,
  requiresEntities: true,
  check({ doc, report }) {
    const firstByKey = new Map<string, (typeof doc.entities)[number]>();
    for (const entity of doc.entities) {
      const first = firstByKey.get(nameKey(entity.name));
      if (!first) firstByKey.set(nameKey(entity.name), entity);
      else report({ range: entity.nameRange, message: `Entity ${quote(entity.name)} is defined twice: here and on line ${first.section.headingRange.start.line}; merge them or rename one` });
    }
    const listed = doc.keyEntities;
    // No list, or an empty one (no-empty-section reports that): nothing to compare with.
    if (!listed || listed.length === 0) return;
    const live = listed.filter((entry) => !doc.hasResidue(entry.name.range));
    const listIndex = new NameIndex(live.map((entry) => [entry.name.text, entry] as const));
    const listLine = listed[0]?.name.range.start.line;
    for (const entry of live) {
      if (doc.entityIndex.has(entry.name.text)) continue;
      report({
        range: entry.name.range,
        message: `Key entity ${quote(entry.name.text)} is not defined under Entity Definitions: add "### Entity: ${entry.name.text}" or remove it from this list${entityHint(doc, entry.name.text)}`,
        ...renameTo(entry.name.range, doc.entityIndex.closest(entry.name.text)?.name),
      });
    }
    for (const entity of firstByKey.values()) {
      if (listIndex.has(entity.name) || doc.hasResidue(entity.nameRange)) continue;
      report({
        range: entity.nameRange,
        message: `Entity ${quote(entity.name)} is not in the Key Entities from Spec list${listLine ? ` (line ${listLine})` : ''}: add "- ${entity.name} - …" there, or remove the entity`,
      });
    }
  },
});
