/**
 * The search regression set (tests/support/search-queries.ts) run the way a reader runs it: /search/?q=… in Chromium
 * against the built site. Each query must put its page in the first three results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { serveSite, type SiteServer } from '../support/server';
import { DIST } from '../support/site-pages';
import { SEARCH_REGRESSION, type QueryKind } from '../support/search-queries';
import { resultLinks, waitForResults } from '../support/search-page';

let browser: Browser;
let server: SiteServer;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveSite(DIST)]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the regression set', () => {
  it('has at least 40 queries, and at least three of every kind', () => {
    expect(SEARCH_REGRESSION.length).toBeGreaterThanOrEqual(40);
    const kinds: QueryKind[] = ['place', 'name', 'name in a sentence', 'policy term', 'indicator', 'number', 'traditional', 'multi-word'];
    for (const kind of kinds) expect(SEARCH_REGRESSION.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
  });
});

describe('search puts the right page in the first three results', () => {
  it.each(SEARCH_REGRESSION)('$kind: $query → $page', async ({ query, page: target }) => {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    await waitForResults(page, query);
    const links = await resultLinks(page);
    expect(links.slice(0, 3), `first results: ${links.slice(0, 5).join(' ')}`).toContain(target);
  });
});
