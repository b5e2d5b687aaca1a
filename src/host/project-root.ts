/**
 * The directory that CI locations and shards are relative to: `GITHUB_WORKSPACE` when set (where
 * GitHub resolves annotation and SARIF paths), else the repository's top level, else the working
 * directory. So a report or a shard does not change with the directory dmlint was started in.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repositoryRoot } from '../config/load.js';

export function projectRoot(cwd: string, env: NodeJS.ProcessEnv): string {
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace) return resolve(cwd, workspace);
  const top = repositoryRoot(cwd);
  // repositoryRoot falls back to the file-system root outside a repository.
  return existsSync(join(top, '.git')) ? top : cwd;
}
