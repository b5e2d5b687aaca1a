/** Finds, reads and lints files: shared by the CLI and the library's lintFiles(). */
import { readFile } from 'node:fs/promises';
import type { RuleConfig } from '../engine/lint.js';
import type { LintResult } from '../engine/types.js';
import { lintText } from '../lint.js';
import type { TemplateSchema } from '../template/schema.js';
import { describeFsError, discoverFiles, type PathProblem } from './discover.js';
import { nodeHost } from './host.js';

export interface LintFilesOptions {
  /** Directory that relative paths and globs start from; defaults to the process's directory. */
  cwd?: string;
  schema?: TemplateSchema;
  rules?: RuleConfig;
}

export interface LintFilesResult {
  results: LintResult[];
  /** Paths that named no file or could not be read; each is a reason to exit with 2. */
  problems: PathProblem[];
}

/** Lints files, directories (every data-model.md below them) and globs, in a stable order. */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const { files, problems } = await discoverFiles(patterns, options.cwd ?? process.cwd());
  const results: LintResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ path: file, message: `cannot read: ${describeFsError(error)}` });
      continue;
    }
    results.push(lintText(text, { filePath: file, host: nodeHost, ...(options.schema ? { schema: options.schema } : {}), ...(options.rules ? { rules: options.rules } : {}) }));
  }
  return { results, problems };
}
