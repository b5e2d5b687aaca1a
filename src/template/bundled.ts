/** The bundled default template, inlined at build time, and its schema (derived once, on first use). */
import templateText from './data-model-template.md';
import { buildTemplateSchema, type TemplateSchema } from './schema.js';

export const BUNDLED_TEMPLATE = templateText;

let schema: TemplateSchema | null = null;

export function bundledSchema(): TemplateSchema {
  schema ??= buildTemplateSchema(BUNDLED_TEMPLATE, 'bundled');
  return schema;
}
