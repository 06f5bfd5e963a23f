/** A chart page's JavaScript, as the browser loads it after scrolling every chart into view: at most 70 KB gzip. */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { VIEWPORTS } from '../support/browser';
import { builtSiteInBrowser } from '../support/built-site';
import { openTab } from '../support/page-pool';
import { chartsForIndicator } from '../../src/data/series';
import { siteData } from './indicators-site';

const BUDGET = 70 * 1024;
const env = builtSiteInBrowser();

const dataset = siteData();
const chartPages = dataset.indicators.filter((i) => chartsForIndicator(dataset, i).length > 0).map((i) => `/indicators/${i.id}/`);

describe('JavaScript budget of chart pages', () => {
  it('there are chart pages to measure', () => expect(chartPages.length).toBeGreaterThan(0));

  it.each(chartPages.slice(0, 3))('%s loads at most 70 KB of gzipped JavaScript, none of it chart.js/auto', async (path) => {
    const { page, close } = await openTab(env.browser, { viewport: VIEWPORTS.phone });
    const scripts = new Map<string, Buffer>();
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.set(new URL(response.url()).pathname, await response.body());
    });
    // On the chart's tab, so the chart is drawn and its code counted, whichever tab the page opens on.
    await page.goto(`${env.server.url}${path}?tab=chart`);
    for (const el of await page.locator('yg-chart').all()) {
      await el.scrollIntoViewIfNeeded();
      await page.waitForSelector('yg-chart[data-state="drawn"]');
    }
    await page.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((n, body) => n + gzipSync(body, { level: 9 }).length, 0);
    expect(scripts.size).toBeGreaterThan(1);
    expect(total, [...scripts.keys()].join(', ')).toBeLessThanOrEqual(BUDGET);
    // chart.js/auto registers every controller and plugin; the doughnut controller or legend plugin would betray it.
    const code = [...scripts.values()].map((b) => b.toString('utf8')).join('\n');
    expect(code).toContain('id="bar"');
    expect(code).not.toContain('id="doughnut"');
    expect(code).not.toContain('id="legend"');
    console.log(`${path}: ${(total / 1024).toFixed(1)} KB gzip over ${scripts.size} scripts`);
    await close();
  });
});
