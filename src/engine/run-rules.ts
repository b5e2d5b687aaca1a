/**
 * The engine: runs rules over a document model, applies configured severities, turns a crashing
 * rule into an `internal-error` message, sorts messages by position and counts them.
 */
import type { DataModelDocument } from '../model/document.js';
import { NO_RELATED_DOCUMENTS, type RelatedDocuments, type RelatedSettings } from '../model/related/index.js';
import type { AnyRule, Report } from '../rule-kit/rule.js';
import { INTERNAL_ERROR, type LintMessage, type LintResult, type Severity } from './types.js';

export type RuleSetting = Severity | 'off';

export interface RuleConfig {
  /** Severity per rule id; rules not listed use their default severity. */
  severities?: Readonly<Record<string, RuleSetting>>;
  /** Options per rule id, merged over the rule's defaults. */
  options?: Readonly<Record<string, unknown>>;
}

/** What the engine may ask of the outside world. */
export interface LintHost {
  /** Whether a file exists at an absolute path. */
  fileExists?(absolutePath: string): boolean;
  /** Resolves a path relative to the document's directory into an absolute path. */
  resolve?(documentPath: string, relativePath: string): string;
  /** Reads and parses the documents of a data model's feature folder (its spec, its contracts). */
  related?(doc: DataModelDocument, settings: RelatedSettings): RelatedDocuments;
}

export function runRules(doc: DataModelDocument, rules: readonly AnyRule[], config: RuleConfig = {}, host: LintHost = {}, relatedSettings: RelatedSettings | null = null): LintMessage[] {
  const messages: LintMessage[] = [];
  // Read on first use: a run whose rules never ask reads no other file.
  let related: RelatedDocuments | undefined;
  const relatedDocuments = (): RelatedDocuments =>
    (related ??= doc.filePath && host.related && relatedSettings?.enabled === true ? host.related(doc, relatedSettings) : NO_RELATED_DOCUMENTS);
  const fileExists = (relativePath: string): boolean | undefined => {
    if (!doc.filePath || !host.fileExists || !host.resolve) return undefined;
    return host.fileExists(host.resolve(doc.filePath, relativePath));
  };
  for (const rule of rules) {
    const setting = config.severities?.[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off' || (rule.requiresEntities === true && doc.entities.length === 0)) continue;
    const options: unknown = { ...(rule.defaultOptions ?? {}), ...((config.options?.[rule.id]) ?? {}) };
    const report = (found: Report): void => {
      messages.push(toMessage(rule.id, found.severity ?? setting, found));
    };
    try {
      rule.check({
        doc,
        options,
        report,
        fileExists,
        get related() {
          return relatedDocuments();
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      messages.push(toMessage(INTERNAL_ERROR, 'error', { range: doc.range(0, 0), message: `Rule "${rule.id}" crashed: ${reason}. Please report this with the document that caused it.` }));
    }
  }
  return sortMessages(messages);
}

function toMessage(ruleId: string, severity: Severity, report: Report): LintMessage {
  const { start, end } = report.range;
  return {
    ruleId,
    severity,
    message: report.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(report.fix ? { fix: report.fix } : {}),
    ...(report.suggestions && report.suggestions.length > 0 ? { suggestions: report.suggestions } : {}),
    ...(report.options && report.options.length > 0 ? { options: report.options } : {}),
    ...(report.related && report.related.length > 0
      ? { related: report.related.map(({ filePath, range, message }) => ({ filePath, line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column, message })) }
      : {}),
  };
}

/**
 * Sorts by position. The sort is stable, so messages at the same place keep the order in which
 * rules (registry order) reported them, which is deterministic and follows the template's order.
 */
export function sortMessages(messages: LintMessage[]): LintMessage[] {
  return messages.sort((a, b) => a.line - b.line || a.column - b.column);
}

export function toResult(filePath: string, messages: LintMessage[], suppressedMessages: LintMessage[] = [], completeness?: number): LintResult {
  const result: LintResult = { filePath, messages, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: 0, suppressedMessages, ...(completeness === undefined ? {} : { completeness }) };
  for (const message of messages) {
    if (message.severity === 'error') {
      result.errorCount++;
      if (message.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (message.fix) result.fixableWarningCount++;
    }
    if (message.ruleId === INTERNAL_ERROR) result.fatalErrorCount++;
  }
  return result;
}
