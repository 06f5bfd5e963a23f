/**
 * Search in a browser without DecompressionStream (Safari before 16.4, Firefox before 113): the search page then
 * leaves Pagefind's files to Pagefind's own inflate and reads result pages through `result.data()`
 * (src/components/search/engine.ts). Readers of those browsers must get the same answers: one query of every kind of
 * the regression set must still put its page in the first three, with an excerpt and no index tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtSiteInBrowser } from '../support/built-site';
import { resultLinks, waitForResults } from '../support/search-page';
import { SEARCH_REGRESSION } from '../support/search-queries';

const env = builtSiteInBrowser();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await env.browser.newContext();
  await context.addInitScript(() => {
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
});

/** One query of each kind that names a page (a homophone is answered by suggestions, not results). */
const sample = [...new Map(SEARCH_REGRESSION.filter((q) => q.kind !== 'homophone').map((q) => [q.kind, q])).values()];

describe('search without DecompressionStream', () => {
  it('really runs without it', async () => {
    await page.goto(`${env.server.url}/search/`);
    expect(await page.evaluate(() => typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream)).toBe('undefined');
  });

  it.each(sample)('$kind: $query', async ({ query, page: target }) => {
    await page.goto(`${env.server.url}/search/?q=${encodeURIComponent(query)}`);
    await waitForResults(page, query);
    expect((await resultLinks(page)).slice(0, 3)).toContain(target);
    const first = page.locator('#search-results > li').first();
    expect((await first.locator('.search-excerpt').innerText()).trim().length).toBeGreaterThan(0);
    expect(await page.locator('#search-results').innerText()).not.toMatch(/yq[0-9a-z]{6}/);
  });
});
