import { defineRule, didYouMean, fileLine, NameIndex, quote, relatedAt } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'spec-entities',
  description: "The spec's Key Entities and the entities the data model defines are the same set",
  rationale: 'The spec names the things the feature is about; one the model lacks was forgotten, and one the spec never names is a decision nobody agreed to.',
  defaultSeverity: 'error',
  check({ doc, related, report }) {
    const spec = related.spec;
    const field = doc.specLink?.field;
    // A spec without a Key Entities section promises nothing to compare with.
    if (!spec?.keyEntitiesSection || !field) return;
    const specIndex = new NameIndex(spec.keyEntities.map((entity) => [entity.name, entity] as const));
    const anchor = doc.keyEntities?.[0]?.name.range ?? field.valueRange;
    for (const entity of spec.keyEntities) {
      if (doc.entityIndex.has(entity.name)) continue;
      const near = doc.entityIndex.closest(entity.name);
      report({
        range: anchor,
        message: `Key entity ${quote(entity.name)} of the spec (${fileLine(spec.file, entity.range)}) is not defined in the data model: add "### Entity: ${entity.name}"${didYouMean(near && { name: near.name, line: near.value.section.headingRange.start.line })}`,
        related: [relatedAt(spec.file, entity.range, `Key entity ${entity.name} in the spec`)],
      });
    }
    const headingLine = spec.keyEntitiesSection.headingRange.start.line;
    for (const entity of doc.entities) {
      if (specIndex.has(entity.name) || doc.hasResidue(entity.nameRange)) continue;
      const near = specIndex.closest(entity.name);
      report({
        range: entity.nameRange,
        severity: 'warning',
        message: `Entity ${quote(entity.name)} is not among the spec's Key Entities (${spec.file.label}:${headingLine}): add it to the spec, or remove it${near ? `; did you mean ${quote(near.name)} (${fileLine(spec.file, near.value.range)})?` : ''}`,
        related: [relatedAt(spec.file, spec.keyEntitiesSection.headingRange, "The spec's Key Entities")],
      });
    }
  },
});
