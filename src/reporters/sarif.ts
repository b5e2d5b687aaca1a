/**
 * SARIF 2.1.0 for code scanning: the tool with every rule (descriptions, default level, a link to
 * its page), and one result per problem with its location relative to %SRCROOT% and fingerprints
 * that follow an alert across commits.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { HOMEPAGE, VERSION } from '../util/version.js';
import type { Reporter } from './types.js';

const SRCROOT = '%SRCROOT%';

/** A path under the root as a relative URI; anything else as a file URI; `<stdin>` encoded (`<` is no URI character). */
function artifactUri(filePath: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = relative(root, filePath);
  if (filePath.startsWith('<') || rel.startsWith('..') || isAbsolute(rel)) return { uri: filePath.startsWith('<') ? encodeURIComponent(filePath) : pathToFileURL(filePath).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export const sarif: Reporter = (results, { cwd, root = cwd, rules }) => {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale || rule.description },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl, help: { text: `${rule.description}. See ${rule.docsUrl}` } } : {}),
    defaultConfiguration: { level: rule.defaultSeverity === 'error' ? 'error' : 'warning' },
  }));
  const sarifResults: Result[] = results.flatMap((result) =>
    result.messages.map((message) => ({
      ruleId: message.ruleId,
      ...(index.has(message.ruleId) ? { ruleIndex: index.get(message.ruleId) } : {}),
      level: message.severity === 'error' ? 'error' : 'warning',
      message: { text: message.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactUri(result.filePath, root),
            region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
          },
        },
      ],
      ...(message.related
        ? {
            relatedLocations: message.related.map((other, id) => ({
              id,
              physicalLocation: { artifactLocation: artifactUri(other.filePath, root), region: { startLine: other.line, startColumn: other.column, endLine: other.endLine, endColumn: other.endColumn } },
              message: { text: other.message },
            })),
          }
        : {}),
      ...(message.fingerprint ? { partialFingerprints: { 'dmlint/v1': message.fingerprint } } : {}),
    })),
  );
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dmlint', version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
