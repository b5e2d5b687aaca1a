/**
 * The rule pages in docs/rules are checked against the code: title, description and default
 * severity match the rule's metadata, and every example runs. A `markdown incorrect` block must
 * make the rule report, and the `text output` block after it lists exactly what it reports
 * (`line:column message`); a `markdown correct` block must make the rule report nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { helpText } from '../src/cli/help.js';
import { ruleMeta } from '../src/engine/meta.js';
import { parse as parseYaml } from 'yaml';
import { lintText } from '../src/engine/lint-text.js';
import type { LintResult } from '../src/engine/types.js';
import { nodeHost } from '../src/host/node-host.js';
import { prepareRelatedDocuments } from '../src/host/related.js';
import { DEFAULT_CONTRACT_GLOBS } from '../src/model/related/index.js';
import type { AnyRule } from '../src/rule-kit/rule.js';

const DOCS = fileURLToPath(new URL('../docs/rules', import.meta.url));

interface Example {
  kind: 'incorrect' | 'correct';
  text: string;
  output: string | null;
  /** Files of the feature folder the example is the data model of (blocks marked `file=<path>` before it). */
  files: Record<string, string>;
}

/** Fenced blocks (``` or ~~~) with info strings `markdown incorrect`, `markdown correct`, `text output`. */
function examples(page: string): Example[] {
  const blocks = [...page.matchAll(/^(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)\n\1[ \t]*$/gm)].map((match) => ({ info: (match[2] ?? '').trim(), body: match[3] ?? '' }));
  const found: Example[] = [];
  let files: Record<string, string> = {};
  blocks.forEach((block, index) => {
    const file = /\bfile=(\S+)/.exec(block.info)?.[1];
    if (file) files[file] = `${block.body}\n`;
    const kind = block.info === 'markdown incorrect' ? 'incorrect' : block.info === 'markdown correct' ? 'correct' : null;
    if (!kind) return;
    const next = blocks[index + 1];
    found.push({ kind, text: `${block.body}\n`, output: kind === 'incorrect' && next?.info === 'text output' ? next.body : null, files });
    files = {};
  });
  return found;
}

await prepareRelatedDocuments({ enabled: true, contracts: [] });

/** An example alone, or as the data model of a feature folder written to a temporary directory (removed after). */
function lintExample(example: Example, rule: AnyRule): LintResult {
  if (Object.keys(example.files).length === 0) return lintText(example.text, { ruleSet: [rule], readYaml: parseYaml });
  const dir = mkdtempSync(join(tmpdir(), 'dmlint-docs-'));
  try {
    for (const [path, text] of Object.entries(example.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return lintText(example.text, { filePath: join(dir, 'data-model.md'), host: nodeHost, related: { enabled: true, contracts: [...DEFAULT_CONTRACT_GLOBS] }, ruleSet: [rule], readYaml: parseYaml });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('rule documentation', () => {
  it('has a page for every rule and no page without a rule', () => {
    const pages = readdirSync(DOCS)
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.replace(/\.md$/, ''))
      .sort();
    expect(pages).toEqual(builtinRules.map((rule) => rule.id).sort());
  });

  for (const rule of builtinRules) {
    describe(rule.id, () => {
      const file = join(DOCS, `${rule.id}.md`);
      const page = existsSync(file) ? readFileSync(file, 'utf8') : '';

      it('states the id, description and default severity of the rule', () => {
        const lines = page.split('\n');
        expect(lines[0]).toBe(`# ${rule.id}`);
        expect(lines).toContain(`> ${rule.description}`);
        expect(lines).toContain(`- Default severity: \`${rule.defaultSeverity}\``);
        expect(page).toContain('## Why it matters');
      });

      const cases = examples(page);
      it('has at least one incorrect example with its output, and a correct example', () => {
        expect(cases.filter((example) => example.kind === 'incorrect' && example.output !== null).length).toBeGreaterThan(0);
        expect(cases.filter((example) => example.kind === 'correct').length).toBeGreaterThan(0);
      });

      it('documents every option of the rule', () => {
        const options = page.slice(page.indexOf('## Options'));
        for (const option of Object.keys((rule.defaultOptions ?? {}) as object)) expect(options).toContain(`| \`${option}\` |`);
        if (!rule.defaultOptions) expect(options).toContain('None.');
      });

      cases.forEach((example, index) => {
        it(`example ${index + 1} (${example.kind}) behaves as documented`, () => {
          const { messages } = lintExample(example, rule);
          const reported = messages.map((message) => `${message.line}:${message.column} ${message.message}`);
          if (example.kind === 'correct') expect(reported).toEqual([]);
          else {
            expect(reported.length).toBeGreaterThan(0);
            if (example.output !== null) expect(reported.join('\n')).toBe(example.output);
          }
        });
      });
    });
  }
});

describe('README', () => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

  it('lists every rule with its page, default severity and description', () => {
    const rows = readme.split('\n').filter((line) => line.startsWith('| [') && line.includes('](docs/rules/'));
    expect(rows).toEqual(builtinRules.map((rule) => `| [${rule.id}](docs/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${rule.description} |`));
  });

  it('has a section for every message dmlint itself reports (internal-error, invalid-encoding ...)', () => {
    const slugs = new Set(
      readme
        .split('\n')
        .filter((line) => /^#{2,4} /.test(line))
        .map((line) => line.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replaceAll(' ', '-')),
    );
    const builtinIds = new Set(builtinRules.map((rule) => rule.id));
    const engine = ruleMeta(builtinRules, builtinIds).filter((rule) => !builtinIds.has(rule.id));
    expect(engine.map((rule) => rule.id)).toEqual(['internal-error', 'invalid-encoding', 'parse-limit', 'invalid-directive', 'unused-directive']);
    for (const rule of engine) expect(slugs, rule.id).toContain(rule.docsUrl?.replace(/^.*README\.md#/, ''));
  });

  it('documents every command-line option', () => {
    const options = [...helpText('x').matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
    expect(options.length).toBeGreaterThan(20);
    const table = readme.split('\n').filter((line) => line.startsWith('| `-'));
    for (const option of options) expect(table.some((line) => new RegExp(`${option}(?![\\w-])`).test(line)), option).toBe(true);
  });

  it('starts with the install-and-run command and the test command', () => {
    const firstBlock = /```sh\n([\s\S]*?)\n```/.exec(readme)?.[1]?.split('\n');
    expect(firstBlock).toEqual(['npm ci && npm run build && node dist/cli.cjs fixtures/examples/checkout-orders/data-model.md', 'npm test']);
  });
});
