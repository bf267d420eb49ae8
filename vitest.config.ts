import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/recalc/ needs LibreOffice: `npm run recalc` (RECALC=1) runs it alone.
    include: process.env.RECALC ? ['test/recalc/**/*.test.ts'] : ['test/**/*.test.ts'],
    exclude: process.env.RECALC ? configDefaults.exclude : [...configDefaults.exclude, 'test/recalc/**'],
    // The tests run the built CLI and restore what the build decoded: it must be newer than the code.
    globalSetup: ['test/fresh-build.ts'],
    // Golden CLI tests spawn the built CLI; the fuzz tests are bounded in runs, not time.
    testTimeout: 30_000,
  },
});
