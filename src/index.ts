/**
 * dmlint's public API.
 *
 * ```ts
 * import { lintText, lintFiles } from 'dmlint';
 * const result = lintText(markdown, { filePath: 'specs/012-x/data-model.md' });
 * const results = await lintFiles(['specs/']);
 * ```
 */
export { lintText, type LintTextOptions } from './lint.js';
export { builtinRules } from '../rules/index.js';
export { defineRule, type Rule, type RuleContext, type Report } from './engine/rule.js';
export type { LintHost, RuleConfig, RuleSetting } from './engine/lint.js';
export type { LintMessage, LintResult, Severity, Suggestion, TextEdit } from './engine/types.js';
export { DataModelDocument } from './document/model.js';
export { ChunkCache } from './document/parse.js';
export type { Attribute, Entity, Relationship } from './document/entities.js';
export type { Block, BracketGroup, Cell, CodeBlock, Field, InlineCode, Link, List, ListItem, Paragraph, Position, Range, Row, Section, Span, Table } from './document/types.js';
export type { Residue, ResidueKind } from './template/residue.js';
export { ConfigError, type ConfigData, type RuleEntry } from './config/types.js';
export { buildTemplateSchema, type TemplateSchema } from './template/schema.js';
export { BUNDLED_TEMPLATE, bundledSchema } from './template/bundled.js';
export { VERSION } from './version.js';

export { lintFiles, type LintFilesOptions, type LintFilesResult } from './cli/lint-files.js';
export type { PathProblem } from './cli/discover.js';
