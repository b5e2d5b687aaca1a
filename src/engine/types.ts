/**
 * What the engine produces: messages with 1-based positions, per-file results with counts.
 * The JSON reporter prints these shapes as ESLint does, so tools that read ESLint output read ours.
 */
import type { Severity, Suggestion, TextEdit } from '../rule-kit/rule.js';

export type { Severity, Suggestion, TextEdit };

export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: TextEdit;
  suggestions?: Suggestion[];
  /** The options of an unresolved choice (see Report.options). */
  options?: string[];
  /**
   * Stable across edits elsewhere in the file: the rule, the text of the line, and which
   * occurrence of that pair it is. Output formats use it to track a problem across commits.
   */
  fingerprint?: string;
  /** On a suppressed message: what suppressed it (a directive, with its `-- reason`, or the baseline file). */
  suppressions?: Array<{ kind: 'directive' | 'baseline'; justification: string }>;
  /** The other ends of the finding in other files (a contract, the spec), 1-based like the message. */
  related?: RelatedMessageLocation[];
}

export interface RelatedMessageLocation {
  /** Absolute path. */
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Messages that come from dmlint failing (a rule that threw), not from the document. */
  fatalErrorCount: number;
  /** Messages an inline `dmlint-disable` directive or the baseline file suppressed; not counted above. */
  suppressedMessages: LintMessage[];
  /** With --fix or --fix-dry-run, the fixed text, when any fix was applied. */
  output?: string;
  /**
   * The share (0 to 1) of the template's required items that are present, non-empty and free of
   * placeholders, choices and guidance (src/model/completeness.ts); absent when dmlint could not read the document.
   */
  completeness?: number;
  /** With `output`: how many fixes of each rule made it. */
  fixed?: Record<string, number>;
}

/** A document is complete when no error remains in it. */
export function isComplete(result: LintResult): boolean {
  return result.errorCount === 0;
}

/** The rule id of a message that reports a rule which crashed. */
export const INTERNAL_ERROR = 'internal-error';
/** The rule id of a message that reports bytes that are not UTF-8. */
export const INVALID_ENCODING = 'invalid-encoding';
/** The rule id of a message that reports text the parser read as plain text: nested or marked up past its limits. */
export const PARSE_LIMIT = 'parse-limit';
