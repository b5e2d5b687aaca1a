/** The V8 heap flag the executable sets for itself, and when it leaves it to the user. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapFlags } from '../src/cli/startup/heap-settings.js';
import { REPO } from './support/cli.js';

describe('heap flags', () => {
  it('cap how far the old generation grows past what is live', () => {
    expect(heapFlags([])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(heapFlags(['--max-old-space-size=4096'])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it("leave the user's own setting alone, in either spelling", () => {
    expect(heapFlags(['--heap-growing-percent=300'])).toEqual([]);
    expect(heapFlags(['--heap_growing_percent=80'])).toEqual([]);
  });

  it('let the executable run under a setting of the user', () => {
    const run = spawnSync(process.execPath, ['--heap-growing-percent=300', join(REPO, 'dist/cli.cjs'), join(REPO, 'fixtures/examples/checkout-orders/data-model.md')], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
