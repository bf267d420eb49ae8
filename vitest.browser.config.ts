// The browser tests (npm run test:browser): Debian's Chromium must be installed
// (.ci/run installs it); they fail, never skip, without it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
