/**
 * Before the site and sweep tiers: they test the one dist/ that `npm test` built, so say plainly when there is none
 * (instead of every file failing on its own); and start the one Chromium their files share (tests/support/built-site.ts):
 * launching a browser per test file cost about 1.5 s of CPU each, twenty-odd times a run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import { DIST } from './site-pages';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the tier's shared Chromium listens (playwright's `chromium.connect`). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no built site: run npm run build first (npm test builds it for you)`);
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
