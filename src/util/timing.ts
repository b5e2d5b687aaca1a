/**
 * Where the time goes, phase by phase (DMLINT_TIMING=1 prints it; the benchmark reads it). Off by
 * default: when off, timed() costs one boolean test. A phase's time excludes the phases timed
 * inside it (`model` excludes the `parse` it calls), so that the phases add up to the run.
 */
let enabled = false;
const totals = new Map<string, number>();
/** Time spent in phases nested in the synchronous phase now running. */
let nestedTime = 0;
/** The clock phases are timed by; a test sets its own, to count time it controls. */
let now = (): number => performance.now();

export function setClock(clock: () => number): void {
  now = clock;
}

export function enableTiming(): void {
  enabled = true;
}

/** Timing off and the totals cleared: for a test that turned it on. */
export function resetTiming(): void {
  enabled = false;
  totals.clear();
  nestedTime = 0;
}

export function timed<T>(phase: string, work: () => T): T {
  if (!enabled) return work();
  const outerNested = nestedTime;
  nestedTime = 0;
  const start = now();
  try {
    return work();
  } finally {
    const elapsed = now() - start;
    totals.set(phase, (totals.get(phase) ?? 0) + elapsed - nestedTime);
    nestedTime = outerNested + elapsed;
  }
}

/**
 * An asynchronous phase (reading files, settling settings). Nothing synchronous is timed inside
 * one: its time is all its own.
 */

export async function timedAsync<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const start = now();
  try {
    return await work();
  } finally {
    totals.set(phase, (totals.get(phase) ?? 0) + now() - start);
  }
}

/** Adds time measured elsewhere (such as start-up, before any code of ours ran). */
export function addTime(phase: string, milliseconds: number): void {
  if (enabled) totals.set(phase, (totals.get(phase) ?? 0) + milliseconds);
}

export function timingReport(): Record<string, number> {
  return Object.fromEntries([...totals].map(([phase, ms]) => [phase, Math.round(ms * 10) / 10]));
}
