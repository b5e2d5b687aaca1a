// The dmlint of another commit, built beside this checkout, for the benchmark to run side by side
// with this one: a detached git worktree in the system's temporary directory, sharing this
// checkout's node_modules (the commits are expected to have the same dependencies).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const git = (repo, ...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

/** Builds `ref`; returns its executable, its commit, and a function that removes the worktree. */
export function buildBaseline(repo, ref) {
  const commit = git(repo, 'rev-parse', '--short', ref);
  const dir = mkdtempSync(join(tmpdir(), `dmlint-bench-${commit}-`));
  git(repo, 'worktree', 'add', '--detach', dir, commit);
  const remove = () => {
    git(repo, 'worktree', 'remove', '--force', dir);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (readFileSync(join(dir, 'package-lock.json'), 'utf8') !== readFileSync(join(repo, 'package-lock.json'), 'utf8')) {
      console.warn(`bench: ${commit} has other dependencies than this checkout; it is built with this checkout's node_modules`);
    }
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
    const cli = join(dir, 'dist/cli.cjs');
    if (!existsSync(cli)) throw new Error(`bench: building ${commit} made no dist/cli.cjs`);
    return { cli, commit, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
