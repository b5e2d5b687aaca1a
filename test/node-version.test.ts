import { describe, expect, it } from 'vitest';
import { unsupportedNode } from '../src/cli/startup/node-version.js';

describe('the Node versions the command line refuses: those outside package.json engines', () => {
  it.each(['20.19.0', '20.20.2', '22.13.0', '22.21.1', '24.0.0', '25.2.1'])('runs on Node %s', (version) => {
    expect(unsupportedNode(version)).toBeNull();
  });

  it.each(['12.22.12', '18.20.8', '20.18.3', '21.7.3', '22.12.0', '23.11.0'])('refuses Node %s in one line', (version) => {
    expect(unsupportedNode(version)).toBe(`dmlint: needs Node 20.19 or later, 22.13 or later, or 24; this is Node ${version}`);
  });
});
