/**
 * The search regression set (tests/support/search-queries.ts) run the way a reader runs it: /search/?q=… in Chromium
 * against the built site, then each query typed into the search box. Each query of the sample must put its page in the first three results (a homophone: in the
 * first three names offered), a typo's results are named as corrected, and a figure's query must link to the figure's
 * row. The sample is the first two queries of each kind and every figure's query: the ranking of all the queries is
 * checked in-process by the same engine (tests/browser/search-engine.test.ts), a page load each here cost a minute.
 * Every query of the set is checked against what its page says (no browser).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pinyin } from 'pinyin-pro';
import { builtSiteInBrowser } from '../support/built-site';
import { readDist } from '../support/site-pages';
import { SEARCH_REGRESSION, type QueryKind } from '../support/search-queries';
import { resultHrefs, suggestionLinks, waitForResults } from '../support/search-page';
import { meaningfulQuery, queryParts } from '../../src/search/shared/tokens';
import { matchedPieces } from '../../src/search/browser/excerpt';
import { traditionalToSimplified } from '../../src/search/build/name-readings';
import { normaliseQuery } from '../../src/search/browser/engine';
import { queryVariants } from '../../src/search/shared/synonyms';

const env = builtSiteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await env.browser.newPage();
});

/** Every observation's value by id, read from data/observations. */
const values = new Map<string, number>(
  readdirSync('data/observations').flatMap((f) => (JSON.parse(readFileSync(`data/observations/${f}`, 'utf8')) as { id: string; value: number }[]).map((o) => [o.id, o.value] as [string, number])),
);

const mainText = (url: string) => readDist(`${url.slice(1)}index.html`).match(/<main[^>]*>([\s\S]*?)<\/main>/)![1];
/** Whether a text holds a piece as long as `query` that differs from it in exactly one character. */
function oneCharacterOff(text: string, query: string): boolean {
  const q = [...query];
  const t = [...text];
  for (let i = 0; i + q.length <= t.length; i++) if (q.filter((c, k) => c !== t[i + k]).length === 1) return true;
  return false;
}

/** The synonym groups editors keep in data/synonyms/ (readers' words for what pages say otherwise). */
const synonyms = readdirSync('data/synonyms').flatMap((f) => (JSON.parse(readFileSync(`data/synonyms/${f}`, 'utf8')) as { words: string[] }[]).map((g) => g.words));

const spelled = (han: string) => (pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[]).join('');

describe('the regression set', () => {
  it('has at least 200 queries, and at least three of every kind', () => {
    expect(SEARCH_REGRESSION.length).toBeGreaterThanOrEqual(200);
    const kinds: QueryKind[] = ['place', 'name', 'short name', 'name in a sentence', 'pinyin', 'homophone', 'policy term', 'indicator', 'number', 'traditional', 'multi-word', 'everyday indicator', 'sentence', 'typo'];
    for (const kind of kinds) expect(SEARCH_REGRESSION.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
  });
});

describe('every query asks for something its page really says', () => {
  it.each(SEARCH_REGRESSION)('$query → $page', ({ query, page: target, kind, anchor }) => {
    const main = mainText(target);
    const text = main.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const h1 = main.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)![1].replace(/<[^>]+>/g, '');
    if (kind === 'pinyin') {
      // The pinyin spells the start of a name on the page's heading.
      expect(spelled(h1), h1).toContain(query);
      return;
    }
    if (kind === 'homophone' || kind === 'typo') {
      // Sounds like a name on the heading or differs from a piece of it in one character, and is not written there.
      const plain = (name: string) => name.replace(/[县镇]/g, '');
      const plainText = main.replace(/<[^>]+>/g, '');
      const soundsAlike = spelled(plain(h1)).includes(spelled(plain(query)));
      expect(soundsAlike || oneCharacterOff(plainText, query), h1).toBe(true);
      expect(h1).not.toContain(query);
      return;
    }
    if (anchor) {
      // The page has the figure's row, and the figure is what the query says, as people round.
      expect(main).toContain(`id="obs-${anchor}"`);
      const [, digits, unit] = query.replace(/,/g, '').match(/(\d+(?:\.\d+)?)(万)?/)!;
      const decimals = digits.split('.')[1]?.length ?? 0;
      const scale = unit ? 10_000 : 1;
      expect(Math.abs(values.get(anchor)! - Number(digits) * scale), query).toBeLessThanOrEqual((scale * 10 ** -decimals) / 2 + 1e-9);
      return;
    }
    // Most of what the reader typed (question words aside) is on the page: its words, or figures as the page writes
    // them; for a reader's word the page says otherwise, as a synonym group of data/synonyms/ writes it.
    const simplified = normaliseQuery(query, traditionalToSimplified);
    const share = (q: string) => {
      const parts = queryParts(meaningfulQuery(q));
      const found = matchedPieces(parts, text).reduce((n, piece) => n + (text.match(piece)?.[0].replace(/,/g, '').length ?? 0), 0);
      return found / parts.join('').length;
    };
    const best = Math.max(share(simplified), ...queryVariants(simplified, synonyms, 20).map(share));
    expect(best, `${query} on ${target}`).toBeGreaterThanOrEqual(0.6);
  });
});

/** The first two queries of each kind, and every query for a figure (its result links to the figure's row). */
const IN_BROWSER = SEARCH_REGRESSION.filter((q, i) => q.anchor || SEARCH_REGRESSION.slice(0, i).filter((p) => p.kind === q.kind).length < 2);

describe('search puts the right page in the first three results', () => {
  it('samples every kind of query, and every figure', () => {
    const kinds = new Set(SEARCH_REGRESSION.map((q) => q.kind));
    for (const kind of kinds) expect(IN_BROWSER.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(2);
    expect(IN_BROWSER.filter((q) => q.anchor).length).toBe(SEARCH_REGRESSION.filter((q) => q.anchor).length);
  });

  it.each(IN_BROWSER)('$kind: $query → $page', async ({ query, page: target, kind, anchor, also }) => {
    // The first query opens /search/?q=… as a link does; each next one is typed into its box, as a reader searches
    // again (a page load per query cost most of this file's CPU; deep links are tried in search-page.test.ts).
    if (!page.url().startsWith(`${env.server.url}/search/`)) await page.goto(`${env.server.url}/search/?q=${encodeURIComponent(query)}`);
    else await page.locator('#search-query').fill(query);
    await waitForResults(page, query);
    const links = await resultHrefs(page);
    const paths = links.map((l) => l.replace(/#.*/, ''));
    const wanted = [target, ...(also ?? [])];
    if (kind === 'homophone' || kind === 'typo') {
      // The corrected query's results, named as such; a homophone may instead be offered as "您是不是要找…".
      const offered = kind === 'homophone' ? (await suggestionLinks(page)).slice(0, 3) : [];
      expect([...paths.slice(0, 3), ...offered].some((p) => wanted.includes(p)), `first: ${paths.slice(0, 3).join(' ')} offered: ${offered.join(' ')}`).toBe(true);
      if (kind === 'typo') expect(await page.locator('.search-corrected').innerText()).toMatch(/^已显示“.+”的结果，仍搜索/);
      return;
    }
    expect(paths.slice(0, 3).some((p) => wanted.includes(p)), `first results: ${links.slice(0, 5).join(' ')}`).toBe(true);
    if (anchor) expect(links[paths.indexOf(target)]).toBe(`${target}#obs-${anchor}`);
  });
});
