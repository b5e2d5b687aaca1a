/**
 * required-section's suggestion through the command line: the JSON output's suggestion, applied
 * to the document, puts the template's section where it belongs, and nothing else changes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runMain, scratchDir } from './support/cli.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');

interface JsonMessage {
  ruleId: string;
  line: number;
  fix?: unknown;
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
}

async function lintJson(dir: string, args: string[] = []): Promise<JsonMessage[]> {
  const run = await runMain(['--format', 'json', ...args, 'data-model.md'], { cwd: dir });
  return (JSON.parse(run.stdout) as Array<{ messages: JsonMessage[] }>)[0]?.messages ?? [];
}

function applySuggestion(text: string, message: JsonMessage | undefined): string {
  const fix = message?.suggestions?.[0]?.fix;
  if (!fix) throw new Error('no suggestion');
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

describe('inserting a missing section', () => {
  it('inserts a missing top-level section with its subsections and guidance, before the section it precedes', async () => {
    const without = CLEAN.replace(/## Testing Strategy\n[\s\S]*?(?=## Documentation Requirements)/, '');
    const dir = scratchDir({ 'data-model.md': without, 'spec.md': '# Spec\n' });
    try {
      const [missing] = (await lintJson(dir)).filter((message) => message.ruleId === 'required-section');
      expect(missing?.fix).toBeUndefined();
      expect(missing?.suggestions?.[0]?.desc).toBe('Insert the template\'s "## Testing Strategy" section here');
      const inserted = applySuggestion(without, missing);
      const template = readFileSync(join(REPO, 'src/template/data-model-template.md'), 'utf8');
      const templateSection = /## Testing Strategy\n[\s\S]*?(?=\n+---\n+## Documentation Requirements)/.exec(template)?.[0] ?? '';
      expect(inserted).toBe(without.replace('## Documentation Requirements', `${templateSection}\n\n## Documentation Requirements`));
      writeFileSync(join(dir, 'data-model.md'), inserted);
      const after = await lintJson(dir);
      expect(after.filter((message) => message.ruleId === 'required-section')).toEqual([]);
      expect(after.filter((message) => message.ruleId === 'no-placeholder').length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('inserts a missing entity subsection in that entity, and --fix leaves the document alone', async () => {
    const without = CLEAN.replace(/#### Invariants\n[\s\S]*?(?=#### Indexes)/, '');
    const dir = scratchDir({ 'data-model.md': without, 'spec.md': '# Spec\n' });
    try {
      const [missing] = (await lintJson(dir)).filter((message) => message.ruleId === 'required-section');
      const entityHeading = without.indexOf('### Entity: Room');
      const indexes = without.indexOf('#### Indexes', entityHeading);
      expect(missing?.suggestions?.[0]?.fix.range).toEqual([indexes, indexes]);
      expect(missing?.suggestions?.[0]?.fix.text).toMatch(/^#### Invariants\n\n\[Business rules that must always be true for this entity\]\n\n- \[Invariant 1: [^\n]+\n- \[Invariant 2: [^\n]+\n- \[Invariant 3: [^\n]+\n\n$/);
      const fixed = await runMain(['--fix', 'data-model.md'], { cwd: dir });
      expect(fixed.code).toBe(1);
      expect(readFileSync(join(dir, 'data-model.md'), 'utf8')).toBe(without);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
