/**
 * Every quick fix the language server offers, over every fixture: applied alone, it must not add
 * problems of other rules, and "disable" must take its own problem away without changing the
 * document's structure (a comment line inside a table ends the table, and the rows left below
 * it become problems of other rules).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint-text.js';
import { nodeHost } from '../src/host/node-host.js';
import { codeActions, toDiagnostic } from '../src/lsp/server.js';
import { ChunkCache } from '../src/markdown/parse.js';
import { REPO } from './support/cli.js';
import { FIXTURE_DOCUMENTS, readFixture } from './support/fixtures.js';

const cache = new ChunkCache(8_000_000);

function problemsByRule(text: string, filePath: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of lintText(text, { filePath, host: nodeHost, chunkCache: cache }).messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  return counts;
}

describe('quick fixes over every fixture', () => {
  it.each(FIXTURE_DOCUMENTS)('%s', (path) => {
    const filePath = join(REPO, 'fixtures', path);
    const text = readFixture(path);
    const document = TextDocument.create(pathToFileURL(filePath).href, 'markdown', 1, text);
    const before = problemsByRule(text, filePath);
    const worse: string[] = [];
    const tried = new Set<string>();
    for (const message of lintText(text, { filePath, host: nodeHost, chunkCache: cache }).messages) {
      for (const action of codeActions(document, toDiagnostic(message, null, 0), cache)) {
        // Inserting a missing section brings in the template's text to be filled in: its placeholders
        // are the point of that suggestion (required-section), so they are not counted against it.
        if (action.title.startsWith("Insert the template's ")) continue;
        const fixed = TextDocument.applyEdits(document, Object.values(action.edit?.changes ?? {}).flat());
        // Actions that give the same text (one disable comment for many problems of a table) are tried once.
        if (tried.has(fixed)) continue;
        tried.add(fixed);
        const after = problemsByRule(fixed, filePath);
        for (const [rule, count] of after) {
          const own = rule === message.ruleId;
          if (count > (before.get(rule) ?? 0) || (own && action.title.startsWith('Disable ') && count >= (before.get(rule) ?? 0))) {
            worse.push(`${message.line}:${message.column} ${message.ruleId}, "${action.title}": ${rule} ${before.get(rule) ?? 0} → ${count}`);
          }
        }
      }
    }
    expect(worse).toEqual([]);
  });
});
