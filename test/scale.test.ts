/**
 * Running at scale: the result cache (used only when nothing a result depends on changed, never
 * trusted when damaged), sharding across CI runners, worker threads, and the progress line.
 */
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lintInWorkers, poolSize, WORKER_YOUNG_GENERATION_MB, type PoolJob } from '../src/host/pool.js';
import { Progress } from '../src/cli/progress.js';
import { inShard, parseShard } from '../src/host/shard.js';
import { nodeHost } from '../src/host/node-host.js';
import { runLintJob, type JobOutcome } from '../src/host/lint-job.js';
import { REPO, runCli, runMain, scratchDir } from './support/cli.js';

const VALID = readFileSync(join(REPO, 'fixtures/examples/checkout-orders/data-model.md'), 'utf8');
const SPEC = readFileSync(join(REPO, 'fixtures/examples/checkout-orders/spec.md'), 'utf8');
const PLACEHOLDER = VALID.replace('Records shoppers, the catalogue and checkout orders', '[What data this model represents and why it exists]');

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; message: string }[];
}

/** A project with documents: some clean, one with a placeholder, one whose Spec link needs spec.md. */
function project(count = 3): string {
  const files: Record<string, string> = {};
  for (let number = 1; number <= count; number++) {
    const dir = `specs/${String(number).padStart(3, '0')}-feature`;
    files[`${dir}/data-model.md`] = number === 2 ? PLACEHOLDER : VALID.replace('\n', `\n<!-- copy ${number} -->\n`);
    files[`${dir}/spec.md`] = SPEC;
  }
  return scratchDir(files);
}

/** dmlint in this process (runMain): what is under test here is what it decides, not the process. */
async function lintJson(cwd: string, args: string[] = []): Promise<{ code: number | null; results: JsonResult[]; stderr: string }> {
  const run = await runMain(['--format', 'json', ...args, 'specs'], { cwd });
  return { code: run.code, results: JSON.parse(run.stdout) as JsonResult[], stderr: run.stderr };
}

/** The same, with the built executable: worker threads are started by it. */
function lintJsonWithExecutable(cwd: string, args: string[] = []): { code: number | null; results: JsonResult[]; stderr: string } {
  const run = runCli(['--format', 'json', ...args, 'specs'], { cwd });
  return { code: run.code, results: JSON.parse(run.stdout) as JsonResult[], stderr: run.stderr };
}

describe('--cache', () => {
  it('stores results, gives identical output when warm, and uses the stored results', async () => {
    const cwd = project();
    const fresh = await lintJson(cwd);
    const cold = await lintJson(cwd, ['--cache']);
    const warm = await lintJson(cwd, ['--cache']);
    expect(fresh.results.some((result) => result.messages.length > 0)).toBe(true);
    expect(cold).toEqual(fresh);
    expect(warm).toEqual(fresh);
    // Proof that the warm run answered from the cache: a message edited in the cache file shows up.
    const cacheFile = join(cwd, '.dmlintcache');
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { format: string; entries: Record<string, { result: JsonResult }> };
    expect(data.format).toBe('dmlint-cache');
    expect(Object.keys(data.entries).sort()).toEqual(['specs/001-feature/data-model.md', 'specs/002-feature/data-model.md', 'specs/003-feature/data-model.md']);
    const entry = data.entries['specs/002-feature/data-model.md'];
    if (!entry?.result.messages[0]) throw new Error('the placeholder document has no cached message');
    entry.result.messages[0].message = 'from the cache';
    writeFileSync(cacheFile, JSON.stringify(data));
    expect((await lintJson(cwd, ['--cache'])).results[1]?.messages[0]?.message).toBe('from the cache');
    // Change the file: the stored result no longer applies.
    writeFileSync(join(cwd, 'specs/002-feature/data-model.md'), `${PLACEHOLDER}\n`);
    expect((await lintJson(cwd, ['--cache'])).results[1]?.messages[0]?.message).toBe(fresh.results[1]?.messages[0]?.message);
  });

  it('does not reuse a result when the rules change or a file a rule looked at appears or disappears', async () => {
    const cwd = project();
    await lintJson(cwd, ['--cache']);
    const placeholderOff = await lintJson(cwd, ['--cache', '--rule', 'no-placeholder: off']);
    expect(placeholderOff.results[1]?.messages.map((message) => message.ruleId)).not.toContain('no-placeholder');
    rmSync(join(cwd, 'specs/003-feature/spec.md'));
    const cached = await lintJson(cwd, ['--cache']);
    expect(cached).toEqual(await lintJson(cwd));
    expect(cached.results[2]?.messages.map((message) => message.ruleId)).toContain('header-metadata');
  });

  it.each([
    ['corrupt', () => 'not json {', /not valid JSON/],
    ['truncated', (valid: string) => valid.slice(0, valid.length / 2), /not valid JSON/],
    ['foreign', () => JSON.stringify({ some: 'other tool' }), /not a dmlint cache file/],
    ['from another version', (valid: string) => valid.replace(/"dmlint":"[^"]*"/, '"dmlint":"0.0.0-old"'), /written by dmlint 0\.0\.0-old/],
    ['malformed', (valid: string) => valid.replace(/"messages":\[/, '"messages":7,"x":['), /entries are malformed/],
    ['positionless', (valid: string) => valid.replace(/"line":\d+/, '"line":0'), /entries are malformed/],
  ])('ignores and rebuilds a %s cache file, with the same results and exit code', async (_kind, damage, reason) => {
    const cwd = project();
    const fresh = await lintJson(cwd);
    await lintJson(cwd, ['--cache']);
    const cacheFile = join(cwd, '.dmlintcache');
    writeFileSync(cacheFile, damage(readFileSync(cacheFile, 'utf8')));
    const run = await lintJson(cwd, ['--cache']);
    expect(run.results).toEqual(fresh.results);
    expect(run.code).toBe(fresh.code);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toMatch(/it will be rebuilt/);
    expect((JSON.parse(readFileSync(cacheFile, 'utf8')) as { format: string }).format).toBe('dmlint-cache');
  });

  it('keeps going when the cache cannot be written: same results and exit code, a note on stderr', async () => {
    const cwd = project();
    const fresh = await lintJson(cwd);
    writeFileSync(join(cwd, 'blocker'), 'a file where a directory would be');
    const run = await lintJson(cwd, ['--cache', '--cache-location', 'blocker/cache.json']);
    expect(run.results).toEqual(fresh.results);
    expect(run.code).toBe(fresh.code);
    expect(run.stderr).toMatch(/^dmlint: note: cannot write the cache .*blocker\/cache\.json: /m);
  });

  it('puts the cache file in a directory given with --cache-location, and needs --cache for it', async () => {
    const cwd = project(1);
    await lintJson(cwd, ['--cache', '--cache-location', 'tmp/']);
    expect(existsSync(join(cwd, 'tmp/.dmlintcache'))).toBe(true);
    const usage = await runMain(['--cache-location', 'x', 'specs'], { cwd });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('dmlint: --cache-location needs --cache. Run "dmlint --help" for usage.\n');
  });
});

describe('--shard', () => {
  it('splits the files into disjoint parts that cover them all, whatever order they are named in', async () => {
    const cwd = project(12);
    const all = (await lintJson(cwd)).results.map((result) => result.filePath);
    const parts: string[][] = [];
    for (const index of [1, 2, 3]) parts.push((await lintJson(cwd, ['--shard', `${index}/3`])).results.map((result) => result.filePath));
    expect(parts.flat().sort()).toEqual([...all].sort());
    expect(parts.every((part) => part.length > 0)).toBe(true);
    const named = [...all].reverse();
    const reordered = await runMain(['--format', 'json', '--shard', '2/3', ...named], { cwd });
    expect((JSON.parse(reordered.stdout) as JsonResult[]).map((result) => result.filePath)).toEqual(parts[1]);
  });

  it('gives each file the same shard whatever the current directory', async () => {
    const cwd = project(12);
    writeFileSync(join(cwd, '.git'), 'gitdir: elsewhere\n');
    for (const index of [1, 2]) {
      const fromRoot = (await lintJson(cwd, ['--shard', `${index}/2`])).results.map((result) => result.filePath);
      const fromSpecs = JSON.parse((await runMain(['--format', 'json', '--shard', `${index}/2`, '.'], { cwd: join(cwd, 'specs') })).stdout) as JsonResult[];
      expect(fromRoot.length).toBeGreaterThan(0);
      expect(fromSpecs.map((result) => result.filePath)).toEqual(fromRoot);
    }
  });

  it('partitions by path relative to the project root, so every runner agrees', () => {
    const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => `/checkout/specs/${name}/data-model.md`);
    const elsewhere = files.map((file) => file.replace('/checkout', '/other/place'));
    expect(inShard(files, { index: 1, count: 2 }, '/checkout').map((file) => file.slice('/checkout'.length))).toEqual(
      inShard(elsewhere, { index: 1, count: 2 }, '/other/place').map((file) => file.slice('/other/place'.length)),
    );
  });

  it.each(['0/3', '4/3', '1/0', 'x', '1/2/3', ''])('rejects --shard %j with exit 2', async (value) => {
    const run = await runMain(['--shard', value, 'specs'], { cwd: project(1) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shard takes "i/n" with 1 <= i <= n');
  });

  it('parses i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('3/2')).toBeNull();
  });
});

describe('worker threads', () => {
  /** A clean outcome for a stand-in job, named after where it was linted. */
  const cleanOutcome = (filePath: string): JobOutcome => ({ result: { filePath, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: 0 }, checks: [], related: [] });
  /** Stand-in jobs f0, f1 …: each records `index:filePath` when done (`here<index>` when linted in this thread). */
  const standInJobs =
    (done: string[]) =>
    (index: number): Promise<PoolJob> =>
      Promise.resolve({
        file: `f${index}`,
        text: '',
        inThisThread: () => cleanOutcome(`here${index}`),
        done: (outcome: JobOutcome) => done.push(`${index}:${outcome.result.filePath}`),
      });
  const script = pathToFileURL(join(REPO, 'dist/cli.cjs'));
  /** A stand-in worker script, one line per item, written to a scratch directory. */
  const standInWorker = (name: string, lines: readonly string[]): URL => pathToFileURL(join(scratchDir({ [name]: [...lines, ''].join('\n') }), name));

  // Two threads asked for (this one and a worker): the pool is used whatever the number of files.
  it('give the same output as one thread', { timeout: 120_000 }, () => {
    const cwd = project(24);
    const single = lintJsonWithExecutable(cwd, ['--concurrency', 'off']);
    const pooled = lintJsonWithExecutable(cwd, ['--concurrency', '2']);
    expect(pooled).toEqual(single);
    expect(single.results).toHaveLength(24);
  });

  it('are used for enough files only, and never more than asked for (this thread counts as one)', () => {
    expect(poolSize(5, 'auto')).toBe(0);
    expect(poolSize(30, 1)).toBe(0);
    expect(poolSize(30, 3)).toBe(2);
    expect(poolSize(2, 4)).toBe(1);
  });

  it('lint in this thread and in the built worker, which gets the next files at once', async () => {
    const cwd = project(4);
    const done = new Map<number, JobOutcome>();
    const here: number[] = [];
    const notices: string[] = [];
    const prepare = (index: number): Promise<PoolJob | null> => {
      // Job 2 needs no linting (as a cached file): it never reaches a worker.
      if (index === 2) return Promise.resolve(null);
      const file = join(cwd, `specs/00${index + 1}-feature/data-model.md`);
      const text = readFileSync(file, 'utf8');
      return Promise.resolve({
        file,
        text,
        inThisThread: () => {
          here.push(index);
          return runLintJob(text, { filePath: file, host: nodeHost });
        },
        done: (outcome: JobOutcome) => done.set(index, outcome),
      });
    };
    await lintInWorkers(4, { script, workspace: { cwd }, workers: 1, prepare, onNotice: (notice) => notices.push(notice) });
    expect(notices).toEqual([]);
    // Each lane claims its first job before any of them waits: job 0 here, jobs 1 to 3 to the worker.
    expect(here).toEqual([0]);
    expect([...done.keys()].sort()).toEqual([0, 1, 3]);
    expect(done.get(1)?.result.messages.map((message) => message.ruleId)).toContain('no-placeholder');
    expect(done.get(0)?.result.messages).toEqual([]);
    expect(done.get(3)?.result.messages).toEqual([]);
    // Both threads looked the Spec link up, and recorded the answer for the cache.
    expect(done.get(0)?.checks).toEqual([[join(cwd, 'specs/001-feature/spec.md'), true]]);
    expect(done.get(3)?.checks).toEqual([[join(cwd, 'specs/004-feature/spec.md'), true]]);
  });

  it('match each reply of a worker to its file, in whatever order the replies come', async () => {
    // A stand-in worker that answers its first two files in reverse order.
    const reversing = standInWorker('reverse.mjs', [
      "import { parentPort } from 'node:worker_threads';",
      'const held = [];',
      "parentPort.on('message', (request) => {",
      '  held.push(request);',
      '  if (held.length < 2) return;',
      "  for (const { id, file } of held.reverse()) parentPort.postMessage({ id, outcome: { result: { filePath: file, messages: [] }, checks: [] } });",
      '});',
    ]);
    const done: string[] = [];
    await lintInWorkers(3, { script: reversing, workspace: { cwd: REPO }, workers: 1, prepare: standInJobs(done), onNotice: (notice) => done.push(notice) });
    expect(done).toEqual(['0:here0', '2:f2', '1:f1']);
  });

  it('start workers with a smaller young generation than V8 gives this thread', async () => {
    // A stand-in worker that answers with the limits it was started with.
    const reporting = standInWorker('limits.mjs', [
      "import { parentPort, resourceLimits } from 'node:worker_threads';",
      "parentPort.on('message', ({ id }) => parentPort.postMessage({ id, outcome: { result: { filePath: `young ${resourceLimits.maxYoungGenerationSizeMb}` }, checks: [] } }));",
    ]);
    const done: string[] = [];
    await lintInWorkers(2, { script: reporting, workspace: { cwd: REPO }, workers: 1, prepare: standInJobs(done), onNotice: (notice) => done.push(notice) });
    expect(done.sort()).toEqual(['0:here0', `1:young ${WORKER_YOUNG_GENERATION_MB}`]);
  });

  it('fall back to this thread when a worker dies, saying so', async () => {
    const crashing = standInWorker('crash.mjs', ['process.exit(3);']);
    const done: string[] = [];
    const notices: string[] = [];
    // Job 0 is this thread's; jobs 1 and 2 go to the first worker, which dies with both in flight.
    await lintInWorkers(3, { script: crashing, workspace: { cwd: REPO }, workers: 2, prepare: standInJobs(done), onNotice: (notice) => notices.push(notice) });
    expect(done.sort()).toEqual(['0:here0', '1:here1', '2:here2']);
    expect(notices).toEqual(['a worker thread stopped (exited with code 3); linting the rest of its files in the main thread']);
  });
});

describe('progress line', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows files done and time left on a terminal after a second, and clears itself', () => {
    const written: string[] = [];
    const progress = Progress.for({ isTTY: true, write: (text: string) => written.push(text) }, {});
    if (!progress) throw new Error('expected a progress line on a terminal');
    progress.update(1, 10);
    expect(written).toEqual([]);
    vi.setSystemTime(new Date('2026-01-01T00:00:02Z'));
    progress.update(4, 10);
    expect(written).toEqual(['\r\x1b[2Kdmlint: 4/10 files, about 3 s left']);
    progress.clear();
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays silent when standard error is not a terminal or CI is set', () => {
    expect(Progress.for({ isTTY: false, write: () => undefined }, {})).toBeNull();
    expect(Progress.for({ isTTY: true, write: () => undefined }, { CI: 'true' })).toBeNull();
    expect(Progress.for({ isTTY: true, write: () => undefined }, { CI: 'false' })).not.toBeNull();
  });
});
