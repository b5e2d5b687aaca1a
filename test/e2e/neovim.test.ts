/** End to end in a real editor: headless Neovim with dmlint attached as its language server. */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, REPO, scratchDir } from '../support/cli.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const EXPECTED = [{ lnum: 120, col: 18, severity: 1, source: 'dmlint', code: 'no-placeholder', message: 'Unfilled placeholder "[TBD]" in field "Storage Type": write the actual value in its place' }];

/** The Lua block README gives under a list item that starts with `label`. */
function readmeSetup(label: string): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const at = readme.indexOf(`- **${label}**`);
  const block = at < 0 ? null : /```lua\n([\s\S]*?)\n\s*```/.exec(readme.slice(at));
  if (!block?.[1]) throw new Error(`README has no Lua block for ${label}`);
  return block[1];
}

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
    expect(diagnostics).toEqual(EXPECTED);
  });

  it(`works with README's setup for Neovim 0.7 to 0.10, as written (npx finds the project's dmlint)`, () => {
    const root = scratchDir({
      '.git/HEAD': 'ref\n',
      'specs/a/spec.md': '# s\n',
      'specs/a/data-model.md': CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]'),
      // dmlint installed in the project, as npx finds it.
      'node_modules/.bin/dmlint': `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`,
    });
    chmodSync(join(root, 'node_modules/.bin/dmlint'), 0o755);
    const init = join(root, 'init.lua');
    writeFileSync(init, readmeSetup('Neovim 0.7 to 0.10'));
    const out = join(root, 'diagnostics.json');
    // As a user starts it: their init.lua, then the file; the driver waits for what it shows.
    const run = spawnSync('nvim', ['--headless', '-u', init, '-c', `luafile ${join(REPO, 'test/support/neovim-driver.lua')}`, 'specs/a/data-model.md'], {
      cwd: root,
      env: { ...process.env, DMLINT_OUT: out },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.error).toBeUndefined();
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ received: true, diagnostics: EXPECTED });
  });
});
