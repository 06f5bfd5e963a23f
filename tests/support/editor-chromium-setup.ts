/**
 * Before the e2e tier (vitest.config.ts): one Chromium for the tier's files that drive a browser (the editor's tests and
 * a new user's), as the site tier has its own (tests/support/built-site-setup.ts). Each file connects to it
 * (tests/support/editor-chromium.ts) instead of launching a browser of its own, about 1.5 s of CPU each.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the tier's shared Chromium listens (playwright's `chromium.connect`). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
