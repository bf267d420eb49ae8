import { defineConfig } from 'vitest/config';
import { viteWat } from './wat.mjs';

export default defineConfig({
  plugins: [viteWat],
  test: {
    include: ['test/**/*.test.ts'],
    // Golden CLI tests spawn the built CLI; the fuzz tests are bounded in runs, not time.
    testTimeout: 30_000,
  },
});
