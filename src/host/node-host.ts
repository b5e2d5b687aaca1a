/** The engine's window on the file system, for the CLI and the library's lintFiles(). */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LintHost } from '../engine/run-rules.js';

export const nodeHost: LintHost = {
  fileExists(absolutePath) {
    try {
      return statSync(absolutePath).isFile();
    } catch {
      // Missing or unreadable: either way there is no file to link to.
      return false;
    }
  },
  resolve(documentPath, relativePath) {
    return resolve(dirname(documentPath), relativePath);
  },
};

/** A host that also notes every file-existence answer it gave, so a cached result can be re-checked. */
export function recordingHost(host: LintHost, checks: Array<[string, boolean]>): LintHost {
  return {
    ...host,
    fileExists(absolutePath) {
      const exists = host.fileExists?.(absolutePath) ?? false;
      checks.push([absolutePath, exists]);
      return exists;
    },
  };
}
