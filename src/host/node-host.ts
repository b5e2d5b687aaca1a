/** The engine's window on the file system, for the CLI and the library's lintFiles(). */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LintHost } from '../engine/run-rules.js';
import { RelatedLoader, type RelatedInput, type RelatedReading } from './related.js';
import type { DataModelDocument } from '../model/document.js';
import type { RelatedSettings } from '../model/related/index.js';

/** A host that can also tell which files its related documents came from (for the cache). */
export interface NodeHost extends LintHost {
  readRelated?(doc: DataModelDocument, settings: RelatedSettings): RelatedReading;
}

const loader = new RelatedLoader();

export const nodeHost: NodeHost = {
  fileExists: fileIsThere,
  resolve(documentPath, relativePath) {
    return resolve(dirname(documentPath), relativePath);
  },
  readRelated: (doc, settings) => loader.read(doc, settings),
  related: (doc, settings) => loader.read(doc, settings).documents,
};

/** The node host kept inside a folder: linked files outside it do not exist, related files outside it are not read. */
export function nodeHostWithin(root: string, contains: (path: string) => boolean): NodeHost {
  const within = new RelatedLoader(root);
  return {
    ...nodeHost,
    fileExists: (path) => contains(path) && fileIsThere(path),
    readRelated: (doc, settings) => within.read(doc, settings),
    related: (doc, settings) => within.read(doc, settings).documents,
  };
}

function fileIsThere(absolutePath: string): boolean {
  try {
    return statSync(absolutePath).isFile();
  } catch {
    // Missing or unreadable: either way there is no file to link to.
    return false;
  }
}

/**
 * A host that also notes every file-existence answer it gave and every related file it read, so
 * a cached result can be re-checked.
 */
export function recordingHost(host: NodeHost, checks: Array<[string, boolean]>, relatedInputs: RelatedInput[] = []): NodeHost {
  const readRelated = host.readRelated?.bind(host);
  return {
    ...host,
    fileExists(absolutePath) {
      const exists = host.fileExists?.(absolutePath) ?? false;
      checks.push([absolutePath, exists]);
      return exists;
    },
    ...(readRelated
      ? {
          related(doc: DataModelDocument, settings: RelatedSettings) {
            const reading = readRelated(doc, settings);
            relatedInputs.push(...reading.inputs);
            return reading.documents;
          },
        }
      : {}),
  };
}
