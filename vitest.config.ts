import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The differential suite runs tens of thousands of cases through two engines.
    testTimeout: 120_000,
    // Every audit event of the run is scanned for every secret the run created (issue 7).
    globalSetup: ['test/audit/global-setup.ts'],
  },
});
