// npm run bench [-- --runs n --many-runs n --against <git ref>|none --only <scenarios>] : dmlint against
// markdownlint-cli2 (pinned devDependency, default configuration) and against the dmlint of
// another commit (by default the previous one, HEAD~1, built beside this checkout), on the same
// generated documents, whole processes, alternating, several runs each. Prints medians, the
// ratios and whether each target holds, dmlint's own profile, and how time grows on hostile
// inputs twice as long (bench/linearity.ts); appends the results to bench/results/history.jsonl
// and writes bench/results/latest.md. Run `npm run build` first (npm run bench does).
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importTypeScript } from '../scripts/import-typescript.mjs';
import { buildBaseline } from './baseline.mjs';
import { buildCorpora } from './corpus.mjs';
import { lspLatencies } from './lsp.mjs';
import { mcpLatencies } from './mcp.mjs';
import { measure, median, percentile } from './measure.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'dist/cli.cjs');
const MARKDOWNLINT = join(REPO, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const RESULTS = join(REPO, 'bench/results');

const { values } = parseArgs({ options: { runs: { type: 'string' }, 'many-runs': { type: 'string' }, against: { type: 'string' }, only: { type: 'string' } } });
/** Scenarios to run (all by default): one, many, single-threaded, warm, sized, table, lsp, mcp, pre-commit, hostile. */
const SCENARIOS = ['one', 'many', 'single-threaded', 'warm', 'sized', 'table', 'lsp', 'mcp', 'pre-commit', 'hostile'];
const only = new Set(values.only ? values.only.split(',') : SCENARIOS);
for (const name of only) if (!SCENARIOS.includes(name)) throw new Error(`bench: --only takes ${SCENARIOS.join(', ')}; not "${name}"`);
const RUNS = Number(values.runs ?? 7);
const MANY_RUNS = Number(values['many-runs'] ?? 3);
const AGAINST = values.against ?? 'HEAD~1';

if (!existsSync(CLI)) {
  console.error('bench: dist/cli.cjs is missing; run npm run build first');
  process.exit(2);
}

// Outside the repository: its .gitignore must not hide the corpus from either tool.
const root = join(tmpdir(), 'dmlint-bench-corpus');
console.log('Generating the corpora from fixtures/examples ...');
const corpus = buildCorpora(root);
const cacheFile = join(root, 'bench.dmlintcache');

const baseline = AGAINST === 'none' ? null : buildBaseline(REPO, AGAINST);
process.on('exit', () => baseline?.remove());

const dmlint = (args, env = {}, nodeFlags = []) => measure(process.execPath, [...nodeFlags, CLI, ...args], { cwd: root, env: { CI: 'true', ...env } });
const previous = baseline ? (args, env = {}, nodeFlags = []) => measure(process.execPath, [...nodeFlags, baseline.cli, ...args], { cwd: root, env: { CI: 'true', ...env } }) : null;
const markdownlint = (args) => measure(process.execPath, [MARKDOWNLINT, ...args], { cwd: root });

/**
 * Runs each tool `runs` times, alternating (this dmlint, the other tool, the previous dmlint), and
 * returns their medians. The order turns with each run: a process started right after another
 * one tends to run slower here, and no tool should always take the same turn.
 */
async function sideBySide(label, runs, ours, theirs, before = null) {
  const samples = { ours: [], theirs: [], before: [] };
  const tools = [['ours', ours], ['theirs', theirs], ['before', before]].filter(([, tool]) => tool);
  for (let run = 0; run < runs; run++) {
    for (let turn = 0; turn < tools.length; turn++) {
      const [name, tool] = tools[(run + turn) % tools.length];
      samples[name].push(await tool());
    }
    process.stdout.write(`\r${label}: run ${run + 1}/${runs}   `);
  }
  process.stdout.write('\r\x1b[2K');
  const summary = (list) => (list.length === 0 ? null : { wall: median(list.map((sample) => sample.wall)), rss: median(list.map((sample) => sample.rss ?? 0)) || null });
  for (const sample of [...samples.ours, ...samples.before]) if (sample.code !== 0 && sample.code !== 1) throw new Error(`${label}: dmlint exited with ${sample.code}: ${sample.stderr}`);
  return { ours: summary(samples.ours), theirs: summary(samples.theirs), before: summary(samples.before), samples };
}

const spawnSyncQuiet = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status;
const relative = (path) => path.slice(root.length + 1);
const rows = [];
const targets = [];
function row(scenario, { ours, theirs, before }, note = '') {
  rows.push({ scenario, ours, theirs, before, note });
}
function target(name, value, limit) {
  targets.push({ name, value, limit, holds: value <= limit });
}

// 1. One document, cold process.
let one = null;
let profile = {};
if (only.has('one')) {
  one = await sideBySide('one document', RUNS, () => dmlint([relative(corpus.one)]), () => markdownlint([relative(corpus.one)]), previous && (() => previous([relative(corpus.one)])));
  row(`one ${Math.round(readFileSync(corpus.one).length / 1024)} KB document, cold`, one);
  target('one document, cold: wall time vs markdownlint-cli2', one.ours.wall / one.theirs.wall, 0.35);
  // dmlint's own profile of that run: the median of each phase.
  const profiles = [];
  for (let run = 0; run < RUNS; run++) {
    const { stderr } = await dmlint([relative(corpus.one)], { DMLINT_TIMING: '1' });
    const line = stderr.split('\n').find((text) => text.startsWith('{"timing"'));
    if (line) profiles.push(JSON.parse(line).timing);
  }
  const phases = [...new Set(profiles.flatMap((entry) => Object.keys(entry)))];
  profile = Object.fromEntries(phases.map((phase) => [phase, median(profiles.map((entry) => entry[phase] ?? 0))]));
}
const bare = await sideBySide('bare node', RUNS, () => measure(process.execPath, ['-e', '']));

// 2. 1,000 documents, no cache (markdownlint-cli2's time is also the reference of the next two).
let many = null;
if (only.has('many') || only.has('single-threaded') || only.has('warm')) {
  many = await sideBySide('1,000 documents', MANY_RUNS, () => dmlint(['many']), () => markdownlint(['many/**/data-model.md']), previous && (() => previous(['many'])));
  row('1,000 documents, no cache', many, `${availableParallelism()} cores`);
  target('1,000 documents: wall time vs markdownlint-cli2', many.ours.wall / many.theirs.wall, 0.5);
  target('1,000 documents: peak RSS vs markdownlint-cli2', many.ours.rss / many.theirs.rss, 0.5);
}

// Not a target: the same run with V8's background threads off (--single-threaded), which only a
// command line can ask for. On two cores, V8's concurrent marking and compiling in the
// background compete with the two linting threads (see docs/performance.md). Primed once: V8's
// cached code is kept per set of flags.
if (only.has('single-threaded')) {
  const SINGLE_THREADED = ['--single-threaded'];
  await dmlint([relative(corpus.one)], {}, SINGLE_THREADED);
  await previous?.([relative(corpus.one)], {}, SINGLE_THREADED);
  const singleThreaded = await sideBySide('1,000 documents, node --single-threaded', MANY_RUNS, () => dmlint(['many'], {}, SINGLE_THREADED), null, previous && (() => previous(['many'], {}, SINGLE_THREADED)));
  row('1,000 documents, `node --single-threaded`', { ...singleThreaded, theirs: many.theirs }, 'not a target: V8 without background threads');
}

// 3. 1,000 documents, warm cache (primed once, then nothing changed).
if (only.has('warm')) {
  // Each dmlint its own cache file: a cache written by another version is not used.
  const previousCacheFile = `${cacheFile}.previous`;
  rmSync(cacheFile, { force: true });
  rmSync(previousCacheFile, { force: true });
  await dmlint(['--cache', '--cache-location', cacheFile, 'many']);
  await previous?.(['--cache', '--cache-location', previousCacheFile, 'many']);
  const warm = await sideBySide('1,000 documents, warm cache', RUNS, () => dmlint(['--cache', '--cache-location', cacheFile, 'many']), null, previous && (() => previous(['--cache', '--cache-location', previousCacheFile, 'many'])));
  row('1,000 documents, warm cache', { ...warm, theirs: many.theirs }, 'vs markdownlint-cli2 without a cache (it has none)');
  target('1,000 documents, warm cache: wall time vs markdownlint-cli2', warm.ours.wall / many.theirs.wall, 0.05);
}

// 4. Growth with document size.
if (only.has('sized')) {
  const sized = {};
  for (const [label, path] of Object.entries(corpus.sized)) {
    sized[label] = await sideBySide(`${label} document`, RUNS, () => dmlint([relative(path)]), () => markdownlint([relative(path)]), previous && (() => previous([relative(path)])));
    row(`${label} document`, sized[label]);
  }
  target('1 MB document / 100 KB document (dmlint wall time)', sized['1mb'].ours.wall / sized['100kb'].ours.wall, 12);
}

// 5. A 5,000-row attributes table.
if (only.has('table')) {
  const table = await sideBySide('5,000-row table', RUNS, () => dmlint([relative(corpus.table)]), () => markdownlint([relative(corpus.table)]), previous && (() => previous([relative(corpus.table)])));
  row('5,000-row attributes table', table);
}

// 6. The language server: change → diagnostics, warm.
let latencies = null;
let previousLatencies = null;
if (only.has('lsp')) {
  latencies = await lspLatencies(CLI, corpus.one);
  target('language server: diagnostics after a change, p95 (ms)', percentile(latencies, 0.95), 50);
  previousLatencies = baseline ? await lspLatencies(baseline.cli, corpus.one) : null;
}

// 7. The agent server: a lint call on a 15 KB document, warm. (A previous commit may have no agent server: not compared.)
let mcpTimes = null;
if (only.has('mcp')) {
  mcpTimes = await mcpLatencies(CLI, corpus.agent);
  target(`agent server: a lint call on a ${(statSync(corpus.agent).size / 1024).toFixed(0)} KB document, p95 (ms)`, percentile(mcpTimes, 0.95), 50);
}

// 8. The first install of the pre-commit hook, from this repository at HEAD, into an empty
// pre-commit home (what a new user or a fresh CI runner waits for once).
let preCommitInstall = null;
if (only.has('pre-commit')) {
  if (spawnSyncQuiet('pre-commit', ['--version']) !== 0) console.log('pre-commit is not on the PATH: its first install is not measured.');
  else {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const project = join(root, 'pre-commit-project');
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project);
    execFileSync('git', ['init', '-q'], { cwd: project });
    writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${REPO}\n    rev: ${head}\n    hooks:\n      - id: dmlint\n`);
    const samples = [];
    for (let run = 0; run < 3; run++) {
      const home = join(root, 'pre-commit-home');
      rmSync(home, { recursive: true, force: true });
      const sample = await measure('pre-commit', ['install-hooks'], { cwd: project, env: { PRE_COMMIT_HOME: home } });
      if (sample.code !== 0) throw new Error(`pre-commit install-hooks exited with ${sample.code}: ${sample.stderr}`);
      samples.push(sample.wall);
      rmSync(home, { recursive: true, force: true });
    }
    rmSync(project, { recursive: true, force: true });
    preCommitInstall = median(samples);
    target('pre-commit: first install of the hook (s)', preCommitInstall / 1000, 15);
  }
}

// 9. Hostile inputs twice as long, in this process, with the shipped parser's patches.
let growths = [];
if (only.has('hostile')) {
  const { patchDependencies } = await importTypeScript("export { patchDependencies } from './scripts/patches.ts';");
  const { measureLinearity } = await importTypeScript("export { measureLinearity } from './bench/linearity.ts';", { plugins: [patchDependencies()] });
  process.stdout.write('hostile inputs, doubled ...');
  growths = await measureLinearity(REPO);
  process.stdout.write('\r\x1b[2K');
  /** Below this many milliseconds for the doubled input, a ratio says nothing: timer and collector noise. */
  const NOISE_MS = 60;
  const GROWTH_LIMIT = 3.5;
  const grew = (entry) => entry.big >= NOISE_MS && entry.big > GROWTH_LIMIT * entry.small;
  target(`hostile inputs growing more than ${GROWTH_LIMIT}× when doubled (of ${growths.length}; those under ${NOISE_MS} ms left out)`, growths.filter(grew).length, 0);
}

// Report.
const seconds = (ms) => (ms === undefined || ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (bytes) => (bytes ? `${Math.round(bytes / 1024 / 1024)} MB` : '—');
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
const vsPrevious = baseline ? ` | ${baseline.commit} wall | vs ${baseline.commit} | ${baseline.commit} peak RSS | vs ${baseline.commit}` : '';
const slower = rows.filter(({ ours, before }) => before && (ours.wall > 1.05 * before.wall || (ours.rss && before.rss && ours.rss > 1.05 * before.rss)));
const worst = [...growths].sort((a, b) => b.big / b.small - a.big / a.small).slice(0, 5);
const lines = [
  `Machine: ${machine}. Runs: ${RUNS} (1,000 documents: ${MANY_RUNS}); medians. Bare \`node -e ''\`: ${seconds(bare.ours.wall)}.${baseline ? ` Previous: ${baseline.commit} (${AGAINST}), built beside this checkout, run alternately.` : ''}`,
  '',
  `| Scenario | dmlint wall | markdownlint-cli2 wall | ratio | dmlint peak RSS | markdownlint-cli2 peak RSS | ratio${vsPrevious} | |`,
  `|---|---|---|---|---|---|---${baseline ? '|---|---|---|---' : ''}|---|`,
  ...rows.map(({ scenario, ours, theirs, before, note }) => {
    const previousColumns = baseline ? ` | ${seconds(before?.wall)} | ${ratio(ours.wall, before?.wall)} | ${megabytes(before?.rss)} | ${ratio(ours.rss, before?.rss)}` : '';
    return `| ${scenario} | ${seconds(ours.wall)} | ${seconds(theirs?.wall)} | ${ratio(ours.wall, theirs?.wall)} | ${megabytes(ours.rss)} | ${megabytes(theirs?.rss)} | ${ratio(ours.rss, theirs?.rss)}${previousColumns} | ${note} |`;
  }),
  ...(baseline ? ['', slower.length === 0 ? `Every row within 5% of ${baseline.commit} (wall and peak RSS).` : `More than 5% over ${baseline.commit}: ${slower.map((entry) => entry.scenario).join('; ')}.`] : []),
  '',
  '| Target | measured | limit | |',
  '|---|---|---|---|',
  ...targets.map(({ name, value, limit, holds }) => `| ${name} | ${Number.isInteger(value) ? value : value.toFixed(/\((ms|s)\)/.test(name) ? 1 : 3)} | ≤ ${limit} | ${holds ? 'holds' : 'MISSED'} |`),
  '',
  ...(one ? [`dmlint's profile of the one-document run (ms, medians): ${Object.entries(profile).map(([phase, ms]) => `${phase} ${ms.toFixed(0)}`).join(', ')}.`] : []),
  ...(latencies
    ? [
        `Language server latency over ${latencies.length} edits: median ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms${
          previousLatencies ? ` (${baseline.commit}: median ${median(previousLatencies).toFixed(1)} ms, p95 ${percentile(previousLatencies, 0.95).toFixed(1)} ms)` : ''
        }.`,
      ]
    : []),
  ...(preCommitInstall ? [`First install of the pre-commit hook (3 runs, a fresh pre-commit home each): median ${seconds(preCommitInstall)}.`] : []),
  ...(mcpTimes ? [`Agent server latency over ${mcpTimes.length} lint calls: median ${median(mcpTimes).toFixed(1)} ms, p95 ${percentile(mcpTimes, 0.95).toFixed(1)} ms.`] : []),
  ...(growths.length > 0 ? [`Hostile inputs twice as long (bench/linearity.ts; linear is 2×), the largest growths: ${worst.map((entry) => `${entry.name} ${(entry.big / entry.small).toFixed(2)}× (${entry.small.toFixed(0)} → ${entry.big.toFixed(0)} ms)`).join('; ')}.`] : []),
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
  against: baseline?.commit ?? null,
  rows: rows.map(({ scenario, ours, theirs, before }) => ({ scenario, dmlint: ours, markdownlint: theirs, previous: before })),
  growths,
  targets,
  profile,
  lsp: latencies ? { median: median(latencies), p95: percentile(latencies, 0.95) } : null,
  mcp: mcpTimes ? { median: median(mcpTimes), p95: percentile(mcpTimes, 0.95) } : null,
  preCommitInstall,
};
appendFileSync(join(RESULTS, 'history.jsonl'), `${JSON.stringify(record)}\n`);
console.log(`Wrote bench/results/latest.md and appended to bench/results/history.jsonl.`);
process.exitCode = targets.every((entry) => entry.holds) ? 0 : 1;
