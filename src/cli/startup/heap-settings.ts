/**
 * How the CLI's V8 heaps grow. A run over many files keeps two heaps busy (this thread and a
 * worker), each with about 12 MB live between files. V8's own growing factor lets each heap's old
 * generation reach up to four times that before a full collection, most of it finished files'
 * garbage, and each young generation takes 32 MB: peak memory is mostly garbage waiting to be
 * collected. Measured on the bench's 1,000 documents (alternating runs, medians of 3): V8's
 * defaults 265–309 MB; 150% growth 240 MB; 100% growth 227 MB; 100% growth and a 24 MB worker
 * young generation 207 MB, in about 5% more time than 100% growth alone, which collections spend.
 *
 * The young generation keeps V8's growth factor of 2. With 4 (`--semi-space-growth-factor`) one
 * cold document took 16 ms less, but about half of long runs fell into a mode where a fifth of
 * the young generation survived each scavenge instead of a twentieth: 300 documents in one thread
 * then took 53–75 full collections instead of 11–14, and 1,000 documents 38.7 s instead of 26.8 s.
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
