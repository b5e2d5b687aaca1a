/**
 * Where the time goes, phase by phase (DMLINT_TIMING=1 prints it; the benchmark reads it). Off by
 * default: when off, timed() costs one boolean test.
 */
let enabled = false;
const totals = new Map<string, number>();

export function enableTiming(): void {
  enabled = true;
}

export function timed<T>(phase: string, work: () => T): T {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    totals.set(phase, (totals.get(phase) ?? 0) + performance.now() - start);
  }
}

export async function timedAsync<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    totals.set(phase, (totals.get(phase) ?? 0) + performance.now() - start);
  }
}

/** Adds time measured elsewhere (such as start-up, before any code of ours ran). */
export function addTime(phase: string, milliseconds: number): void {
  if (enabled) totals.set(phase, (totals.get(phase) ?? 0) + milliseconds);
}

export function timingReport(): Record<string, number> {
  return Object.fromEntries([...totals].map(([phase, ms]) => [phase, Math.round(ms * 10) / 10]));
}
