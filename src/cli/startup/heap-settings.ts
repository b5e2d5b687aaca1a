/**
 * How the CLI's V8 heaps grow. A run over many files keeps two heaps busy (this thread and a
 * worker), each with little live between files. V8's own growing factor lets each heap's old
 * generation reach several times that before a full collection, most of it finished files'
 * garbage: peak memory is mostly garbage waiting to be collected. So the old generation grows by
 * a smaller percent past what a collection left live.
 *
 * The young generation keeps V8's growth factor of 2: a larger factor sent long runs into a mode
 * where far more of each scavenge survived and was promoted. The measurements of both are in
 * docs/performance.md.
 */
import { setFlagsFromString } from 'node:v8';

/** The old generation may grow this many percent past what a full collection left live. */
export const HEAP_GROWING_PERCENT = 100;

/** (The worker threads' young generation is set where they start: WORKER_YOUNG_GENERATION_MB in src/host/pool.ts.) */

/**
 * The V8 flags to set for this process: none that the user gave Node already (theirs win; Node
 * does not take this flag from NODE_OPTIONS).
 */
export function heapFlags(execArgv: readonly string[]): string[] {
  const given = execArgv.some((arg) => arg.replace(/_/g, '-').startsWith('--heap-growing-percent'));
  return given ? [] : [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
}

/**
 * Sets the heap flags; call it before the bundle is compiled. V8 keys cached code by its flags, so
 * the build's run that makes the code cache sets them in the same way (both go through the
 * launcher). V8 reads this flag whenever it sizes the heap, so setting it at run time takes effect.
 */
export function applyHeapFlags(execArgv: readonly string[]): void {
  for (const flag of heapFlags(execArgv)) setFlagsFromString(flag);
}
