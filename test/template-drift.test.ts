/**
 * template-drift through the command line: a team template that declares its name and version in
 * front matter (read with the YAML parser, loaded only then), and documents that name the
 * version they were filled from.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runMain, scratchDir } from './support/cli.js';

const TEMPLATE_V2 = `---
name: team-data-model
version: 2
---

# Schema: [service name]

**Owner**: [team]

## Tables

### Table: [TableName]

| Field | Type | Nullable | Notes |
|-------|------|----------|-------|
| \`[column]\` | [type] | Yes/No | [notes] |

## Access Control

[Who reads and writes these tables]

## Retention

[How long rows are kept]
`;

const FILLED_FROM_V1 = (version: string): string => `---
template: team-data-model@${version}
---

# Schema: invoicing

**Owner**: Billing team

## Tables

### Table: invoice

| Field | Type | Nullable | Notes |
|-------|------|----------|-------|
| \`id\` | UUID | No | primary key |

## Access

The billing service writes; finance reports read.

## Rollout

Backfilled in one night.
`;

describe('template-drift with a team template', () => {
  it('names what was added, renamed and removed since the version a document was filled from', async () => {
    const dir = scratchDir({ '.git/HEAD': 'ref\n', '.dmlintrc.yaml': 'template: team.md\n', 'team.md': TEMPLATE_V2, 'a/data-model.md': FILLED_FROM_V1('1') });
    try {
      const run = await runMain(['--format', 'compact', '--rule', 'required-section: off', 'a/data-model.md'], { cwd: dir });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.trimEnd().split('\n')).toEqual([
        'a/data-model.md:2:1: warning Template "team-data-model" has changed since version 1, which this document was filled from (now version 2): 1 section added, 1 renamed, 1 removed; update "template:" once the document follows it [template-drift]',
        // Where it goes: after the last section the template knows, "## Tables".
        'a/data-model.md:9:1: warning The template added "## Retention" since version 1: insert it [template-drift]',
        'a/data-model.md:17:1: warning The template renamed "## Access" to "## Access Control" since version 1 [template-drift]',
        'a/data-model.md:21:1: warning "## Rollout" is not in the template as it is now: removed since version 1, or a section of this document\'s own [template-drift]',
      ]);
      const json = JSON.parse((await runMain(['--format', 'json', '--rule', 'required-section: off', 'a/data-model.md'], { cwd: dir })).stdout) as Array<{ messages: Array<{ message: string; suggestions?: Array<{ fix: { text: string } }> }> }>;
      const suggested = json[0]?.messages.flatMap((message) => (message.suggestions ?? []).map((suggestion) => suggestion.fix.text));
      expect(suggested).toEqual(['\n\n## Retention\n\n[How long rows are kept]', 'Access Control']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is quiet for a document filled from the current version, and a broken template front matter exits 2', () => {
    const dir = scratchDir({ '.git/HEAD': 'ref\n', '.dmlintrc.yaml': 'template: team.md\n', 'team.md': TEMPLATE_V2, 'a/data-model.md': FILLED_FROM_V1('2') });
    try {
      const current = runCli(['--format', 'compact', '--rule', 'required-section: off', '--rule', 'template-drift: error', 'a/data-model.md'], { cwd: dir });
      expect(current).toMatchObject({ code: 0, stdout: '' });
      writeFileSync(join(dir, 'broken.md'), TEMPLATE_V2.replace('version: 2', 'version: [2'));
      const broken = runCli(['--template', 'broken.md', 'a/data-model.md'], { cwd: dir });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/template: the front matter of broken\.md is not valid YAML/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
