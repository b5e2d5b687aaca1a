/** End to end in a real editor: headless Neovim with dmlint attached as its language server. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, REPO, scratchDir } from '../support/cli.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');

describe('Neovim', () => {
  it('shows dmlint diagnostics for an open document', () => {
    const root = scratchDir({ '.git/HEAD': 'ref\n', 'specs/a/spec.md': '# s\n', 'specs/a/data-model.md': CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]') });
    const out = join(root, 'diagnostics.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', join(REPO, 'test/support/neovim-init.lua')], {
      cwd: root,
      env: { ...process.env, DMLINT_NODE: process.execPath, DMLINT_CLI: CLI, DMLINT_ROOT: root, DMLINT_FILE: join(root, 'specs/a/data-model.md'), DMLINT_OUT: out },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.error).toBeUndefined();
    const { received, diagnostics } = JSON.parse(readFileSync(out, 'utf8')) as { received: boolean; diagnostics: Array<Record<string, unknown>> };
    expect(received).toBe(true);
    expect(diagnostics).toEqual([
      { lnum: 120, col: 18, severity: 1, source: 'dmlint', code: 'no-placeholder', message: 'Unfilled placeholder "[TBD]" in field "Storage Type": write the actual value in its place' },
    ]);
  });
});
