/**
 * The JSON Schema of a configuration file, built from rule metadata: every rule's id and the
 * schema of its options. Shipped as src/config/dmlintrc.schema.json for editors (a test keeps the
 * file equal to what this builds), and used to validate configuration files.
 */
import type { AnyRule } from '../rule-kit/rule.js';
import type { AttributeColumn, RelationshipColumn } from '../template/columns.js';

export const TOP_LEVEL_KEYS = ['$schema', 'extends', 'template', 'rules', 'ignores', 'plugins', 'overrides', 'columns', 'relatedDocuments'] as const;

const ATTRIBUTE_ROLES: readonly AttributeColumn[] = ['name', 'type', 'required', 'nullable', 'description', 'validation'];
const RELATIONSHIP_ROLES: readonly RelationshipColumn[] = ['target', 'type', 'description', 'cascade'];

const stringList = (description: string): Record<string, unknown> => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });

function entrySchema(options: Record<string, unknown>): Record<string, unknown> {
  return {
    oneOf: [
      { $ref: '#/definitions/severity' },
      { type: 'array', minItems: 1, maxItems: 2, items: [{ $ref: '#/definitions/severity' }, options], additionalItems: false },
    ],
  };
}

function roles(names: readonly string[], what: string): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, properties: Object.fromEntries(names.map((role) => [role, stringList(`More header names for the ${role} column of the ${what} table.`)])) };
}

export function buildConfigSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const anyOptions = { type: 'object' };
  const ruleProperties = Object.fromEntries(
    rules.map((rule) => [rule.id, { description: `${rule.description} (default: ${rule.defaultSeverity === 'warning' ? 'warn' : 'error'})`, ...entrySchema(rule.optionsSchema ?? { type: 'object', additionalProperties: false }) }]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'dmlint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: { description: 'Configuration files to start from, relative to this file.', oneOf: [{ type: 'string', minLength: 1 }, stringList('Configuration files to start from.')] },
      template: { type: 'string', minLength: 1, description: "Your team's data-model template, relative to this file. Without it, dmlint uses its bundled template." },
      rules: { $ref: '#/definitions/rules' },
      ignores: stringList('Globs of documents not to lint, relative to this file.'),
      plugins: stringList('ES modules that export custom rules: paths relative to this file, or package names. They run code; list only trusted modules.'),
      overrides: {
        type: 'array',
        description: 'Rule settings for some documents only.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: { files: { ...stringList('Globs, relative to this file.'), minItems: 1 }, rules: { $ref: '#/definitions/rules' } },
        },
      },
      columns: {
        type: 'object',
        additionalProperties: false,
        description: 'More header names for the columns of the attribute and relationship tables.',
        properties: { attributes: roles(ATTRIBUTE_ROLES, 'attribute'), relationships: roles(RELATIONSHIP_ROLES, 'relationship') },
      },
      relatedDocuments: {
        description: "The spec and API contracts of a data model's feature folder, which spec-entities, spec-clarifications and contract-schema compare it with. false to read none.",
        oneOf: [
          { type: 'boolean' },
          {
            type: 'object',
            additionalProperties: false,
            properties: { contracts: stringList("Globs of contract files (OpenAPI or JSON Schema), relative to the data model's folder. Default: contracts/**/*.{yaml,yml,json}.") },
          },
        ],
      },
    },
    definitions: {
      severity: { enum: ['off', 'warn', 'error'] },
      rules: { type: 'object', description: 'Severity per rule id: "off", "warn" or "error", or ["error", { options }].', properties: ruleProperties, additionalProperties: entrySchema(anyOptions) },
    },
  };
}
