/**
 * The rule fixtures: fixtures/rules/<rule-id>/{valid,invalid}/<case>.md, each a small document
 * that shows one thing, linted with only the rule under test. Options for one case go in
 * <case>.options.json beside it (the rule's options object); a team template the case is written
 * from, in <case>.template.md. An invalid case's expected
 * diagnostics are in <case>.expected: one line per message, `line:column severity message
 * [rule-id]`, each followed by its fix and suggestions as edits (`fix 12:3-12:9 "Yes"`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyRule } from '../../src/rule-kit/rule.js';
import { lintText } from '../../src/engine/lint-text.js';
import type { LintMessage, TextEdit } from '../../src/engine/types.js';
import { nodeHost } from '../../src/host/node-host.js';
import { prepareRelatedDocuments } from '../../src/host/related.js';
import { SourceText } from '../../src/markdown/source.js';
import { parse as parseYaml } from 'yaml';
import { buildTemplateSchema, type TemplateSchema } from '../../src/template/schema.js';
import { REPO } from './cli.js';

export const RULE_FIXTURES = join(REPO, 'fixtures', 'rules');
const TEMPLATE_SUFFIX = '.template.md';

// Contracts are YAML: the parser is loaded before any case is linted, as hosts do.
await prepareRelatedDocuments({ enabled: true, contracts: [] });

export interface RuleCase {
  rule: AnyRule;
  kind: 'valid' | 'invalid';
  name: string;
  file: string;
  text: string;
  options: Record<string, unknown> | null;
  /** The template the case is written from; null for the bundled one. */
  schema: TemplateSchema | null;
}

export function ruleCases(rule: AnyRule, kind: 'valid' | 'invalid'): RuleCase[] {
  const dir = join(RULE_FIXTURES, rule.id, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    // A case's spec (`<case>.spec.md`), contracts (`contracts/<case>/`) and template (`<case>.template.md`) sit beside it: not cases themselves.
    .filter((name) => name.endsWith('.md') && !name.endsWith('.spec.md') && !name.endsWith(TEMPLATE_SUFFIX))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const optionsFile = file.replace(/\.md$/, '.options.json');
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : null;
      const templateFile = file.replace(/\.md$/, TEMPLATE_SUFFIX);
      const schema = existsSync(templateFile) ? buildTemplateSchema(readFileSync(templateFile, 'utf8'), templateFile) : null;
      return { rule, kind, name: name.replace(/\.md$/, ''), file, text: readFileSync(file, 'utf8'), options, schema };
    });
}

/** The messages of a case: only its rule, with its options. */
export function lintCase(ruleCase: RuleCase): LintMessage[] {
  const { rule, file, text, options, name, schema } = ruleCase;
  const related = { enabled: true, contracts: [`contracts/${name}/**/*.{yaml,yml,json}`] };
  return lintText(text, { filePath: file, host: nodeHost, related, ruleSet: [rule], readYaml: parseYaml, ...(schema ? { schema } : {}), ...(options ? { rules: { options: { [rule.id]: options } } } : {}) }).messages;
}

/** The messages as a .expected file shows them. */
export function describeMessages(text: string, messages: readonly LintMessage[]): string {
  const source = new SourceText(text.replace(/^\uFEFF/, ''));
  const edit = ({ range: [start, end], text: replacement }: TextEdit): string => {
    const [from, to] = [source.position(start), source.position(end)];
    return `${from.line}:${from.column}-${to.line}:${to.column} ${JSON.stringify(replacement)}`;
  };
  return messages
    .flatMap((message) => [
      `${message.line}:${message.column} ${message.severity} ${message.message} [${message.ruleId}]`,
      ...(message.fix ? [`  fix ${edit(message.fix)}`] : []),
      ...(message.suggestions ?? []).map((suggestion) => `  suggestion ${JSON.stringify(suggestion.desc)} ${edit(suggestion.fix)}`),
    ])
    .map((line) => `${line}\n`)
    .join('');
}
