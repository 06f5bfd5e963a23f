/**
 * A chart page as a journalist meets it: with JavaScript the chart is drawn once scrolled to (Chart.js fetched only
 * then) and can be read with the keyboard; without JavaScript the summary sentence and the full table say it all.
 */
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from '../support/browser';
import { builtSiteInBrowser } from '../support/built-site';
import { chartsForIndicator } from '../../src/data/series';
import { siteData } from './indicators-site';

const env = builtSiteInBrowser();

const dataset = siteData();
// The indicator with the widest comparison chart in the data: the page a journalist would most likely open.
const [indicator, chart] = dataset.indicators
  .map((i) => [i, chartsForIndicator(dataset, i).find((c) => c.key.startsWith('compare-'))] as const)
  .filter((pair): pair is [typeof pair[0], NonNullable<typeof pair[1]>] => pair[1] !== undefined)
  .sort((a, b) => b[1].spec.categories.length - a[1].spec.categories.length)[0];
// On the chart's tab: a page whose chart tells nothing apart opens on its table (issue 28), and this file tests the chart.
const url = () => `${env.server.url}/indicators/${indicator.id}/?tab=chart`;
const observationCount = dataset.observations.filter((o) => o.indicator === indicator.id).length;

describe(`a chart page (/indicators/${indicator?.id}/)`, () => {
  it('exists in the data: some indicator is reported by enough places to chart', () => {
    expect(chart).toBeDefined();
  });

  it.each(Object.entries(VIEWPORTS))('with JavaScript, at %s width, draws the chart only once it is scrolled to', async (_, viewport) => {
    // The chart leads the page (issue 28) and starts drawing 200 px before it comes into view: a screen short enough
    // to leave it well below that margin shows the lazy drawing, wherever the chart sits on the page.
    const measure = await env.page({ width: viewport.width, height: 2000 });
    await measure.goto(url());
    const top = (await measure.locator(`#chart-${chart.key}`).boundingBox())!.y;
    expect(top, 'the chart starts on a first screen of 1,000 px').toBeLessThan(1000);
    const page = await env.browser.newPage({ viewport: { width: viewport.width, height: Math.max(120, Math.floor(top) - 300) } }); // a tab of its own: nothing cached from the measuring load
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(url());
    const figure = page.locator(`#chart-${chart.key}`);
    await expect(figure.locator('.chart-summary').textContent()).resolves.toBe(chart.summary);
    await page.waitForTimeout(300);
    expect(await page.locator('yg-chart').first().getAttribute('data-state')).toBeNull();
    const before = scripts.length;

    await figure.locator('canvas').scrollIntoViewIfNeeded();
    await page.waitForSelector('yg-chart[data-state="drawn"]');
    expect(scripts.length).toBeGreaterThan(before);

    const pixels = await figure.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { width, height } = canvas;
      const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
      let painted = 0;
      let actualBlue = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0) painted++;
        if (Math.abs(data[i] - 0x12) < 6 && Math.abs(data[i + 1] - 0x43) < 6 && Math.abs(data[i + 2] - 0x6d) < 6) actualBlue++;
      }
      return { width, height, painted, actualBlue, total: data.length / 4 };
    });
    expect(pixels.width).toBeGreaterThan(200);
    expect(pixels.height).toBeGreaterThan(150);
    expect(pixels.painted / pixels.total).toBeGreaterThan(0.02);
    if (chart.spec.series.some((s) => s.kind === 'actual')) expect(pixels.actualBlue).toBeGreaterThan(100);
    await page.close();
  });

  it('reads out each value with the arrow keys', async () => {
    const page = await env.page(VIEWPORTS.desktop);
    await page.goto(url());
    const canvas = page.locator(`#chart-${chart.key} canvas`);
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForSelector('yg-chart[data-state="drawn"]');
    // Reach the canvas by Tab from the element just before it, as a keyboard user would.
    await page.locator(`#chart-${chart.key} .chart-hint`).evaluate((el) => {
      el.setAttribute('tabindex', '-1');
      (el as HTMLElement).focus();
    });
    await page.keyboard.press('Tab');
    expect(await canvas.evaluate((el) => el === document.activeElement)).toBe(true);
    const readout = page.locator(`#chart-${chart.key} [data-chart-readout]`);
    const first = chart.spec.series.findIndex((s) => s.values[0] !== null);
    const expected = (index: number, series: number) =>
      `${chart.spec.categoryNames[index]}，${chart.spec.series[series].label}：${chart.spec.series[series].texts[index]}（${chart.spec.series[series].periods[index]}）`;
    await expect(readout.textContent()).resolves.toBe(expected(0, first));
    await page.keyboard.press('End');
    const lastIndex = chart.spec.categories.length - 1;
    const lastSeries = chart.spec.series.map((s, i) => [s, i] as const).filter(([s]) => s.values[lastIndex] !== null).at(-1)![1];
    await expect(readout.textContent()).resolves.toBe(expected(lastIndex, lastSeries));
    await page.keyboard.press('ArrowRight');
    await expect(readout.textContent()).resolves.toBe(expected(0, first));
  });

  it('without JavaScript, shows the summary, the chart drawn at build time and the full table, and no empty chart box', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(url());
    const figure = page.locator(`#chart-${chart.key}`);
    await expect(figure.locator('.chart-summary').isVisible()).resolves.toBe(true);
    await expect(figure.locator('.chart-summary').textContent()).resolves.toBe(chart.summary);
    await expect(figure.locator('.static-chart').isVisible()).resolves.toBe(true);
    await expect(figure.locator('yg-chart').isVisible()).resolves.toBe(false);
    // The full table is the page's 表格 section, linked from the figure.
    await expect(figure.locator('a[href="#table"]').isVisible()).resolves.toBe(true);
    const table = page.locator('section#table');
    await expect(table.locator('table caption').isVisible()).resolves.toBe(true);
    await expect(table.locator('tbody tr').count()).resolves.toBe(observationCount);
    for (const name of chart.spec.categoryNames) await expect(table.locator('tbody th', { hasText: name }).count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});
