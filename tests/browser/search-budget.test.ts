/**
 * The weight of a first search: a reader opens /search/?q=… on a fresh page, and everything search fetches until the
 * results are shown (the page's scripts gzip as a static host serves them, the index entry, the index shards of the
 * query's terms and the files of the results, which the index stores compressed). Timings are printed by
 * `npm run bench -- search`, never tested.
 *
 * The goal is 150 KiB in all, and every kind of query meets it: scripts and the index entry are held to
 * ENGINE_BUDGET, and the shards (a few KB each, one per term) and result files (one or two KB each) that depend on
 * the query fill the rest. A query in Traditional characters also fetches the index's fold table, within FOLD_BUDGET.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtSiteInBrowser } from '../support/built-site';
import { DIST, gzipSize } from '../support/site-pages';
import { waitForResults } from '../support/search-page';
import { SEARCH_REGRESSION } from '../support/search-queries';

const KIB = 1024;
/** Bytes of script and the index entry a first search may fetch. */
const ENGINE_BUDGET = 30 * KIB;
/** The Traditional→Simplified fold table (src/search/build/name-readings.ts), fetched only for a query in Traditional characters. */
const FOLD_BUDGET = 35 * KIB;
/** Bytes a first search may fetch in all. */
const FIRST_SEARCH_BUDGET = 150 * KIB;
/** The files that depend on the query: index shards and result files, and the readings a typo is heard by. */
const QUERY_DATA = /^\/search-index\/|^\/finder\//;

/** What a file costs on the wire: scripts and the entry gzip, the index's files as stored (already compressed). */
function wireBytes(path: string): number {
  const file = join(DIST, decodeURIComponent(path));
  if (!existsSync(file)) return 0;
  const bytes = readFileSync(file);
  return /\.m?js$|\.json$/.test(path) ? gzipSize(bytes) : bytes.length;
}

const env = builtSiteInBrowser();

/** One query of each kind from the regression set, so names, figures, Traditional input, pinyin and typos all count. */
const sample = [...new Map(SEARCH_REGRESSION.map((q) => [q.kind, q])).values()];

describe('a first search stays within its weight budget', () => {
  // One tab with the browser's cache off: each search loads the page afresh and fetches all it needs, as a first visit
  // does (a new context per query cost Chromium a renderer process each).
  let page: Page;
  const fetched = new Set<string>();
  beforeAll(async () => {
    page = await env.page();
    await (await page.context().newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (/\.m?js$/.test(url.pathname) || url.pathname.startsWith('/search-index') || url.pathname.startsWith('/finder/')) fetched.add(url.pathname);
    });
  });

  it.each(sample)('$kind: $query', async ({ query, kind }) => {
    await page.goto('about:blank');
    fetched.clear();
    await page.goto(`${env.server.url}/search/?q=${encodeURIComponent(query)}`);
    await waitForResults(page, query);
    const sizes = [...fetched].map((path) => [path, wireBytes(path)] as const).sort((a, b) => b[1] - a[1]);
    const list = sizes.map(([p, b]) => `${p} ${(b / KIB).toFixed(1)} KiB`).join('\n');
    const engine = sizes.filter(([p]) => !QUERY_DATA.test(p)).reduce((n, [, bytes]) => n + bytes, 0);
    const fold = sizes.find(([p]) => /^\/search-index\/[^/]+\/fold\.bin$/.test(p));
    expect(Boolean(fold), 'the Traditional fold is fetched only for Traditional input').toBe(kind === 'traditional');
    expect(fold?.[1] ?? 0, list).toBeLessThanOrEqual(FOLD_BUDGET);
    // No dictionary in script: the fold is the index's own table.
    expect(sizes.some(([p]) => /opencc|\/fold\.[\w-]+\.js$/.test(p)), list).toBe(false);
    expect(engine, list).toBeLessThanOrEqual(ENGINE_BUDGET);
    expect(sizes.reduce((n, [, bytes]) => n + bytes, 0), list).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET);
  });
});
