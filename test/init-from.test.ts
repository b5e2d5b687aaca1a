/**
 * `dmlint --init --from <document>`: the derived template (pure, src/template/derive.ts) and the
 * command that writes it with a configuration pointing to it, on documents in four layouts teams
 * use. The source document lints clean against its template; a copy with a section removed or a
 * value left as a placeholder is reported.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveTemplate } from '../src/template/derive.js';
import { REPO, runCli, runMain, scratchDir } from './support/cli.js';

const layout = (name: string): string => readFileSync(join(REPO, 'fixtures/layouts', `${name}.md`), 'utf8');

interface Layout {
  name: string;
  /** The headings the template must have, in order. */
  headings: string[];
  /** A section to take out of a copy, from its heading up to the next heading named. */
  removed: [string, string];
  missing: string;
  /** A value to leave as a placeholder in a copy. */
  value: [string, string];
  placeholder: string;
}

const layouts: Layout[] = [
  {
    name: 'numbered-entities',
    headings: ['# Data Model: [Name]', '## 1. Overview', '## 2. Entities', '### 1. [Name]', '#### Attributes', '#### Relationships', '## 3. Open Questions'],
    removed: ['#### Relationships\n\n| Related Entity | Type | Description |\n|----------------|------|-------------|\n| Member', '## 3.'],
    missing: 'error Missing section "#### Relationships" in "### 2. Loan"; add it after "#### Attributes" [required-section]',
    value: ['**Owner**: Circulation team', '**Owner**: [Owner]'],
    placeholder: 'error Unfilled placeholder "[Owner]" in field "Owner": write the actual value in its place [no-placeholder]',
  },
  {
    name: 'entity-level-2',
    headings: ['# [Name]', '## Entity: [Name]', '### Relationships', '## Storage'],
    removed: ['## Storage', '\0'],
    missing: 'error Missing section "## Storage"; add it after "## Entity: OrderLine" [required-section]',
    value: ['**Database**: PostgreSQL 16', '**Database**: [Database]'],
    placeholder: 'error Unfilled placeholder "[Database]" in field "Database": write the actual value in its place [no-placeholder]',
  },
  {
    name: 'nullable-table',
    headings: ['# Schema: [Name]', '## Tables', '### Table: [Name]', '## Access', '## Samples', '### Sample [Name]'],
    removed: ['## Access', '## Samples'],
    missing: 'error Missing section "## Access"; add it after "## Tables" and before "## Samples" [required-section]',
    value: ['| `paid_at` | DateTime | Yes | set when paid |', '| `paid_at` | DateTime | Yes | [Notes] |'],
    placeholder: 'error Unfilled placeholder "[Notes]" in column "Notes": write the actual value in its place [no-placeholder]',
  },
  {
    name: 'german',
    headings: ['# Datenmodell: [Name]', '## Überblick', '## Entitäten', '### Entität: [Name]', '## Speicherung', '## Offene Fragen'],
    removed: ['## Speicherung', '## Offene Fragen'],
    missing: 'error Missing section "## Speicherung"; add it after "## Entitäten" and before "## Offene Fragen" [required-section]',
    value: ['**Verantwortlich**: Team Gebäude', '**Verantwortlich**: [Verantwortlich]'],
    placeholder: 'error Unfilled placeholder "[Verantwortlich]" in field "Verantwortlich": write the actual value in its place [no-placeholder]',
  },
];

function withoutSection(text: string, [from, to]: [string, string]): string {
  const start = text.indexOf(from);
  const end = to === '\0' ? text.length : text.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`no ${from} … ${to}`);
  return text.slice(0, start) + text.slice(end);
}

describe('deriving a template from a document', () => {
  it('keeps the outline, header fields and table columns, shows a repeated block once, and puts placeholders for values', () => {
    expect(deriveTemplate(layout('nullable-table'))).toBe(
      [
        '# Schema: [Name]',
        '',
        '**Service**: [Service]',
        '**Owner**: [Owner]',
        '',
        '## Tables',
        '',
        '### Table: [Name]',
        '',
        '[Description]',
        '',
        '| Field | Type | Nullable | Notes |',
        '|-------|------|----------|-------|',
        '| [Field] | [Type] | Yes/No | [Notes] |',
        '',
        '## Access',
        '',
        '[Access]',
        '',
        '## Samples',
        '',
        '### Sample [Name]',
        '',
        '```json',
        '[json]',
        '```',
        '',
      ].join('\n'),
    );
  });

  it.each(layouts)('finds the outline of $name', ({ name, headings }) => {
    const derived = deriveTemplate(layout(name));
    expect(derived.split('\n').filter((line) => line.startsWith('#'))).toEqual(headings);
    // No value of the document is left in its template.
    expect(derived).not.toMatch(/Circulation|PostgreSQL|invoicing|Gebäude|UUID/);
  });
});

describe.each(layouts)('dmlint --init --from on the $name layout', (layoutCase) => {
  it('writes the template and a configuration; the document lints clean, and a section removed or a value left is reported', async () => {
    const source = layout(layoutCase.name);
    const dir = scratchDir({ '.git/HEAD': 'ref: refs/heads/main\n', 'specs/good/data-model.md': source });
    try {
      const init = await runMain(['--init', '--from', 'specs/good/data-model.md'], { cwd: dir });
      expect(init).toMatchObject({ code: 0, stderr: '' });
      expect(init.stdout).toBe(
        'Wrote data-model-template.md from specs/good/data-model.md: its outline, header fields and table columns, every value a placeholder; review it.\nWrote .dmlintrc.jsonc, which points to it.\n',
      );
      expect(readFileSync(join(dir, 'data-model-template.md'), 'utf8')).toBe(deriveTemplate(source));
      expect(readFileSync(join(dir, '.dmlintrc.jsonc'), 'utf8')).toContain('\n  "template": "data-model-template.md",\n');
      const printed = JSON.parse((await runMain(['--print-config', 'specs/good/data-model.md'], { cwd: dir })).stdout) as { template: string };
      expect(printed.template).toBe(join(dir, 'data-model-template.md'));

      expect(await runMain(['--format', 'compact', 'specs'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });

      writeFileSync(join(dir, 'specs/good/data-model.md'), withoutSection(source, layoutCase.removed));
      const missing = await runMain(['--format', 'compact', '--quiet', 'specs'], { cwd: dir });
      expect(missing.code).toBe(1);
      expect(missing.stdout.trimEnd().split('\n').map((line) => line.replace(/^[^ ]+ /, ''))).toEqual([layoutCase.missing]);

      const [value, placeholder] = layoutCase.value;
      expect(source).toContain(value);
      writeFileSync(join(dir, 'specs/good/data-model.md'), source.replace(value, placeholder));
      const left = await runMain(['--format', 'compact', 'specs'], { cwd: dir });
      expect(left.code).toBe(1);
      expect(left.stdout.trimEnd().split('\n').map((line) => line.replace(/^[^ ]+ /, ''))).toEqual([layoutCase.placeholder]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dmlint --init --from refuses', () => {
  it('a template or configuration already there, a document that cannot be read, and --from alone', () => {
    const dir = scratchDir({ 'data-model.md': layout('german'), 'data-model-template.md': '# Mine\n' });
    try {
      expect(runCli(['--init', '--from', 'data-model.md'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'dmlint: data-model-template.md already exists; edit it, or remove it to start again\n' });
      rmSync(join(dir, 'data-model-template.md'));
      expect(runCli(['--init', '--from', 'nothing.md'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'dmlint: nothing.md: cannot read: no such file or directory\n' });
      expect(runCli(['--from', 'data-model.md'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'dmlint: --from needs --init. Run "dmlint --help" for usage.\n' });
      expect(readFileSync(join(dir, 'data-model.md'), 'utf8')).toBe(layout('german'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
