/**
 * Budgets measured in Chromium (tests/browser/quality-csp.test.ts on one page of each template, with the CSP check's
 * page loads; tests/sweep/ on every page): the JavaScript each kind of page really loads (gzip), and that no page asks
 * another host for anything. Each page is scrolled to the end (lazy charts) and search is given a query, so code loaded on demand counts too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { VIEWPORTS } from './browser';
import { builtSiteInBrowser } from './built-site';
import { DIST, builtPages, gzipSize, pageFamily, type BuiltPage, type PageFamily } from './site-pages';
import { openPage, scrollThrough, withTabs } from './page-pool';

const KB = 1024;
/**
 * gzip bytes of JavaScript each kind of page may load, code loaded on use included. For search that is everything
 * but the search index's files (reported alongside), which are data, not page script.
 */
const JS_BUDGET: Record<PageFamily, number> = { text: 0, home: 20 * KB, chart: 70 * KB, search: 130 * KB };
const SEARCH_QUERY = '医共体';


export interface Load {
  url: string;
  family: PageFamily;
  scripts: string[];
  jsGzip: number;
  indexGzip: number;
  foreign: string[];
}

const sizeCache = new Map<string, number>();
function servedGzip(path: string): number {
  if (!sizeCache.has(path)) {
    const file = join(DIST, decodeURIComponent(path));
    sizeCache.set(path, existsSync(file) && !file.endsWith('/') ? gzipSize(readFileSync(file)) : 0);
  }
  return sizeCache.get(path)!;
}

/** Waits until no request has been in flight for `quiet` ms. */
async function settle(page: Page, inFlight: () => number, quiet = 300, limit = 8000): Promise<void> {
  const end = Date.now() + limit;
  let calmSince = Date.now();
  while (Date.now() < end) {
    await page.waitForTimeout(50);
    if (inFlight() > 0) calmSince = Date.now();
    else if (Date.now() - calmSince >= quiet) return;
  }
}

/**
 * What `page` loads while `use` opens and uses `url` (served from `origin`), until no request has been in flight for a
 * moment: every file it asks for once (the context's routes keep Chromium's cache out of the way), and anything asked
 * of another host (refused). Also what `use` returned: tests/support/csp.ts measures the loads it makes for its own
 * checks.
 */
export async function recordLoad<T>(page: Page, origin: string, url: string, use: () => Promise<T>): Promise<{ load: Load; used: T }> {
  const family = pageFamily(url);
  const load: Load = { url, family, scripts: [], jsGzip: 0, indexGzip: 0, foreign: [] };
  const seen = new Set<string>();
  let inFlight = 0;
  const context = page.context();
  const started = () => inFlight++;
  const ended = () => inFlight--;
  context.on('request', started);
  context.on('requestfinished', ended);
  context.on('requestfailed', ended);
  await context.unrouteAll();
  await context.route('**/*', (route) => {
    const request = route.request();
    const target = new URL(request.url());
    if (target.origin !== origin && target.protocol !== 'data:' && target.protocol !== 'blob:') {
      load.foreign.push(request.url());
      return route.abort();
    }
    if (!seen.has(target.pathname)) {
      seen.add(target.pathname);
      const bytes = servedGzip(target.pathname);
      if (target.pathname.startsWith('/search-index')) load.indexGzip += bytes;
      else if (request.resourceType() === 'script' || /\.m?js$/.test(target.pathname)) {
        load.jsGzip += bytes;
        load.scripts.push(target.pathname);
      }
    }
    return route.continue();
  });
  try {
    const used = await use();
    await settle(page, () => inFlight);
    return { load, used };
  } finally {
    context.off('request', started);
    context.off('requestfinished', ended);
    context.off('requestfailed', ended);
    await context.unrouteAll();
  }
}

async function measure(env: ReturnType<typeof builtSiteInBrowser>, page: Page, url: string): Promise<Load> {
  const family = pageFamily(url);
  const { load } = await recordLoad(page, new URL(env.server.url).origin, url, async () => {
    await openPage(page, env.server.url + url);
    await scrollThrough(page);
    // The finder (home) and search load what they need when used: use them, so that counts too.
    if (family === 'search' || family === 'home') {
      const box = page.locator('main input[type="search"], main input[type="text"]').first();
      if (await box.count()) {
        await box.focus();
        await box.pressSequentially(SEARCH_QUERY, { delay: 30 });
        if (family === 'search') await box.press('Enter');
      }
    }
  });
  return load;
}

/** The heaviest page of each kind, for the record. */
export function reportLoads(loads: Load[]): void {
  for (const family of ['home', 'chart', 'search', 'text'] as const) {
    const top = loads.filter((l) => l.family === family).sort((a, b) => b.jsGzip - a.jsGzip)[0];
    const budget = family === 'text' ? 'only /prefs.js allowed' : `of ${JS_BUDGET[family] / KB} KB`;
    if (top) console.log(`JS budget ${family}: heaviest ${top.url} ${(top.jsGzip / KB).toFixed(1)} KB, ${budget} (search index ${(top.indexGzip / KB).toFixed(1)} KB)`);
  }
}

/** The budgets' tests, on the loads in `loads` once they are made (in a beforeAll). */
export function loadChecks(loads: Load[]): void {
  it('no page requests anything from another host', () => {
    expect(loads.length).toBeGreaterThan(0);
    const foreign = loads.flatMap((l) => l.foreign.map((f) => `${l.url} → ${f}`));
    expect(foreign, foreign.join('\n')).toEqual([]);
  });

  it('text pages load no JavaScript but /prefs.js', () => {
    const text = loads.filter((l) => l.family === 'text');
    expect(text.length).toBeGreaterThan(0);
    const extra = text.flatMap((l) => l.scripts.filter((s) => s !== '/prefs.js').map((s) => `${l.url}: ${s}`));
    expect(extra, extra.join('\n')).toEqual([]);
  });

  it.each(['home', 'chart', 'search'] as const)('%s pages stay within their JavaScript budget', (family) => {
    const mine = loads.filter((l) => l.family === family);
    if (family === 'home' || family === 'search') expect(mine.length, `no ${family} page was built`).toBeGreaterThan(0);
    // The shared /prefs.js is part of every page and counts against every budget.
    const over = mine
      .filter((l) => l.jsGzip > JS_BUDGET[family])
      .map((l) => `${l.url}: ${(l.jsGzip / KB).toFixed(1)} KB > ${JS_BUDGET[family] / KB} KB (${l.scripts.join(', ')})`);
    expect(over, over.join('\n')).toEqual([]);
  });
}

/** Loads the pages `pick` chooses from every built page, then checks what they loaded against the budgets. */
export function pageLoadChecks(pick: (all: BuiltPage[]) => BuiltPage[]) {
  const env = builtSiteInBrowser();
  const loads: Load[] = [];
  describe('what pages load in the browser', () => {
    beforeAll(async () => {
      const visits = [...new Map(pick(builtPages()).map((p) => [p.url, p])).values()].map((p) => (pageFamily(p.url) === 'search' ? { ...p, url: `${p.url}?q=${encodeURIComponent(SEARCH_QUERY)}` } : p));
      await withTabs(env.browser, visits, { viewport: VIEWPORTS.phone }, async (page, { url }) => {
        loads.push(await measure(env, page, url));
      });
      loads.sort((a, b) => a.url.localeCompare(b.url));
      reportLoads(loads);
    }, 15 * 60_000);

    loadChecks(loads);
  });
}
