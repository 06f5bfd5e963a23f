/**
 * Documents, updates, the 404 page and the sitemap, checked against the data: every document and update has its
 * page, a document page lists every figure taken from it, and a missing address gets a page that helps.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VIEWPORTS } from '../support/browser';
import { builtSiteInBrowser } from '../support/built-site';
import { loadDataset } from '../../src/data/read-sources';
import { formatDate, formatFigure } from '../../src/views/format';

const data = loadDataset(process.cwd());
const env = builtSiteInBrowser();

describe('document pages', () => {
  it('lists every document, newest first, each linking to its page', async () => {
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(`${env.server.url}/documents/`);
    const hrefs = await page.locator('#document-list h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const newestFirst = [...data.documents].sort((a, b) => b.data.date.localeCompare(a.data.date));
    expect(hrefs).toEqual(newestFirst.map((d) => `/documents/${d.id}/`));
  });

  it.each(data.documents.map((d) => [d.id, d] as const))('%s has its page with its facts and every figure taken from it', async (id, doc) => {
    const page = await env.page(VIEWPORTS.desktop);
    const response = await page.goto(`${env.server.url}/documents/${id}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(doc.data.title);
    expect(await page.title()).toContain(doc.data.title);
    const facts = await page.locator('#document-facts').innerText();
    for (const fact of [doc.data.originalTitle, doc.data.issuer, doc.data.outlet, formatDate(doc.data.date)]) expect(facts).toContain(fact);
    // The digest itself is rendered: the first heading of the MDX body appears on the page.
    const firstHeading = readFileSync(resolve('content/documents', `${id}.mdx`), 'utf8').match(/^##\s+(.+)$/m)?.[1];
    if (firstHeading) await expect(page.locator('h2', { hasText: firstHeading.trim() }).count()).resolves.toBeGreaterThan(0);

    const expected = data.observations.filter((o) => o.source.document === id);
    const rows = await page.locator('#document-figures tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-observation'),
        indicator: tr.querySelector('th a')?.getAttribute('href'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(expected.map((o) => o.id));
    for (const [i, o] of expected.entries()) {
      const unit = data.indicators.find((x) => x.id === o.indicator)!.unit;
      expect(rows[i].indicator).toBe(`/indicators/${o.indicator}/`);
      expect(rows[i].cells[2]).toContain(formatFigure(o, unit));
      expect(rows[i].cells[3]).toBe(o.source.section);
      expect(rows[i].cells[4]).toContain(o.source.excerpt);
    }
    const groups = await page.locator('#document-groups a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(groups).toEqual(data.groups.filter((g) => g.sources.some((s) => s.document === id)).map((g) => `/groups/${g.id}/`));
  });

  it('keeps a long figure table inside the page: cards on a phone, a table that scrolls by keyboard on a middle-sized screen', async () => {
    const busiest = [...data.documents].sort(
      (a, b) => data.observations.filter((o) => o.source.document === b.id).length - data.observations.filter((o) => o.source.document === a.id).length,
    )[0];
    // On a phone the rows stack as cards (tests/browser/phone-paper.test.ts): neither the page nor the table scrolls sideways.
    const phone = await env.page(VIEWPORTS.phone);
    await phone.goto(`${env.server.url}/documents/${busiest.id}/`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    expect(await phone.evaluate(() => { const s = document.querySelector('.table-scroll')!; return s.scrollWidth - s.clientWidth; })).toBeLessThanOrEqual(0);
    // From 40rem the six columns keep their width and the table scrolls: the scrolling region is reached and scrolled by keyboard.
    const page = await env.page({ width: 700, height: 900 });
    await page.goto(`${env.server.url}/documents/${busiest.id}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(700);
    await page.locator('.table-scroll').focus();
    await page.keyboard.press('ArrowRight');
    // Keyboard scrolling is animated; wait for it rather than reading the position at once.
    await page.waitForFunction(() => (document.querySelector('.table-scroll')?.scrollLeft ?? 0) > 0);
  });
});

describe('update pages', () => {
  it.each(data.updates.map((u) => [u.id, u] as const))('%s has its page, listed on /updates/, with its regions and groups linked', async (id, update) => {
    const page = await env.page(VIEWPORTS.phone);
    const response = await page.goto(`${env.server.url}/updates/${id}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(update.data.title);
    expect(await page.locator('main').innerText()).toContain(formatDate(update.data.date));
    const links = await page.locator('.update-tags a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([...update.data.regions.map((r) => `/regions/${r}/`), ...update.data.groups.map((g) => `/groups/${g}/`)]);
    await page.goto(`${env.server.url}/updates/`);
    await expect(page.locator(`#update-list a[href="/updates/${id}/"]`).count()).resolves.toBe(1);
  });
});

describe('a missing address', () => {
  it('gets a 404 that says so and offers search, home, groups and the guide', async () => {
    const page = await env.page(VIEWPORTS.phone);
    const response = await page.goto(`${env.server.url}/groups/no-such-group/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('找不到这个页面');
    const links = await page.locator('#notfound-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/', '/groups/', '/guide/']));
    await page.getByLabel('搜索医共体、医院、乡镇或文件').fill('资中');
    await page.getByLabel('搜索医共体、医院、乡镇或文件').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('资中');
  });

  it('is kept out of the sitemap and the search index, which list every document and update page', () => {
    const sitemap = readFileSync(resolve('dist/sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1], 'http://site.invalid').pathname);
    expect(locs.filter((p) => p.includes('404'))).toEqual([]);
    for (const d of data.documents) expect(locs).toContain(`/documents/${d.id}/`);
    for (const u of data.updates) expect(locs).toContain(`/updates/${u.id}/`);
    const notFound = readFileSync(resolve('dist/404.html'), 'utf8');
    expect(notFound).not.toContain('data-search-body');
  });
});
