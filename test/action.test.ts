/**
 * The GitHub Action (action.yml and its bundle), run as a runner runs it. Programs that must be
 * installed (pre-commit, Neovim, git) are driven by the end-to-end suite, test/e2e.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
