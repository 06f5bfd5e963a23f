/**
 * The catalogue as a journalist meets it: compact, with each indicator's newest figures; filters that work without
 * JavaScript (pages per topic and place) and, with it, in place with the choice kept in the address; an overview grid
 * that is a real table with a legend, a symbol in every coloured cell, and colour only against a national target.
 */
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from '../support/browser';
import { builtSiteInBrowser } from '../support/built-site';
import { siteData } from './indicators-site';

const env = builtSiteInBrowser();
const dataset = siteData();
const withFigures = new Set(dataset.observations.map((o) => o.indicator));
const careIds = dataset.indicators.filter((i) => i.topic === 'care').map((i) => i.id).sort();
const localCare = dataset.indicators.filter((i) => i.topic === 'care' && i.framework === 'local').map((i) => i.id).sort();

describe('the indicator catalogue', () => {
  it('lists every indicator once, the ones without figures in a short list, and stays far shorter than before', async () => {
    const page = await env.page(VIEWPORTS.desktop);
    await page.goto(`${env.server.url}/indicators/`);
    const rows = await page.locator('tr[data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
    const waiting = await page.locator('li[data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
    expect([...rows, ...waiting].sort()).toEqual(dataset.indicators.map((i) => i.id).sort());
    expect(rows.sort()).toEqual([...withFigures].sort());
    expect(await page.getByText('暂无').count()).toBe(0);
    // An indicator whose only figures are medians says so in its row.
    const mediansOnly = dataset.indicators.filter((i) => withFigures.has(i.id) && dataset.observations.every((o) => o.indicator !== i.id || o.statistic === 'median'));
    expect(mediansOnly.length).toBeGreaterThan(0);
    for (const i of mediansOnly) expect(await page.locator(`tr[data-indicator="${i.id}"]`).textContent(), i.id).toContain('中位数');
    // Before this catalogue the page was 7,626 px tall at 1280 px, with a row of "暂无" for each indicator without figures.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
  });

  it('without JavaScript, filters by topic and by place through plain links', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/indicators/`);
    await expect(page.locator('.filter-form').isVisible()).resolves.toBe(false);
    await page.getByRole('link', { name: '就医与服务', exact: true }).click();
    await page.waitForURL('**/indicators/topic/care/');
    const listed = await page.locator('[data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
    expect(listed.sort()).toEqual(careIds);
    await page.goto(`${env.server.url}/indicators/`);
    await page.locator('.catalogue-filters').getByRole('link', { name: '云南省', exact: true }).click();
    await page.waitForURL('**/indicators/place/yunnan/');
    const yunnan = await page.locator('tr[data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
    const expected = [...new Set(dataset.observations.filter((o) => dataset.regionPath.get(regionOf(o.subject))?.[0]?.id === 'yunnan').map((o) => o.indicator))];
    expect(yunnan.sort()).toEqual(expected.sort());
    await context.close();
  });

  it('with JavaScript, filters in place and keeps the choice in the address, so a link reproduces it', async () => {
    const page = await env.page(VIEWPORTS.desktop);
    await page.goto(`${env.server.url}/indicators/`);
    await page.locator('select[name="topic"]').selectOption('care');
    await page.locator('select[name="framework"]').selectOption('local');
    await page.waitForURL(/\?(?=.*topic=care)(?=.*framework=local)/);
    const visible = async () => (await page.locator('[data-indicator]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')))).sort();
    expect(await visible()).toEqual(localCare);
    expect(await page.locator('.filter-status').innerText()).toBe(`显示 ${localCare.length} 项指标`);
    // The address alone reproduces the view.
    const again = await env.page(VIEWPORTS.desktop);
    await again.goto(page.url());
    expect((await again.locator('[data-indicator]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')))).sort()).toEqual(localCare);
  });

  it('has an overview grid as a table with a legend, colouring only cells held against a national target, each with a symbol', async () => {
    const page = await env.page(VIEWPORTS.desktop);
    await page.goto(`${env.server.url}/indicators/`);
    const table = page.getByRole('table', { name: /全国目标/ });
    await expect(table.count()).resolves.toBe(1);
    expect(await page.locator('#grid-legend li').count()).toBe(4);
    const cells = await page.locator('.overview-grid td').evaluateAll((tds) =>
      tds.map((td) => ({ status: td.getAttribute('data-status'), indicator: td.getAttribute('data-grid-indicator'), text: td.textContent ?? '', bg: getComputedStyle(td).backgroundColor })),
    );
    // Only a target whose source is a verified entry of data/references/ colours a cell (issue 23).
    const verified = (id?: string) => Boolean(id && dataset.references.find((r) => r.id === id)?.verified);
    const targets = new Set(dataset.indicators.filter((i) => i.nationalTarget && verified(i.nationalTarget.reference) && i.polarity !== 'neutral').map((i) => i.id));
    const coloured = cells.filter((c) => c.status === 'meets' || c.status === 'misses');
    for (const c of coloured) {
      expect(targets.has(c.indicator!), c.indicator!).toBe(true);
      expect(c.text).toMatch(c.status === 'meets' ? /✓.*达到全国目标/ : /✗.*未达到全国目标/);
    }
    if (targets.size === 0) expect(coloured).toEqual([]);
    // A figure under an unverified target is shown, uncoloured, and says why.
    const unverified = cells.filter((c) => c.indicator === 'in-county-visit-rate' && c.status === 'apart' && !targets.has(c.indicator));
    for (const c of unverified) expect(c.text).toContain('出处未核实');
    const white = cells.filter((c) => c.status === 'apart' || c.status === 'empty').map((c) => c.bg);
    for (const bg of white) expect(coloured.map((c) => c.bg)).not.toContain(bg);
    // Kunming's median is never coloured (it is an indicator of its own now: a median is not a county's rate).
    const kunming = page.locator('.overview-grid tr', { hasText: '昆明市' }).locator('td[data-grid-indicator="in-county-visit-rate"]:is([data-status="meets"], [data-status="misses"])');
    expect(await kunming.count()).toBe(0);
  });
});

function regionOf(s: { type: string; id: string }): string {
  if (s.type === 'region') return s.id;
  if (s.type === 'group') return dataset.group.get(s.id)!.region;
  return dataset.institution.get(s.id)!.region;
}
