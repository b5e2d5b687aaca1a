/**
 * Lints many files on all cores: a few worker threads, each sent one file at a time (so a slow
 * file never holds a queue behind it). A worker that fails — out of memory, a crash — is not
 * fatal: its file is linted again in the main thread, and that lane goes on there.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JobOutcome } from './lint-job.js';
import type { WorkspaceOptions } from './workspace.js';

export interface PoolRequest {
  file: string;
  text: string;
}

export type PoolReply = { outcome: JobOutcome } | { error: string };

export interface PoolJob extends PoolRequest {
  /** Lints the job in this thread: the fallback when a worker fails. */
  inThisThread(): JobOutcome;
  /** Takes the outcome, from a worker or from this thread. */
  done(outcome: JobOutcome): void;
}

export interface PoolOptions {
  /** The built worker entry (dist/worker.js). */
  script: URL;
  workspace: WorkspaceOptions;
  size: number;
  /** The job for an index, read when a lane is ready for it; null when it needs no linting. */
  prepare(index: number): Promise<PoolJob | null>;
  /** Told when a worker failed and its work moved to the main thread. */
  onNotice(notice: string): void;
}

/**
 * Below this many files per worker, starting workers costs more than it saves: each worker loads
 * dmlint and warms up its own compiler (about a second of work before it runs at full speed).
 */
const FILES_PER_WORKER = 40;
const MAX_WORKERS = 8;

/** How many workers to use for this many files: 0 means lint in this thread. */
export function poolSize(files: number, concurrency: number | 'auto'): number {
  if (concurrency !== 'auto') return concurrency <= 1 ? 0 : Math.min(concurrency, files);
  const size = Math.min(availableParallelism(), MAX_WORKERS, Math.floor(files / FILES_PER_WORKER));
  return size >= 2 ? size : 0;
}

/**
 * Lints jobs 0 … count-1. Each lane takes the next index, prepares it and sends it to its worker;
 * a lane starts its worker only when it first has something to lint (a warm cache needs none).
 */
export async function lintInWorkers(count: number, options: PoolOptions): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker: LintWorker | null = null;
    let failed = false;
    try {
      while (next < count) {
        const job = await options.prepare(next++);
        if (!job) continue;
        let outcome: JobOutcome | null = null;
        if (!failed) {
          worker ??= new LintWorker(options.script, options.workspace);
          try {
            outcome = await worker.lint({ file: job.file, text: job.text });
          } catch (error) {
            options.onNotice(`a worker thread stopped (${error instanceof Error ? error.message : String(error)}); linting the rest of its files in the main thread`);
            failed = true;
            await worker.close();
            worker = null;
          }
        }
        job.done(outcome ?? job.inThisThread());
      }
    } finally {
      await worker?.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.size) }, lane));
}

/** One worker thread with at most one file in flight. */
class LintWorker {
  private readonly worker: Worker;
  private pending: { resolve(outcome: JobOutcome): void; reject(error: Error): void } | null = null;
  private failure: Error | null = null;

  constructor(script: URL, workspace: WorkspaceOptions) {
    this.worker = new Worker(script, { workerData: workspace });
    this.worker.on('message', (reply: PoolReply) => {
      const pending = this.pending;
      this.pending = null;
      if ('outcome' in reply) pending?.resolve(reply.outcome);
      else pending?.reject(new Error(reply.error));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`exited with code ${code}`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  lint(request: PoolRequest): Promise<JobOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    await this.worker.terminate();
  }
}
