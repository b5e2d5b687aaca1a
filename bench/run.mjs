// npm run bench [-- --runs n] : dmlint against markdownlint-cli2 (pinned devDependency, default
// configuration) on the same generated documents, whole processes, alternating, several runs
// each. Prints medians, the ratio dmlint / markdownlint-cli2 and whether each target holds, and
// dmlint's own profile; appends the results to bench/results/history.jsonl and writes
// bench/results/latest.md. Run `npm run build` first (npm run bench does).
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpora } from './corpus.mjs';
import { lspLatencies } from './lsp.mjs';
import { measure, median, percentile } from './measure.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'dist/cli.cjs');
const MARKDOWNLINT = join(REPO, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const RESULTS = join(REPO, 'bench/results');

const { values } = parseArgs({ options: { runs: { type: 'string' }, 'many-runs': { type: 'string' } } });
const RUNS = Number(values.runs ?? 7);
const MANY_RUNS = Number(values['many-runs'] ?? 3);

if (!existsSync(CLI)) {
  console.error('bench: dist/cli.cjs is missing; run npm run build first');
  process.exit(2);
}

// Outside the repository: its .gitignore must not hide the corpus from either tool.
const root = join(tmpdir(), 'dmlint-bench-corpus');
console.log('Generating the corpora from fixtures/examples ...');
const corpus = buildCorpora(root);
const cacheFile = join(root, 'bench.dmlintcache');

const dmlint = (args, env = {}, nodeFlags = []) => measure(process.execPath, [...nodeFlags, CLI, ...args], { cwd: root, env: { CI: 'true', ...env } });
const markdownlint = (args) => measure(process.execPath, [MARKDOWNLINT, ...args], { cwd: root });

/** Runs each tool `runs` times, alternating, and returns their medians. */
async function sideBySide(label, runs, ours, theirs) {
  const samples = { ours: [], theirs: [] };
  for (let run = 0; run < runs; run++) {
    samples.ours.push(await ours());
    if (theirs) samples.theirs.push(await theirs());
    process.stdout.write(`\r${label}: run ${run + 1}/${runs}   `);
  }
  process.stdout.write('\r\x1b[2K');
  const summary = (list) => (list.length === 0 ? null : { wall: median(list.map((sample) => sample.wall)), rss: median(list.map((sample) => sample.rss ?? 0)) || null });
  for (const sample of samples.ours) if (sample.code !== 0 && sample.code !== 1) throw new Error(`${label}: dmlint exited with ${sample.code}: ${sample.stderr}`);
  return { ours: summary(samples.ours), theirs: summary(samples.theirs), samples };
}

const relative = (path) => path.slice(root.length + 1);
const rows = [];
const targets = [];
function row(scenario, ours, theirs, note = '') {
  rows.push({ scenario, ours, theirs, note });
}
function target(name, value, limit) {
  targets.push({ name, value, limit, holds: value <= limit });
}

// 1. One document, cold process.
const one = await sideBySide('one document', RUNS, () => dmlint([relative(corpus.one)]), () => markdownlint([relative(corpus.one)]));
row(`one ${Math.round(readFileSync(corpus.one).length / 1024)} KB document, cold`, one.ours, one.theirs);
target('one document, cold: wall time vs markdownlint-cli2', one.ours.wall / one.theirs.wall, 0.35);
const bare = await sideBySide('bare node', RUNS, () => measure(process.execPath, ['-e', '']));

// dmlint's own profile of that run: the median of each phase.
const profiles = [];
for (let run = 0; run < RUNS; run++) {
  const { stderr } = await dmlint([relative(corpus.one)], { DMLINT_TIMING: '1' });
  const line = stderr.split('\n').find((text) => text.startsWith('{"timing"'));
  if (line) profiles.push(JSON.parse(line).timing);
}
const phases = [...new Set(profiles.flatMap((profile) => Object.keys(profile)))];
const profile = Object.fromEntries(phases.map((phase) => [phase, median(profiles.map((entry) => entry[phase] ?? 0))]));

// 2. 1,000 documents, no cache.
const many = await sideBySide('1,000 documents', MANY_RUNS, () => dmlint(['many']), () => markdownlint(['many/**/data-model.md']));
row('1,000 documents, no cache', many.ours, many.theirs, `${availableParallelism()} cores`);
target('1,000 documents: wall time vs markdownlint-cli2', many.ours.wall / many.theirs.wall, 0.5);
target('1,000 documents: peak RSS vs markdownlint-cli2', many.ours.rss / many.theirs.rss, 0.5);

// Not a target: the same run with V8's background threads off (--single-threaded), which only a
// command line can ask for. On two cores, V8's concurrent marking and compiling in the
// background compete with the two linting threads (see README, Performance). Primed once: V8's
// cached code is kept per set of flags.
const SINGLE_THREADED = ['--single-threaded'];
await dmlint([relative(corpus.one)], {}, SINGLE_THREADED);
const singleThreaded = await sideBySide('1,000 documents, node --single-threaded', MANY_RUNS, () => dmlint(['many'], {}, SINGLE_THREADED));
row('1,000 documents, `node --single-threaded`', singleThreaded.ours, many.theirs, 'not a target: V8 without background threads');

// 3. 1,000 documents, warm cache (primed once, then nothing changed).
rmSync(cacheFile, { force: true });
await dmlint(['--cache', '--cache-location', cacheFile, 'many']);
const warm = await sideBySide('1,000 documents, warm cache', RUNS, () => dmlint(['--cache', '--cache-location', cacheFile, 'many']));
row('1,000 documents, warm cache', warm.ours, many.theirs, 'vs markdownlint-cli2 without a cache (it has none)');
target('1,000 documents, warm cache: wall time vs markdownlint-cli2', warm.ours.wall / many.theirs.wall, 0.05);

// 4. Growth with document size.
const sized = {};
for (const [label, path] of Object.entries(corpus.sized)) {
  sized[label] = await sideBySide(`${label} document`, RUNS, () => dmlint([relative(path)]), () => markdownlint([relative(path)]));
  row(`${label} document`, sized[label].ours, sized[label].theirs);
}
target('1 MB document / 100 KB document (dmlint wall time)', sized['1mb'].ours.wall / sized['100kb'].ours.wall, 12);

// 5. A 5,000-row attributes table.
const table = await sideBySide('5,000-row table', RUNS, () => dmlint([relative(corpus.table)]), () => markdownlint([relative(corpus.table)]));
row('5,000-row attributes table', table.ours, table.theirs);

// 6. The language server: change → diagnostics, warm.
const latencies = await lspLatencies(CLI, corpus.one);
const p95 = percentile(latencies, 0.95);
target('language server: diagnostics after a change, p95 (ms)', p95, 50);

// Report.
const seconds = (ms) => (ms === undefined || ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (bytes) => (bytes ? `${Math.round(bytes / 1024 / 1024)} MB` : '—');
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
const lines = [
  `Machine: ${machine}. Runs: ${RUNS} (1,000 documents: ${MANY_RUNS}); medians. Bare \`node -e ''\`: ${seconds(bare.ours.wall)}.`,
  '',
  '| Scenario | dmlint wall | markdownlint-cli2 wall | ratio | dmlint peak RSS | markdownlint-cli2 peak RSS | ratio | |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(({ scenario, ours, theirs, note }) => `| ${scenario} | ${seconds(ours.wall)} | ${seconds(theirs?.wall)} | ${ratio(ours.wall, theirs?.wall)} | ${megabytes(ours.rss)} | ${megabytes(theirs?.rss)} | ${ratio(ours.rss, theirs?.rss)} | ${note} |`),
  '',
  '| Target | measured | limit | |',
  '|---|---|---|---|',
  ...targets.map(({ name, value, limit, holds }) => `| ${name} | ${value.toFixed(name.includes('(ms)') ? 1 : 3)} | ≤ ${limit} | ${holds ? 'holds' : 'MISSED'} |`),
  '',
  `dmlint's profile of the one-document run (ms, medians): ${Object.entries(profile).map(([phase, ms]) => `${phase} ${ms.toFixed(0)}`).join(', ')}.`,
  `Language server latency over ${latencies.length} edits: median ${median(latencies).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms.`,
];
const report = `${lines.join('\n')}\n`;
console.log(report);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'latest.md'), report);
const record = {
  date: new Date().toISOString(),
  commit: (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    } catch {
      // Not a git checkout: the record simply has no commit.
      return null;
    }
  })(),
  machine,
  rows: rows.map(({ scenario, ours, theirs }) => ({ scenario, dmlint: ours, markdownlint: theirs })),
  targets,
  profile,
  lsp: { median: median(latencies), p95 },
};
appendFileSync(join(RESULTS, 'history.jsonl'), `${JSON.stringify(record)}\n`);
console.log(`Wrote bench/results/latest.md and appended to bench/results/history.jsonl.`);
process.exitCode = targets.every((entry) => entry.holds) ? 0 : 1;
