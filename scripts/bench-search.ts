/**
 * `npx tsx scripts/bench-search.ts [--recall] [--pause=<ms>]`: how fast /search/ answers and how much it fetches,
 * over the search regression set (tests/support/search-queries.ts), in Chromium against the built dist/. Not a test:
 * it prints.
 *
 * - Time from typing to results: from the input event to the results being in the list, one frame later painted.
 *   "cold" opens a fresh page per query (engine loaded, no index shard fetched yet); "warm" types every query in one
 *   page, as a reader trying several searches does, each once the one before has finished loading.
 * - Timed in a bare Chromium (scripts/bench/bare-chromium.ts): Playwright's following of every request doubled what
 *   a request cost the page. With --playwright the timing runs under Playwright, as before 2026-11-30 (third).
 *   Top-3 recall always runs under Playwright.
 * - Bytes per query: index shards and result files fetched for that query on a fresh page (stored gzip-compressed,
 *   so these are bytes on the wire). Opening the page (scripts, the index entry) is counted once, separately.
 * - With --pause=<ms>: the cold pass waits that long after the engine is ready before typing, as a reader who reads
 *   the page first does (by default it types at once, while the fresh page may still be busy).
 * - With --names=<n>: instead of the regression set, the names (h1) of n institution, group and region pages spread
 *   evenly over dist/, each expecting its own page: for a site built at national scale (QUALITY_DIST=<its dist>),
 *   whose generated names the regression set does not know.
 * - With --compare=pagefind (`npm run bench -- search --compare pagefind`): the regression set and the queries that
 *   must find nothing, through our search and through plain Pagefind on a copy of the same dist/ (scripts/bench/pagefind.ts),
 *   printed side by side: recall, nothing-found precision, time, bytes.
 * - With --recall: top-3 recall of the regression set; and, as a check beyond the set, every 2–4-character piece of
 *   every page's main heading searched on its own: what share of the first three results really contain it (of
 *   those that could: fewer pages may contain it than three).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser';
import { launchBare, pollUntil, type Tab } from './bench/bare-chromium';
import type { EngineRun } from './bench/pagefind';
import { serveSite } from '../tests/support/server';
import { DIST, builtPages } from '../tests/support/site-pages';
import { NOTHING_TO_FIND, SEARCH_REGRESSION } from '../tests/support/search-queries';
import { runPagefind } from './bench/pagefind';
import { reportComparison } from './bench/compare';
import { resultLinks, waitForEngine, waitForResults } from '../tests/support/search-page';

interface Measure {
  ms: number;
  bytes: number;
  /** What was fetched, path and bytes as served. */
  fetched: { url: string; bytes: number }[];
}

/**
 * Types the query the way an input event delivers it and waits for its results to be shown. Written as a string:
 * tsx would wrap named functions in a helper the page does not have.
 */
const TYPE_AND_WAIT = `(q) => new Promise((resolve) => {
  const input = document.querySelector('#search-query');
  const list = document.querySelector('#search-results');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const seen = performance.getEntriesByType('resource').length;
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (list.dataset.query !== q.trim()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const fetched = performance.getEntriesByType('resource').slice(seen);
      resolve({ ms: performance.now() - start, bytes: fetched.reduce((n, e) => n + e.encodedBodySize, 0), fetched: fetched.map((e) => ({ url: new URL(e.name).pathname, bytes: e.encodedBodySize })) });
    });
  });
  observer.observe(list, { attributes: true, childList: true, subtree: true });
  setValue.call(input, q);
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;

function typeAndWait(tab: Tab, query: string): Promise<Measure> {
  return tab.evaluate<Measure>(`(${TYPE_AND_WAIT})(${JSON.stringify(query)})`);
}

const ENGINE_READY = `document.querySelector('select[name="kind"]:not([disabled])')`;
const SETTLED = `document.querySelector('#search-results').getAttribute('aria-busy') === 'false'`;

/** A Playwright page, driven like a bare tab. */
const tabOf = (page: Page, close: () => Promise<void>): Tab => ({
  evaluate: (expression) => page.evaluate(expression),
  waitFor: (expression, timeoutMs) => pollUntil((e) => page.evaluate(e), expression, timeoutMs),
  close,
});

/** A fresh page under Playwright. */
async function playwrightTab(browser: Browser, url: string): Promise<Tab> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return tabOf(page, () => context.close());
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Every 2–4-character Han piece of every indexed page's h1, and each indexed page's text (to check results against). */
function headingPieces(): { pieces: string[]; texts: Map<string, string> } {
  const pieces = new Set<string>();
  const texts = new Map<string, string>();
  for (const { file, url } of builtPages()) {
    const html = readFileSync(join(DIST, file), 'utf8');
    const main = html.match(/<main[^>]*data-search-body[^>]*>([\s\S]*?)<\/main>/)?.[1];
    if (!main) continue;
    texts.set(url, main.replace(/<[^>]+>/g, '').replace(/\s+/g, ''));
    const h1 = main.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    for (const run of h1.match(/\p{Script=Han}+/gu) ?? []) {
      const chars = [...run];
      for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= chars.length; i++) pieces.add(chars.slice(i, i + n).join(''));
    }
  }
  return { pieces: [...pieces], texts };
}

/** Share of first-three results that contain the piece, out of as many as could (min of 3 and the pages holding it). */
function precisionAt3(pieces: string[], tops: string[][], texts: Map<string, string>): number {
  let good = 0;
  let possible = 0;
  pieces.forEach((piece, i) => {
    const holding = [...texts.values()].filter((t) => t.includes(piece)).length;
    possible += Math.min(3, holding);
    good += tops[i].filter((url) => texts.get(url)?.includes(piece)).length;
  });
  return possible ? good / possible : 1;
}

/** The h1 of n named pages (institutions, groups, regions) spread evenly over the built site, each its own target. */
function sampledNames(n: number): { query: string; page: string }[] {
  const named = builtPages().filter(({ url }) => /^\/(institutions|groups|regions)\/[^/]+\/$/.test(url));
  const step = Math.max(1, Math.floor(named.length / n));
  return named
    .filter((_, i) => i % step === 0)
    .slice(0, n)
    .map(({ file, url }) => ({ query: readFileSync(join(DIST, file), 'utf8').match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]?.trim() ?? '', page: url }))
    .filter(({ query }) => query);
}

async function main() {
  const checkRecall = process.argv.includes('--recall');
  const underPlaywright = process.argv.includes('--playwright');
  const pause = Number(process.argv.find((a) => a.startsWith('--pause='))?.split('=')[1] ?? 0);
  const names = Number(process.argv.find((a) => a.startsWith('--names='))?.split('=')[1] ?? 0);
  const compare = process.argv.find((a) => a.startsWith('--compare='))?.split('=')[1];
  if (compare && compare !== 'pagefind') throw new Error(`--compare=${compare}: only pagefind is known`);
  const queries: { query: string; page: string; also?: string[]; kind?: string }[] = names ? sampledNames(names) : compare ? [...SEARCH_REGRESSION, ...NOTHING_TO_FIND.map((query) => ({ query, page: '' }))] : SEARCH_REGRESSION;
  const ourTops: string[][] = [];
  const server = await serveSite(DIST);
  const browser = await launchBrowser();
  const bare = underPlaywright ? undefined : await launchBare();
  const openTab = (url: string) => (bare ? bare.open(url) : playwrightTab(browser, url));
  try {
    // Cold: a fresh page per query.
    const cold: Measure[] = [];
    const opening: number[] = [];
    /** A first search in all: scripts (gzip, as a static host serves them), the index entry, shards and result files. */
    const coldTotal: number[] = [];
    const gzipped = new Map<string, number>();
    const wireBytes = async ({ url, bytes }: { url: string; bytes: number }) => {
      if (!/\.m?js$|\.json$/.test(url)) return bytes;
      if (!gzipped.has(url)) gzipped.set(url, gzipSync(Buffer.from(await (await fetch(server.url + url)).arrayBuffer())).length);
      return gzipped.get(url)!;
    };
    const searchBytes = async (entries: { url: string; bytes: number }[]) =>
      (await Promise.all(entries.filter((e) => /\.m?js$|^\/search-index|^\/finder\/sounds/.test(e.url)).map(wireBytes))).reduce((a, b) => a + b, 0);
    const openingScripts: number[] = [];
    for (const { query } of queries) {
      const tab = await openTab(`${server.url}/search/`);
      await tab.waitFor(ENGINE_READY);
      if (pause) await new Promise((r) => setTimeout(r, pause));
      await tab.evaluate('performance.setResourceTimingBufferSize(10000)');
      const loaded: { url: string; bytes: number }[] = await tab.evaluate(
        `performance.getEntriesByType('resource').map((e) => ({ url: new URL(e.name).pathname, bytes: e.encodedBodySize }))`,
      );
      opening.push(loaded.reduce((n, e) => n + e.bytes, 0));
      openingScripts.push(loaded.filter((e) => /\.m?js$/.test(e.url)).length);
      const measured = await typeAndWait(tab, query);
      cold.push(measured);
      if (compare) ourTops.push(await tab.evaluate(`[...document.querySelectorAll('#search-results > li > a')].slice(0, 3).map((a) => new URL(a.href).pathname)`));
      coldTotal.push((await searchBytes(loaded)) + (await searchBytes(measured.fetched)));
      await tab.close();
    }

    if (compare) {
      // Our browser stays open (idle) until the finally below closes it once: a second Browser.close never answers.
      const theirs = await runPagefind(DIST, queries.map((q) => q.query));
      process.exitCode = reportComparison(queries, { ms: cold.map((m) => m.ms), bytes: coldTotal, tops: ourTops }, theirs, DIST);
      return;
    }

    // Warm: every query typed in one page, each once the one before has finished loading.
    const tab = await openTab(`${server.url}/search/`);
    await tab.waitFor(ENGINE_READY);
    await tab.evaluate('performance.setResourceTimingBufferSize(10000)');
    const warm: Measure[] = [];
    for (const { query } of queries) {
      warm.push(await typeAndWait(tab, query));
      await tab.waitFor(SETTLED);
    }

    // What opening the page costs in scripts, gzip as a static host serves them (they are stored uncompressed).
    const scripts: string[] = await tab.evaluate(
      `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\\.m?js$/.test(p))`,
    );
    const scriptBytes = await Promise.all(
      [...new Set(scripts)].map(async (p) => gzipSync(Buffer.from(await (await fetch(server.url + p)).arrayBuffer())).length),
    );

    const n = queries.length;
    console.log(`Search benchmark over ${n} ${names ? 'page names' : 'regression queries'} (${DIST}), timed ${underPlaywright ? 'under Playwright' : 'in a bare Chromium'}\n`);
    console.log(`Typing to results, cold (fresh page per query${pause ? `, typing ${pause} ms after the engine is ready` : ''}): median ${ms(median(cold.map((m) => m.ms)))}, 90th percentile ${ms(percentile(cold.map((m) => m.ms), 90))}, max ${ms(Math.max(...cold.map((m) => m.ms)))}`);
    console.log(`Typing to results, warm (one page, one query after another): median ${ms(median(warm.map((m) => m.ms)))}, 90th percentile ${ms(percentile(warm.map((m) => m.ms), 90))}, max ${ms(Math.max(...warm.map((m) => m.ms)))}`);
    console.log(`Bytes fetched per query, cold: median ${kb(median(cold.map((m) => m.bytes)))}, 90th percentile ${kb(percentile(cold.map((m) => m.bytes), 90))}, max ${kb(Math.max(...cold.map((m) => m.bytes)))}`);
    console.log(`Bytes fetched per query, warm: median ${kb(median(warm.map((m) => m.bytes)))}, total for all ${n} ${kb(warm.reduce((s, m) => s + m.bytes, 0))}`);
    console.log(`A first search in all (scripts gzip, index entry, shards and result files; opening included): median ${kb(median(coldTotal))}, 90th percentile ${kb(percentile(coldTotal, 90))}, max ${kb(Math.max(...coldTotal))}`);
    console.log(`Opening the page until search is ready: ${kb(median(opening))} as served; its scripts ${kb(scriptBytes.reduce((a, b) => a + b, 0))} gzip (${scriptBytes.length} files)`);
    const slow = queries.map((q, i) => ({ query: q.query, ...cold[i] })).sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`Slowest cold queries: ${slow.map((s) => `${s.query} ${ms(s.ms)} ${kb(s.bytes)}`).join('; ')}`);

    if (checkRecall) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/search/`);
      await waitForEngine(page);
      let ours = 0;
      for (const { query, page: target } of queries) {
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
        await waitForResults(page, query);
        if ((await resultLinks(page)).slice(0, 3).includes(target)) ours++;
      }
      console.log(`\nTop-3 recall: ${ours}/${n} (${((100 * ours) / n).toFixed(0)}%)`);
      // Beyond the set (on the site as built from data/, not at national scale: every heading's pieces would be
      // hundreds of thousands of queries).
      if (!names) {
        const { pieces, texts } = headingPieces();
        const ourTops: string[][] = [];
        for (const piece of pieces) {
          await typeAndWait(tabOf(page, () => page.close()), piece);
          ourTops.push((await resultLinks(page)).slice(0, 3));
        }
        const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
        console.log(
          `Every 2–4-character piece of every page heading (${pieces.length} queries), share of the first three results containing it: ${pct(precisionAt3(pieces, ourTops, texts))}`,
        );
      }
    }
  } finally {
    await bare?.close();
    await browser.close();
    await server.close();
  }
}

await main();
