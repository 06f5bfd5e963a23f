/**
 * The site's address (issue 28): a build without SITE_URL is a preview, and nothing a reader prints, shares or copies
 * carries a local address; with SITE_URL set, every such file uses it. Expected values come from the fixtures.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_SITE, publicSite, readSiteAddress, shareableUrl, siteLink, withoutLocalOrigin } from '../../src/publishing/site-address';
import { downloadRegistry } from '../../src/downloads/registry';
import { indicatorPage } from '../../src/views/indicators';
import { referralPage } from '../../src/views/group';
import { dataPage } from '../../src/views/data';
import { residentEntries } from '../fixtures/resident-site';
import { datasetOf } from '../fixtures/dataset';
import { fixtureSite, visitRate } from './indicators-fixture';

const PUBLIC = 'https://yigongti.example.cn';
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('reading SITE_URL', () => {
  it('is a preview when unset, empty or local, and public otherwise', () => {
    for (const value of [undefined, '', '  ', LOCAL_SITE, 'http://127.0.0.1:8080/', 'http://site.localhost/']) {
      const address = readSiteAddress(value);
      expect(address.public, String(value)).toBeUndefined();
    }
    expect(readSiteAddress(undefined).build.href).toBe(`${LOCAL_SITE}/`);
    expect(readSiteAddress(PUBLIC).public?.href).toBe(`${PUBLIC}/`);
    expect(publicSite(new URL(LOCAL_SITE))).toBeUndefined();
    expect(publicSite(PUBLIC)?.origin).toBe(PUBLIC);
  });

  it('refuses a value that is not an http(s) address, naming the setting', () => {
    expect(() => readSiteAddress('yigongti.gov.cn')).toThrow(/SITE_URL/);
    expect(() => readSiteAddress('ftp://yigongti.gov.cn')).toThrow(/SITE_URL/);
  });

  it('gives shareable addresses only at a public address, and site paths for links in a preview', () => {
    expect(shareableUrl('/og.png', undefined)).toBeUndefined();
    expect(shareableUrl('/og.png', new URL(PUBLIC))).toBe(`${PUBLIC}/og.png`);
    expect(siteLink('/groups/a/', undefined)).toBe('/groups/a/');
    expect(siteLink('/groups/a/', new URL(PUBLIC))).toBe(`${PUBLIC}/groups/a/`);
  });

  it('takes the local origin out of a feed in a preview, and leaves a public feed alone', () => {
    const feed = `<link>${LOCAL_SITE}/</link><item><link>${LOCAL_SITE}/updates/a/</link></item>`;
    expect(withoutLocalOrigin(feed, new URL(LOCAL_SITE))).toBe('<link>/</link><item><link>/updates/a/</link></item>');
    const published = feed.replaceAll(LOCAL_SITE, PUBLIC);
    expect(withoutLocalOrigin(published, new URL(PUBLIC))).toBe(published);
  });
});

describe('what a preview build shares, and what a published one does', () => {
  const resident = datasetOf(residentEntries());
  const dataset = fixtureSite();

  it('prints no QR address on a referral sheet in a preview, and the sheet’s own address when published', () => {
    expect(referralPage(resident, 'first', undefined).pageUrl).toBeUndefined();
    expect(referralPage(resident, 'first', new URL(PUBLIC)).pageUrl).toBe(`${PUBLIC}/groups/first/referral/`);
  });

  it('writes embed code with the site path and a note in a preview, and the public address when published', () => {
    const preview = indicatorPage(dataset, visitRate.id, undefined)!.embed;
    expect(preview.snippet).toContain(`src="/embed/indicators/${visitRate.id}/"`);
    expect(preview.preview).toBe(true);
    const published = indicatorPage(dataset, visitRate.id, new URL(PUBLIC))!.embed;
    expect(published.snippet).toContain(`src="${PUBLIC}/embed/indicators/${visitRate.id}/"`);
    expect(published.preview).toBeUndefined();
  });

  it('fills CSV and JSON URL columns and the data citation with site paths in a preview, with the address when published', () => {
    const files = (url: URL | undefined) => downloadRegistry(dataset, url).all.map((f) => text(f.bytes())).join('\n');
    const preview = files(undefined);
    expect(preview).not.toContain('localhost');
    expect(preview.replaceAll('https://creativecommons.org/', '')).not.toMatch(/https?:\/\//);
    expect(preview).toContain(',/groups/group-a/');
    expect(dataPage(dataset, undefined).citation).toContain(' /data/.');
    const published = files(new URL(PUBLIC));
    expect(published).toContain(`,${PUBLIC}/groups/group-a/`);
    expect(dataPage(dataset, new URL(PUBLIC)).citation).toContain(`${PUBLIC}/data/`);
  });
});
