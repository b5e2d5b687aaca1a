/**
 * Rule documentation for agents: a built-in rule's page (docs/rules/<id>.md, shipped in the
 * package), or for a plugin rule and the engine's own ids, what their metadata says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleMeta } from '../engine/meta.js';

/**
 * docs/rules of the package this code runs from: found by going up from this module, which is
 * src/mcp/ from source and dist/lazy/ once built, to the directory that holds the pages.
 */
function findRulePages(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const pages = join(dir, 'docs', 'rules');
    if (existsSync(join(dir, 'package.json')) && existsSync(pages)) return pages;
    dir = dirname(dir);
  }
  return null;
}

let pagesDir: string | null | undefined;

/** The page of a built-in rule; null when the package carries none. `id` must be a built-in rule's id (never a path from the agent). */
export function rulePage(id: string): string | null {
  pagesDir ??= findRulePages();
  const file = pagesDir ? join(pagesDir, `${id}.md`) : null;
  return file && existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** What `explain` gives for a rule without a page: its metadata as a short page. */
export function metaPage(meta: RuleMeta): string {
  return [`# ${meta.id}`, '', `> ${meta.description}`, '', `- Default severity: \`${meta.defaultSeverity}\``, '', '## Why', '', meta.rationale, ...(meta.docsUrl ? ['', `More: ${meta.docsUrl}`] : []), ''].join('\n');
}
