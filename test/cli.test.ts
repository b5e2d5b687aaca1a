/**
 * The command line as a user runs it: the built executable for exit codes, standard input and the
 * terminal; in this process (runMain) for what dmlint decides: which files, what output.
 */
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { REPO, runCli, runMain, scratchDir } from './support/cli.js';

const TEMPLATE = join(REPO, 'src/template/data-model-template.md');
/** A complete, correct document, with its Spec link pointing at a spec.md beside it. */
const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const SPEC = '# Spec\n';
const WITH_PLACEHOLDER = CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [SQL Database / NoSQL / File System / Hybrid]').replace(
  '**Rationale**: Overlap checks need an exclusion constraint; PostgreSQL provides one.',
  '**Rationale**: [Why this storage type based on research and requirements]',
);
const COMPACT_LINE = /^(.+):(\d+):(\d+): (error|warning) (.+) \[([a-z-]+)\]$/;

function compactLines(stdout: string): Array<{ path: string; line: number; column: number; severity: string; message: string; rule: string }> {
  // Problem lines, then (after a blank line) what --fix could fix, as ESLint's formats end.
  const [problems = '', summary] = stdout.trimEnd().split('\n\n');
  if (summary !== undefined && !/^\d+ errors? and \d+ warnings? potentially fixable with the --fix option\.$/.test(summary)) throw new Error(`not a compact summary: ${summary}`);
  return problems
    .split('\n')
    .filter(Boolean)
    .map((text) => {
      const match = COMPACT_LINE.exec(text);
      if (!match) throw new Error(`not a compact line: ${text}`);
      return { path: match[1] ?? '', line: Number(match[2]), column: Number(match[3]), severity: match[4] ?? '', message: match[5] ?? '', rule: match[6] ?? '' };
    });
}

/** Outermost [ ... ] groups outside code fences, skipping task boxes: an oracle independent of dmlint's scanner. */
function templateBrackets(text: string): Array<{ line: number; column: number }> {
  const found: Array<{ line: number; column: number }> = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) return;
    let depth = 0;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '[' && !line.startsWith('- [ ]', i) && !(i === 2 && line.startsWith('- [ ]'))) {
        if (depth === 0) found.push({ line: index + 1, column: i + 1 });
        depth++;
      } else if (line[i] === ']' && depth > 0) depth--;
    }
  });
  return found;
}

describe('dmlint on documents', () => {
  it('exits 0 and says so on a complete, correct document', () => {
    const dir = scratchDir({ 'specs/007-room-booking/data-model.md': CLEAN, 'specs/007-room-booking/spec.md': SPEC });
    const run = runCli(['specs/007-room-booking/data-model.md'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ No problems in 1 file\n');
  });

  it('exits 1 on the unfilled template and reports every bracketed placeholder at its position', () => {
    const run = runCli(['--format', 'compact', TEMPLATE]);
    expect(run.code).toBe(1);
    const reported = new Set(compactLines(run.stdout).map((problem) => `${problem.line}:${problem.column}`));
    const brackets = templateBrackets(readFileSync(TEMPLATE, 'utf8'));
    expect(brackets.length).toBeGreaterThan(100);
    expect(brackets.filter((at) => !reported.has(`${at.line}:${at.column}`))).toEqual([]);
  });

  it('reads standard input and reports it under --stdin-filename, resolving its Spec link from there', () => {
    const dir = scratchDir({ 'specs/007-room-booking/spec.md': SPEC });
    const run = runCli(['--stdin', '--stdin-filename', 'specs/007-room-booking/data-model.md', '--format', 'compact'], { cwd: dir, input: WITH_PLACEHOLDER });
    expect(run.code).toBe(1);
    expect(compactLines(run.stdout).map((problem) => `${problem.path}:${problem.line}:${problem.column} ${problem.rule}`)).toEqual([
      'specs/007-room-booking/data-model.md:121:19 no-unresolved-choice',
      'specs/007-room-booking/data-model.md:123:16 no-placeholder',
    ]);
  });

  it('reports a Spec link that points nowhere when the stdin file name gives it a place', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'elsewhere/data-model.md', '--format', 'compact'], { cwd: scratchDir({}), input: CLEAN });
    expect(run.code).toBe(1);
    expect(compactLines(run.stdout).map((problem) => problem.rule)).toEqual(['header-metadata']);
  });

  it('lints standard input without a file name, skipping the link check', () => {
    const run = runCli(['--stdin', '--format', 'compact'], { input: CLEAN });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('finds every data-model.md below a directory, skipping node_modules and .git, in a stable order', async () => {
    const dir = scratchDir({
      'specs/b/data-model.md': WITH_PLACEHOLDER,
      'specs/b/spec.md': SPEC,
      'specs/a/data-model.md': WITH_PLACEHOLDER,
      'specs/a/spec.md': SPEC,
      'specs/a/notes.md': '# not a data model\n',
      'node_modules/pkg/data-model.md': '[FEATURE]\n',
      '.git/data-model.md': '[FEATURE]\n',
    });
    const run = (await runMain(['--format', 'compact', '.'], { cwd: dir }));
    expect(run.code).toBe(1);
    expect([...new Set(compactLines(run.stdout).map((problem) => problem.path))]).toEqual(['specs/a/data-model.md', 'specs/b/data-model.md']);
  });

  it('lints the current directory when given no paths', async () => {
    const dir = scratchDir({ 'specs/a/data-model.md': CLEAN, 'specs/a/spec.md': SPEC });
    expect((await runMain([], { cwd: dir }))).toMatchObject({ code: 0, stdout: '✔ No problems in 1 file\n' });
  });

  it('expands globs, and lints a file named explicitly whatever its name', async () => {
    const dir = scratchDir({ 'specs/a/data-model.md': CLEAN, 'specs/a/spec.md': SPEC, 'drafts/model.md': WITH_PLACEHOLDER, 'drafts/spec.md': SPEC });
    const globbed = (await runMain(['--format', 'json', 'specs/*/data-model.md'], { cwd: dir }));
    expect(globbed.code).toBe(0);
    expect((JSON.parse(globbed.stdout) as Array<{ filePath: string }>).map((entry) => entry.filePath)).toEqual([join(dir, 'specs/a/data-model.md')]);
    const named = (await runMain(['--format', 'compact', 'drafts/model.md'], { cwd: dir }));
    expect(named.code).toBe(1);
  });
});

describe('dmlint on bad paths and bad usage', () => {
  it('exits 2 for a missing file, with a one-line message, and still lints the other files', () => {
    const dir = scratchDir({ 'a/data-model.md': WITH_PLACEHOLDER, 'a/spec.md': SPEC });
    const run = runCli(['--format', 'compact', 'missing.md', 'a/data-model.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dmlint: missing.md: no such file or directory; check the path and try again\n');
    expect(compactLines(run.stdout)).toHaveLength(2);
  });

  it('exits 2 for a broken symbolic link', () => {
    const dir = scratchDir({});
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'data-model.md'));
    const run = runCli(['data-model.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('data-model.md: no such file or directory');
  });

  it('exits 2 when a directory holds no data-model.md, and when a glob matches nothing', async () => {
    const dir = scratchDir({ 'docs/readme.md': '# hi\n' });
    expect((await runMain(['docs'], { cwd: dir }))).toMatchObject({ code: 2, stderr: 'dmlint: docs: no data-model.md files in this directory; check the path and try again\n' });
    expect((await runMain(['specs/**/data-model.md'], { cwd: dir }))).toMatchObject({ code: 2, stderr: 'dmlint: specs/**/data-model.md: no files match this pattern; check the path and try again\n' });
  });

  it.each([
    [['--frobnicate'], "dmlint: Unknown option '--frobnicate'. Run \"dmlint --help\" for usage.\n"],
    [['--format', 'xml', 'x.md'], 'dmlint: Unknown format "xml"; use one of stylish, compact, json, github, sarif, junit, markdown. Run "dmlint --help" for usage.\n'],
    [['--stdin', 'x.md'], 'dmlint: Give either --stdin or files, not both. Run "dmlint --help" for usage.\n'],
    [['--stdin-filename', 'x.md'], 'dmlint: --stdin-filename needs --stdin. Run "dmlint --help" for usage.\n'],
    [['--format'], "dmlint: Option '-f, --format <value>' argument missing. Run \"dmlint --help\" for usage.\n"],
    [['mcp', '--fix'], 'dmlint: dmlint mcp takes no other arguments: it serves the working directory, with its configuration. Run "dmlint --help" for usage.\n'],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    expect((await runMain(args))).toMatchObject({ code: 2, stdout: '', stderr: message });
  });
});

describe('dmlint information commands', () => {
  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('prints help with usage, options, exit codes and examples', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    for (const part of ['Usage: dmlint', '--format', '--stdin-filename', 'Exit codes:', 'Examples:']) expect(run.stdout).toContain(part);
  });

  it('lists every rule with its default severity and description', () => {
    const run = runCli(['--list-rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').slice(1);
    expect(lines.map((line) => line.split(/\s{2,}/))).toEqual(builtinRules.map((rule) => [rule.id, rule.defaultSeverity, rule.description]));
  });
});

describe('output formats', () => {
  const dir = scratchDir({ 'a/data-model.md': WITH_PLACEHOLDER, 'a/spec.md': SPEC, 'b/data-model.md': CLEAN, 'b/spec.md': SPEC });

  it('json is ESLint-shaped: one entry per file, severities 1/2, counts that add up', async () => {
    const run = (await runMain(['--format', 'json', '.'], { cwd: dir }));
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>>; errorCount: number; warningCount: number; fixableErrorCount: number; fixableWarningCount: number }>;
    expect(parsed.map((entry) => entry.filePath)).toEqual([join(dir, 'a/data-model.md'), join(dir, 'b/data-model.md')]);
    expect(parsed[0]?.messages).toEqual([
      expect.objectContaining({ ruleId: 'no-unresolved-choice', severity: 2, line: 121, column: 19, endLine: 121, endColumn: 64 }),
      { ruleId: 'no-placeholder', severity: 2, message: 'Unfilled placeholder "[Why this storage type based on research and requirements]" in field "Rationale": write the actual value in its place', line: 123, column: 16, endLine: 123, endColumn: 74 },
    ]);
    expect(parsed.map(({ errorCount, warningCount, fixableErrorCount, fixableWarningCount }) => [errorCount, warningCount, fixableErrorCount, fixableWarningCount])).toEqual([
      [2, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('compact is one parseable line per problem and nothing else', async () => {
    const run = (await runMain(['--format', 'compact', '.'], { cwd: dir }));
    expect(compactLines(run.stdout).map((problem) => `${problem.path}:${problem.line}:${problem.column}: ${problem.severity} [${problem.rule}]`)).toEqual([
      'a/data-model.md:121:19: error [no-unresolved-choice]',
      'a/data-model.md:123:16: error [no-placeholder]',
    ]);
  });

  it('stylish groups problems under their file with path:line:column and ends with a summary', async () => {
    const run = (await runMain(['.'], { cwd: dir }));
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('a/data-model.md');
    expect(lines[1]).toMatch(/^ {2}a\/data-model\.md:121:19 +error {4}Unresolved choice .+ {2}no-unresolved-choice$/);
    expect(lines[2]).toMatch(/^ {2}a\/data-model\.md:123:16 +error {4}Unfilled placeholder .+ {2}no-placeholder$/);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('✖ 2 problems (2 errors, 0 warnings) in 1 file of 2 files');
  });
});

describe('colour', () => {
  const dir = scratchDir({ 'a/data-model.md': WITH_PLACEHOLDER, 'a/spec.md': SPEC });
  const ansi = '\u001b[';

  it('is off when output is not a terminal', () => {
    expect(runCli(['.'], { cwd: dir }).stdout).not.toContain(ansi);
  });
  it('is on with FORCE_COLOR or --color', () => {
    expect(runCli(['.'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain(ansi);
    expect(runCli(['--color', '.'], { cwd: dir }).stdout).toContain(ansi);
  });
  it('--no-color wins over FORCE_COLOR, and FORCE_COLOR=0 turns it off', () => {
    expect(runCli(['--no-color', '.'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ansi);
    expect(runCli(['--color', '.'], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout).toContain(ansi);
  });
});
