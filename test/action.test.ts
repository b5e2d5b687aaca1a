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
import { ownerFieldProject } from './support/custom-rules-page.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const PLACEHOLDER = CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]');

describe('the GitHub Action', () => {
  const action = parseYaml(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, { default?: string }> };

  it('is a Node 24 action with the documented inputs', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(Object.keys(action.inputs)).toEqual(['files', 'config', 'format', 'sarif-file', 'max-warnings', 'summary', 'no-plugins', 'working-directory']);
    // README names every input.
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const input of Object.keys(action.inputs)) expect(readme, input).toContain(`\`${input}\``);
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

  /** Runs the committed bundle as a runner would: inputs in INPUT_* variables, from another directory. */
  const runAction = (workspace: string, inputs: Record<string, string>): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [join(REPO, 'dist/action.js')], {
      cwd: '/',
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])) },
      encoding: 'utf8',
    });

  it('runs in the working-directory input, where files and configuration are found', () => {
    const dir = scratchDir({
      '.git/HEAD': 'ref\n',
      'specs/a/data-model.md': PLACEHOLDER,
      'specs/a/spec.md': '# s\n',
      'docs/specs/b/data-model.md': PLACEHOLDER,
      'docs/specs/b/spec.md': '# s\n',
      'docs/.dmlintrc.json': '{ "rules": { "no-placeholder": "warn" } }',
    });
    const run = runAction(dir, { files: 'specs', format: 'json', 'working-directory': 'docs' });
    expect(run.status).toBe(0);
    const results = JSON.parse(String(run.stdout)) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number }> }>;
    expect(results.map((result) => [result.filePath, result.messages.map((message) => [message.ruleId, message.severity])])).toEqual([[join(dir, 'docs/specs/b/data-model.md'), [['no-placeholder', 1]]]]);
  });

  it('loads no plugin with the no-plugins input', () => {
    const plugin = "export default { id: 'team/always', description: 'Always', defaultSeverity: 'error', check({ doc, report }) { report({ range: doc.range(0, 0), message: 'Plugin ran' }); } };\n";
    const files = { '.git/HEAD': 'ref\n', 'package.json': '{ "type": "module" }\n', 'rule.js': plugin, '.dmlintrc.json': '{ "plugins": ["./rule.js"] }', 'specs/a/data-model.md': CLEAN, 'specs/a/spec.md': '# s\n' };
    const withPlugins = runAction(scratchDir(files), { files: 'specs', format: 'compact', 'no-plugins': 'false' });
    expect(withPlugins).toMatchObject({ status: 1, stdout: 'specs/a/data-model.md:1:1: error Plugin ran [team/always]\n' });
    expect(runAction(scratchDir(files), { files: 'specs', format: 'compact', 'no-plugins': 'true' })).toMatchObject({ status: 0, stdout: '' });
  });

  it('runs the documented plugin, which needs no dmlint in the project', () => {
    const { files } = ownerFieldProject();
    const run = runAction(scratchDir({ '.git/HEAD': 'ref\n', ...files }), { files: 'specs', format: 'github' });
    expect(run).toMatchObject({ status: 1, stdout: '::error file=specs/020-refunds/data-model.md,line=3,col=12,endLine=3,endColumn=24,title=dmlint (team/owner-field)::Owner "Payment team" is not a known team: use one of Payments team, Identity team\n' });
  });
});
