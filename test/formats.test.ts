/** CI formats through the real CLI, each parsed back: SARIF (against the official schema), GitHub annotations, JUnit, Markdown; output routing. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
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
  it('has one test case per file and one failure per problem, and parses back with the text intact', async () => {
    const tricky = BROKEN.replace('**Storage Type**: [TBD]', '**Storage Type**: [TBD <x> & "q" é]').replace('| Room | Many-to-One | The booked room |', '| Space]]> | Many-to-One | The booked room |');
    const dir = project({ 'specs/a/data-model.md': tricky, 'specs/a/spec.md': '# s\n', 'specs/b/data-model.md': CLEAN, 'specs/b/spec.md': '# s\n' });
    const run = (await runMain(['--format', 'junit', '.'], { cwd: dir }));
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(run.stdout) as {
      testsuites: { testsuite: { tests: string; failures: string; testcase: Array<{ name: string; failure?: Array<{ message: string; type: string }> | { message: string; type: string } }> } };
    };
    const suite = xml.testsuites.testsuite;
    expect([suite.tests, suite.failures]).toEqual(['2', '3']);
    expect(suite.testcase.map((test) => test.name)).toEqual(['specs/a/data-model.md', 'specs/b/data-model.md']);
    const failures = suite.testcase[0]?.failure;
    expect(Array.isArray(failures) ? failures.map((failure) => [failure.type, failure.message]) : []).toEqual([
      ['relationship-target', 'Related entity "Space]]>" in the relationships of "Booking" is not defined in this document; defined entities: Room (line 23), Booking (line 63)'],
      ['no-placeholder', 'Unfilled placeholder "[TBD <x> & "q" é]" in field "Storage Type": write the actual value in its place'],
      ['open-questions', 'Open question "Can bookings repeat weekly?" is not resolved: answer it in the document and check its box (- [x])'],
    ]);
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
    expect((await runMain(['--format', 'compact', '--max-warnings', '0', '.'], { cwd: warningsOnly }))).toMatchObject({ code: 1, stderr: 'dmlint: 1 warnings, more than --max-warnings 0 allows\n' });
    expect((await runMain(['--max-warnings', 'some', '.'], { cwd: warningsOnly }))).toMatchObject({ code: 2 });
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
