import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer';

/**
 * Four tiers (README, "Tests"), each a vitest project; a file's folder decides its tier:
 * - unit: pure and in-process, no build, no browser (`npm run test:unit`, under a minute);
 * - site: Chromium, the Nu checker and file checks against the one dist/ that `npm test` built before them;
 * - e2e: throwaway copies of the project, where editors' commands and builds run as an editor types them;
 * - sweep: every page of the site where the site tier takes one page of each template (`npm run test:full` only).
 * `npm test` runs unit, site and e2e (tests/support/npm-test.ts); `npm run test:full` adds sweep.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A poll waits on a server or a browser that shares 2 cores with the other tiers: vitest's 1 s default failed a CI
    // run (load 9) on an editor chip whose name the server looked up after a data file changed under it.
    expect: { poll: { timeout: 15_000 } },
    // Browser tests share one Chromium per tier (tests/support/built-site-setup.ts), a tab per file. Three files at
    // once on the 2 cores: much of an e2e or browser test is spent waiting (on Chromium, on a build in a child process,
    // on a poll), and two files left a core idle for about half of the run; the longest files start first
    // (tests/support/sequencer.ts), so the run does not end on one.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 3 } },
    sequence: { sequencer: LongestFirst },
    projects: [
      // The unit tier is pure and in-process: `npm test` and `npm run test:unit` run it with `--no-isolate --pool threads`
      // (tests/support/npm-test.ts), so its files share one module graph per worker thread instead of each loading its
      // own: 102 → 41 s of CPU (2026-12-07). A unit test must therefore leave no state behind (globals, environment,
      // mocks) that another file could see. (Set here per project, vitest 3.2 kept isolating: the flags are on the CLI.)
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'site', include: ['tests/browser/**/*.test.ts', 'tests/quality/**/*.test.ts'], globalSetup: ['tests/support/built-site-setup.ts'] },
      },
      // Each e2e step runs editors' commands as processes (a few seconds each, much more on a loaded machine). The files
      // that drive a browser share one Chromium (tests/support/editor-chromium-setup.ts).
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/build/**/*.test.ts'], testTimeout: 180_000, globalSetup: ['tests/support/editor-chromium-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'sweep', include: ['tests/sweep/**/*.test.ts'], globalSetup: ['tests/support/built-site-setup.ts'] },
      },
    ],
  },
});
