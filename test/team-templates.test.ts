/**
 * A team's own template replaces the bundled one. Four templates in different styles (renamed and
 * added sections, a Nullable column, {{mustache}} placeholders, numbered headings with choices and
 * an optional section): a document written from each lints clean, and a missing section and a
 * leftover placeholder are caught.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runMain, scratchDir } from './support/cli.js';

const TEMPLATES = join(REPO, 'fixtures/templates');
const read = (style: string, file: string): string => readFileSync(join(TEMPLATES, style, file), 'utf8');

const cases: Array<[string, string[]]> = [
  [
    'renamed-sections',
    [
      'invalid.md:20:21: error Unfilled placeholder "[type]" in column "Type": write the actual value in its place [no-placeholder]',
      'invalid.md:47:15: error Unresolved choice "[Postgres / MySQL / DynamoDB]" in field "Database": keep one of Postgres, MySQL, DynamoDB [no-unresolved-choice]',
      'invalid.md:49:1: error Missing section "## Retention"; add it after "## Storage" and before "## Sign-off" [required-section]',
    ],
  ],
  [
    'nullable-columns',
    [
      'invalid.md:6:1: error Missing section "## Access"; add it after "## Tables" [required-section]',
      'invalid.md:16:26: error Nullable is "maybe" for attribute "paid_at": write Yes or No [attribute-table]',
      'invalid.md:16:34: error Unfilled placeholder "[notes]" in column "Notes": write the actual value in its place [no-placeholder]',
    ],
  ],
  [
    'mustache',
    [
      'invalid.md:3:12: error Unfilled placeholder "{{team}}" in field "Owner": write the actual value in its place [no-placeholder]',
      'invalid.md:6:1: error Missing section "## Context"; add it before "## Models" [required-section]',
    ],
  ],
  [
    'classification-choices',
    [
      'invalid.md:7:14: error Unfilled placeholder "[What this model is for]" in field "Purpose": write the actual value in its place [no-placeholder]',
      'invalid.md:9:1: error Missing section "## 3. Data Classification"; add it after "## 2. Entity Definitions" [required-section]',
    ],
  ],
];

describe.each(cases)('a team template: %s', (style, expected) => {
  it('lints a complete document written from it clean, given by --template', async () => {
    const dir = scratchDir({ 'template.md': read(style, 'template.md'), 'doc/data-model.md': read(style, 'valid.md') });
    expect((await runMain(['--format', 'compact', '--template', 'template.md', 'doc/data-model.md'], { cwd: dir }))).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('catches a missing section and a leftover placeholder, given by a config file', async () => {
    const dir = scratchDir({ '.git/HEAD': 'ref\n', 'templates/team.md': read(style, 'template.md'), '.dmlintrc.yaml': 'template: templates/team.md\n', 'invalid.md': read(style, 'invalid.md') });
    const run = (await runMain(['--format', 'compact', 'invalid.md'], { cwd: dir }));
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual(expected);
  });

  it('is not the bundled template: the bundled one finds the same document incomplete', async () => {
    const dir = scratchDir({ 'doc/data-model.md': read(style, 'valid.md') });
    expect((await runMain(['--format', 'compact', '--no-config', 'doc/data-model.md'], { cwd: dir })).stdout).toContain('[required-section]');
  });
});

describe('column names from configuration', () => {
  const document = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8')
    .replace('](../../spec.md)', '](./spec.md)')
    .replaceAll('| Attribute | Type | Required | Description | Validation Rules |', '| Key | Kind | Mandatory | Notes | Checks |');
  const files = { '.git/HEAD': 'ref\n', 'specs/a/data-model.md': document, 'specs/a/spec.md': '# Spec\n' };

  it('without them, the renamed columns are reported', async () => {
    const run = (await runMain(['--format', 'compact', '.'], { cwd: scratchDir(files) }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Column "Key" should be "Attribute"');
  });

  it('with them, every table rule reads the team names', async () => {
    const config = JSON.stringify({ columns: { attributes: { name: ['Key'], type: ['Kind'], required: ['Mandatory'], description: ['Notes'], validation: ['Checks'] } } });
    const clean = scratchDir({ ...files, '.dmlintrc.json': config });
    expect((await runMain(['--format', 'compact', '.'], { cwd: clean }))).toMatchObject({ code: 0, stdout: '' });
    // The model reads the renamed Mandatory column as Required: a required value missing from a sample is caught.
    const broken = scratchDir({ ...files, '.dmlintrc.json': config, 'specs/a/data-model.md': document.replace('  "floor": 3,\n', '') });
    expect((await runMain(['--format', 'compact', '.'], { cwd: broken })).stdout).toBe('specs/a/data-model.md:336:1: error "Sample Room" lacks "floor", a required attribute of "Room" (line 39) [sample-data]\n');
  });
});
