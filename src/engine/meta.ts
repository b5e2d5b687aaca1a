/**
 * What output formats say about each rule: id, descriptions, default level and documentation
 * link, for the built-in rules, plugin rules, and the ids the engine reports under itself.
 */
import { engineDocsUrl, ruleDocsUrl } from '../util/version.js';
import { INVALID_DIRECTIVE, UNUSED_DIRECTIVE } from './directives.js';
import type { AnyRule } from '../rule-kit/rule.js';
import { INTERNAL_ERROR, INVALID_ENCODING, PARSE_LIMIT, type Severity } from './types.js';

export interface RuleMeta {
  id: string;
  description: string;
  rationale: string;
  defaultSeverity: Severity;
  docsUrl: string | null;
}

const ENGINE_RULES: readonly RuleMeta[] = [
  { id: INTERNAL_ERROR, description: 'dmlint failed on this document: a rule crashed', rationale: 'A crash is a bug in a rule; the document was not fully checked.', defaultSeverity: 'error', docsUrl: engineDocsUrl('exit-codes') },
  { id: INVALID_ENCODING, description: 'The file is not valid UTF-8', rationale: 'Bad bytes show as U+FFFD: the text reviewers read is not the text in the file.', defaultSeverity: 'error', docsUrl: engineDocsUrl('guarantees') },
  { id: PARSE_LIMIT, description: 'Part of the document is nested or marked up past what dmlint parses', rationale: 'Past its limits the rest of a line or paragraph is read as plain text, so it is not fully checked; the limits keep linting time linear on any input.', defaultSeverity: 'error', docsUrl: engineDocsUrl('guarantees') },
  { id: INVALID_DIRECTIVE, description: 'A dmlint-disable comment names a rule that does not exist', rationale: 'A misspelt rule id suppresses nothing.', defaultSeverity: 'error', docsUrl: engineDocsUrl('inline-suppressions') },
  { id: UNUSED_DIRECTIVE, description: 'A dmlint-disable comment suppresses nothing', rationale: 'Stale suppressions hide future problems.', defaultSeverity: 'warning', docsUrl: engineDocsUrl('inline-suppressions') },
];

/** Metadata for a rule set: built-in rules link to their page, plugin rules to their own `docsUrl`. */
export function ruleMeta(rules: readonly AnyRule[], builtinIds: ReadonlySet<string>): RuleMeta[] {
  return [
    ...rules.map((rule) => ({
      id: rule.id,
      description: rule.description,
      rationale: rule.rationale,
      defaultSeverity: rule.defaultSeverity,
      docsUrl: rule.docsUrl ?? (builtinIds.has(rule.id) ? ruleDocsUrl(rule.id) : null),
    })),
    ...ENGINE_RULES,
  ];
}
