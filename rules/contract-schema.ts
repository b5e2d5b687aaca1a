import { defineRule, fileLine, quote, relatedAt, type Attribute, type ContractProperty, type ValueType } from '../src/rule-kit/index.js';

interface Options {
  /** Contract schema name → entity name, for schemas not named after their entity (`BookingResponse: Booking`). */
  schemaNames: Record<string, string>;
}

/** The JSON Schema types and formats each attribute type may be written as in a contract. */
const CONTRACT_TYPES: Readonly<Record<string, { types: readonly string[]; formats: readonly string[] }>> = {
  UUID: { types: ['string'], formats: ['uuid', 'guid'] },
  Integer: { types: ['integer', 'number'], formats: ['int32', 'int64', 'integer'] },
  BigInt: { types: ['integer', 'number', 'string'], formats: ['int64', 'int32'] },
  Decimal: { types: ['number', 'integer', 'string'], formats: ['float', 'double', 'decimal', 'money'] },
  Boolean: { types: ['boolean'], formats: [] },
  String: { types: ['string'], formats: ['email', 'uri', 'url', 'hostname', 'password', 'byte', 'binary', 'idn-email', 'uri-reference', 'iri', 'regex'] },
  Date: { types: ['string'], formats: ['date'] },
  DateTime: { types: ['string'], formats: ['date-time'] },
  Time: { types: ['string'], formats: ['time'] },
  Enum: { types: ['string', 'integer'], formats: [] },
  JSON: { types: ['object', 'array'], formats: [] },
  Object: { types: ['object'], formats: [] },
  Array: { types: ['array'], formats: [] },
};

function typeProblem(type: ValueType, property: ContractProperty): string | null {
  const allowed = CONTRACT_TYPES[type.name];
  if (!allowed || property.types.length === 0) return null;
  const written = `${property.types.join(' | ')}${property.format ? ` (format ${property.format})` : ''}`;
  if (!property.types.some((candidate) => allowed.types.includes(candidate))) return `is ${written} in the contract but ${type.name} in the data model`;
  if (property.format && !allowed.formats.includes(property.format)) return `has format ${property.format} in the contract but is ${type.name} in the data model`;
  return null;
}

export default defineRule<Options>({
  id: 'contract-schema',
  description: "Each API contract schema named after an entity has the entity's attributes, with compatible types, the same required ones and the same enum values",
  rationale: 'A contract generated from the data model drifts as either changes: a field the API exposes that the model does not store, or a required flag that differs, breaks clients or loses data.',
  defaultSeverity: 'error',
  requiresEntities: true,
  defaultOptions: { schemaNames: {} },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { schemaNames: { type: 'object', description: 'Contract schema name → entity name, for schemas not named after their entity.', additionalProperties: { type: 'string', minLength: 1 } } },
  },
  check({ doc, related, options, report }) {
    for (const schema of related.contracts) {
      const entity = doc.entityIndex.get(options.schemaNames[schema.name] ?? schema.name);
      if (!entity) continue;
      const entityLine = entity.section.headingRange.start.line;
      const where = `${fileLine(schema.file, schema.range)}, schema ${schema.name}`;
      const attributes = doc.attributeIndex(entity);
      const seen = new Set<Attribute>();
      for (const property of schema.properties) {
        const at = `${quote(property.name)} in ${fileLine(property.file, property.range)}, schema ${schema.name},`;
        const otherEnd = [relatedAt(property.file, property.range, `${property.name} in schema ${schema.name}`)];
        const attribute = attributes.get(property.name);
        if (!attribute) {
          report({ range: entity.nameRange, message: `${at} is not an attribute of ${entity.name} (line ${entityLine})`, related: otherEnd });
          continue;
        }
        seen.add(attribute);
        const line = attribute.row.range.start.line;
        const range = attribute.cells.name?.range ?? attribute.row.range;
        const type = attribute.valueType;
        const mismatch = type ? typeProblem(type, property) : null;
        if (mismatch) report({ range: attribute.cells.type?.range ?? range, message: `${at} ${mismatch} (line ${line})`, related: otherEnd });
        const required = property.required && !property.nullable;
        if (attribute.required !== null && attribute.required !== required) {
          const contract = property.required ? (property.nullable ? 'required but nullable' : 'required') : property.nullable ? 'optional and nullable' : 'optional';
          report({ range: attribute.cells.required?.range ?? range, message: `${at} is ${contract} in the contract, but Required is ${attribute.required ? 'Yes' : 'No'} for ${quote(attribute.name)} (line ${line})`, related: otherEnd });
        }
        const modelValues = attribute.enumValues;
        if (modelValues && property.enumValues) {
          const onlyModel = modelValues.filter((value) => !property.enumValues?.includes(value));
          const onlyContract = property.enumValues.filter((value) => !modelValues.includes(value));
          const parts = [onlyContract.length > 0 ? `the contract also allows ${onlyContract.join(', ')}` : '', onlyModel.length > 0 ? `the contract lacks ${onlyModel.join(', ')}` : ''].filter(Boolean);
          if (parts.length > 0) report({ range: attribute.cells.validation?.range ?? range, message: `${at} has enum values that differ from ${quote(attribute.name)} (line ${line}): ${parts.join('; ')}`, related: otherEnd });
        }
      }
      for (const attribute of entity.attributes) {
        if (seen.has(attribute) || doc.hasResidue(attribute.row.range)) continue;
        report({
          range: attribute.cells.name?.range ?? attribute.row.range,
          severity: 'warning',
          message: `Attribute ${quote(attribute.name)} of ${entity.name} is not a property of schema ${schema.name} in ${where.replace(/, schema .*$/, '')}: add it to the contract, or name why the API leaves it out`,
          related: [relatedAt(schema.file, schema.range, `Schema ${schema.name}`)],
        });
      }
    }
  },
});
