/** A test file's Chromium (the tier's shared one) and local server for dist/. */
import { chromium, type Browser, type Download, type Page, type ViewportSize } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from './browser';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveSite, type SiteServer } from './server';

/**
 * The Chromium that tests/support/built-site-setup.ts started for the tier, or one of this file's own where there is
 * none. Each test file connects once; closing the connection closes the file's contexts and pages, not the browser.
 */
export function siteBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchBrowser();
}

export interface BuiltSite {
  readonly browser: Browser;
  readonly server: SiteServer;
  /**
   * The file's one tab, reused test after test: at `viewport`, in screen media, with nothing stored for the site (so no
   * 大字模式 carried over). A new context costs Chromium a renderer process, about as much CPU as four page loads; a
   * test that needs other context options (no JavaScript, say) or adds init scripts opens a tab of its own with
   * openTab (tests/support/page-pool.ts), in a context kept and cleaned for the file's next such tab.
   */
  page(viewport?: ViewportSize): Promise<Page>;
}

/**
 * Chromium and a local server for the built dist/, started before a test file's tests and closed after them; `headers`
 * as serveSite takes them (those of src/publishing/site-files/_headers, say).
 */
export function builtSiteInBrowser(headers?: Parameters<typeof serveSite>[1]): BuiltSite {
  let tab: Page | undefined;
  const env = {
    async page(viewport: ViewportSize = VIEWPORTS.desktop) {
      if (tab && !tab.isClosed() && tab.url().startsWith(env.server.url)) {
        await tab.evaluate(() => {
          localStorage.clear();
          sessionStorage.clear();
        });
      } else if (!tab || tab.isClosed() || tab.url() !== 'about:blank') {
        await tab?.context().close();
        tab = await env.browser.newPage();
      }
      await tab.setViewportSize(viewport);
      await tab.emulateMedia({ media: 'screen' });
      return tab;
    },
  } as { browser: Browser; server: SiteServer; page: BuiltSite['page'] };
  beforeAll(async () => {
    [env.browser, env.server] = await Promise.all([siteBrowser(), serveSite(undefined, headers)]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A download's bytes (a shared browser keeps downloads on its side: `download.path()` is not there to read). */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
