/**
 * Vitest global setup: builds dist/ so that the tests that run the executable run the current
 * bundle. The build is skipped when its inputs have not changed since dist/ was built (a digest of
 * them is kept in dist/), and serialised by a lock directory, so test runs that overlap do not
 * build over each other.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const DIGEST = join(REPO, 'dist', '.inputs-digest');
const LOCK = join(REPO, '.build.lock');
/** What the build reads: sources, the build scripts, the dependencies. (Fixtures only train the code cache.) */
const INPUTS = ['src', 'rules', 'scripts', 'package.json', 'package-lock.json'];

function files(path: string): string[] {
  const full = join(REPO, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function inputsDigest(): string {
  const hash = createHash('sha256').update(process.version);
  for (const file of INPUTS.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(join(REPO, file)));
  return hash.digest('hex');
}

function withLock(work: () => void): void {
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 600) throw error;
      // A lock left by a run that was killed while building: no build takes two minutes.
      if (Date.now() - statSync(LOCK).mtimeMs > 120_000) {
        rmdirSync(LOCK);
        continue;
      }
      // Another run is building: wait for it (Atomics.wait sleeps without spinning).
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    rmdirSync(LOCK);
  }
}

export default function setup(): void {
  withLock(() => {
    const digest = inputsDigest();
    if (existsSync(DIGEST) && readFileSync(DIGEST, 'utf8') === digest) return;
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
    writeFileSync(DIGEST, digest);
  });
}
