import { defineRule, INVERSE, isRelationshipType, quote, REFERENTIAL_ACTIONS, referentialAction, RELATIONSHIP_TYPES, relationshipTypeOf, stripNote, type Cell, type Entity, type Relationship, type RelationshipType, type RuleContext } from '../src/rule-kit/index.js';

type Context = RuleContext;

export default defineRule({
  id: 'relationship-table',
  description: 'Relationship rows name a known relationship type and a "Delete: ACTION" cascade behaviour, with no empty cells',
  rationale: 'Cardinality and delete behaviour decide foreign keys and data loss; free text here cannot be implemented or checked.',
  defaultSeverity: 'error',
  fixable: true,
  hasSuggestions: true,
  check(context) {
    for (const entity of context.doc.entities) {
      for (const relationship of entity.relationships) {
        checkEmpty(context, entity, relationship);
        checkType(context, entity, relationship);
        checkCascade(context, relationship);
      }
    }
  },
});

const COLUMN_NAMES: Record<keyof Relationship['cells'], string> = {
  target: 'Related Entity',
  type: 'Type',
  description: 'Description',
  cascade: 'Cascade Behavior',
};

function subject(relationship: Relationship): string {
  return relationship.target === '' ? 'this relationship' : `the relationship to ${quote(relationship.target)}`;
}

function checkEmpty({ doc, report }: Context, entity: Entity, relationship: Relationship): void {
  for (const role of Object.keys(COLUMN_NAMES) as Array<keyof typeof COLUMN_NAMES>) {
    const cell = relationship.cells[role];
    if (!cell || cell.text !== '' || doc.hasResidue(cell.range)) continue;
    report({ range: cell.range, message: `${COLUMN_NAMES[role]} is empty in ${subject(relationship)} of ${quote(entity.name)}: fill it in` });
  }
}

/** The type this side must have when the target answers with rows back of one type: the inverse of theirs. */
function answeredType(doc: Context['doc'], entity: Entity, relationship: Relationship): RelationshipType | null {
  const target = doc.entityIndex.get(relationship.target);
  const backs = new Set<RelationshipType>();
  for (const back of target?.relationships ?? []) if (back.type && doc.entityIndex.get(back.target) === entity) backs.add(INVERSE[back.type]);
  return backs.size === 1 ? ([...backs][0] ?? null) : null;
}

function checkType({ doc, report }: Context, entity: Entity, relationship: Relationship): void {
  const cell = relationship.cells.type;
  if (!cell || cell.text === '' || doc.hasResidue(cell.range)) return;
  // A note after the value, `Many-to-One (optional)`, is allowed.
  const base = stripNote(cell.text);
  if (isRelationshipType(base)) return;
  const target = cell.textRange ?? cell.range;
  // The edit replaces the type and keeps a note after it.
  const range: [number, number] = [target.start.offset, target.start.offset + (cell.textRange ? base.length : target.end.offset - target.start.offset)];
  const canonical = relationshipTypeOf(cell.text);
  if (canonical && cell.textRange) {
    report({ range: cell.range, message: `Relationship type ${quote(base)} should be written ${quote(canonical)}`, fix: { range, text: canonical } });
    return;
  }
  // When the other side says what this one must be, any other type would contradict it (relationship-inverse).
  const answered = answeredType(doc, entity, relationship);
  const meant = answered ?? NOTATIONS[base.replace(/\s+/g, '').toUpperCase()];
  const options = answered ? [answered] : meant ? [meant, ...RELATIONSHIP_TYPES.filter((type) => type !== meant)] : RELATIONSHIP_TYPES;
  report({
    range: cell.range,
    message: `Relationship type ${quote(base)} for ${subject(relationship)} is not one of ${RELATIONSHIP_TYPES.join(', ')}${meant ? `; did you mean ${quote(meant)}?` : ''}`,
    suggestions: options.map((type) => ({ desc: `Use "${type}"`, fix: { range, text: type } })),
  });
}

/** Cardinality shorthands and what they mean, offered as suggestions (the direction is the writer's call). */
const NOTATIONS: Readonly<Record<string, RelationshipType>> = {
  '1:1': 'One-to-One',
  '1:N': 'One-to-Many',
  '1:*': 'One-to-Many',
  '1:M': 'One-to-Many',
  'N:1': 'Many-to-One',
  '*:1': 'Many-to-One',
  'M:1': 'Many-to-One',
  'N:M': 'Many-to-Many',
  'M:N': 'Many-to-Many',
  'N:N': 'Many-to-Many',
  '*:*': 'Many-to-Many',
};

/** `Delete: ACTION`, optionally followed by `; Update: ACTION` (or a comma). */
function checkCascade({ doc, report }: Context, relationship: Relationship): void {
  const cell: Cell | null = relationship.cells.cascade;
  if (!cell || cell.text === '' || doc.hasResidue(cell.range)) return;
  // A note after the value, `Delete: RESTRICT (kept for tax)`, is allowed.
  const value = stripNote(cell.text);
  const parts = value.split(/[;,]/).map((part) => part.trim());
  const canonical = parts.map((part, index) => canonicalPart(part, index === 0 ? 'Delete' : 'Update'));
  if (canonical.every((part, index) => part === parts[index])) return;
  const allowed = `Delete: ${REFERENTIAL_ACTIONS.join(' | ')}`;
  if (canonical.every((part) => part !== null) && cell.textRange) {
    const fixed = canonical.join('; ');
    const start = cell.textRange.start.offset;
    report({
      range: cell.range,
      message: `Cascade behaviour ${quote(value)} for ${subject(relationship)} should be written ${quote(fixed)}`,
      fix: { range: [start, start + value.length], text: fixed },
    });
    return;
  }
  report({ range: cell.range, message: `Cascade behaviour ${quote(cell.text)} for ${subject(relationship)} is not "${allowed}"` });
}

/** The canonical spelling of `Delete: cascade`, `ON DELETE CASCADE` or `cascade`, or null when the action is unknown. */
function canonicalPart(part: string, event: 'Delete' | 'Update'): string | null {
  // `s`: a `.` that stops at a line separator (U+2028) would make `(.+)$` fail and backtrack quadratically.
  const match = new RegExp(`^(?:${event}\\s*:\\s*|on\\s+${event}\\s+)?(.+)$`, 'is').exec(part);
  const action = match?.[1] ? referentialAction(match[1]) : null;
  if (!action) return null;
  if (event === 'Update' && !/^(?:update\s*:|on\s+update\s)/i.test(part)) return null;
  return `${event}: ${action}`;
}
