/**
 * Lints one text: builds the document model once, runs the rules, returns a result. Pure: the
 * caller passes the template schema and any file-system access through the host.
 */
import { createHash } from 'node:crypto';
import { timed } from '../util/timing.js';
import { builtinRules } from '../../rules/index.js';
import { DataModelDocument } from '../model/document.js';
import { applyDirectives, readDirectives } from './directives.js';
import { runRules, sortMessages, toResult, type LintHost, type RuleConfig } from './run-rules.js';
import type { AnyRule } from '../rule-kit/rule.js';
import { INTERNAL_ERROR, PARSE_LIMIT, type LintMessage, type LintResult } from './types.js';
import type { ChunkCache } from '../markdown/parse.js';
import type { RelatedSettings } from '../model/related/index.js';
import type { SourceText } from '../markdown/source.js';
import type { ParseLimit } from '../markdown/structure.js';
import { bundledSchema } from '../template/bundled.js';
import type { TemplateSchema } from '../template/schema.js';

export interface LintTextOptions {
  /** Path shown in results and used to resolve relative links (the Spec link). */
  filePath?: string;
  /** The template to check against; defaults to the bundled data-model template. */
  schema?: TemplateSchema;
  /** Severities and options per rule id. */
  rules?: RuleConfig;
  /** Rules to run; defaults to the built-in rules. */
  ruleSet?: readonly AnyRule[];
  /** File-system access for rules that check links; none by default. */
  host?: LintHost;
  /** Report `dmlint-disable` directives that suppressed nothing. */
  reportUnusedDisables?: boolean;
  /** Keeps parses of unchanged parts between calls on successive versions of a text (an editor's). */
  chunkCache?: ChunkCache;
  /** Parses YAML (the document's front matter); without it, the front matter is not read. */
  readYaml?: (text: string) => unknown;
  /** Whether and where the host looks for the spec and contracts of a feature folder; off by default. */
  related?: RelatedSettings;
}

export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  return lintDocument(text, options).result;
}

/** Lints one text and keeps the model it built (null when it could not be built), for hosts that show more than the findings. */
export function lintDocument(text: string, options: LintTextOptions = {}): { result: LintResult; doc: DataModelDocument | null } {
  const filePath = options.filePath ?? '<text>';
  let doc: DataModelDocument;
  try {
    const schema = options.schema ?? timed('template', bundledSchema);
    doc = timed('model', () => new DataModelDocument(text, { filePath: options.filePath ?? null, schema, chunkCache: options.chunkCache ?? null, readYaml: options.readYaml ?? null }));
  } catch (error) {
    // The model builder failing is a dmlint bug; report it as such rather than crash the run.
    const reason = error instanceof Error ? error.message : String(error);
    const result = toResult(filePath, [
      { ruleId: INTERNAL_ERROR, severity: 'error', message: `dmlint could not read this document: ${reason}. Please report this with the document that caused it.`, line: 1, column: 1, endLine: 1, endColumn: 1 },
    ]);
    return { result, doc: null };
  }
  const ruleSet = options.ruleSet ?? builtinRules;
  const messages = timed('rules', () => runRules(doc, ruleSet, options.rules, options.host, options.related ?? null));
  const completeness = timed('completeness', () => doc.completeness.ratio);
  const directives = readDirectives(doc.structure.comments, doc.source);
  // Parse limits are not a rule's finding: no directive suppresses them, as none suppresses a crash.
  const limits = doc.structure.parseLimits.map(parseLimitMessage);
  // runRules' messages come sorted: sort again only when there is something to merge in.
  if (directives.length === 0) return { result: toResult(filePath, fingerprinted(limits.length === 0 ? messages : sortMessages([...messages, ...limits]), doc.source), [], completeness), doc };
  const { messages: kept, suppressed } = applyDirectives(messages, directives, doc.source, ruleSet.map((rule) => rule.id), options.reportUnusedDisables === true);
  return { result: toResult(filePath, fingerprinted(sortMessages([...kept, ...limits]), doc.source), suppressed, completeness), doc };
}

function parseLimitMessage({ range, message }: ParseLimit): LintMessage {
  return { ruleId: PARSE_LIMIT, severity: 'error', message, line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/**
 * Gives each message a fingerprint that survives edits elsewhere in the file: the rule, the text
 * of its line, and the count of earlier messages with the same two.
 */
function fingerprinted(messages: LintMessage[], source: SourceText): LintMessage[] {
  const seen = new Map<string, number>();
  // One hash per rule and line: many messages on one long line would otherwise hash it again and again.
  const keys = new Map<string, string>();
  for (const message of messages) {
    const place = `${message.ruleId}\0${message.line}`;
    let key = keys.get(place);
    if (key === undefined) {
      key = createHash('sha256').update(`${message.ruleId}\0${source.lineText(message.line).trim()}`).digest('hex').slice(0, 16);
      keys.set(place, key);
    }
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    message.fingerprint = `${key}:${occurrence}`;
  }
  return messages;
}
