/**
 * Files done / total and the time left, on one rewritten line of standard error — only on a
 * terminal, not in CI, and only once a run has gone on long enough to need it. Cleared before
 * the report is printed.
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A run shorter than this never shows progress. */
const SHOW_AFTER_MS = 1000;
const REFRESH_MS = 100;

export class Progress {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private drawn = false;

  private constructor(private readonly stream: ProgressStream) {}

  /** A progress line on this stream, or null where it would get in the way. */
  static for(stream: ProgressStream, env: NodeJS.ProcessEnv): Progress | null {
    const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
    return stream.isTTY === true && !ci ? new Progress(stream) : null;
  }

  update(done: number, total: number): void {
    const now = Date.now();
    const elapsed = now - this.started;
    if (elapsed < SHOW_AFTER_MS || now - this.lastDrawn < REFRESH_MS || done === 0) return;
    this.lastDrawn = now;
    const left = Math.round(((elapsed / done) * (total - done)) / 1000);
    this.stream.write(`\r\x1b[2Kdmlint: ${done}/${total} files, about ${left} s left`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
