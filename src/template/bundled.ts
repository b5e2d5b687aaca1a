/** The bundled default template, inlined at build time, and its schema (derived once, on first use). */
import templateText from './data-model-template.md';
import { buildTemplateSchema, type TemplateSchema } from './schema.js';
import { deserializeSchema } from './serialize.js';

export const BUNDLED_TEMPLATE = templateText;

/** The build inlines the schema it derived from the same template (scripts/build.mjs); from source it is derived here. */
declare const __DMLINT_BUNDLED_SCHEMA__: string | undefined;

let schema: TemplateSchema | null = null;

export function bundledSchema(): TemplateSchema {
  schema ??= typeof __DMLINT_BUNDLED_SCHEMA__ === 'string' ? deserializeSchema(__DMLINT_BUNDLED_SCHEMA__) : buildTemplateSchema(BUNDLED_TEMPLATE, 'bundled');
  return schema;
}
