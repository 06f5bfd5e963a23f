/**
 * The search page as a reader uses it, in Chromium against the built site: deep links, results that follow typing,
 * an address that follows the search (and Back), what each result shows, filters, Traditional input, and the page
 * without JavaScript.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS } from '../support/browser';
import { axeFindings, report } from '../support/axe';
import { builtSiteInBrowser } from '../support/built-site';
import { indexEntry, pagesWithTerm } from '../support/search-index';
import { readDist } from '../support/site-pages';
import { resultLinks, waitForEngine, waitForResults } from '../support/search-page';
import { queryTerms } from '../../src/search/shared/tokens';
import { NOTHING_TO_FIND } from '../support/search-queries';

const env = builtSiteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await (await env.browser.newContext()).newPage();
});

const open = (query?: string) => page.goto(`${env.server.url}/search/${query === undefined ? '' : `?q=${encodeURIComponent(query)}`}`);
const box = () => page.locator('#search-query');
const address = () => new URL(page.url()).searchParams;
/** The <title> of a built page without the site name. */
const titleOf = (url: string) => readDist(`${url.slice(1)}index.html`).match(/<title>([^<]*)<\/title>/)![1].replace(/ \| 医共体公开信息$/, '');

describe('search page', () => {
  it('runs a deep link on load and fills the box with it', async () => {
    await open('转诊');
    await waitForResults(page, '转诊');
    expect(await box().inputValue()).toBe('转诊');
    expect((await resultLinks(page)).length).toBeGreaterThan(3);
    expect(await page.locator('.search-status').innerText()).toMatch(/找到 \d+ 个结果/);
  });

  it('shows each result as one link named by the page title, with its kind, region and a marked excerpt', async () => {
    await open('麻屯镇卫生院');
    await waitForResults(page, '麻屯镇卫生院');
    const first = page.locator('#search-results > li').first();
    expect(await first.locator('a').count()).toBe(1);
    expect(await first.locator('a').getAttribute('href')).toBe('/institutions/mengjin-matun-health-centre/');
    expect(await first.locator('a').innerText()).toBe(titleOf('/institutions/mengjin-matun-health-centre/'));
    expect(await first.locator('.search-meta').innerText()).toBe('机构 · 孟津县');
    expect(await first.locator('.search-excerpt mark').first().innerText()).toBe('麻屯镇卫生院');
    expect(await page.locator('#search-results').evaluate((el) => el.tagName)).toBe('OL');
  });

  it('marks only what the page says of a sentence, and never shows the index tokens', async () => {
    await open('我想去麻屯镇卫生院看病');
    await waitForResults(page, '我想去麻屯镇卫生院看病');
    const marks = await page.locator('#search-results > li').first().locator('mark').allInnerTexts();
    expect(marks).toContain('麻屯镇卫生院');
    expect(marks.join('')).not.toContain('我想');
    expect(await page.locator('#search-results').innerText()).not.toMatch(/yq[a-z]{8}/);
  });

  it('updates results and the address as the reader types, and Back returns to the earlier search', async () => {
    await open();
    await waitForEngine(page);
    await box().fill('麻屯');
    await waitForResults(page, '麻屯');
    // The address follows once the results are painted.
    await expect.poll(() => address().get('q')).toBe('麻屯');
    expect((await resultLinks(page))[0]).toBe('/institutions/mengjin-matun-health-centre/');
    // A pause ends the entry; the next search gets its own. The pause is a timer in the page (1 s, set as the address
    // was written): a longer timer set in the page after it fires after it however late a loaded machine runs them,
    // where a sleep here could end first.
    await page.evaluate(() => new Promise((paused) => setTimeout(paused, 1100)));
    await box().fill('银山');
    await waitForResults(page, '银山');
    await expect.poll(() => address().get('q')).toBe('银山');
    expect((await resultLinks(page))[0]).toBe('/institutions/zizhong-yinshan-branch/');
    await page.goBack();
    await waitForResults(page, '麻屯');
    expect(await box().inputValue()).toBe('麻屯');
    expect(address().get('q')).toBe('麻屯');
  });

  it('keeps one history entry for one search typed key by key', async () => {
    await open();
    await waitForEngine(page);
    const before = await page.evaluate(() => history.length);
    await box().pressSequentially('小浪底', { delay: 30 });
    await waitForResults(page, '小浪底');
    await expect.poll(() => address().get('q')).toBe('小浪底');
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
  });

  it('filters by kind and by region, and says so when a filter leaves nothing', async () => {
    const metas = () => page.locator('#search-results .search-meta').allInnerTexts();
    await open('中医医院');
    await waitForResults(page, '中医医院');
    await waitForEngine(page);
    expect((await metas()).some((m) => !m.startsWith('机构'))).toBe(true);

    await page.selectOption('select[name="kind"]', '机构');
    await waitForResults(page, '中医医院');
    expect(address().get('kind')).toBe('机构');
    const institutions = await metas();
    expect(institutions.length).toBeGreaterThan(0);
    expect(institutions.every((m) => m.split(' · ')[0] === '机构')).toBe(true);
    expect(institutions.some((m) => m !== '机构 · 资中县')).toBe(true);

    await page.selectOption('select[name="region"]', '资中县');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === '资中县');
    await waitForResults(page, '中医医院');
    expect(await metas()).toEqual(expect.arrayContaining(['机构 · 资中县']));
    expect((await metas()).every((m) => m === '机构 · 资中县')).toBe(true);
    expect(await resultLinks(page)).toContain('/institutions/zizhong-county-tcm-hospital/');

    await box().fill('小浪底');
    await waitForResults(page, '小浪底');
    expect(await resultLinks(page)).toEqual([]);
    expect(await page.locator('.search-status').innerText()).toContain('选定的类别和地区');
  });

  it('reads filters from the address', async () => {
    await page.goto(`${env.server.url}/search/?q=${encodeURIComponent('医共体')}&kind=${encodeURIComponent('指标')}`);
    await waitForResults(page, '医共体');
    await waitForEngine(page);
    expect(await page.locator('select[name="kind"]').inputValue()).toBe('指标');
    const metas = await page.locator('#search-results .search-meta').allInnerTexts();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((m) => m.startsWith('指标'))).toBe(true);
  });

  it('searches Traditional input in Simplified and says so', async () => {
    await open('雙向轉診');
    await waitForResults(page, '雙向轉診');
    const traditional = await resultLinks(page);
    expect(await page.locator('.search-status').innerText()).toContain('双向转诊');
    await open('双向转诊');
    await waitForResults(page, '双向转诊');
    expect(traditional).toEqual(await resultLinks(page));
  });

  it('says plainly when nothing matches', async () => {
    await open('火星');
    await waitForResults(page, '火星');
    expect(await resultLinks(page)).toEqual([]);
    expect(await page.locator('.search-status').innerText()).toContain('没有找到');
  });

  // Every query of the list finds nothing through the same engine in-process (search-engine.test.ts); here a sample
  // of them shows the page's answer (one in five, a loaded page each).
  it.each(NOTHING_TO_FIND.filter((_, i) => i % 5 === 0))('finds nothing for %s, says what the site covers and links to its lists', async (query) => {
    await open(query);
    await waitForResults(page, query);
    expect(await resultLinks(page)).toEqual([]);
    expect(await page.locator('.search-status').innerText()).toContain('没有找到');
    const none = page.locator('.search-none');
    expect(await none.innerText()).toContain('孟津县');
    for (const href of ['/groups/', '/institutions/']) expect(await none.locator(`a[href="${href}"]`).count(), href).toBe(1);
  });

  it('shows the results of the name a mistyped query sounds like, says so, and searches it as typed on request', async () => {
    await open('小狼底');
    await waitForResults(page, '小狼底');
    expect((await resultLinks(page))[0]).toBe('/institutions/mengjin-xiaolangdi-health-centre/');
    const corrected = page.locator('.search-corrected');
    expect(await corrected.innerText()).toBe('已显示“小浪底”的结果，仍搜索 小狼底');
    // "仍搜索 小狼底": the query as typed, which no page holds; the name it sounds like is offered instead.
    await corrected.locator('a').click();
    await page.waitForURL(/exact=1/);
    await waitForResults(page, '小狼底');
    expect(await resultLinks(page)).toEqual([]);
    expect(await page.locator('.search-corrected').count()).toBe(0);
    const suggest = page.locator('.search-suggest');
    expect(await suggest.innerText()).toContain('您是不是要找');
    expect(await suggest.locator('a').first().getAttribute('href')).toBe('/institutions/mengjin-xiaolangdi-health-centre/');
  });

  it('finds a name typed in pinyin', async () => {
    for (const query of ['xiaolangdi', 'xldzwsy']) {
      await open(query);
      await waitForResults(page, query);
      expect((await resultLinks(page))[0], query).toBe('/institutions/mengjin-xiaolangdi-health-centre/');
    }
  });

  it('finds a township by its own pages only, not by a note that names it beside its neighbours', async () => {
    await open('横水');
    await waitForResults(page, '横水');
    const links = await resultLinks(page);
    expect(links[0]).toBe('/institutions/mengjin-hengshui-health-centre/');
    // The sibling centres (麻屯, 常袋, 小浪底) are listed with 横水 only in the editors' note on how they read the source.
    for (const sibling of ['matun', 'changdai', 'xiaolangdi']) expect(links).not.toContain(`/institutions/mengjin-${sibling}-health-centre/`);
  });

  it('keeps directories out of the first places for a specific name', async () => {
    for (const query of ['麻屯镇卫生院', '孟津县第二人民医院', '资中县中医医院']) {
      await open(query);
      await waitForResults(page, query);
      const links = (await resultLinks(page)).slice(0, 3);
      for (const list of ['/', '/groups/', '/institutions/', '/regions/', '/about/']) expect(links, query).not.toContain(list);
    }
  });

  it.each(Object.entries(VIEWPORTS))('has no WCAG 2.2 AA violations with results and filters shown (%s)', async (name, viewport) => {
    await page.setViewportSize(viewport);
    await open('雙向轉診');
    await waitForResults(page, '雙向轉診');
    await waitForEngine(page);
    const findings = await axeFindings(page, '/search/?q=雙向轉診', name);
    expect(findings, report(findings)).toEqual([]);
  });

  it('does not index the header or footer: words only they carry are on no page of the index', async () => {
    // The footer note is on every page; if it were indexed, every page would hold all of its pairs.
    const note = '本站内容根据公开文件整理';
    expect(readDist('groups/index.html')).toContain(note);
    const entry = indexEntry();
    const [first, ...rest] = queryTerms(note).map((t) => new Set(pagesWithTerm(t.search, entry)));
    const holding = [...first].filter((p) => rest.every((pages) => pages.has(p)));
    expect(entry.pages).toBeGreaterThan(100);
    expect(holding.length).toBeLessThan(3);
  });
});

describe('search page without JavaScript', () => {
  let plain: Page;
  beforeAll(async () => {
    plain = await (await env.browser.newContext({ javaScriptEnabled: false })).newPage();
  });

  it('says search needs JavaScript and links to the directories', async () => {
    await plain.goto(`${env.server.url}/search/?q=${encodeURIComponent('麻屯')}`);
    const main = plain.locator('main');
    expect(await main.innerText()).toContain('搜索需要浏览器开启 JavaScript');
    // Nor does it promise results as you type.
    expect(await main.innerText()).not.toContain('结果会随着输入出现');
    for (const href of ['/groups/', '/institutions/', '/indicators/', '/documents/']) expect(await main.locator(`a[href="${href}"]`).count(), href).toBeGreaterThan(0);
  });

  it('still submits the search form', async () => {
    await plain.goto(`${env.server.url}/search/`);
    await plain.locator('#search-query').fill('小浪底');
    await Promise.all([plain.waitForURL(/\/search\/\?q=/), plain.locator('#search-query').press('Enter')]);
    expect(new URL(plain.url()).searchParams.get('q')).toBe('小浪底');
  });
});
