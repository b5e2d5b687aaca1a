/** Finds, reads and lints files with their configuration: shared by the CLI and the library's lintFiles(). */
import { readFile } from 'node:fs/promises';
import type { RuleEntry } from '../config/types.js';
import type { LintResult } from '../engine/types.js';
import type { AnyRule } from '../engine/rule.js';
import { timedAsync } from '../engine/timing.js';
import { lintText } from '../lint.js';
import { describeFsError, discoverFiles, type PathProblem } from './discover.js';
import { FileChangedError, fixText, writeAtomically } from './fix-file.js';
import { IgnoreFiles } from './ignore-files.js';
import { Workspace } from './workspace.js';

export interface LintFilesOptions {
  /** Directory that relative paths and globs start from; defaults to the process's directory. */
  cwd?: string;
  /** A configuration file for every document; false for none; by default each document's nearest. */
  config?: string | false;
  /** A template for every document, replacing the configured or bundled one. */
  template?: string;
  /** Rule settings applied over the configuration, as in a config file's `rules`. */
  rules?: Record<string, RuleEntry>;
  /** false to skip plugin modules named in configuration. */
  plugins?: boolean;
  /** false to lint files that `.dmlintignore`, `.gitignore` or `ignores` would skip. */
  ignore?: boolean;
  reportUnusedDisables?: boolean;
  /** `write` applies safe fixes to the files; `dry-run` only puts the fixed text in each result's `output`. */
  fix?: 'write' | 'dry-run' | null;
}

export interface LintFilesResult {
  results: LintResult[];
  /** Paths that named no file or could not be read; each is a reason to exit with 2. */
  problems: PathProblem[];
  /** Files named explicitly that ignore settings skipped. */
  ignored: string[];
  /** Every rule that ran on some file (built-in and plugin rules), for formats that describe rules. */
  ruleSet: AnyRule[];
}

/**
 * Lints files, directories (every data-model.md below them) and globs, in a stable order.
 * Throws a ConfigError when a configuration file, template or plugin is unusable.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const useIgnores = options.ignore !== false;
  const ignores = useIgnores ? new IgnoreFiles(cwd) : null;
  const workspace = new Workspace({
    cwd,
    configFile: typeof options.config === 'string' ? options.config : null,
    useConfig: options.config !== false,
    template: options.template ?? null,
    commandLineRules: options.rules ?? {},
    usePlugins: options.plugins !== false,
    reportUnusedDisables: options.reportUnusedDisables === true,
  });
  const { files, explicit, problems } = await timedAsync('discover', () => discoverFiles(patterns, cwd, ignores));
  const results: LintResult[] = [];
  const ignored: string[] = [];
  const ruleSet = new Map<string, AnyRule>();
  for (const file of files) {
    const settings = await timedAsync('config', () => workspace.settingsFor(file));
    for (const rule of settings.lint.ruleSet ?? []) ruleSet.set(rule.id, rule);
    if (useIgnores && (settings.ignored || ignores?.byIgnoreFile(file))) {
      if (explicit.has(file)) ignored.push(file);
      continue;
    }
    let text: string;
    try {
      text = await timedAsync('read', () => readFile(file, 'utf8'));
    } catch (error) {
      problems.push({ path: file, message: `cannot read: ${describeFsError(error)}` });
      continue;
    }
    if (!options.fix) {
      results.push(lintText(text, settings.lint));
      continue;
    }
    const result = fixText(text, settings.lint);
    if (options.fix === 'write' && result.output !== undefined) {
      try {
        await writeAtomically(file, text, result.output);
      } catch (error) {
        problems.push({ path: file, message: error instanceof FileChangedError ? error.message : `cannot write the fixes: ${describeFsError(error)}` });
      }
    }
    results.push(result);
  }
  return { results, problems, ignored, ruleSet: [...ruleSet.values()] };
}
