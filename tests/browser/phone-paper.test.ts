/**
 * Issue 28, in Chromium on the built site at 390 and 1280 px: nothing moves once a page has drawn (CLS 0 on the home
 * page, the search page and an indicator page with a chart), charts keep to their box, every phone number is a tel:
 * link, a county without a group is no dead end, and every page says where to report an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtSiteInBrowser } from '../support/built-site';
import { VIEWPORTS } from '../support/browser';
import { builtPages, readDist } from '../support/site-pages';
import { parse } from 'node-html-parser';
import { chartsForIndicator } from '../../src/data/series';
import { openEnd } from '../../src/data/comparable';
import { siteData } from './indicators-site';
import { longestReferralSheet, referralPaperChecks, referralSheetsOnOnePage, smallestType } from '../support/paper';
import { serveSiteInTwoParts, type HalvedSiteServer } from '../support/server';

const env = builtSiteInBrowser();
const dataset = siteData();
/** Indicator pages whose comparison chart tells no place from another: every bar the same open bound ("> 90%"). */
const SAME_BOUND_PAGES = dataset.indicators
  .filter((i) => {
    const compare = chartsForIndicator(dataset, i).find((c) => c.key.startsWith('compare-'));
    const [first] = compare?.observations ?? [];
    return !!compare && compare.observations.length > 1 && openEnd(first) !== undefined && compare.observations.every((o) => o.qualifier === first.qualifier && o.value === first.value);
  })
  .map((i) => `/indicators/${i.id}/`);
/** An indicator page whose chart leads: one with a chart that is not such a comparison. */
const CHART_PAGE = builtPages().find((p) => /^\/indicators\/[^/]+\/$/.test(p.url) && !SAME_BOUND_PAGES.includes(p.url) && readDist(p.file).includes('<yg-chart'))!.url;

/** Layout shifts not caused by input, summed, from the first paint until the page has settled and its charts drawn. */
async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: { total: number; sources: string[] } };
    w.__shift = { total: 0, sources: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node }[] }[]) {
        if (entry.hadRecentInput) continue;
        w.__shift.total += entry.value;
        for (const s of entry.sources) w.__shift.sources.push((s.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? '?');
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/**
 * Layout shifts while `url` loads from `server`, which holds back its HTML after the second row of its first table:
 * the rows sent so far are drawn (first contentful paint) before the rest is sent, as a phone on a slow connection
 * draws them, and Chromium on a busy machine when it paints before it has parsed the whole page (a CI run at load 9,
 * 2026-12-07: the table's 时期 and 来源 cells moved when later rows re-spread its columns). Then the page settles and
 * its charts are drawn.
 */
async function layoutShift(page: Page, server: HalvedSiteServer, url: string): Promise<{ total: number; sources: string[]; drawnInPart: boolean }> {
  await page.goto(server.url + url, { waitUntil: 'commit' });
  const held = server.holding();
  if (held) {
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length >= 2 && performance.getEntriesByName('first-contentful-paint').length > 0);
    server.release();
  }
  await page.waitForLoadState('networkidle');
  // Charts draw once in view: scroll each into view and wait for it, as a reader would.
  for (const chart of await page.locator('yg-chart:visible').all()) {
    await chart.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.getAttribute('data-state') === 'drawn', await chart.elementHandle());
  }
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => (window as unknown as { __shift: { total: number; sources: string[] } }).__shift);
  return { ...shift, drawnInPart: held };
}

describe('nothing moves after the first paint', () => {
  // One tab watching layout shifts (an init script of its own), each page loaded afresh in it, from a server that sends
  // a page's HTML in two parts.
  let page: Page;
  let server: HalvedSiteServer;
  beforeAll(async () => {
    [page, server] = await Promise.all([env.browser.newPage(), serveSiteInTwoParts()]);
    await watchLayoutShift(page);
  });
  afterAll(() => Promise.all([page.close(), server.close()]));

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it.each(['/', '/search/', '/data/', CHART_PAGE, ...SAME_BOUND_PAGES.slice(0, 1)])(`%s at ${name} width has a cumulative layout shift of 0`, async (url) => {
      await page.setViewportSize(viewport);
      const shift = await layoutShift(page, server, url);
      // The page whose table moved in CI leads with its table: its first rows were on screen before the rest arrived.
      if (url === SAME_BOUND_PAGES[0]) expect(shift.drawnInPart).toBe(true);
      expect(shift.sources, `${url}: total ${shift.total}`).toEqual([]);
      expect(shift.total).toBe(0);
    });
  }
});

describe('charts on a phone and a desktop', () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`keep the drawn chart inside its figure and the page no wider than the screen (${name})`, async () => {
      const page = await env.page(viewport);
      await page.goto(env.server.url + CHART_PAGE);
      const chart = page.locator('yg-chart').first();
      await chart.scrollIntoViewIfNeeded();
      await expect.poll(() => chart.getAttribute('data-state'), { timeout: 15_000 }).toBe('drawn');
      const figure = (await page.locator('figure.chart-figure').first().boundingBox())!;
      const canvas = (await chart.locator('canvas').boundingBox())!;
      expect(canvas.x).toBeGreaterThanOrEqual(figure.x);
      expect(canvas.x + canvas.width).toBeLessThanOrEqual(figure.x + figure.width + 0.5);
      expect(canvas.height).toBeGreaterThan(120);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      // Every place the chart names is in the figure's table in full.
      const names = JSON.parse((await chart.getAttribute('data-spec'))!).categoryNames as string[];
      const table = await page.locator('main').textContent();
      for (const n of names) expect(table).toContain(n.replace(/（.*$/u, ''));
      });
  }
});

describe('an indicator page leads with its figure', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])('shows the latest values and the chart on the first screen at %s × %s px', async (width, height) => {
    const page = await env.page({ width, height });
    await page.goto(env.server.url + CHART_PAGE);
    const at = await page.evaluate(() => ({
      summary: document.querySelector('#chart [data-chart-summary]')!.getBoundingClientRect().bottom,
      stage: document.querySelector('#chart .chart-stage')!.getBoundingClientRect().top,
      definition: [...document.querySelectorAll('main h2')].find((h) => h.textContent === '定义')!.getBoundingClientRect().top,
    }));
    // The sentence of latest values whole, and at least 200 px of the chart, before any scrolling; the definition after.
    expect(at.summary).toBeLessThanOrEqual(height);
    expect(height - at.stage).toBeGreaterThanOrEqual(200);
    expect(at.definition).toBeGreaterThan(at.stage);
  });
});

describe('an indicator page whose chart tells nothing apart leads with its table', () => {
  it('the site has such a page (in-county visit rates all reported as "> 90%")', () => {
    expect(SAME_BOUND_PAGES.length).toBeGreaterThan(0);
  });
  it.each([
    [1280, 800],
    [390, 844],
  ])('shows 表格 first, says why, and its first figure on the first screen at %s × %s px', async (width, height) => {
    const page = await env.page({ width, height });
    await page.goto(env.server.url + SAME_BOUND_PAGES[0]);
    await expect(page.locator('[role="tab"][aria-selected="true"]').textContent()).resolves.toBe('表格');
    const at = await page.evaluate(() => ({
      why: document.querySelector('#table [data-same-bound]')?.getBoundingClientRect().bottom ?? Infinity,
      row: document.querySelector('#table tbody tr')!.getBoundingClientRect().top,
    }));
    expect(at.why).toBeLessThanOrEqual(height);
    expect(at.row).toBeLessThan(height);
  });
});

describe('numbers to dial and ways on', () => {
  const pages = builtPages();

  it('makes every 120 and 12320 the site writes a tel: link showing the number', () => {
    const bare: string[] = [];
    let linked = 0;
    for (const { file, url } of pages) {
      const html = readDist(file);
      if (!/12320|拨打/.test(html)) continue;
      const main = parse(html).querySelector('main');
      if (!main) continue;
      for (const a of main.querySelectorAll('a[href^="tel:"]')) {
        expect(a.getAttribute('href')!.slice(4), url).toBe(a.textContent.replace(/[ -]/g, ''));
        linked++;
      }
      // Text outside links that still says 12320 or "拨打 120" is a number a reader cannot tap.
      for (const a of main.querySelectorAll('a[href^="tel:"]')) a.remove();
      const text = main.textContent;
      if (/12320|拨打\s*(?:急救电话\s*)?120/.test(text)) bare.push(url);
    }
    expect(bare).toEqual([]);
    expect(linked).toBeGreaterThan(40);
  });

  it('gives a county without a group 12320, 120 and the nearest covered places', async () => {
    const uncovered = pages.filter((p) => p.url.startsWith('/regions/') && readDist(p.file).includes('id="uncovered-title"'));
    expect(uncovered.length).toBeGreaterThan(0);
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(env.server.url + uncovered[0]!.url);
    const section = page.locator('.uncovered');
    await expect(section.locator('a[href="tel:12320"]').isVisible()).resolves.toBe(true);
    await expect(section.locator('a[href="tel:120"]').isVisible()).resolves.toBe(true);
    await expect(section.textContent()).resolves.toMatch(/12320（[^）]+）/);
    expect(await section.locator('a[href^="/regions/"]').count()).toBeGreaterThan(0);
  });

  it('says on every page, and under every table of figures, where to report an error', () => {
    const missing: string[] = [];
    for (const { file, url } of pages) {
      const doc = parse(readDist(file));
      // Embed views carry no site footer; their tables still say where to report.
      if (!url.startsWith('/embed/') && !doc.querySelector('.site-footer [data-feedback] a')) missing.push(`${url}: footer`);
      for (const table of doc.querySelectorAll('table.observations')) {
        const after = table.parentNode?.nextElementSibling;
        if (!after?.hasAttribute('data-feedback')) missing.push(`${url}: table ${table.querySelector('caption')?.textContent}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('大字模式 and the finder', () => {
  it('puts the finder box on the first screen of a 360 × 640 phone in large type, under a header of one row', async () => {
    const page = await env.page({ width: 360, height: 640 });
    await page.goto(env.server.url + '/?large=1');
    const box = (await page.getByLabel('乡镇、卫生院或医院的名字').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(640);
    const name = (await page.locator('.site-name').boundingBox())!;
    const toggle = (await page.locator('.large-toggle').boundingBox())!;
    expect(toggle.y).toBeLessThan(name.y + name.height);
  });

  it.each([
    [360, 800],
    [320, 640],
    [768, 1024],
  ])('keeps the site name on one line and the header one row at %s × %s px, in either mode', async (width, height) => {
    const page = await env.page({ width, height });
    for (const large of ['0', '1']) {
      await page.goto(`${env.server.url}/?large=${large}`);
      const header = await page.evaluate(() => {
        const name = document.querySelector('.site-name')!;
        const range = document.createRange();
        range.selectNodeContents(name);
        return { lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, height: document.querySelector('.site-header')!.getBoundingClientRect().height };
      });
      expect(header.lines, `large=${large}`).toBe(1);
      expect(header.height, `large=${large}`).toBeLessThan(70);
      const box = (await page.getByLabel('乡镇、卫生院或医院的名字').boundingBox())!;
      expect(box.y + box.height, `large=${large}`).toBeLessThanOrEqual(height);
    }
  });

  it.each([1024, 1280])('keeps the desktop header one row high in either mode at %s px', async (width) => {
    const page = await env.page({ width, height: 800 });
    for (const url of ['/institutions/?large=0', '/institutions/?large=1']) {
      await page.goto(env.server.url + url);
      const tops = await page.evaluate(() =>
        ['.site-name', '.site-nav a', '#site-search', '.large-toggle'].map((s) => Math.round(document.querySelector(s)!.getBoundingClientRect().bottom)),
      );
      const header = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
      expect(header, url).toBeLessThan(80);
      expect(Math.max(...tops) - Math.min(...tops), `${url}: ${tops}`).toBeLessThan(40);
    }
  });

  it('invites only names it can find, and answers a village clinic it lacks with advice that works', async () => {
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(env.server.url + '/');
    const hasClinics = readDist('finder/index.json').includes('村卫生室');
    if (!hasClinics) await expect(page.locator('.finder-intro').textContent()).resolves.not.toMatch(/输入[^。]*村卫生室/);
    await page.getByLabel('乡镇、卫生院或医院的名字').fill('扣马村卫生室');
    const status = page.locator('[data-status]');
    await expect.poll(() => status.textContent()).toContain('乡镇');
    await expect(page.locator('[data-fallback] a[href="tel:12320"]').isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-fallback] a[href^="/regions/"]').count()).toBeGreaterThan(0);
  });
});

// The sheet with the most to print, picked from the data, checked in full; every sheet's page count and type sizes below
// (and every sheet checked in full in tests/sweep/, npm run test:full).
referralPaperChecks([longestReferralSheet(dataset)], env);
referralSheetsOnOnePage(builtPages().filter((p) => /^\/groups\/[^/]+\/referral\/$/.test(p.url)).map((p) => p.url), env);

describe('other pages on paper', () => {
  it('print at 12 pt or more (14 pt in 大字模式), without controls, every tab panel and the build-time chart shown', async () => {
    // One tab in print media for every page kind a reader prints: home, indicator, group, document, guide.
    const page = await env.page({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const problems: string[] = [];
    for (const url of ['/', CHART_PAGE, '/groups/mengjin-first-medical-community/', '/documents/kunming-2024-key-points/', '/guide/']) {
      for (const [large, least] of [['0', 12], ['1', 14]] as const) {
        await page.goto(`${env.server.url}${url}?large=${large}`, { waitUntil: 'networkidle' });
        const smallest = await smallestType(page);
        if (smallest.pt < least) problems.push(`${url} 大字=${large}: ${smallest.pt} pt 「${smallest.text}」`);
        const shown = await page.evaluate(() =>
          ['button', 'input', '.tab-list', 'yg-chart', '.chart-hint'].filter((s) => [...document.querySelectorAll(s)].some((e) => e.checkVisibility())),
        );
        if (shown.length) problems.push(`${url}: ${shown.join(', ')} printed`);
        const hidden = await page.locator('[data-tab-panel]').evaluateAll((all) => all.filter((p) => !p.checkVisibility()).map((p) => p.id));
        if (hidden.length) problems.push(`${url}: panels ${hidden.join(', ')} not printed`);
        if (url === CHART_PAGE && !(await page.locator('.static-chart').first().isVisible())) problems.push(`${url}: no chart printed`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('figure tables on a phone', () => {
  const DOCUMENT = '/documents/kunming-2024-key-points/';
  const PHONES = [
    ['390 px', { width: 390, height: 844 }, '0'],
    ['360 px in 大字模式', { width: 360, height: 800 }, '1'],
  ] as const;

  for (const [name, viewport, large] of PHONES) {
    it(`read without scrolling sideways, every cell labelled by its column header, at ${name}`, async () => {
      const page = await env.page(viewport);
      await page.goto(`${env.server.url}${DOCUMENT}?large=${large}`);
      const layout = await page.evaluate(() => {
        const table = document.querySelector<HTMLTableElement>('#document-figures')!;
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        const scroller = table.parentElement!;
        const unlabelled: string[] = [];
        const outside: string[] = [];
        let same = 0;
        for (const row of table.tBodies[0]!.rows) {
          for (const cell of row.cells) {
            const box = cell.getBoundingClientRect();
            if (box.left < 0 || box.right > innerWidth) outside.push(`${row.id} ${cell.cellIndex}: ${box.left}–${box.right}`);
            if (cell.tagName !== 'TD') continue;
            // The label drawn before the cell's text is its column's header.
            const label = getComputedStyle(cell, '::before').content;
            if (!label.includes(headers[cell.cellIndex]!)) unlabelled.push(`${row.id} ${cell.cellIndex}: ${label}`);
            // 同上 stands only for what the row above says in full, and the full text stays in the cell for screen readers.
            if (cell.hasAttribute('data-same')) {
              const above = (row.previousElementSibling as HTMLTableRowElement | null)?.cells[cell.cellIndex];
              if (!above || above.textContent !== cell.textContent || !cell.textContent!.trim()) unlabelled.push(`${row.id} ${cell.cellIndex}: 同上 for a different text`);
              if (!getComputedStyle(cell, '::after').content.includes('同上')) unlabelled.push(`${row.id} ${cell.cellIndex}: no 同上`);
              same++;
            }
          }
        }
        return { rows: table.tBodies[0]!.rows.length, sideways: scroller.scrollWidth - scroller.clientWidth, unlabelled, outside, same, height: table.getBoundingClientRect().height };
      });
      expect(layout.rows).toBeGreaterThan(30);
      expect(layout.sideways).toBeLessThanOrEqual(0);
      expect(layout.outside).toEqual([]);
      expect(layout.unlabelled).toEqual([]);
      expect(layout.same).toBeGreaterThan(10);
      // Cards, not a letter per line: at 390 px the table is at most 1.4 times as tall as the same table on a desktop.
      if (large === '0') {
        await page.setViewportSize(VIEWPORTS.desktop);
        const height = await page.evaluate(() => document.querySelector('#document-figures')!.getBoundingClientRect().height);
        expect(layout.height).toBeLessThan(height * 1.4);
      }
      });
  }

  it('stay a table for screen readers: Chromium exposes its rows, headers and cells as a phone shows the cards', async () => {
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(env.server.url + DOCUMENT);
    const rows = await page.evaluate(() => document.querySelectorAll('#document-figures tbody tr').length);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; ignored: boolean }[] };
    const count = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role).length;
    expect(count('table')).toBeGreaterThanOrEqual(1);
    expect(count('columnheader')).toBeGreaterThanOrEqual(6);
    expect(count('rowheader')).toBeGreaterThanOrEqual(rows);
    expect(count('row')).toBeGreaterThanOrEqual(rows + 1);
    expect(count('cell')).toBeGreaterThanOrEqual(rows * 5);
    await cdp.detach();
  });
});
