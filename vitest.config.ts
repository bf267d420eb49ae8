import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Golden CLI tests spawn the built CLI; the fuzz tests are bounded in runs, not time.
    testTimeout: 30_000,
  },
});
