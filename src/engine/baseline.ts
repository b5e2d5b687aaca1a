/**
 * A baseline of known problems (the `dmlint-suppressions.json` file): per file, per rule, how many
 * errors were there when the team adopted dmlint. Pure counting and filtering; reading and writing
 * the file is the hosts' (src/host/suppressions-file.ts).
 *
 * Counts, not positions: a count survives edits that move problems about, and two branches that
 * each fix problems change different numbers, which merge. When a file has more errors of a rule
 * than recorded, all of them are reported, since nothing tells which one is new.
 */
import { toResult } from './run-rules.js';
import { INTERNAL_ERROR, INVALID_ENCODING, PARSE_LIMIT, type LintMessage, type LintResult } from './types.js';

/** Path (relative to the repository root, `/`-separated) → rule id → recorded count. */
export type Baseline = Record<string, Record<string, { count: number }>>;

/** A result with the path the baseline knows it by. */
export interface KeyedResult {
  key: string;
  result: LintResult;
}

/** Messages that say dmlint could not read or check the file: never recorded, never suppressed. */
const NOT_A_FINDING = new Set([INTERNAL_ERROR, INVALID_ENCODING, PARSE_LIMIT]);

function countable(message: LintMessage): boolean {
  return message.severity === 'error' && !NOT_A_FINDING.has(message.ruleId);
}

/** Errors per rule in one result. */
export function countErrors(result: LintResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of result.messages) if (countable(message)) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * The baseline with the current errors of the linted files recorded: every rule's, or only those
 * of `onlyRules`. Files not linted this time keep their entries.
 */
export function recordBaseline(baseline: Baseline, linted: readonly KeyedResult[], onlyRules: readonly string[] | null): Baseline {
  const next: Baseline = { ...baseline };
  for (const { key, result } of linted) {
    const rules = { ...(next[key] ?? {}) };
    const counts = countErrors(result);
    for (const rule of onlyRules ?? new Set([...Object.keys(rules), ...counts.keys()])) {
      const count = counts.get(rule) ?? 0;
      if (count > 0) rules[rule] = { count };
      else delete rules[rule];
    }
    if (Object.keys(rules).length > 0) next[key] = rules;
    else delete next[key];
  }
  return sortedBaseline(next);
}

/**
 * The baseline without what is no longer needed: counts of the linted files lowered to what is
 * left, entries of rules with no error left removed, and files that are `gone` removed.
 */
export function pruneBaseline(baseline: Baseline, linted: readonly KeyedResult[], gone: (key: string) => boolean): Baseline {
  const byKey = new Map(linted.map(({ key, result }) => [key, countErrors(result)]));
  const next: Baseline = {};
  for (const [key, rules] of Object.entries(baseline)) {
    const counts = byKey.get(key);
    if (!counts) {
      if (!gone(key)) next[key] = rules;
      continue;
    }
    const kept: Record<string, { count: number }> = {};
    for (const [rule, { count }] of Object.entries(rules)) {
      const now = Math.min(count, counts.get(rule) ?? 0);
      if (now > 0) kept[rule] = { count: now };
    }
    if (Object.keys(kept).length > 0) next[key] = kept;
  }
  return sortedBaseline(next);
}

export interface BaselineOutcome {
  result: LintResult;
  /** Errors the baseline suppressed in this file. */
  suppressed: number;
  /** Recorded errors that no longer occur (a count larger than what is there). */
  unused: number;
}

/**
 * Moves the errors the baseline allows to `suppressedMessages`. A rule whose errors exceed its
 * count keeps all of them reported.
 */
export function applyBaseline(result: LintResult, recorded: Record<string, { count: number }> | undefined): BaselineOutcome {
  if (!recorded) return { result, suppressed: 0, unused: 0 };
  const counts = countErrors(result);
  const allowed = new Set<string>();
  let unused = 0;
  for (const [rule, { count }] of Object.entries(recorded)) {
    const now = counts.get(rule) ?? 0;
    if (now <= count) {
      allowed.add(rule);
      unused += count - now;
    }
  }
  const kept: LintMessage[] = [];
  const suppressed: LintMessage[] = [];
  for (const message of result.messages) {
    if (countable(message) && allowed.has(message.ruleId)) suppressed.push({ ...message, suppressions: [{ kind: 'baseline', justification: '' }] });
    else kept.push(message);
  }
  if (suppressed.length === 0) return { result, suppressed: 0, unused };
  // The counts change with the suppressed messages; everything else of the result (output, fixed, completeness) stays.
  return { result: { ...result, ...toResult(result.filePath, kept, [...result.suppressedMessages, ...suppressed]) }, suppressed: suppressed.length, unused };
}

/** Files and rules in code-point order, so the file's text depends only on its content. */
export function sortedBaseline(baseline: Baseline): Baseline {
  const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted: Baseline = {};
  for (const key of Object.keys(baseline).sort(byCodePoint)) {
    const rules = baseline[key] ?? {};
    sorted[key] = Object.fromEntries(
      Object.keys(rules)
        .sort(byCodePoint)
        .map((rule) => [rule, { count: rules[rule]?.count ?? 0 }]),
    );
  }
  return sorted;
}

/** The baseline as the file holds it: sorted, two-space indented, one final newline. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(sortedBaseline(baseline), null, 2)}\n`;
}

/**
 * Reads parsed JSON as a baseline, or says what is wrong with it: anything but
 * `{ "<path>": { "<rule>": { "count": <whole number ≥ 1> } } }` is refused.
 */
export function readBaseline(value: unknown): { baseline: Baseline } | { problem: string } {
  if (!isObject(value)) return { problem: 'expected an object of files' };
  const baseline: Baseline = {};
  for (const [key, rules] of Object.entries(value)) {
    if (!isObject(rules)) return { problem: `${JSON.stringify(key)}: expected an object of rules` };
    const entry: Record<string, { count: number }> = {};
    for (const [rule, record] of Object.entries(rules)) {
      const count = isObject(record) ? record.count : undefined;
      if (!isObject(record) || Object.keys(record).length !== 1 || typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        return { problem: `${JSON.stringify(key)} → ${JSON.stringify(rule)}: expected { "count": <a whole number of 1 or more> }` };
      }
      entry[rule] = { count };
    }
    baseline[key] = entry;
  }
  return { baseline };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
