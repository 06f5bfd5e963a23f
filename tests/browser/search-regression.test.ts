/**
 * The search regression set (tests/support/search-queries.ts) run the way a reader runs it: /search/?q=… in Chromium
 * against the built site. Each query must put its page in the first three results.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtSiteInBrowser } from '../support/built-site';
import { readDist } from '../support/site-pages';
import { SEARCH_REGRESSION, type QueryKind } from '../support/search-queries';
import { resultLinks, waitForResults } from '../support/search-page';
import { meaningfulQuery, queryParts } from '../../src/lib/search-tokens';
import { matchedPieces } from '../../src/lib/search-excerpt';
import { traditionalToSimplified } from '../../src/components/search/fold';
import { normaliseQuery } from '../../src/components/search/engine';

const env = builtSiteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await env.browser.newPage();
});

describe('the regression set', () => {
  it('has at least 40 queries, and at least three of every kind', () => {
    expect(SEARCH_REGRESSION.length).toBeGreaterThanOrEqual(40);
    const kinds: QueryKind[] = ['place', 'name', 'short name', 'name in a sentence', 'policy term', 'indicator', 'number', 'traditional', 'multi-word'];
    for (const kind of kinds) expect(SEARCH_REGRESSION.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
  });
});

describe('every query asks for something its page really says', () => {
  it.each(SEARCH_REGRESSION)('$query → $page', ({ query, page: target }) => {
    const main = readDist(`${target.slice(1)}index.html`).match(/<main[^>]*>([\s\S]*?)<\/main>/)![1];
    const text = main.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const parts = queryParts(meaningfulQuery(normaliseQuery(query, traditionalToSimplified)));
    // Most of what the reader typed (question words aside) is on the page: its words, or figures as the page writes them.
    const wanted = parts.join('').length;
    const found = matchedPieces(parts, text).reduce((n, piece) => n + (text.match(piece)?.[0].replace(/,/g, '').length ?? 0), 0);
    expect(found / wanted, `${parts.join(' / ')} on ${target}`).toBeGreaterThanOrEqual(0.6);
  });
});

describe('search puts the right page in the first three results', () => {
  it.each(SEARCH_REGRESSION)('$kind: $query → $page', async ({ query, page: target }) => {
    await page.goto(`${env.server.url}/search/?q=${encodeURIComponent(query)}`);
    await waitForResults(page, query);
    const links = await resultLinks(page);
    expect(links.slice(0, 3), `first results: ${links.slice(0, 5).join(' ')}`).toContain(target);
  });
});
