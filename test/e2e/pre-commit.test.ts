/**
 * pre-commit, installed from this repository, and the committed build, checked with git:
 * the real programs on the other side (npm run test:e2e; see README for what it needs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, scratchDir } from '../support/cli.js';
import { ownerFieldProject } from '../support/custom-rules-page.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const PLACEHOLDER = CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]');

describe('the committed build', () => {
  it("holds the command line's files and the Action's entry as the build makes them", () => {
    // The test run built dist/ (global setup): a committed copy that differs is stale.
    expect(execFileSync('git', ['status', '--porcelain', '--', 'dist'], { cwd: REPO, encoding: 'utf8' })).toBe('');
    const committed = execFileSync('git', ['ls-files', '--', 'dist'], { cwd: REPO, encoding: 'utf8' }).trim().split('\n');
    expect(committed).toEqual(['dist/action.js', 'dist/cli-bundle.cjs', 'dist/cli.cjs', 'dist/lazy/lsp.cjs', 'dist/lazy/mcp.cjs', 'dist/lazy/yaml.cjs']);
    // Executable, as the hook runs it.
    expect(execFileSync('git', ['ls-files', '--stage', '--', 'dist/cli.cjs'], { cwd: REPO, encoding: 'utf8' })).toMatch(/^100755 /);
  });
});

describe('pre-commit', () => {
  // One hook environment for the tests below: pre-commit installs it once per repository and rev.
  const home = scratchDir({});
  const environment = (preCommitHome: string): NodeJS.ProcessEnv => ({ ...process.env, PRE_COMMIT_HOME: preCommitHome, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' });
  const env = environment(home);
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();

  /**
   * A git repository with the hook installed from this repository at HEAD, and the configuration
   * committed; `override`: lines added to the hook's entry in the configuration; `env`: with
   * pre-commit's own directory (PRE_COMMIT_HOME), where it installs hooks.
   */
  function hookedProject(override = '', env = environment(home)): { project: string; git: (...args: string[]) => ReturnType<typeof spawnSync> } {
    const project = scratchDir({});
    const git = (...args: string[]): ReturnType<typeof spawnSync> => spawnSync('git', args, { cwd: project, env, encoding: 'utf8' });
    git('init', '-q');
    writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${REPO}\n    rev: ${head}\n    hooks:\n      - id: dmlint\n${override}`);
    expect(spawnSync('pre-commit', ['install'], { cwd: project, env, encoding: 'utf8' }).status).toBe(0);
    git('add', '.pre-commit-config.yaml');
    expect(git('commit', '-qm', 'config').status).toBe(0);
    return { project, git };
  }

  it('declares a hook for data-model documents that runs the committed command line', () => {
    const hooks = parseYaml(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toEqual([expect.objectContaining({ id: 'dmlint', entry: 'dist/cli.cjs', language: 'script', files: '(^|/)data-model\\.md$' })]);
  });

  /** Commits a clean document (accepted), then one with a leftover placeholder (rejected, with the message). */
  function acceptsCleanRejectsPlaceholder(project: string, git: (...args: string[]) => ReturnType<typeof spawnSync>): void {
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
  }

  it('installed from this repository at HEAD, installs nothing, accepts a clean document and rejects a leftover placeholder', () => {
    const { project, git } = hookedProject();
    expect(spawnSync('pre-commit', ['install-hooks'], { cwd: project, env, encoding: 'utf8' }).status).toBe(0);
    // Installing the hook is cloning this repository: no environment, no dependencies, no build.
    const clones = readdirSync(home).filter((name) => name.startsWith('repo'));
    expect(clones).toHaveLength(1);
    expect(readdirSync(join(home, clones[0] ?? '')).filter((name) => name === 'node_modules' || name.startsWith('node_env'))).toEqual([]);
    acceptsCleanRejectsPlaceholder(project, git);
    // pre-commit writes its log when a hook crashes.
    expect(existsSync(join(home, 'pre-commit.log'))).toBe(false);
  }, 300_000);

  it('with `language: node` and `entry: dmlint`, as README says for a machine without Node, pre-commit installs and builds it', () => {
    // A home of its own: this hook's environment is not the one the test above found empty.
    const nodeHome = scratchDir({});
    const { project, git } = hookedProject('        language: node\n        entry: dmlint\n', environment(nodeHome));
    acceptsCleanRejectsPlaceholder(project, git);
    // It ran from the environment pre-commit built, not from the committed files.
    const clones = readdirSync(nodeHome).filter((name) => name.startsWith('repo'));
    expect(clones.flatMap((clone) => readdirSync(join(nodeHome, clone)).filter((name) => name.startsWith('node_env')))).toHaveLength(1);
  }, 300_000);

  it("runs the documented plugin in pre-commit's own environment, with no dmlint in the project", () => {
    const { project, git } = hookedProject();
    const { files } = ownerFieldProject();
    for (const [path, text] of Object.entries(files)) {
      execFileSync('mkdir', ['-p', dirname(join(project, path))]);
      writeFileSync(join(project, path), text);
    }
    git('add', '.');
    const rejected = git('commit', '-qm', 'a data model owned by an unknown team');
    expect(rejected.status).toBe(1);
    expect(String(rejected.stdout) + String(rejected.stderr)).toContain('specs/020-refunds/data-model.md:3:12  error    Owner "Payment team" is not a known team: use one of Payments team, Identity team  team/owner-field');
  }, 300_000);
});
