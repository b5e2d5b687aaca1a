/** Lints one file's text with its settings: the unit of work of a run, in this thread or a worker. */
import type { LintResult } from '../engine/types.js';
import { lintText, type LintTextOptions } from '../engine/lint-text.js';
import type { FileCheck } from './cache.js';
import { nodeHost, recordingHost } from './node-host.js';
import { withFrontMatter } from './front-matter.js';
import type { RelatedInput } from './related.js';

export interface JobOutcome {
  result: LintResult;
  /** The file-system facts the rules relied on, for the cache. */
  checks: FileCheck[];
  /** The related documents (spec, contracts) the rules read, for the cache. */
  related: RelatedInput[];
}

/** Call `prepareFrontMatter(text)` first, so that the front matter can be read. */
export function runLintJob(text: string, settings: LintTextOptions): JobOutcome {
  const checks: FileCheck[] = [];
  const related: RelatedInput[] = [];
  const result = lintText(text, { ...withFrontMatter(settings), host: recordingHost(settings.host ?? nodeHost, checks, related) });
  return { result, checks, related };
}
