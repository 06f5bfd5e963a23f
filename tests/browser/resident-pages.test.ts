/**
 * Every group, institution and region in the data has its page; rosters link to pages that exist; text pages ship
 * no script but /prefs.js. Read from the built files: no browser.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { loadDataset } from '../../src/data/read-sources';
import { hasOwnPage, rosterOf } from '../../src/data/dataset';
import { referralGuide } from '../../src/views/referral';

const DIST = resolve('dist');
const dataset = loadDataset(process.cwd());
const pageFile = (url: string) => join(DIST, url, 'index.html');
const html = (url: string) => parse(readFileSync(pageFile(url), 'utf8'));

const groupUrls = dataset.groups.map((g) => `/groups/${g.id}/`);
const referralUrls = dataset.groups.map((g) => `/groups/${g.id}/referral/`);
// Village clinics have no page of their own (rows on their township health centre's page).
const institutionUrls = dataset.institutions.filter(hasOwnPage).map((i) => `/institutions/${i.id}/`);
const regionUrls = dataset.regions.map((r) => `/regions/${r.id}/`);
const documentUrls = dataset.documents.map((d) => `/documents/${d.id}/`);

describe('every group, institution and region has its page', () => {
  it.each([
    ['group', groupUrls],
    ['referral guide', referralUrls],
    ['institution', institutionUrls],
    ['region', regionUrls],
    ['index', ['/groups/', '/institutions/', '/regions/']],
  ])('%s pages exist', (_kind, urls) => {
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !existsSync(pageFile(url)))).toEqual([]);
  });

  it('the indexes link to every group, institution and region page', () => {
    const linked = (url: string) => new Set(html(url).querySelectorAll('main a').map((a) => a.getAttribute('href')));
    const groups = linked('/groups/');
    const institutions = linked('/institutions/');
    const regions = linked('/regions/');
    expect(groupUrls.filter((u) => !groups.has(u))).toEqual([]);
    expect(institutionUrls.filter((u) => !institutions.has(u))).toEqual([]);
    expect(regionUrls.filter((u) => !regions.has(u))).toEqual([]);
  });
});

describe('group pages', () => {
  it.each(dataset.groups.map((g) => [g.id, g] as const))('%s: every roster member links to an existing institution page', (id, group) => {
    const links = html(`/groups/${id}/`).querySelectorAll('table.roster a').map((a) => a.getAttribute('href')!);
    const expected = [group.lead, ...group.members.map((m) => m.institution)].filter(Boolean).map((i) => `/institutions/${i}/`);
    expect(links).toEqual(expected);
    expect(links.filter((href) => !existsSync(pageFile(href)))).toEqual([]);
  });

  it('say how many members the sources state where they name fewer', () => {
    const checked = dataset.groups.flatMap((g) =>
      g.statedMembers.flatMap((s) => {
        const ofKind = rosterOf(dataset, g.id).filter((row) => row.institution.kind === s.kind);
        const named = ofKind.filter((row) => !row.inference).length;
        const inferred = ofKind.length - named;
        if (ofKind.length >= s.count) return [];
        // A member the report only implies (据报道推断) is counted apart from those it names as members.
        expect(html(`/groups/${g.id}/`).querySelector('main')!.textContent).toContain(
          inferred ? `来源称 ${s.label}，明确点名为成员的 ${named} 个，另有 ${inferred} 个是据报道推断的成员` : `来源称 ${s.label}，已公开名称 ${named} 个`,
        );
        return [g.id];
      }),
    );
    expect(checked.length).toBeGreaterThan(0);
  });

  it('link to their referral guide, and a guide without data says so and points to the county’s documents', () => {
    for (const g of dataset.groups) {
      expect(html(`/groups/${g.id}/`).querySelector(`main a[href="/groups/${g.id}/referral/"]`), g.id).not.toBeNull();
      const guide = html(`/groups/${g.id}/referral/`).querySelector('main')!;
      // Every guide walks the same six steps, whether or not its sources describe them.
      expect(guide.querySelectorAll('ol.steps > li.step h3').map((h) => h.textContent.replace(/^\d+/, '')), g.id).toEqual(['先找谁', '带什么', '怎么转上去', '到了上级医院', '怎么转回来', '费用和医保']);
      if (!referralGuide(g).described) {
        expect(guide.textContent, g.id).toContain('来源文件没有写');
        expect(guide.querySelector(`a[href="/regions/${g.region}/"]`), g.id).not.toBeNull();
      }
    }
  });
});

describe('text pages ship no JavaScript but /prefs.js', () => {
  const pages = [...documentUrls, ...institutionUrls, ...regionUrls, ...groupUrls, ...referralUrls];
  it.each(pages)('%s', (url) => {
    const doc = html(url);
    const scripts = doc
      .querySelectorAll('script')
      .filter((s) => s.getAttribute('type') !== 'application/ld+json')
      .map((s) => s.getAttribute('src') ?? `inline: ${s.textContent.slice(0, 60)}`);
    expect(scripts).toEqual(['/prefs.js']);
    const handlers = doc.querySelectorAll('*').flatMap((el) => Object.keys(el.attributes).filter((a) => /^on/i.test(a)).map((a) => `${el.tagName} ${a}`));
    expect(handlers).toEqual([]);
    expect(doc.querySelectorAll('astro-island')).toHaveLength(0);
  });
});

// Each referral guide printing on one A4 sheet without the site's header, navigation or footer: the longest sheet in
// tests/browser/phone-paper.test.ts, every sheet in tests/sweep/referral-paper-every-sheet.test.ts (npm run test:full).
