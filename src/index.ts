/**
 * dmlint's public API.
 *
 * ```ts
 * import { lintText, lintFiles } from 'dmlint';
 * const result = lintText(markdown, { filePath: 'specs/012-x/data-model.md' });
 * const results = await lintFiles(['specs/']);
 * ```
 *
 * Rule authors get the rule kit from here too: `defineRule`, the message, name and value helpers,
 * and the types of the document model (src/rule-kit/index.ts).
 */
export { lintText, type LintTextOptions } from './engine/lint-text.js';
export { fixText } from './engine/fixes.js';
export { builtinRules } from '../rules/index.js';
export * from './rule-kit/index.js';
export type { LintHost, RuleConfig, RuleSetting } from './engine/run-rules.js';
export type { LintMessage, LintResult, RelatedMessageLocation } from './engine/types.js';
export { DataModelDocument } from './model/document.js';
export { ChunkCache } from './markdown/parse.js';
export { ConfigError, type ConfigData, type RuleEntry } from './config/types.js';
export { buildTemplateSchema, type TemplateSchema } from './template/schema.js';
export { BUNDLED_TEMPLATE, bundledSchema } from './template/bundled.js';
export { VERSION } from './util/version.js';

export { lintFiles, type LintFilesOptions, type LintFilesResult } from './host/lint-files.js';
export type { PathProblem } from './host/discover.js';
