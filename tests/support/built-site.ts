/** A test file's shared Chromium and local server for dist/. */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { afterAll, beforeAll } from 'vitest';
import { serveSite, type SiteServer } from './server';

/** Chromium and a local server for the built dist/, started before a test file's tests and closed after them. */
export function builtSiteInBrowser(): { readonly browser: Browser; readonly server: SiteServer } {
  const env = {} as { browser: Browser; server: SiteServer };
  beforeAll(async () => {
    [env.browser, env.server] = await Promise.all([launchBrowser(), serveSite()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
