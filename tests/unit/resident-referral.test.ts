import { describe, expect, it } from 'vitest';
import { residentSite } from '../fixtures/resident-site';
import { REFERRAL_PARTS, referralCounts, referralGuide, referralHref } from '../../src/views/referral';
import { fullPlaceLabel, groupCrumbs, groupTitle, institutionCrumbs, institutionTitle, placeLabel, regionPageCrumbs } from '../../src/views/titles';

const dataset = residentSite();
const group = (id: string) => dataset.groups.find((g) => g.id === id)!;
const institution = (id: string) => dataset.institutions.find((i) => i.id === id)!;

describe('a referral guide', () => {
  it('keeps every part in reading order, empty ones included so the page can say so', () => {
    const guide = referralGuide(group('first'));
    expect(guide.sections.map((s) => s.part)).toEqual(['up', 'benefits', 'greenChannels', 'down', 'staysLocal']);
    expect(guide.sections.find((s) => s.part === 'greenChannels')!.points).toEqual([]);
    expect(guide.sections[0].points.map((p) => p.text)).toEqual(['镇卫生院看不了的病转到县医院', '签约转诊']);
    expect(guide.whoToAsk).toBe('先问村医');
    expect(guide.described).toBe(true);
  });

  it('says when the sources do not describe referral at all', () => {
    expect(referralGuide(group('second')).described).toBe(false);
  });

  it('counts the points of each part', () => {
    expect(referralCounts(group('first'))).toEqual({ up: 2, benefits: 1, greenChannels: 0, down: 1, staysLocal: 1 });
    expect(Object.keys(referralCounts(group('second')))).toEqual(REFERRAL_PARTS);
  });
});

// How an institution's referral works in each of its groups is its page view's work: tests/unit/views-resident.test.ts.
describe('the referral guide’s address', () => {
  it('sits below the group page', () => {
    expect(referralHref('first')).toBe('/groups/first/referral/');
  });
});

describe('titles and breadcrumbs carry their context', () => {
  it('names a region by prefecture and county, or by itself when it is a province', () => {
    expect(placeLabel(dataset, 'mengjin')).toBe('洛阳市孟津县');
    expect(placeLabel(dataset, 'luoyang')).toBe('洛阳市');
    expect(placeLabel(dataset, 'henan')).toBe('河南省');
    expect(fullPlaceLabel(dataset, 'mengjin')).toBe('河南省洛阳市孟津县');
  });

  it('names the county in a group title and the group and county in an institution title', () => {
    expect(groupTitle(dataset, group('first'))).toBe('孟津县第一医疗卫生共同体 · 洛阳市孟津县');
    expect(institutionTitle(dataset, institution('matun'))).toBe('麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县');
    expect(institutionTitle(dataset, institution('branch'))).toBe('银山分院 · 洛阳市偃师区');
  });

  it('runs region → group → institution, the current page last and unlinked', () => {
    expect(institutionCrumbs(dataset, institution('matun'))).toEqual([
      { label: '河南省', href: '/regions/henan/' },
      { label: '洛阳市', href: '/regions/luoyang/' },
      { label: '孟津县', href: '/regions/mengjin/' },
      { label: '孟津县第一医疗卫生共同体', href: '/groups/first/' },
      { label: '麻屯镇卫生院' },
    ]);
    expect(groupCrumbs(dataset, group('first')).at(-1)).toEqual({ label: '孟津县第一医疗卫生共同体' });
    expect(groupCrumbs(dataset, group('first'), '转诊指南').slice(-2)).toEqual([
      { label: '孟津县第一医疗卫生共同体', href: '/groups/first/' },
      { label: '转诊指南' },
    ]);
    expect(institutionCrumbs(dataset, institution('branch')).map((c) => c.label)).toEqual(['河南省', '洛阳市', '偃师区', '银山分院']);
    expect(regionPageCrumbs(dataset, dataset.regions[2])).toEqual([
      { label: '河南省', href: '/regions/henan/' },
      { label: '洛阳市', href: '/regions/luoyang/' },
      { label: '孟津县' },
    ]);
  });
});
