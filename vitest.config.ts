import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share one Chromium per file; files run in parallel on the 2 cores.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2 } },
  },
});
