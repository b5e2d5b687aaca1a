import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';

/** Loads `.md` imports as text, as the esbuild build does (the bundled template). */
export const markdownAsText: Plugin = {
  name: 'markdown-as-text',
  load(id) {
    return id.endsWith('.md') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : null;
  },
};

/**
 * `npm test`: everything that needs only Node and npm. Tests that drive programs installed apart
 * (pre-commit, Neovim, git) are the end-to-end suite, vitest.e2e.config.ts.
 */
export default defineConfig({
  plugins: [markdownAsText],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    globalSetup: ['test/support/build.ts', 'test/support/temporary.ts'],
    // Every core: most tests are CPU-bound, and the rest wait on processes they start.
    maxWorkers: availableParallelism(),
    // Test files share their worker's modules: the parser is compiled and optimised once per
    // worker, not once per file, which takes about a third off the run. So a test that changes
    // global state (a spy, a clock, timing) puts it back when it ends.
    isolate: false,
    testTimeout: 30_000,
  },
});
