/**
 * ESLint's JSON formatter shape, so tools that read ESLint results read ours: one entry per file,
 * severity 1 (warning) or 2 (error), absolute file paths.
 */
import { isComplete, type LintMessage } from '../engine/types.js';
import type { Reporter } from './types.js';

function toEslint(message: LintMessage): Record<string, unknown> {
  return {
    ruleId: message.ruleId,
    severity: message.severity === 'error' ? 2 : 1,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    ...(message.fix ? { fix: message.fix } : {}),
    ...(message.suggestions ? { suggestions: message.suggestions } : {}),
    ...(message.suppressions ? { suppressions: message.suppressions } : {}),
    ...(message.related ? { related: message.related } : {}),
  };
}

export const json: Reporter = (results) => {
  const entries = results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages.map(toEslint),
    suppressedMessages: result.suppressedMessages.map(toEslint),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    usedDeprecatedRules: [],
    // dmlint's own: how much of the template is filled in, and whether no error remains.
    ...(result.completeness !== undefined ? { completeness: result.completeness } : {}),
    complete: isComplete(result),
    ...(result.output !== undefined ? { output: result.output } : {}),
  }));
  return `${JSON.stringify(entries)}\n`;
};
