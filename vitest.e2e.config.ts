import { defineConfig } from 'vitest/config';
import { markdownAsText } from './vitest.config.js';

/** `npm run test:e2e`: the real programs on the other side — pre-commit, Neovim, git. README lists what to install. */
export default defineConfig({
  plugins: [markdownAsText],
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/support/build.ts', 'test/support/temporary.ts'],
    testTimeout: 300_000,
  },
});
