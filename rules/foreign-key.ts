import { defineRule, didYouMean, entityHint, quote, REFERENTIAL_ACTIONS, referentialAction, renameTo, type RuleContext, type Span } from '../src/rule-kit/index.js';

type Context = RuleContext;

export default defineRule({
  id: 'foreign-key',
  description: 'Foreign-key constraints name defined entities, existing attributes and a valid referential action; "must reference X" names a defined entity',
  rationale: 'A constraint on a field or entity that does not exist cannot be created, and an unknown action leaves what happens on delete undecided.',
  defaultSeverity: 'error',
  hasSuggestions: true,
  requiresEntities: true,
  check(context) {
    const { doc, report } = context;
    const { keys, unreadable } = doc.foreignKeys;
    for (const line of unreadable) {
      if (doc.hasResidue(line.text.range)) continue;
      report({ range: line.text.range, message: `Cannot read the foreign-key constraint ${quote(line.text.text)}: write it as "Entity.field → OtherEntity.field - ACTION"` });
    }
    for (const key of keys) {
      const constraint = quote(`${key.from.entity.text}.${key.from.field.text} → ${key.to.entity.text}.${key.to.field.text}`);
      // An end that is written is checked even while the action is still a choice: resolving the
      // choice must not bring a problem to light that was there all along.
      for (const end of [key.from, key.to]) if (!doc.hasResidue(end.entity.range) && !doc.hasResidue(end.field.range)) checkEnd(context, end.entity, end.field, constraint);
      if (doc.hasResidue(key.item.textRange)) continue;
      if (!key.action) {
        report({ range: key.to.field.range, message: `Foreign key ${quote(`${key.from.entity.text}.${key.from.field.text}`)} names no referential action: add " - ACTION" (${REFERENTIAL_ACTIONS.join(', ')})` });
      } else if (!referentialAction(key.action.text)) {
        report({ range: key.action.range, message: `Referential action ${quote(key.action.text)} is not one of ${REFERENTIAL_ACTIONS.join(', ')}` });
      }
    }
    checkValidationReferences(context);
  },
});

/** Reports an unknown entity or attribute at one end of a constraint. */
function checkEnd({ doc, report }: Context, entityName: Span, fieldName: Span, constraint: string): void {
  const entity = doc.entityIndex.get(entityName.text);
  if (!entity) {
    report({
      range: entityName.range,
      message: `Foreign key ${constraint} names entity ${quote(entityName.text)}, which is not defined in this document${entityHint(doc, entityName.text)}`,
      ...renameTo(entityName.range, doc.entityIndex.closest(entityName.text)?.name),
    });
    return;
  }
  if (!entity.attributesTable || entity.attributes.some((attribute) => attribute.name.toLowerCase() === fieldName.text.toLowerCase())) return;
  const near = doc.attributeIndex(entity).closest(fieldName.text);
  report({
    range: fieldName.range,
    message: `Foreign key ${constraint} names field ${quote(fieldName.text)}, which is not an attribute of ${quote(entity.name)} (Attributes table, line ${entity.attributesTable.range.start.line})${
      near ? didYouMean({ name: near.name, line: near.value.row.range.start.line }) : ''
    }`,
    ...renameTo(fieldName.range, near?.name),
  });
}

/** `must reference Member` in an attribute's validation names a defined entity. */
function checkValidationReferences({ doc, report }: Context): void {
  for (const entity of doc.entities) {
    for (const attribute of entity.attributes) {
      const cell = attribute.cells.validation;
      if (!cell || doc.hasResidue(cell.range)) continue;
      const reference = attribute.reference;
      // Any run of the words may be the entity (`must reference an active Ticket Type`).
      if (!reference || reference.candidates.some((run) => doc.entityIndex.has(run))) continue;
      // Only a capitalised word reads as an entity name; "must reference the ledger" is prose.
      if (!reference.named) continue;
      report({ range: cell.range, message: `Attribute ${quote(attribute.name)} of ${quote(entity.name)} must reference ${quote(reference.named)}, which is not a defined entity${entityHint(doc, reference.named)}` });
    }
  }
}
