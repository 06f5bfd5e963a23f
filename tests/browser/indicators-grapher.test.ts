/**
 * An indicator page as Our World in Data's grapher: 图表 / 表格 / 来源 / 下载 as sections without JavaScript and as
 * tabs with it, the chosen tab kept in the address; the chart taken away as SVG and PNG; and an embed view that other
 * sites may frame while every other page still refuses to be framed. One built site, one browser, one server that
 * sends the headers of src/publishing/site-files/_headers path by path.
 */
import { publicSite } from '../../src/publishing/site-address';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VIEWPORTS } from '../support/browser';
import { builtSiteInBrowser, downloaded } from '../support/built-site';
import { headersFor, parseCsp } from '../support/security-headers';
import { chartsForIndicator } from '../../src/data/series';
import { openEnd } from '../../src/data/comparable';
import { siteData } from './indicators-site';
import { openTab } from '../support/page-pool';

const PUBLIC_SITE = publicSite(process.env.SITE_URL);

const dataset = siteData();
// The indicator with the widest comparison chart: the page a journalist would most likely take a chart from.
const [indicator, chart] = dataset.indicators
  .map((i) => [i, chartsForIndicator(dataset, i).find((c) => c.key.startsWith('compare-'))] as const)
  .filter((pair): pair is [(typeof pair)[0], NonNullable<(typeof pair)[1]>] => pair[1] !== undefined)
  .sort((a, b) => b[1].spec.categories.length - a[1].spec.categories.length)[0];
const path = `/indicators/${indicator.id}/`;
const embedPath = `/embed/indicators/${indicator.id}/`;
// The figure first, as a grapher shows it: the chart, or the table where the chart tells no place from another (every
// bar the same open bound, such as "> 90%" three times), read from the chart's own figures.
const [firstFigure] = chart.observations;
const tellsNothing =
  chart.observations.length > 1 && openEnd(firstFigure) !== undefined && chart.observations.every((o) => o.qualifier === firstFigure.qualifier && o.value === firstFigure.value);
const TABS = tellsNothing ? ['table', 'chart', 'sources', 'download'] : ['chart', 'table', 'sources', 'download'];
const LABEL: Record<string, string> = { chart: '图表', table: '表格', sources: '来源', download: '下载' };
const LABELS = TABS.map((id) => LABEL[id]);
const [LEAD, SECOND] = TABS;

// The file's one tab (env.page) for the tests with JavaScript; a tab of a context kept for them where the options differ.
const env = builtSiteInBrowser((p) => headersFor(p));

describe(`the grapher tabs on ${path}`, () => {
  it('without JavaScript, show every section with its heading, and in-page links to them', async () => {
    const { page, close } = await openTab(env.browser, { javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    await page.goto(env.server.url + path + '?tab=table');
    for (const [i, id] of TABS.entries()) {
      await expect(page.locator(`section#${id}`).isVisible(), id).resolves.toBe(true);
      await expect(page.locator(`section#${id} h2`).textContent()).resolves.toBe(LABELS[i]);
      await expect(page.locator(`a[href="#${id}"][data-tab-link]`).textContent()).resolves.toBe(LABELS[i]);
    }
    await expect(page.locator('[role="tab"]').count()).resolves.toBe(0);
    // The chart is drawn at build time for readers without JavaScript: the open ends and every period are there.
    await expect(page.locator('#chart .static-chart').first().isVisible()).resolves.toBe(true);
    const open = chart.spec.series.flatMap((s) => s.open.filter(Boolean)).length;
    await expect(page.locator('#chart .static-chart').first().locator('[data-shape="open"]:not(g)').count()).resolves.toBe(open);
    await expect(page.locator('#chart .static-chart').first().locator('.static-value').allTextContents()).resolves.toEqual(chart.spec.series[0].texts.filter(Boolean));
    await close();
  });

  it('with JavaScript, are tabs: one panel shown, arrows move between tabs, and the address keeps the choice', async () => {
    const page = await env.page(VIEWPORTS.desktop);
    await page.goto(env.server.url + path);
    const tabs = page.locator('[role="tablist"] [role="tab"]');
    await expect(tabs.allTextContents()).resolves.toEqual(LABELS);
    await expect(page.locator(`#${LEAD}`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`#${SECOND}`).isVisible()).resolves.toBe(false);
    await expect(tabs.nth(0).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#table').getAttribute('aria-labelledby')).resolves.toBe('tab-table');

    // The address follows the chosen tab (replaceState after the key's handler: polled, so a loaded machine does not fail it).
    const tabInAddress = () => new URL(page.url()).searchParams.get('tab');
    await tabs.nth(1).click();
    await expect(page.locator(`#${SECOND}`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`#${LEAD}`).isVisible()).resolves.toBe(false);
    await expect.poll(tabInAddress).toBe(SECOND);

    // Keyboard: the selected tab has focus; → selects the next, End the last, Home the first.
    await tabs.nth(1).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#sources').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-sources');
    await expect.poll(tabInAddress).toBe('sources');
    await page.keyboard.press('End');
    await expect.poll(tabInAddress).toBe('download');
    await page.keyboard.press('ArrowRight');
    await expect.poll(tabInAddress).toBe(LEAD);
    await expect(tabs.evaluateAll((els) => els.map((el) => (el as HTMLElement).tabIndex))).resolves.toEqual([0, -1, -1, -1]);
  });

  it.each(TABS)('a link with ?tab=%s opens that tab', async (id) => {
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(`${env.server.url}${path}?tab=${id}`);
    await expect(page.locator(`#tab-${id}`).getAttribute('aria-selected')).resolves.toBe('true');
    for (const other of TABS) await expect(page.locator(`section#${other}`).isVisible(), other).resolves.toBe(other === id);
  });

  it('an in-page link to the table opens the table tab', async () => {
    const page = await env.page(VIEWPORTS.desktop);
    await page.goto(`${env.server.url}${path}?tab=chart`);
    await page.locator('#chart a[href="#table"]').first().click();
    await expect(page.locator('#table').isVisible()).resolves.toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('table');
    await expect(page.locator('#table tbody tr').count()).resolves.toBe(dataset.observations.filter((o) => o.indicator === indicator.id).length);
  });
});

describe('taking the chart away', () => {
  it('downloads the chart as SVG, named after the indicator, with its title and licence', async () => {
    const page = await env.page(VIEWPORTS.desktop);
    await page.goto(`${env.server.url}${path}?tab=chart`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#chart-${chart.key} [data-chart-svg]`).click()]);
    expect(download.suggestedFilename()).toBe(`${indicator.id}.svg`);
    const svg = (await downloaded(download)).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`<title>${chart.title}</title>`);
    expect(svg).toContain('CC BY 4.0');
  });

  it('downloads the chart as PNG, drawn from the SVG, named after the indicator', async () => {
    const page = await env.page(VIEWPORTS.desktop);
    await page.goto(`${env.server.url}${path}?tab=chart`);
    const button = page.locator(`#chart-${chart.key} [data-chart-png]`);
    await expect(button.isVisible()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`${indicator.id}.png`);
    const png = await downloaded(download);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the SVG's width: a sharp image, not an empty one.
    const svgWidth = Number(/width="(\d+)"/.exec(readFileSync(`dist${path}${indicator.id}.svg`, 'utf8'))![1]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('without JavaScript, the SVG is still a plain download link and the PNG button is not offered', async () => {
    const { page, close } = await openTab(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.server.url}${path}?tab=chart`);
    await expect(page.locator(`#chart-${chart.key} [data-chart-svg]`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`#chart-${chart.key} [data-chart-png]`).isVisible()).resolves.toBe(false);
    await close();
  });
});

describe('the embed view', () => {
  it('is sent with frame-ancestors *, while the indicator page still refuses framing', async () => {
    const embed = await fetch(env.server.url + embedPath);
    expect(embed.status).toBe(200);
    expect(parseCsp(embed.headers.get('content-security-policy')!).get('frame-ancestors')).toEqual(['*']);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const full = await fetch(env.server.url + path);
    expect(parseCsp(full.headers.get('content-security-policy')!).get('frame-ancestors')).toEqual(["'none'"]);
    expect(full.headers.get('x-frame-options')).toBe('DENY');
  });

  it('shows in another site’s frame with the chart, table and sources and no site chrome; the full page does not', async () => {
    // Another site: a second server on another host name and port, whose page frames both.
    const other = createServer((_, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<iframe src="${env.server.url}${embedPath}"></iframe><iframe src="${env.server.url}${path}"></iframe>`);
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const page = await env.page(VIEWPORTS.desktop);
    const refused: string[] = [];
    page.on('console', (m) => m.text().includes('frame-ancestors') && refused.push(m.text()));
    await page.goto(`http://localhost:${(other.address() as AddressInfo).port}/`);
    await page.waitForFunction((n) => document.querySelectorAll('iframe').length === n, 2);
    await page.waitForTimeout(300);
    const embed = page.frames().find((f) => f.url() === env.server.url + embedPath)!;
    expect(embed, page.frames().map((f) => f.url()).join(' ')).toBeDefined();
    await expect(embed.locator('h1').textContent()).resolves.toBe(indicator.name);
    await expect(embed.locator('.chart-summary').first().textContent()).resolves.toBe(chart.summary);
    await expect(embed.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(embed.locator('[data-embed-credit]').textContent()).resolves.toContain('CC BY 4.0');
    await expect(embed.locator('header, nav, footer').count()).resolves.toBe(0);
    // The full page is refused: the browser shows its error page in that frame and says why.
    expect(page.frames().some((f) => f.url() === env.server.url + path)).toBe(false);
    expect(refused.join('\n')).toContain(`frame-ancestors 'none'`);
    other.close();
  });

  it('is not for search engines: noindex, canonical to the indicator page, and offered as an <iframe> snippet there', async () => {
    const html = await (await fetch(env.server.url + embedPath)).text();
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)![1];
    // Published, the canonical and the snippet carry the public address; a preview build (SITE_URL unset) the site path.
    expect(new URL(canonical, env.server.url).pathname).toBe(path);
    expect(html).not.toContain('data-search-body');
    const page = await env.page();
    await page.goto(env.server.url + path + '?tab=download');
    const snippet = await page.locator('[data-embed-code]').inputValue();
    if (PUBLIC_SITE) {
      expect(snippet).toMatch(new RegExp(`^<iframe src="https?://[^"]+${embedPath}" title="[^"]+"`));
      expect(new URL(/src="([^"]+)"/.exec(snippet)![1]).origin).toBe(PUBLIC_SITE.origin);
      expect(new URL(canonical).origin).toBe(PUBLIC_SITE.origin);
    } else {
      expect(snippet).toMatch(new RegExp(`^<iframe src="${embedPath}" title="[^"]+"`));
      await expect(page.locator('.embed-snippet [data-preview-note]').isVisible()).resolves.toBe(true);
    }
    await expect(page.locator('[data-embed-code]').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.locator('[data-embed-copy]').isVisible()).resolves.toBe(true);
  });
});
