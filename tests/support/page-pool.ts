/** Runs a check over many pages with a few Chromium tabs at once, sharing one browser. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** Tabs at once: enough to keep 2 cores busy while one page waits on the network or axe. */
export const TABS = Number(process.env.QUALITY_TABS ?? 3);

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
      const context = await browser.newContext(options);
      const page = await context.newPage();
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
        await context.close();
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
