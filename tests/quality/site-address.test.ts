/**
 * No local address in the built site (issue 28). The shared build is made with or without SITE_URL; either way no
 * built file a reader can print, share, copy or download (pages, embed views, CSV and JSON, RSS, the sitemap, chart
 * SVGs) carries localhost. With SITE_URL set, shareable addresses use it; without, the preview says so.
 */
import { describe, expect, it } from 'vitest';
import { DIST, filesUnder, readDist } from '../support/site-pages';
import { publicSite } from '../../src/publishing/site-address';

const PUBLIC = publicSite(process.env.SITE_URL);
const TEXT = /\.(html|xml|csv|json|svg|txt|css|js)$/;

describe(`built site at ${DIST} (${PUBLIC ? `published at ${PUBLIC.origin}` : 'preview build'})`, () => {
  const files = filesUnder().filter((f) => TEXT.test(f) && !f.startsWith('search-index/'));

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('carries no local address in any file', () => {
    const local = files.filter((f) => /localhost|127\.0\.0\.1/.test(readDist(f)));
    expect(local).toEqual([]);
  });

  it('uses the public address in the sitemap and feeds, or site paths in a preview', () => {
    for (const file of ['sitemap-0.xml', 'updates/rss.xml', 'changes/rss.xml']) {
      const locs = [...readDist(file).matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)].map((m) => m[1]!);
      expect(locs.length, file).toBeGreaterThan(0);
      for (const loc of locs) {
        if (PUBLIC) expect(loc.startsWith(PUBLIC.origin), `${file}: ${loc}`).toBe(true);
        else expect(loc.startsWith('/'), `${file}: ${loc}`).toBe(true);
      }
    }
  });

  it('prints a QR code on referral sheets only when published, and a preview line otherwise', () => {
    const sheets = files.filter((f) => /^groups\/[^/]+\/referral\/index\.html$/.test(f));
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const html = readDist(sheet);
      expect(html.includes('class="qr"'), sheet).toBe(Boolean(PUBLIC));
      expect(html.includes('data-preview-note'), sheet).toBe(!PUBLIC);
    }
  });
});
