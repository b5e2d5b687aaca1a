/**
 * Lints many files on all cores: this thread lints files itself, next to a few worker threads.
 * Each lane takes the next file when it is ready for one, so a slow file never holds a queue
 * behind it. A worker that fails — out of memory, a crash — is not fatal: its files are linted
 * again in this thread, and its lanes go on there.
 *
 * Why this thread lints too: on two cores, two workers plus an idle main thread mean three V8
 * isolates, each warming up its own optimising compiler, and the main thread's core time is lost.
 * (docs/performance.md has the measurements.)
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JobOutcome } from './lint-job.js';
import type { WorkspaceOptions } from './workspace.js';

export interface PoolRequest {
  /** Numbers the request, for its reply: a worker may answer out of order (its settings lookups wait on files). */
  id: number;
  file: string;
  text: string;
}

export type PoolReply = { id: number } & ({ outcome: JobOutcome } | { error: string });

export interface PoolJob extends Omit<PoolRequest, 'id'> {
  /** Lints the job in this thread: the fallback when a worker fails. */
  inThisThread(): JobOutcome;
  /** Takes the outcome, from a worker or from this thread. */
  done(outcome: JobOutcome): void;
}

export interface PoolOptions {
  /** The file a worker thread runs: the built executable (dist/cli.cjs), which lints in a worker. */
  script: URL;
  workspace: WorkspaceOptions;
  /** How many worker threads to start, next to this thread. */
  workers: number;
  /** The job for an index, read when a lane is ready for it; null when it needs no linting. */
  prepare(index: number): Promise<PoolJob | null>;
  /** Told when a worker failed and its work moved to the main thread. */
  onNotice(notice: string): void;
}

/**
 * The young generation of a worker thread (V8's `maxYoungGenerationSizeMb`: its two semispaces
 * and young large objects), against V8's 48 MB: with the heap settings of src/cli/startup/heap-settings.ts,
 * peak memory on many files is mostly garbage waiting to be collected. The main thread keeps V8's:
 * it cannot be changed once the process runs.
 */
export const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * Below this many files per worker, starting workers costs more than it saves: each worker loads
 * dmlint and warms up its own compiler (about a second of work before it runs at full speed).
 */
const FILES_PER_THREAD = 40;
const MAX_THREADS = 8;

/**
 * Files in flight to one worker at a time: the one it lints and the next ones, so it never waits
 * for this thread to hand it a file while this thread is busy linting one of its own.
 */
const WORKER_QUEUE = 3;

/**
 * How many worker threads to start for this many files, next to this thread: `concurrency` counts
 * the threads that lint, this one included; 0 means this thread lints alone.
 */
export function poolSize(files: number, concurrency: number | 'auto'): number {
  const threads = concurrency === 'auto' ? Math.min(availableParallelism(), MAX_THREADS, Math.floor(files / FILES_PER_THREAD)) : Math.min(concurrency, files);
  return Math.max(0, threads - 1);
}

/**
 * Lints jobs 0 … count-1 in this thread and in `workers` worker threads. A lane takes the next
 * index, prepares it and lints it; a worker starts only when it first has something to lint (a
 * warm cache needs none).
 */
export async function lintInWorkers(count: number, options: PoolOptions): Promise<void> {
  let next = 0;
  const thisThreadLane = async (): Promise<void> => {
    while (next < count) {
      const job = await options.prepare(next++);
      if (!job) continue;
      job.done(job.inThisThread());
      // Let the workers' replies in, and hand them their next files.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const workerLanes = async (): Promise<void> => {
    const worker = new LintWorker(options.script, options.workspace);
    let failed = false;
    const lane = async (): Promise<void> => {
      while (next < count) {
        const job = await options.prepare(next++);
        if (!job) continue;
        let outcome: JobOutcome | null = null;
        if (!failed) {
          try {
            outcome = await worker.lint(job.file, job.text);
          } catch (error) {
            // Every file in flight fails with the worker; the first lane to hear of it says so.
            if (!failed) options.onNotice(`a worker thread stopped (${error instanceof Error ? error.message : String(error)}); linting the rest of its files in the main thread`);
            failed = true;
          }
        }
        job.done(outcome ?? job.inThisThread());
      }
    };
    try {
      await Promise.all(Array.from({ length: WORKER_QUEUE }, lane));
    } finally {
      await worker.close();
    }
  };
  await Promise.all([thisThreadLane(), ...Array.from({ length: options.workers }, workerLanes)]);
}

/** One worker thread, started when it is first sent a file, with a few files in flight. */
class LintWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(outcome: JobOutcome): void; reject(error: Error): void }>();
  private sent = 0;
  private failure: Error | null = null;

  constructor(
    private readonly script: URL,
    private readonly workspace: WorkspaceOptions,
  ) {}

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: this.workspace, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.on('message', (reply: PoolReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('outcome' in reply) pending?.resolve(reply.outcome);
      else pending?.reject(new Error(reply.error));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`exited with code ${code}`)));
    return worker;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  lint(file: string, text: string): Promise<JobOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    this.worker ??= this.start();
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const id = this.sent++;
      this.pending.set(id, { resolve, reject });
      const request: PoolRequest = { id, file, text };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    await this.worker?.terminate();
  }
}
