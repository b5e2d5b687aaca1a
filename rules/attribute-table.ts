import { defineRule, quote, type Attribute, type Cell, type Entity, type RuleContext } from '../src/rule-kit/index.js';

interface Options {
  /** More attribute names that identify a row, besides `id` and `<entity>_id`. */
  identifiers: string[];
}

type Context = RuleContext<Options>;

export default defineRule<Options>({
  id: 'attribute-table',
  description: 'Attribute rows are complete: Required is Yes or No, names are unique, an id exists, Type and Description are filled',
  rationale: 'The attributes table is the contract other teams build against; an ambiguous Required, a duplicated name or a missing identifier breaks it.',
  defaultSeverity: 'error',
  fixable: true,
  hasSuggestions: true,
  defaultOptions: { identifiers: [] },
  optionsSchema: {
    type: 'object',
    properties: { identifiers: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More attribute names that identify an entity, such as "uuid" or "key".' } },
    additionalProperties: false,
  },
  check(context) {
    for (const entity of context.doc.entities) {
      if (!entity.attributesTable) continue;
      checkIdentifier(context, entity);
      const seen = new Map<string, Attribute>();
      for (const attribute of entity.attributes) {
        checkName(context, entity, attribute, seen);
        checkYesNo(context, attribute, attribute.cells.required ? 'Required' : 'Nullable');
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
function checkIdentifier({ doc, report, options }: Context, entity: Entity): void {
  const accepted = new Set(['id', ...options.identifiers.map((name) => name.toLowerCase())]);
  const identified = entity.attributes.some((attribute) => {
    const name = attribute.name.toLowerCase();
    return accepted.has(name) || name === entity.ownIdName || attribute.describedAsPrimaryKey;
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

/** Required (or, in tables that have it instead, Nullable) is exactly Yes or No. */
function checkYesNo({ doc, report }: Context, attribute: Attribute, column: 'Required' | 'Nullable'): void {
  const cell = column === 'Required' ? attribute.cells.required : attribute.cells.nullable;
  if (!cell || doc.hasResidue(cell.range)) return;
  const value = cell.text;
  if (value === 'Yes' || value === 'No') return;
  const target = cell.textRange ?? cell.range;
  const range: [number, number] = [target.start.offset, target.end.offset];
  if (value === '') {
    report({ range: cell.range, message: `${column} is empty for ${label(attribute)}: write Yes or No` });
  } else if (/^(yes|no)$/i.test(value)) {
    const fixed = value.toLowerCase() === 'yes' ? 'Yes' : 'No';
    report({
      range: cell.range,
      message: `${column} is ${quote(cell.text)} for ${label(attribute)}: write ${quote(fixed)}`,
      ...(cell.textRange ? { fix: { range, text: fixed } } : {}),
    });
  } else {
    report({
      range: cell.range,
      message: `${column} is ${quote(cell.text)} for ${label(attribute)}: write Yes or No`,
      suggestions: ['Yes', 'No'].map((option) => ({ desc: `Choose "${option}"`, fix: { range, text: option } })),
    });
  }
}

function checkFilled({ doc, report }: Context, attribute: Attribute, cell: Cell | null, column: string): void {
  if (!cell || cell.text !== '' || doc.hasResidue(cell.range)) return;
  report({ range: cell.range, message: `${column} is empty for ${label(attribute)}: fill it in` });
}
