/** The updates feed: well-formed RSS 2.0 (parsed by Chromium's XML parser) listing every update with a working link. */
import { describe, expect, it } from 'vitest';
import { builtSiteInBrowser } from '../support/built-site';
import { loadDataset } from '../../src/data/read-sources';
import { publicSite } from '../../src/publishing/site-address';

const data = loadDataset(process.cwd());
const env = builtSiteInBrowser();

describe('/updates/rss.xml', () => {
  it('is valid XML listing every update, newest first, each linking to its page', async () => {
    const response = await fetch(`${env.server.url}/updates/rss.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/`);
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const root = doc.documentElement;
      return {
        error,
        root: root.nodeName,
        version: root.getAttribute('version'),
        channelTitle: doc.querySelector('channel > title')?.textContent,
        items: [...doc.querySelectorAll('channel > item')].map((item) => ({
          title: item.querySelector('title')?.textContent,
          link: item.querySelector('link')?.textContent,
          pubDate: item.querySelector('pubDate')?.textContent,
          description: item.querySelector('description')?.textContent,
        })),
      };
    }, xml);
    await page.close();

    expect(feed.error).toBeNull();
    expect(feed.root).toBe('rss');
    expect(feed.version).toBe('2.0');
    expect(feed.channelTitle).toContain('动态');
    const newestFirst = [...data.updates].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
    expect(feed.items.map((i) => i.title)).toEqual(newestFirst.map((u) => u.data.title));
    for (const [n, item] of feed.items.entries()) {
      const update = newestFirst[n];
      expect(item.description).toBe(update.data.summary);
      expect(new Date(item.pubDate!).toISOString()).toBe(new Date(`${update.data.date}T00:00:00+08:00`).toISOString());
      // The public address when the build has SITE_URL; a site path in a preview build (never a local address).
      const link = new URL(item.link!, 'relative:/');
      if (publicSite(process.env.SITE_URL)) expect(link.origin).toBe(publicSite(process.env.SITE_URL)!.origin);
      else expect(item.link!.startsWith('/'), item.link!).toBe(true);
      const path = link.pathname;
      expect(path).toBe(`/updates/${update.id}/`);
      expect((await fetch(`${env.server.url}${path}`)).status).toBe(200);
    }
  });

  it('is announced on every page for feed readers', async () => {
    const html = await (await fetch(`${env.server.url}/documents/`)).text();
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/updates\/rss\.xml"/);
  });
});
