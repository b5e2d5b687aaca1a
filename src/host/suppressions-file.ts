/**
 * The baseline file (`dmlint-suppressions.json`) on disk: where it is, reading it (a corrupt or
 * foreign file is an error, never an empty baseline), writing it, and one run's use of it —
 * record, prune or apply. The counting itself is the engine's (src/engine/baseline.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { repositoryRoot } from '../config/load.js';
import { applyBaseline, formatBaseline, pruneBaseline, readBaseline, recordBaseline, type Baseline, type KeyedResult } from '../engine/baseline.js';
import type { LintResult } from '../engine/types.js';
import { plural } from '../reporters/text.js';
import { describeFsError } from './discover.js';

export const SUPPRESSIONS_FILE = 'dmlint-suppressions.json';

/** The directory the baseline's paths are relative to: the git repository's top level, else `cwd`. */
export function baselineRoot(cwd: string): string {
  const root = repositoryRoot(cwd);
  return existsSync(join(root, '.git')) ? root : resolve(cwd);
}

/** The key of a file in the baseline: its path from the root, `/`-separated on every system. */
export function baselineKey(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

export class SuppressionsFileError extends Error {
  constructor(
    /** The file, as the user named it. */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** The baseline in `path`; an empty one when there is no such file. Throws SuppressionsFileError when it cannot be used. */
export function loadBaseline(path: string, shown = path): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new SuppressionsFileError(shown, `cannot read: ${describeFsError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SuppressionsFileError(shown, `not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it, or delete it and run dmlint --suppress-all`);
  }
  const read = readBaseline(parsed);
  if ('problem' in read) throw new SuppressionsFileError(shown, `not a dmlint suppressions file: ${read.problem}`);
  return read.baseline;
}

export type BaselineMode = { kind: 'apply' } | { kind: 'record'; rules: readonly string[] | null } | { kind: 'prune' };

export interface BaselineRun {
  results: LintResult[];
  /** Lines worth telling: how many errors were suppressed, what the file no longer needs, what was written. */
  notices: string[];
}

/**
 * One run's use of the baseline file at `location` (relative to `cwd`): records or prunes it when
 * asked, then suppresses what it allows in `results`. Throws SuppressionsFileError.
 */
export async function useBaseline(results: readonly LintResult[], mode: BaselineMode, location: string | null, cwd: string): Promise<BaselineRun> {
  const root = baselineRoot(cwd);
  const path = location === null ? join(root, SUPPRESSIONS_FILE) : resolve(cwd, location);
  const shown = isAbsolute(location ?? '') ? path : relative(cwd, path) || path;
  let baseline = loadBaseline(path, shown);
  const linted: KeyedResult[] = results.filter((result) => isAbsolute(result.filePath)).map((result) => ({ key: baselineKey(root, result.filePath), result }));
  const notices: string[] = [];
  if (mode.kind !== 'apply') {
    baseline = mode.kind === 'record' ? recordBaseline(baseline, linted, mode.rules) : pruneBaseline(baseline, linted, (key) => !existsSync(join(root, key)));
    try {
      await writeFile(path, formatBaseline(baseline));
    } catch (error) {
      throw new SuppressionsFileError(shown, `cannot write: ${describeFsError(error)}`);
    }
    const errors = Object.values(baseline).reduce((sum, rules) => sum + Object.values(rules).reduce((inFile, { count }) => inFile + count, 0), 0);
    notices.push(`wrote ${shown}: ${plural(errors, 'error')} in ${plural(Object.keys(baseline).length, 'file')} recorded`);
  }
  let suppressed = 0;
  let unused = 0;
  const byKey = new Map(linted.map(({ key, result }) => [result, key]));
  const applied = results.map((result) => {
    const key = byKey.get(result);
    const outcome = applyBaseline(result, key === undefined ? undefined : baseline[key]);
    suppressed += outcome.suppressed;
    unused += outcome.unused;
    return outcome.result;
  });
  if (suppressed > 0) notices.push(`${plural(suppressed, 'error')} suppressed by ${shown}`);
  if (unused > 0) notices.push(`${plural(unused, 'error')} recorded in ${shown} not found any more; run dmlint --prune-suppressions to drop them`);
  return { results: applied, notices };
}
