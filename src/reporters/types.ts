import type { ChalkInstance } from 'chalk';
import type { RuleMeta } from '../engine/meta.js';
import type { LintResult } from '../engine/types.js';

export interface ReportContext {
  /** Directory that displayed paths are relative to. */
  cwd: string;
  /** Directory that CI locations (GitHub annotations, SARIF) are relative to; the working directory when absent. */
  root?: string;
  /** Warnings that `--quiet` left out of the results: a summary must not call such a run clean. */
  hiddenWarnings?: number;
  /** Colours; a level-0 instance prints plain text. */
  chalk: ChalkInstance;
  /** Every rule that may appear in the results, for formats that describe rules. */
  rules: readonly RuleMeta[];
}

/** A reporter turns results into the text to print. Pure: no I/O. */
export type Reporter = (results: readonly LintResult[], context: ReportContext) => string;
