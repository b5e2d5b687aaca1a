/** CI formats through the real CLI, each parsed back: SARIF (against the official schema), GitHub annotations, JUnit, Markdown; output routing. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { Chalk } from 'chalk';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { ruleMeta } from '../src/engine/meta.js';
import type { LintResult } from '../src/engine/types.js';
import { markdown } from '../src/reporters/markdown.js';
import { REPO, runMain, scratchDir, type CliRun } from './support/cli.js';

// ajv-draft-04 is CommonJS: its class is the default export or the module itself.
const Ajv = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ?? AjvDraft04) as unknown as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const BROKEN = CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]').replace('- [x] Can bookings repeat weekly? (Not in this feature)', '- [ ] Can bookings repeat weekly?');

function project(files: Record<string, string>): string {
  return scratchDir({ '.git/HEAD': 'ref\n', ...files });
}

describe('sarif with related locations (a feature folder whose contract disagrees)', () => {
  const rule = (path: string): string => readFileSync(join(REPO, 'fixtures/rules/contract-schema/invalid', path), 'utf8');
  const dir = project({
    'specs/a/data-model.md': rule('type-mismatch.md').replace('./type-mismatch.spec.md', './spec.md'),
    'specs/a/spec.md': rule('type-mismatch.spec.md'),
    'specs/a/contracts/openapi.yaml': rule('contracts/type-mismatch/openapi.yaml'),
    'specs/a/contracts/shared/status.yaml': rule('contracts/type-mismatch/shared/status.yaml'),
  });
  let log: Log;
  beforeAll(async () => {
    log = JSON.parse((await runMain(['--format', 'sarif', '.'], { cwd: dir })).stdout) as Log;
  });

  it('is still valid SARIF 2.1.0 by the official schema', () => {
    const schema = JSON.parse(readFileSync(join(REPO, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  it('gives the contract end of each finding as a related location relative to %SRCROOT%', () => {
    const results = (log.runs[0]?.results ?? []).filter((result) => result.ruleId === 'contract-schema');
    expect(results.map((result) => [result.locations?.[0]?.physicalLocation?.region?.startLine, result.relatedLocations])).toEqual([
      [22, [{ id: 0, physicalLocation: { artifactLocation: { uri: 'specs/a/contracts/openapi.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 17 } }, message: { text: 'startsAt in schema Booking' } }]],
      [23, [{ id: 0, physicalLocation: { artifactLocation: { uri: 'specs/a/contracts/openapi.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 13, startColumn: 9, endLine: 13, endColumn: 14 } }, message: { text: 'seats in schema Booking' } }]],
    ]);
  });

  it('gives related locations relative to the same root as the result, from any working directory', async () => {
    const fromFolder = JSON.parse((await runMain(['--format', 'sarif', '.'], { cwd: join(dir, 'specs/a'), env: { GITHUB_WORKSPACE: dir } })).stdout) as Log;
    const uris = (fromFolder.runs[0]?.results ?? []).filter((result) => result.ruleId === 'contract-schema').map((result) => [result.locations?.[0]?.physicalLocation?.artifactLocation?.uri, result.relatedLocations?.[0]?.physicalLocation?.artifactLocation?.uri]);
    expect(uris).toEqual([
      ['specs/a/data-model.md', 'specs/a/contracts/openapi.yaml'],
      ['specs/a/data-model.md', 'specs/a/contracts/openapi.yaml'],
    ]);
  });
});

describe('sarif', () => {
  const dir = project({ 'specs/a/data-model.md': BROKEN, 'specs/a/spec.md': '# s\n', 'specs/b/data-model.md': CLEAN, 'specs/b/spec.md': '# s\n' });
  let run: CliRun;
  let log: Log;
  beforeAll(async () => {
    run = await runMain(['--format', 'sarif', '.'], { cwd: dir });
    log = JSON.parse(run.stdout) as Log;
  });

  it('is valid SARIF 2.1.0 by the official schema', () => {
    const schema = JSON.parse(readFileSync(join(REPO, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('describes every rule with its page and default level', () => {
    const driver = log.runs[0]?.tool.driver;
    expect(driver).toMatchObject({ name: 'dmlint', version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown, informationUri: expect.stringMatching(/^https:\/\//) as unknown });
    const ids = driver?.rules?.map((rule) => rule.id);
    expect(ids).toEqual([...builtinRules.map((rule) => rule.id), 'internal-error', 'invalid-encoding', 'parse-limit', 'invalid-directive', 'unused-directive']);
    const placeholder = driver?.rules?.find((rule) => rule.id === 'no-placeholder');
    expect(placeholder).toMatchObject({ shortDescription: { text: builtinRules[0]?.description }, defaultConfiguration: { level: 'error' }, helpUri: expect.stringMatching(/docs\/rules\/no-placeholder\.md$/) as unknown });
  });

  it('locates each result relative to %SRCROOT%, points at its rule, and fingerprints it', () => {
    const results = log.runs[0]?.results ?? [];
    expect(results.map((result) => [result.ruleId, result.level, result.locations?.[0]?.physicalLocation?.artifactLocation, result.locations?.[0]?.physicalLocation?.region])).toEqual([
      ['no-placeholder', 'error', { uri: 'specs/a/data-model.md', uriBaseId: '%SRCROOT%' }, { startLine: 121, startColumn: 19, endLine: 121, endColumn: 24 }],
      ['open-questions', 'warning', { uri: 'specs/a/data-model.md', uriBaseId: '%SRCROOT%' }, { startLine: 306, startColumn: 1, endLine: 306, endColumn: 34 }],
    ]);
    for (const result of results) expect(log.runs[0]?.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(log.runs[0]?.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`file://${dir}/`);
  });

  it('keeps fingerprints when lines are added above a problem', async () => {
    const moved = project({ 'specs/a/data-model.md': `<!-- a note -->\n\n${BROKEN}`, 'specs/a/spec.md': '# s\n' });
    const after = JSON.parse((await runMain(['--format', 'sarif', '.'], { cwd: moved })).stdout) as Log;
    const prints = (sarif: Log): unknown[] => (sarif.runs[0]?.results ?? []).map((result) => result.partialFingerprints);
    expect(prints(after)).toEqual(prints(log));
    expect(after.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(123);
  });
});

describe('locations relative to the repository root', () => {
  const dir = project({ 'specs/a/data-model.md': BROKEN, 'specs/a/spec.md': '# s\n' });
  const annotatedFiles = (stdout: string): string[] => [...stdout.matchAll(/file=([^,]*),/g)].map((match) => match[1] ?? '');
  const sarifUris = (stdout: string): unknown[] => ((JSON.parse(stdout) as Log).runs[0]?.results ?? []).map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation);

  it('from a subdirectory, github annotations and SARIF name the file from the git top level', async () => {
    const cwd = join(dir, 'specs/a');
    expect(annotatedFiles((await runMain(['--format', 'github', '.'], { cwd })).stdout)).toEqual(['specs/a/data-model.md', 'specs/a/data-model.md']);
    const sarif = (await runMain(['--format', 'sarif', '.'], { cwd })).stdout;
    expect(sarifUris(sarif)).toEqual([{ uri: 'specs/a/data-model.md', uriBaseId: '%SRCROOT%' }, { uri: 'specs/a/data-model.md', uriBaseId: '%SRCROOT%' }]);
    expect((JSON.parse(sarif) as Log).runs[0]?.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`file://${dir}/`);
  });

  it('GITHUB_WORKSPACE, when set, is the root', async () => {
    const env = { GITHUB_WORKSPACE: join(dir, 'specs') };
    expect(annotatedFiles((await runMain(['--format', 'github', '.'], { cwd: join(dir, 'specs/a'), env })).stdout)).toEqual(['a/data-model.md', 'a/data-model.md']);
    expect(sarifUris((await runMain(['--format', 'sarif', 'specs'], { cwd: dir, env })).stdout)).toEqual([{ uri: 'a/data-model.md', uriBaseId: '%SRCROOT%' }, { uri: 'a/data-model.md', uriBaseId: '%SRCROOT%' }]);
  });
});

describe('github', () => {
  it('writes one escaped workflow command per problem that no document text can break', async () => {
    const hostile = BROKEN.replace('**Storage Type**: [TBD]', '**Storage Type**: [TBD %0A::error::x ::add-mask::y, :z]');
    const dir = project({ 'specs/a,b:c/data-model.md': hostile, 'specs/a,b:c/spec.md': '# s\n' });
    const run = (await runMain(['--format', 'github', '.'], { cwd: dir }));
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const decode = (text: string): string => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    const parsed = lines.map((line) => {
      const match = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
      if (!match?.[2] || match[3] === undefined) throw new Error(`not a workflow command: ${line}`);
      const properties = Object.fromEntries(match[2].split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), decode(pair.slice(pair.indexOf('=') + 1))]));
      return { command: match[1], properties, message: decode(match[3]) };
    });
    expect(parsed[0]).toEqual({
      command: 'error',
      properties: { file: 'specs/a,b:c/data-model.md', line: '121', col: '19', endLine: '121', endColumn: '56', title: 'dmlint (no-placeholder)' },
      message: 'Unfilled placeholder "[TBD %0A::error::x ::add-mask::y, :z]" in field "Storage Type": write the actual value in its place',
    });
    expect(parsed[1]).toMatchObject({ command: 'warning', properties: { title: 'dmlint (open-questions)' } });
    // The message keeps no raw `::` sequence a runner could take for a new command at the start of a line.
    expect(lines.every((line) => line.startsWith('::error ') || line.startsWith('::warning '))).toBe(true);
  });
});

describe('junit', () => {
  type Case = { name: string; failure?: Array<{ message: string; type: string }>; 'system-out'?: string };
  const parseJunit = (xml: string): { tests: string; failures: string; testcase: Case[] } =>
    (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'failure' || name === 'testcase' }).parse(xml) as { testsuites: { testsuite: { tests: string; failures: string; testcase: Case[] } } }).testsuites.testsuite;

  it('has one test case per file, failed by its errors only, and parses back with the text intact', async () => {
    const tricky = BROKEN.replace('**Storage Type**: [TBD]', '**Storage Type**: [TBD <x> & "q" é]').replace('| Room | Many-to-One | The booked room |', '| Space]]> | Many-to-One | The booked room |');
    const dir = project({ 'specs/a/data-model.md': tricky, 'specs/a/spec.md': '# s\n', 'specs/b/data-model.md': CLEAN, 'specs/b/spec.md': '# s\n' });
    const run = await runMain(['--format', 'junit', '.'], { cwd: dir });
    const suite = parseJunit(run.stdout);
    expect([run.code, suite.tests, suite.failures]).toEqual([1, '2', '1']);
    expect(suite.testcase.map((test) => test.name)).toEqual(['specs/a/data-model.md', 'specs/b/data-model.md']);
    expect(suite.testcase[0]?.failure?.map((failure) => [failure.type, failure.message])).toEqual([
      ['relationship-target', 'Related entity "Space]]>" in the relationships of "Booking" is not defined in this document; defined entities: Room (line 23), Booking (line 63)'],
      ['no-placeholder', 'Unfilled placeholder "[TBD <x> & "q" é]" in field "Storage Type": write the actual value in its place'],
    ]);
    expect(suite.testcase[0]?.['system-out']).toBe('306:1 warning Open question "Can bookings repeat weekly?" is not resolved: answer it in the document and check its box (- [x]) [open-questions]');
    expect(suite.testcase[1]?.failure).toBeUndefined();
  });

  it('a file with warnings only passes, as the exit code says', async () => {
    const dir = project({ 'specs/a/data-model.md': BROKEN.replace('[TBD]', 'SQL Database'), 'specs/a/spec.md': '# s\n' });
    const run = await runMain(['--format', 'junit', '.'], { cwd: dir });
    const suite = parseJunit(run.stdout);
    expect([run.code, suite.tests, suite.failures]).toEqual([0, '1', '0']);
    expect(suite.testcase[0]?.failure).toBeUndefined();
    expect(suite.testcase[0]?.['system-out']).toMatch(/^\d+:\d+ warning Open question .* \[open-questions\]$/);
  });
});

describe('markdown', () => {
  it('summarises per file with counts, then the problems with links to the rules', async () => {
    const dir = project({ 'specs/a/data-model.md': BROKEN.replace('[TBD]', '[TBD | pipe]'), 'specs/a/spec.md': '# s\n', 'specs/b/data-model.md': CLEAN, 'specs/b/spec.md': '# s\n' });
    const text = (await runMain(['--format', 'markdown', '.'], { cwd: dir })).stdout;
    expect(text).toContain('❌ 1 error and 1 warning in 1 file of 2.');
    // BROKEN holds one placeholder: one required item of 38 is not filled in.
    expect(text).toContain('| specs/a/data-model.md | 1 | 1 | 97% |');
    const rows = text.split('\n').filter((line) => line.startsWith('| 121:19 '));
    expect(rows).toHaveLength(1);
    // Escaped pipes keep the row at four cells.
    expect(rows[0]?.split(/(?<!\\)\|/).length).toBe(6);
    expect(rows[0]).toMatch(/\[no-placeholder\]\(https:\/\/.+\/docs\/rules\/no-placeholder\.md\) \|$/);
  });

  it('says so when there is nothing to report', async () => {
    const dir = project({ 'specs/b/data-model.md': CLEAN, 'specs/b/spec.md': '# s\n' });
    expect((await runMain(['--format', 'markdown', '.'], { cwd: dir })).stdout).toBe('## dmlint\n\n✅ No problems in 1 file.\n');
  });

  /** `files` results with `perFile` errors each, of long messages. */
  function manyResults(files: number, perFile: number): LintResult[] {
    return Array.from({ length: files }, (_, file) => ({
      filePath: `/repo/specs/${String(file).padStart(5, '0')}-feature/data-model.md`,
      messages: Array.from({ length: perFile }, (_, line) => ({ ruleId: 'no-placeholder', severity: 'error' as const, message: `Unfilled placeholder "[${'x'.repeat(50)}]" in field "Storage Type"`, line: line + 1, column: 1, endLine: line + 1, endColumn: 5 })),
      errorCount: perFile,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: 0,
      suppressedMessages: [],
    }));
  }
  const summarise = (results: LintResult[]): string => markdown(results, { cwd: '/repo', chalk: new Chalk({ level: 0 }), rules: ruleMeta(builtinRules, new Set(builtinRules.map((rule) => rule.id))) });
  const problemRows = (text: string): number => text.split('\n').filter((line) => /^\| \d+:\d+ \|/.test(line)).length;

  it('fits GitHub\'s 65,536 characters: totals first, then files, then problems, and says how many it left out', () => {
    const text = summarise(manyResults(300, 30));
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(text.split('\n').slice(0, 3)).toEqual(['## dmlint', '', '❌ 9000 errors and 0 warnings in 300 files of 300.']);
    expect(text.split('\n').filter((line) => line.startsWith('| specs/'))).toHaveLength(300);
    const more = /…and (\d+) more problems not shown: this summary is kept within GitHub's limit of 65536 characters\.\n$/.exec(text);
    const perFileMore = [...text.matchAll(/^…and (\d+) more problems\.$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(problemRows(text) + perFileMore + Number(more?.[1])).toBe(9000);
    // Still Markdown tables a renderer reads as such.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
    expect(tree.children.filter((node) => node.type === 'table').length).toBeGreaterThan(2);
  });

  it('with too many files even to list, lists what fits and counts the rest', () => {
    const text = summarise(manyResults(20_000, 1));
    expect(text.length).toBeLessThanOrEqual(65_536);
    const listed = text.split('\n').filter((line) => line.startsWith('| specs/')).length;
    expect(text).toContain(`\n…and ${20_000 - listed} more files with problems.\n`);
    expect(problemRows(text)).toBe(0);
  });
});

describe('output routing and thresholds', () => {
  const files = { 'specs/a/data-model.md': BROKEN, 'specs/a/spec.md': '# s\n' };

  it('prints one format and writes others to files, creating directories', async () => {
    const dir = project(files);
    const run = (await runMain(['--format', 'compact', '--format', 'sarif:reports/ci/dmlint.sarif', '--format', 'json:dmlint.json', '.'], { cwd: dir }));
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect((JSON.parse(readFileSync(join(dir, 'reports/ci/dmlint.sarif'), 'utf8')) as Log).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(join(dir, 'dmlint.json'), 'utf8'))).toHaveLength(1);
  });

  it('--output-file writes the standard-output format to a file', async () => {
    const dir = project(files);
    expect((await runMain(['--format', 'compact', '-o', 'out/report.txt', '.'], { cwd: dir }))).toMatchObject({ code: 1, stdout: '' });
    expect(readFileSync(join(dir, 'out/report.txt'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('refuses two formats on standard output', async () => {
    expect((await runMain(['--format', 'compact', '--format', 'json', '.']))).toMatchObject({ code: 2, stderr: 'dmlint: Only one format can go to standard output; write the others to files with --format name:path. Run "dmlint --help" for usage.\n' });
    expect(existsSync(join(REPO, 'json'))).toBe(false);
  });

  it('--quiet shows errors only; --max-warnings fails a run with too many warnings', async () => {
    const warningsOnly = project({ 'specs/a/data-model.md': BROKEN.replace('[TBD]', 'SQL Database'), 'specs/a/spec.md': '# s\n' });
    expect((await runMain(['--format', 'compact', '--quiet', '.'], { cwd: project(files) })).stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((await runMain(['--format', 'compact', '--max-warnings', '1', '.'], { cwd: warningsOnly })).code).toBe(0);
    expect((await runMain(['--format', 'compact', '--max-warnings', '0', '.'], { cwd: warningsOnly }))).toMatchObject({ code: 1, stderr: 'dmlint: 1 warning, more than --max-warnings 0 allows\n' });
    expect((await runMain(['--max-warnings', 'some', '.'], { cwd: warningsOnly }))).toMatchObject({ code: 2 });
  });

  it('--quiet with warnings over --max-warnings does not call the run clean', async () => {
    const warningsOnly = project({ 'specs/a/data-model.md': BROKEN.replace('[TBD]', 'SQL Database'), 'specs/a/spec.md': '# s\n' });
    expect(await runMain(['--quiet', '--max-warnings', '0', '.'], { cwd: warningsOnly })).toEqual({ code: 1, stdout: 'No errors in 1 file; 1 warning not shown (--quiet)\n', stderr: 'dmlint: 1 warning, more than --max-warnings 0 allows\n' });
    expect((await runMain(['--quiet', '--format', 'markdown', '.'], { cwd: warningsOnly })).stdout).toBe('## dmlint\n\nNo errors in 1 file; 1 warning not shown (--quiet).\n');
  });

  it.each([
    [['--max-warnings', '-1'], '--max-warnings takes a whole number of 0 or more, not "-1"'],
    [['--concurrency', '-2'], '--concurrency takes auto, off, or a number of threads from 1 to 64, not "-2"'],
    [['--max-file-size', '-5KB'], '--max-file-size takes a size such as 10MB, 500KB or 2000000 (bytes), not "-5KB"'],
    [['--shard', '-1/2'], '--shard takes "i/n" with 1 <= i <= n, such as 2/3, not "-1/2"'],
    [['--config', '--fix'], '--config needs a value; write it as --config=<value> if the value starts with "-"'],
  ])('%j gets a one-line message naming the option', async (args, message) => {
    expect(await runMain([...args, '.'], { cwd: project(files) })).toEqual({ code: 2, stdout: '', stderr: `dmlint: ${message}. Run "dmlint --help" for usage.\n` });
  });
});

describe('columns in any script', () => {
  // Before the placeholder: an emoji (two UTF-16 code units), `e` + a combining accent (two) and
  // two wide characters (one each). Columns count UTF-16 code units, as LSP and ESLint do.
  const line = '**Storage Type**: 🚀 Cafe\u0301 店舗 [TBD]';
  const startColumn = line.indexOf('[TBD]') + 1;
  const dir = project({ 'specs/a/data-model.md': BROKEN.replace('**Storage Type**: [TBD]', line), 'specs/a/spec.md': '# s\n' });
  const placeholderAt = async (format: string, read: (stdout: string) => string | null | undefined): Promise<string | null | undefined> => read((await runMain(['--format', format, '.'], { cwd: dir })).stdout);

  it('are the same UTF-16 code units in every format', async () => {
    expect(startColumn).toBe(31);
    const expected = `121:${startColumn}-121:${startColumn + 5}`;
    const json = await placeholderAt('json', (stdout) => {
      const message = (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }> }>)[0]?.messages.find((entry) => entry.ruleId === 'no-placeholder');
      return message && `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`;
    });
    const sarif = await placeholderAt('sarif', (stdout) => {
      const run = (JSON.parse(stdout) as Log).runs[0];
      const region = run?.results?.find((result) => result.ruleId === 'no-placeholder')?.locations?.[0]?.physicalLocation?.region;
      return run?.columnKind === 'utf16CodeUnits' && region ? `${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}` : undefined;
    });
    const github = await placeholderAt('github', (stdout) => {
      const match = /^::error file=[^,]+,line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=dmlint \(no-placeholder\)/m.exec(stdout);
      return match && `${match[1]}:${match[2]}-${match[3]}:${match[4]}`;
    });
    const compact = await placeholderAt('compact', (stdout) => /:(\d+:\d+): error Unfilled placeholder/.exec(stdout)?.[1]);
    const junit = await placeholderAt('junit', (stdout) => />(\d+:\d+) error Unfilled placeholder/.exec(stdout)?.[1]);
    const markdown = await placeholderAt('markdown', (stdout) => /^\| (\d+:\d+) \| error \| Unfilled placeholder/m.exec(stdout)?.[1]);
    expect({ json, sarif, github, compact, junit, markdown }).toEqual({ json: expected, sarif: expected, github: expected, compact: `121:${startColumn}`, junit: `121:${startColumn}`, markdown: `121:${startColumn}` });
  });
});
