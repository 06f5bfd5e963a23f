/** Runs a check over many pages with a few Chromium tabs at once, sharing one browser. */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** Tabs at once: enough to keep 2 cores busy while one page waits on the network or axe. */
export const TABS = Number(process.env.QUALITY_TABS ?? 3);

/**
 * Each browser connection's idle contexts, by their options (a viewport aside), kept for the next tab: a new context
 * costs Chromium about 0.55 s of CPU more than a new tab in an existing one (a network context and storage partition
 * of its own), and a test file opens many tabs. Each tab is still new (no init script, listener or route of another),
 * and leaves behind no storage, cached file, cookie or route (`release`).
 */
const pools = new WeakMap<Browser, Map<string, BrowserContext[]>>();
/** Context options a shared context may have; a tab with any other (touch, downloads…) gets a context of its own. */
const SHAREABLE = new Set(['viewport', 'javaScriptEnabled']);

/** What a tab leaves in its (reused) context: storage of every origin it visited, the HTTP cache, cookies, routes. */
async function release(page: Page, origins: Set<string>): Promise<void> {
  const context = page.context();
  if (!page.isClosed() && origins.size) {
    const cdp = await context.newCDPSession(page);
    for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    // And the context's HTTP cache, so the next tab loads every file afresh, as in a new context.
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  }
  await page.close();
  await context.clearCookies();
  await context.unrouteAll({ behavior: 'ignoreErrors' });
}

export interface Tab {
  page: Page;
  /** Closes the tab; its context is cleaned and kept for the next tab with the same options. */
  close(): Promise<void>;
}

/** A new tab with `options` (a viewport, JavaScript off), in a context of this browser connection kept for reuse. */
export async function openTab(browser: Browser, options: BrowserContextOptions = {}): Promise<Tab> {
  const { viewport, ...rest } = options;
  const shared = viewport !== null && Object.keys(options).every((key) => SHAREABLE.has(key));
  if (!pools.has(browser)) pools.set(browser, new Map());
  const key = JSON.stringify(rest);
  const pool = pools.get(browser)!;
  if (!pool.has(key)) pool.set(key, []);
  const idle = pool.get(key)!;
  const context = (shared && idle.pop()) || (await browser.newContext(shared ? rest : options));
  const page = await context.newPage();
  const origins = new Set<string>();
  page.on('load', () => {
    const url = new URL(page.url());
    if (url.protocol.startsWith('http')) origins.add(url.origin);
  });
  if (shared && viewport) await page.setViewportSize(viewport);
  return {
    page,
    async close() {
      // A context whose tab could not be cleaned up is closed, not reused.
      if (shared && (await release(page, origins).then(() => true, () => false))) idle.push(context);
      else await context.close().catch(() => {});
    },
  };
}

export async function withTabs<T>(
  browser: Browser,
  items: T[],
  options: BrowserContextOptions,
  visit: (page: Page, item: T) => Promise<void>,
  tabs = TABS,
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(tabs, items.length) }, async () => {
      const { page, close } = await openTab(browser, options);
      try {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
          try {
            await visit(page, item);
          } catch (error) {
            // Name the page that failed: "Timeout exceeded" alone does not say where.
            throw new Error(`${JSON.stringify(item)}: ${(error as Error).message}`, { cause: error });
          }
        }
      } finally {
        await close();
      }
    }),
  );
}

/** Opens a page and waits until it is ready to be looked at. */
export async function openPage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() >= 400) {
    // 404.html is served with status 200 when fetched by its own name; anything else failing is a real problem.
    throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
  }
}

/** Scrolls down the whole page a screen at a time, so everything loaded on view (charts) is loaded. */
export async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; ; ) {
    const { height, screen } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, screen: innerHeight }));
    if (y >= height - screen) break;
    y += Math.round(screen * 0.8);
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
}
