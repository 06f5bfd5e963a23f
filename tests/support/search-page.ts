/** Driving /search/ in Chromium: used by tests/browser/search-*.test.ts and scripts/bench-search.ts. */
import type { Page } from 'playwright-core';

/**
 * Waits until the result list shows the first page of results for this query (search-page.ts names the query in
 * data-query once its results are in, and clears aria-busy once the whole first page is).
 */
export async function waitForResults(page: Page, query: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const list = document.querySelector<HTMLElement>('#search-results');
      return list?.dataset.query === q && list.getAttribute('aria-busy') === 'false';
    },
    query.trim(),
    { timeout },
  );
}

/** The addresses the results link to, in order (each result has exactly one link). */
export function resultLinks(page: Page): Promise<string[]> {
  return page.$$eval('#search-results > li > a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Waits until the engine has loaded (its filters appear). */
export async function waitForEngine(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('select[name="kind"]:not([disabled])', { timeout });
}

/** The results' links as path and fragment (a figure's result links to its row: /indicators/x/#obs-…). */
export function resultHrefs(page: Page): Promise<string[]> {
  return page.$$eval('#search-results > li > a', (links) => links.map((a) => { const u = new URL((a as HTMLAnchorElement).href); return u.pathname + u.hash; }));
}

/** The pages offered as "您是不是要找…" when nothing matches, in order. */
export function suggestionLinks(page: Page): Promise<string[]> {
  return page.$$eval('.search-suggest a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
