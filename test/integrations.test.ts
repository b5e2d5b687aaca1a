/**
 * Where dmlint runs besides the terminal: the GitHub Action (action.yml and its committed bundle)
 * and pre-commit, each exercised with the real thing on the other side where it can be installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, scratchDir } from './support/cli.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const PLACEHOLDER = CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]');

describe('the GitHub Action', () => {
  const action = parseYaml(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, { default?: string }> };

  it('is a Node 20 action with the documented inputs', () => {
    expect(action.runs).toEqual({ using: 'node20', main: 'dist/action.js' });
    expect(Object.keys(action.inputs)).toEqual(['files', 'config', 'format', 'sarif-file', 'max-warnings', 'summary']);
    expect(action.inputs.format?.default).toBe('github');
  });

  it('commits its bundle as the build makes it', () => {
    // The test run built dist/ (global setup): a committed copy that differs is stale.
    expect(execFileSync('git', ['status', '--porcelain', '--', 'dist/action.js'], { cwd: REPO, encoding: 'utf8' })).toBe('');
  });

  it('annotates, writes SARIF and the job summary, and fails on errors', () => {
    const dir = scratchDir({ '.git/HEAD': 'ref\n', 'specs/a/data-model.md': PLACEHOLDER, 'specs/a/spec.md': '# s\n' });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const run = spawnSync(process.execPath, [join(REPO, 'dist/action.js')], {
      cwd: '/',
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, INPUT_FILES: 'specs', 'INPUT_SARIF-FILE': 'results/dmlint.sarif', INPUT_FORMAT: '', 'INPUT_MAX-WARNINGS': '', INPUT_CONFIG: '', INPUT_SUMMARY: 'true' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('::error file=specs/a/data-model.md,line=121,col=19,endLine=121,endColumn=24,title=dmlint (no-placeholder)::Unfilled placeholder "[TBD]" in field "Storage Type": write the actual value in its place\n');
    expect((JSON.parse(readFileSync(join(dir, 'results/dmlint.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> }).runs[0]?.results).toHaveLength(1);
    expect(readFileSync(summary, 'utf8')).toContain('| specs/a/data-model.md | 1 | 0 |');
  });
});

describe('pre-commit', () => {
  it('declares a node hook for data-model documents', () => {
    const hooks = parseYaml(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toEqual([expect.objectContaining({ id: 'dmlint', entry: 'dmlint', language: 'node', files: '(^|/)data-model\\.md$' })]);
  });

  it('installed from this repository at HEAD, accepts a clean document and rejects a leftover placeholder', () => {
    const home = scratchDir({});
    const project = scratchDir({});
    const env = { ...process.env, PRE_COMMIT_HOME: home, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };
    const git = (...args: string[]): ReturnType<typeof spawnSync> => spawnSync('git', args, { cwd: project, env, encoding: 'utf8' });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    git('init', '-q');
    writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${REPO}\n    rev: ${head}\n    hooks:\n      - id: dmlint\n`);
    expect(spawnSync('pre-commit', ['install'], { cwd: project, env, encoding: 'utf8' }).status).toBe(0);
    git('add', '.pre-commit-config.yaml');
    expect(git('commit', '-qm', 'config').status).toBe(0);

    execFileSync('mkdir', ['-p', join(project, 'specs/007-room-booking')]);
    writeFileSync(join(project, 'specs/007-room-booking/spec.md'), '# Spec\n');
    writeFileSync(join(project, 'specs/007-room-booking/data-model.md'), CLEAN);
    git('add', '.');
    const accepted = git('commit', '-qm', 'a clean data model');
    expect(accepted.status, String(accepted.stdout) + String(accepted.stderr)).toBe(0);

    writeFileSync(join(project, 'specs/007-room-booking/data-model.md'), PLACEHOLDER);
    git('add', '.');
    const rejected = git('commit', '-qm', 'a data model with a placeholder');
    expect(rejected.status).toBe(1);
    // Git gives a hook's output to standard error.
    expect(String(rejected.stdout) + String(rejected.stderr)).toContain('specs/007-room-booking/data-model.md:121:19  error    Unfilled placeholder "[TBD]" in field "Storage Type": write the actual value in its place  no-placeholder');
    expect(existsSync(join(home, 'pre-commit.log'))).toBe(false);
  }, 300_000);
});
