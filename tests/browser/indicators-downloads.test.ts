/**
 * The open data as a journalist gets it: /data/ links say what each file is and how big; the CSV downloads with a
 * byte-order mark, the documented columns and Chinese intact; JSON and rosters hold every entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORTS } from '../support/browser';
import { downloaded, siteBrowser } from '../support/built-site';
import { serveSite, type SiteServer } from '../support/server';
import { dictionary, observationTable } from '../../src/downloads/csv';
import { downloadContext, formatBytes } from '../../src/downloads/registry';
import { siteData } from './indicators-site';
import { publicSite } from '../../src/publishing/site-address';

let browser: Browser;
let server: SiteServer;
let page: Page;
beforeAll(async () => {
  [browser, server] = await Promise.all([siteBrowser(), serveSite()]);
  page = await browser.newPage({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
  await page.goto(`${server.url}/data/`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const dataset = siteData();
const columns = observationTable(downloadContext(dataset, 'https://example.org')).columns.map((c) => c.key);
const fetchBytes = async (href: string) => Buffer.from(await (await fetch(server.url + href)).arrayBuffer());

describe('the /data/ page', () => {
  it('links every download with its format and true size ("下载数据 CSV, 12 KB")', async () => {
    const links = await page.locator('a[download]').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })));
    expect(links.length).toBe(2 * (4 + dataset.groups.length + dataset.indicators.length));
    for (const { href, text } of links) {
      const bytes = await fetchBytes(href);
      expect(bytes.length, href).toBeGreaterThan(0);
      expect(text, href).toBe(`下载数据 ${href.endsWith('.csv') ? 'CSV' : 'JSON'}, ${formatBytes(bytes.length)}`);
    }
  });

  it('documents every column of every file', async () => {
    for (const { table, columns: keys } of dictionary(downloadContext(dataset, 'https://example.org'))) {
      const documented = await page.locator(`table[data-dictionary="${table}"] tbody th`).allTextContents();
      expect(documented, table).toEqual(keys);
      const meanings = await page.locator(`table[data-dictionary="${table}"] tbody td`).allTextContents();
      expect(meanings.every((m) => m.trim().length > 4), table).toBe(true);
    }
  });

  it('states the licence and how to cite', async () => {
    await expect(page.locator('a[rel="license"]').getAttribute('href')).resolves.toContain('creativecommons.org/licenses/by/4.0');
    await expect(page.locator('main').textContent()).resolves.toContain('CC BY 4.0');
    // The address is the public one when the build has SITE_URL, and the site path in a preview build (never localhost).
    const address = publicSite(process.env.SITE_URL) ? 'https?://[^ ]+' : '';
    await expect(page.locator('[data-citation]').textContent()).resolves.toMatch(new RegExp(`\\[DS/OL\\]\\. \\(\\d{4}-\\d{2}-\\d{2}\\)\\[引用日期\\]\\. ${address}/data/\\.$`));
  });
});

describe('the all-observations CSV', () => {
  it('downloads with a BOM, the documented columns, every figure and its Chinese text', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('tr[data-download="observations"] a[href$=".csv"]').click()]);
    expect(download.suggestedFilename()).toBe('observations.csv');
    const bytes = await downloaded(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual(columns);
    expect(records.map((r) => r.observation_id).sort()).toEqual(dataset.observations.map((o) => o.id).sort());
    for (const o of dataset.observations) {
      const row = records.find((r) => r.observation_id === o.id)!;
      const indicator = dataset.indicators.find((i) => i.id === o.indicator)!;
      expect(row.indicator_name).toBe(indicator.name);
      expect(Number(row.value)).toBe(o.value);
      expect(row.source_excerpt).toBe(o.source.excerpt);
    }
    expect(records.some((r) => /[\u4e00-\u9fff]/.test(r.subject_name))).toBe(true);
  });

  it('has a JSON twin with the same rows', async () => {
    const json = JSON.parse((await fetchBytes('/data/observations.json')).toString('utf8'));
    expect(json.columns).toEqual(columns);
    expect(json.rows).toHaveLength(dataset.observations.length);
    expect(json.licence).toBe('CC BY 4.0');
  });

  it('has rosters of every group and institution', async () => {
    const groups = parse(await fetchBytes('/data/groups.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(groups.map((g) => g.group_id).sort()).toEqual(dataset.groups.map((g) => g.id).sort());
    expect(groups.find((g) => g.group_id === dataset.groups[0].id)!.group_name).toBe(dataset.groups[0].name);
    const institutions = JSON.parse((await fetchBytes('/data/institutions.json')).toString('utf8')).rows as { institution_id: string }[];
    expect(institutions.map((i) => i.institution_id).sort()).toEqual(dataset.institutions.map((i) => i.id).sort());
  });
});
