/**
 * Vitest global setup: every test's temporary files go into one directory of this run (TMPDIR for
 * the test workers and the programs they start, code caches included), removed when the run ends,
 * so that a run leaves nothing behind.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'dmlint-tests-'));
  // Readable by all, as the system's own temporary directory is: some tests run dmlint as another user.
  chmodSync(root, 0o755);
  // Read by os.tmpdir() in the workers, which inherit this process's environment, and in what they start.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
