/**
 * The search records against the built site: the data/ of this project, its built pages in dist/. A record stands
 * for its page in search results, so its title must be the page's <title> and its name the page's h1; a record for
 * no page would be a dead result. Catches a page's title or heading changing without its record.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/data/read-sources';
import { searchRecords } from '../../src/search/build/records';
import { DIST, readDist } from '../support/site-pages';

const records = searchRecords(loadDataset(process.cwd()));
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

describe('search records of the built site', () => {
  it('cover the institution, group and region pages, and are not published themselves', () => {
    expect(records.length).toBeGreaterThan(50);
    expect(existsSync(join(DIST, 'search/records.json'))).toBe(false);
  });

  it.each(records.map((r) => [r.url, r] as const))("%s: title, name and filters are the page's", (url, record) => {
    const html = readDist(`${url.slice(1)}index.html`);
    expect(record.title).toBe(unescape(html.match(/<title>([^<]*)<\/title>/)![1]).replace(/ \| 医共体公开信息$/, ''));
    expect(record.name).toBe(unescape(html.match(/<h1[^>]*>([^<]*)<\/h1>/)![1]).trim());
    expect(html).toContain(`data-search-filter="kind" data-search-meta="kind">${record.kind}<`);
    if (record.region) expect(html).toContain(`data-search-filter="region" data-search-meta="region">${record.region}<`);
  });
});
