/** The V8 heap flags the executable sets for itself, and when it leaves them to the user. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapFlags, SEMI_SPACE_GROWTH_FACTOR } from '../src/cli/heap-settings.js';
import { REPO } from './support/cli.js';

describe('heap flags', () => {
  const growing = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
  const young = `--semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR}`;

  it('cap how far the old generation grows past what is live, and grow the young generation faster', () => {
    expect(heapFlags([])).toEqual([growing, young]);
    expect(heapFlags(['--max-old-space-size=4096'])).toEqual([growing, young]);
  });

  it("leave the user's own settings alone, in either spelling", () => {
    expect(heapFlags(['--heap-growing-percent=300'])).toEqual([young]);
    expect(heapFlags(['--heap_growing_percent=80'])).toEqual([young]);
    expect(heapFlags(['--semi_space_growth_factor=2'])).toEqual([growing]);
    expect(heapFlags(['--heap-growing-percent=300', '--semi-space-growth-factor=2'])).toEqual([]);
  });

  it('let the executable run under a setting of the user', () => {
    const run = spawnSync(process.execPath, ['--heap-growing-percent=300', join(REPO, 'dist/cli.cjs'), join(REPO, 'fixtures/examples/checkout-orders/data-model.md')], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
