/**
 * Phone first and 适老化 (issue 13), in Chromium on the built site: the finder on the first screen of a 390×844 phone,
 * a compact header with a menu button (and a plain header without JavaScript), large-text mode that never makes a page
 * wider than a 360 px screen and whose switch says whether it is on, `?large=1` links; and, on every page, share
 * metadata, the site's real address, and on resident pages the emergency number and a way to referral.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { builtSiteInBrowser } from '../support/built-site';
import { publicSite } from '../../src/publishing/site-address';
import { builtPages, isEmbed, readDist, templatePages } from '../support/site-pages';
import { sideways, tooWide } from '../support/phone-width';
import { loadDataset } from '../../src/data/read-sources';
import { openTab } from '../support/page-pool';

const env = builtSiteInBrowser();
const PHONE = { width: 390, height: 844 };
// The public address the shared build was made for; undefined for a preview build (SITE_URL unset or local).
const PUBLIC = publicSite(process.env.SITE_URL);
const pages = builtPages().filter((p) => !isEmbed(p.url));
const html = (url: string) => parse(readFileSync(join(resolve('dist'), url, 'index.html'), 'utf8'));

describe('the first screen of a phone', () => {
  it('shows the finder on the home page, under a header one row high', async () => {
    const page = await env.page(PHONE);
    await page.goto(env.server.url + '/');
    const header = (await page.locator('.site-header').boundingBox())!;
    expect(header.height).toBeLessThan(90);
    const input = page.getByLabel('乡镇、卫生院或医院的名字');
    const box = (await input.boundingBox())!;
    expect(box.y + box.height, 'the finder box is below the first screen').toBeLessThanOrEqual(PHONE.height);
  });

  it('opens the navigation and search from a menu button that says whether it is open', async () => {
    const page = await env.page(PHONE);
    await page.goto(env.server.url + '/groups/');
    const menu = page.getByRole('button', { name: '菜单' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('navigation', { name: '主导航' }).isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.getByRole('link', { name: '政策文件' }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('#site-search').isVisible()).resolves.toBe(true);
    await menu.click();
    await expect(page.locator('#site-search').isVisible()).resolves.toBe(false);
  });

  it('without JavaScript shows the navigation and search plainly, and no button that would do nothing', async () => {
    const { page, close } = await openTab(env.browser, { viewport: PHONE, javaScriptEnabled: false });
    for (const url of ['/', '/groups/mengjin-first-medical-community/referral/']) {
      await page.goto(env.server.url + url);
      await expect(page.locator('#site-search').isVisible(), url).resolves.toBe(true);
      await expect(page.locator('[data-menu-toggle]').isVisible(), url).resolves.toBe(false);
      await expect(page.locator('[data-large-toggle]').isVisible(), url).resolves.toBe(false);
      await expect(page.locator('[data-print]').isVisible(), url).resolves.toBe(false);
      expect(await sideways(page), url).toBeLessThanOrEqual(0);
    }
    // The printed date stays a blank to fill in by hand.
    await expect(page.locator('[data-print-date]').textContent()).resolves.toBe('____年__月__日');
    await close();
  });
});

describe('大字模式', () => {
  it('?large=1 opens a page in large type, is remembered, and the switch says whether it is on', async () => {
    const page = await env.page(PHONE);
    await page.goto(env.server.url + '/institutions/?large=1');
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(await fontSize()).toBeGreaterThanOrEqual(22);
    const toggle = page.locator('[data-large-toggle]');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(toggle.textContent()).resolves.toBe('大字模式：开');
    // Remembered on the next page, opened without the parameter.
    await page.goto(env.server.url + '/groups/');
    expect(await fontSize()).toBeGreaterThanOrEqual(22);
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(toggle.textContent()).resolves.toBe('大字模式：关');
    expect(await fontSize()).toBeLessThan(22);
    await page.goto(env.server.url + '/regions/');
    expect(await fontSize()).toBeLessThan(22);
    // ?large=0 turns it off again from a link, too.
    await page.goto(env.server.url + '/regions/?large=1');
    await page.goto(env.server.url + '/regions/?large=0');
    expect(await fontSize()).toBeLessThan(22);
  });

  // One page of each template here; every page in tests/sweep/ (npm run test:full).
  const sample = templatePages();
  const [templates, embedTemplates] = [sample.filter((p) => !isEmbed(p.url)), sample.filter((p) => isEmbed(p.url))];

  it(`never makes a page of any of the ${templates.length} templates wider than a 360 px screen`, { timeout: 600_000 }, async () => {
    expect(await tooWide(env.browser, env.server.url, templates, { large: true })).toEqual([]);
  });

  it('keeps the embed views within a 360 px frame', { timeout: 300_000 }, async () => {
    expect(embedTemplates.length).toBeGreaterThan(0);
    expect(await tooWide(env.browser, env.server.url, embedTemplates, { large: false })).toEqual([]);
  });
});

describe('every page', () => {
  it('carries og:title and og:description, and og:image, og:url and canonical at the public address or, in a preview build, not at all', () => {
    const missing: string[] = [];
    for (const { file, url } of pages) {
      const text = readDist(file);
      if (text.includes('yigongti.example.org')) missing.push(`${url}: placeholder address`);
      // Share cards and the canonical link are read from the head (where crawlers look), not from a parse of the whole page.
      const doc = parse(text.slice(0, text.indexOf('</head>') + 7));
      for (const prop of ['og:title', 'og:description']) {
        const content = doc.querySelector(`meta[property="${prop}"]`)?.getAttribute('content') ?? '';
        if (!content.trim()) missing.push(`${url}: ${prop}`);
      }
      const image = doc.querySelector('meta[property="og:image"]')?.getAttribute('content');
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (PUBLIC) {
        if (image !== new URL('/og.png', PUBLIC).href) missing.push(`${url}: og:image ${image}`);
        if (!url.includes('404') && canonical !== new URL(url, PUBLIC).href) missing.push(`${url}: canonical ${canonical}`);
      } else {
        // A preview: a share card or canonical link at http://localhost:4321 would lead nowhere on anyone else's phone.
        if (text.includes('localhost')) missing.push(`${url}: carries localhost`);
        if (image !== undefined || canonical !== undefined) missing.push(`${url}: og:image/canonical in a preview build`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('institution and guide pages open with the emergency number; every institution page has a way to referral', () => {
    const problems: string[] = [];
    for (const { url } of pages.filter((p) => /^\/institutions\/[^/]+\/$|\/referral\/$/.test(p.url))) {
      const main = html(url).querySelector('main')!;
      const first = main.querySelector('.emergency');
      // The number with its source (data/references/emergency-120): "急救电话 120（…；出处未核实）", and a link to dial it.
      if (!/急症、危重症请直接拨打急救电话\s*120（[^）]*出处未核实）/.test(first?.textContent ?? '')) problems.push(`${url}: no emergency callout`);
      if (!first?.querySelector('a[href="tel:120"]')) problems.push(`${url}: 120 is not a link to dial`);
      if (url.startsWith('/institutions/')) {
        const heading = main.querySelectorAll('h2').find((h) => h.textContent === '怎样转诊');
        if (!heading) problems.push(`${url}: no 怎样转诊`);
        if (!main.querySelector('a[href$="/referral/"]')) problems.push(`${url}: no referral guide linked`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('curation notes sit folded in 关于来源 below the answer, out of the search index', () => {
    const dataset = loadDataset(process.cwd());
    const noted = [
      ...dataset.institutions.filter((i) => i.note && i.kind !== 'village-clinic').map((i) => [`/institutions/${i.id}/`, i.note!]),
      ...dataset.regions.filter((r) => r.note).map((r) => [`/regions/${r.id}/`, r.note!]),
    ];
    expect(noted.length).toBeGreaterThan(0);
    for (const [url, note] of noted) {
      const main = html(url).querySelector('main')!;
      const details = main.querySelector('details.about-sources');
      expect(details?.textContent, url).toContain(note);
      expect(details?.getAttribute('data-search-ignore'), url).toBe('all');
      // Nothing outside the fold repeats the note.
      expect(main.textContent.split(note).length - 1, url).toBe(1);
    }
  });

  it('group pages open with a contents list whose links all land on a heading of the page', () => {
    for (const { url } of pages.filter((p) => /^\/groups\/[^/]+\/$/.test(p.url))) {
      const main = html(url).querySelector('main')!;
      const links = main.querySelectorAll('nav.contents a').map((a) => a.getAttribute('href')!);
      expect(links.length, url).toBeGreaterThan(4);
      for (const href of links) expect(main.querySelector(href)?.tagName, `${url} ${href}`).toBe('H2');
    }
  });
});
