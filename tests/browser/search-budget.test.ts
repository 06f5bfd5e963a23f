/**
 * The weight of a first search: a reader opens /search/?q=… on a fresh page, and everything search fetches until the
 * results are shown (the page's scripts gzip as a static host serves them, Pagefind's runtime and wasm, its index
 * metadata, index chunks and page fragments, which Pagefind stores compressed) must stay within the budget.
 * Timings are printed by `npm run bench -- search`, never tested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSiteInBrowser } from '../support/built-site';
import { DIST, gzipSize } from '../support/site-pages';
import { waitForResults } from '../support/search-page';
import { SEARCH_REGRESSION } from '../support/search-queries';

const KIB = 1024;
/** Bytes a first search may fetch in all. */
const FIRST_SEARCH_BUDGET = 150 * KIB;

/** What a file costs on the wire: scripts gzip, Pagefind's data files as stored (already compressed). */
function wireBytes(path: string): number {
  const file = join(DIST, decodeURIComponent(path));
  if (!existsSync(file)) return 0;
  const bytes = readFileSync(file);
  return /\.m?js$/.test(path) ? gzipSize(bytes) : bytes.length;
}

const env = builtSiteInBrowser();

/** One query of each kind from the regression set, so names, figures, Traditional input and pinyin all count. */
const sample = [...new Map(SEARCH_REGRESSION.filter((q) => q.kind !== 'homophone').map((q) => [q.kind, q])).values()];

describe('a first search stays within its weight budget', () => {
  it.each(sample)('$kind: $query', async ({ query }) => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const fetched = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (/\.m?js$/.test(url.pathname) || url.pathname.startsWith('/pagefind/')) fetched.add(url.pathname);
    });
    await page.goto(`${env.server.url}/search/?q=${encodeURIComponent(query)}`);
    await waitForResults(page, query);
    await context.close();
    const sizes = [...fetched].map((path) => [path, wireBytes(path)] as const).sort((a, b) => b[1] - a[1]);
    const total = sizes.reduce((n, [, bytes]) => n + bytes, 0);
    expect(total, sizes.map(([p, b]) => `${p} ${(b / KIB).toFixed(1)} KiB`).join('\n')).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET);
  });
});
