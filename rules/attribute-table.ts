import type { Attribute, Entity } from '../src/document/entities.js';
import { quote } from '../src/document/labels.js';
import type { Cell } from '../src/document/types.js';
import { defineRule, type RuleContext } from '../src/engine/rule.js';

type Context = RuleContext;

export default defineRule({
  id: 'attribute-table',
  description: 'Attribute rows are complete: Required is Yes or No, names are unique, an id exists, Type and Description are filled',
  rationale: 'The attributes table is the contract other teams build against; an ambiguous Required, a duplicated name or a missing identifier breaks it.',
  defaultSeverity: 'error',
  check(context) {
    for (const entity of context.doc.entities) {
      if (!entity.attributesTable) continue;
      checkIdentifier(context, entity);
      const seen = new Map<string, Attribute>();
      for (const attribute of entity.attributes) {
        checkName(context, entity, attribute, seen);
        checkRequired(context, attribute);
        checkFilled(context, attribute, attribute.cells.type, 'Type');
        checkFilled(context, attribute, attribute.cells.description, 'Description');
      }
    }
  },
});

function label(attribute: Attribute): string {
  return attribute.name === '' ? 'this row' : `attribute ${quote(attribute.name)}`;
}

/** An entity is identified by `id`, `<entity>_id`, or an attribute described as its primary key. */
function checkIdentifier({ doc, report }: Context, entity: Entity): void {
  const ownId = `${entity.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase()}_id`;
  const identified = entity.attributes.some((attribute) => {
    const name = attribute.name.toLowerCase();
    const notes = `${attribute.cells.validation?.text ?? ''} ${attribute.cells.description?.text ?? ''}`;
    return name === 'id' || name === ownId || /\bprimary key\b|\(PK\)/i.test(notes);
  });
  const table = entity.attributesTable;
  if (identified || !table || doc.hasResidue(table.range)) return;
  report({ range: table.header.range, message: `Entity ${quote(entity.name)} has no "id" attribute: add a row for its unique identifier` });
}

function checkName({ doc, report }: Context, entity: Entity, attribute: Attribute, seen: Map<string, Attribute>): void {
  const cell = attribute.cells.name;
  if (!cell || doc.hasResidue(cell.range)) return;
  if (attribute.name === '') {
    report({ range: cell.range, message: `Attribute name is empty in this row of ${quote(entity.name)}: write the attribute's name` });
    return;
  }
  const key = attribute.name.toLowerCase();
  const first = seen.get(key);
  if (first) {
    report({ range: cell.range, message: `Attribute ${quote(attribute.name)} is listed twice in ${quote(entity.name)} (first on line ${first.row.range.start.line}): rename or remove one` });
  } else seen.set(key, attribute);
}

function checkRequired({ doc, report }: Context, attribute: Attribute): void {
  const cell = attribute.cells.required;
  if (!cell || doc.hasResidue(cell.range)) return;
  const value = cell.text;
  if (value === 'Yes' || value === 'No') return;
  const target = cell.textRange ?? cell.range;
  const range: [number, number] = [target.start.offset, target.end.offset];
  if (value === '') {
    report({ range: cell.range, message: `Required is empty for ${label(attribute)}: write Yes or No` });
  } else if (/^(yes|no)$/i.test(value)) {
    const fixed = value.toLowerCase() === 'yes' ? 'Yes' : 'No';
    report({
      range: cell.range,
      message: `Required is ${quote(cell.text)} for ${label(attribute)}: write ${quote(fixed)}`,
      ...(cell.textRange ? { fix: { range, text: fixed } } : {}),
    });
  } else {
    report({
      range: cell.range,
      message: `Required is ${quote(cell.text)} for ${label(attribute)}: write Yes or No`,
      suggestions: ['Yes', 'No'].map((option) => ({ desc: `Choose "${option}"`, fix: { range, text: option } })),
    });
  }
}

function checkFilled({ doc, report }: Context, attribute: Attribute, cell: Cell | null, column: string): void {
  if (!cell || cell.text !== '' || doc.hasResidue(cell.range)) return;
  report({ range: cell.range, message: `${column} is empty for ${label(attribute)}: fill it in` });
}
