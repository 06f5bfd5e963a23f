/**
 * A test file's Chromium in the e2e tier: the tier's shared one (tests/support/editor-chromium-setup.ts), or one of the
 * file's own where no tier started one. Closing the connection closes the file's contexts and pages, not the browser.
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser } from './browser';

export function e2eBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchBrowser();
}
