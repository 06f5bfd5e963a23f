/** The resident pages' views on the resident fixture (tests/fixtures/resident-site.ts), village clinics included. */
import { describe, expect, it } from 'vitest';
import { residentSiteWithVillageClinics } from '../fixtures/resident-site';
import { groupPage, referralPage } from '../../src/views/group';
import { groupsIndex, institutionsIndex, provinceList, provinceListPaths } from '../../src/views/lists';
import { institutionPage, institutionsWithPages } from '../../src/views/institution';
import { regionPage, regionsIndex } from '../../src/views/region';
import { homePage } from '../../src/views/home';

const dataset = residentSiteWithVillageClinics();
const SITE = 'https://example.org';
const hrefs = (list: { href: string }[]) => list.map((x) => x.href);
const CLINICS = ['/institutions/vc-matun/', '/institutions/vc-houying/', '/institutions/vc-huimeng/'];

describe('groupPage', () => {
  const first = groupPage(dataset, 'first', SITE);

  it('names the county in the title and links the region it serves', () => {
    expect(first.title).toBe('孟津县第一医疗卫生共同体 · 洛阳市孟津县');
    expect(first.region).toEqual({ href: '/regions/mengjin/', label: '洛阳市孟津县' });
    expect(first.lead).toEqual({ href: '/institutions/people/', name: '孟津县人民医院', kind: '综合医院' });
    expect(groupPage(dataset, 'urban', SITE).covered).toEqual([{ href: '/regions/yanshi/', label: '偃师区' }]);
  });

  it('lists the lead first, then named members in the editors’ order, with their notes', () => {
    expect(first.roster.rows.map((r) => [r.name, r.lead])).toEqual([
      ['孟津县人民医院', true],
      ['麻屯镇卫生院', false],
      ['小浪底镇卫生院', false],
      ['孟津县妇幼保健院', false],
    ]);
    expect(first.roster.rows[2].note).toBe('来源只写“小浪底”');
    expect(groupPage(dataset, 'urban', SITE).roster.rows).toEqual([]);
  });

  it('never lists a village clinic, but says how many the members manage (a clinic named as member counted once)', () => {
    for (const id of ['first', 'second']) expect(hrefs(groupPage(dataset, id, SITE).roster.rows).filter((h) => CLINICS.includes(h))).toEqual([]);
    expect(first.roster.villageClinics).toContain('2 个村卫生室');
    const second = groupPage(dataset, 'second', SITE);
    expect(hrefs(second.roster.rows)).toEqual(['/institutions/tcm/', '/institutions/huimeng/']);
    expect(second.roster.villageClinics).toContain('1 个村卫生室');
    expect(groupPage(dataset, 'urban', SITE).roster.villageClinics).toBeUndefined();
  });

  it('states a member count the sources give but do not name in full, with its source, and drops one already met', () => {
    expect(first.roster.stated.map((s) => s.text)).toEqual(['来源称 13 个镇卫生院，已公开名称 2 个。']);
    expect(first.roster.stated[0].cite).toMatchObject({ href: '/documents/plan/', section: '组建' });
  });

  it('summarises the referral guide and links it', () => {
    expect(first.referral).toEqual({
      described: true,
      counts: '来源写到：上转 2 条，转诊便利 1 条，绿色通道 0 条，下转 1 条，留在基层 1 条。',
      href: '/groups/first/referral/',
      link: '看孟津县第一医疗卫生共同体的转诊指南',
    });
    expect(groupPage(dataset, 'second', SITE).referral.described).toBe(false);
  });

  it('gives the documents cited anywhere in the record, newest first, and the updates that name the group', () => {
    expect(hrefs(first.documents)).toEqual(['/documents/news/', '/documents/plan/']);
    expect(first.documents[1].meta).toBe('（政策文件，2020年6月23日）');
    expect(hrefs(groupPage(dataset, 'second', SITE).documents)).toEqual(['/documents/plan/']);
    expect(hrefs(first.updates)).toEqual(['/updates/u1/']);
    expect(groupPage(dataset, 'second', SITE).updates).toEqual([]);
  });

  it('has no outcomes where no figure is reported, and rejects an unknown group', () => {
    expect(first.outcomes).toBeUndefined();
    expect(() => groupPage(dataset, 'nowhere', SITE)).toThrow(/nowhere/);
  });
});

describe('referralPage', () => {
  // The steps, footnotes, contacts and dates are tested in tests/unit/referral-steps.test.ts.
  it('titles the guide with its county, addresses it from the site setting and crumbs it under its group', () => {
    const page = referralPage(dataset, 'first', SITE);
    expect(page.title).toBe('孟津县第一医疗卫生共同体转诊指南 · 洛阳市孟津县');
    expect(page.ask.whoToAsk).toBe('先问村医');
    expect(page.none).toBeUndefined();
    expect(page.pageUrl).toBe('https://example.org/groups/first/referral/');
    expect(page.crumbs.slice(-2)).toEqual([{ label: '孟津县第一医疗卫生共同体', href: '/groups/first/' }, { label: '转诊指南' }]);
  });

  it('says when the sources do not describe referral and points to the documents of the region and below', () => {
    const second = referralPage(dataset, 'second', SITE);
    expect(second.none?.text).toBe('来源文件没有写孟津县第二医疗卫生共同体怎样转诊。');
    expect(hrefs(second.none!.documents)).toEqual(['/documents/plan/']);
    expect(second.ask.whoToAsk).toBeUndefined();
    expect(second.ask.fallback).toContain('12320');
    expect(second.back).toEqual({ href: '/groups/second/', label: '返回孟津县第二医疗卫生共同体' });
    expect(hrefs(referralPage(dataset, 'urban', SITE).none!.documents)).toEqual(['/documents/news/', '/documents/plan/']);
  });
});

describe('institutionPage', () => {
  it('carries group and county in the title, and runs its breadcrumbs region → group → institution', () => {
    const matun = institutionPage(dataset, 'matun', SITE);
    expect(matun.title).toBe('麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县');
    expect(matun.crumbs.map((c) => c.label)).toEqual(['河南省', '洛阳市', '孟津县', '孟津县第一医疗卫生共同体', '麻屯镇卫生院']);
    expect(institutionPage(dataset, 'branch', SITE).title).toBe('银山分院 · 洛阳市偃师区');
  });

  it('gives a member its group, its lead and the guide; a lead no lead of its own', () => {
    const [route] = institutionPage(dataset, 'matun', SITE).routes;
    expect(route.text).toContain('牵头医院是孟津县人民医院');
    expect(route.lead).toEqual({ href: '/institutions/people/', label: '牵头医院：孟津县人民医院' });
    expect(route.guide.href).toBe('/groups/first/referral/');
    expect(route.none).toBeUndefined();
    const [lead] = institutionPage(dataset, 'people', SITE).routes;
    expect(lead.text).toContain('孟津县第一医疗卫生共同体的牵头医院');
    expect(lead.lead).toBeUndefined();
    expect(institutionPage(dataset, 'people', SITE).memberships).toEqual([{ href: '/groups/first/', name: '孟津县第一医疗卫生共同体', lead: true }]);
  });

  it('carries the member note, says when the group has no referral data, and has no route without a group', () => {
    expect(institutionPage(dataset, 'xiaolangdi', SITE).memberships[0].note).toBe('来源只写“小浪底”');
    expect(institutionPage(dataset, 'huimeng', SITE).routes[0].none).toBe('来源没有写孟津县第二医疗卫生共同体怎样转诊。');
    expect(institutionPage(dataset, 'branch', SITE).routes).toEqual([]);
  });

  it('cites every source of the record', () => {
    expect(hrefs(institutionPage(dataset, 'matun', SITE).sources)).toEqual(['/documents/plan/', '/documents/news/']);
  });

  it('lists the village clinics a health centre manages as rows with what the data says of them', () => {
    const matun = institutionPage(dataset, 'matun', SITE).villageClinics!;
    expect(matun.caption).toBe('麻屯镇卫生院管理的村卫生室（2 个）');
    expect(matun.rows).toEqual([
      { name: '后营村卫生室', note: '又称：后营卫生室；由麻屯镇卫生院代管' },
      { name: '麻屯村卫生室', note: '' },
    ]);
    expect(institutionPage(dataset, 'huimeng', SITE).villageClinics!.rows.map((r) => r.name)).toEqual(['会盟村卫生室']);
    expect(institutionPage(dataset, 'people', SITE).villageClinics).toBeUndefined();
  });

  it('gives no page to a village clinic', () => {
    const withPages = institutionsWithPages(dataset).map((i) => i.id);
    expect(withPages).toHaveLength(7);
    expect(withPages).not.toContain('vc-matun');
  });
});

describe('the lists', () => {
  it('buckets groups by region ordered by the full path, keeping the editors’ order inside a region', () => {
    const view = groupsIndex(dataset);
    if (view.split) throw new Error('a short list is one page');
    const buckets = view.buckets;
    expect(buckets.map((b) => b.heading)).toEqual(['河南省洛阳市', '河南省洛阳市孟津县']);
    expect(buckets[1].items.map((g) => g.name)).toEqual(['孟津县第一医疗卫生共同体', '孟津县第二医疗卫生共同体']);
    expect(buckets[1].items[0].meta).toBe('县域医共体 · 牵头医院：孟津县人民医院');
    expect(buckets[0].items[0].meta).toBe('城市医疗集团');
  });

  it('lists every institution with a page once, by region, and only counts village clinics', () => {
    const view = institutionsIndex(dataset);
    if (view.split) throw new Error('a short list is one page');
    const buckets = view.buckets;
    expect(buckets.map((b) => b.heading)).toEqual(['河南省洛阳市孟津县', '河南省洛阳市偃师区']);
    const listed = buckets.flatMap((b) => hrefs(b.items));
    expect(listed.sort()).toEqual(institutionsWithPages(dataset).map((i) => `/institutions/${i.id}/`).sort());
    expect(listed.filter((h) => CLINICS.includes(h))).toEqual([]);
    expect(buckets[0].villageClinics).toContain('另有 3 个村卫生室');
    expect(buckets[1].villageClinics).toBeUndefined();
    expect(buckets[0].items.find((i) => i.name === '孟津县人民医院')!.meta).toBe('综合医院 · 孟津县第一医疗卫生共同体（牵头医院）');
  });

  it('splits a list too long for one page by province, each province page holding all of its entries', () => {
    const all = institutionsWithPages(dataset);
    const view = institutionsIndex(dataset, all.length - 1);
    if (!view.split) throw new Error('a list over the limit splits');
    expect(view.total).toBe(all.length);
    const provinces = provinceListPaths(dataset, 'institutions', all.length - 1);
    expect(view.provinces.map((p) => p.href)).toEqual(provinces.map((id) => `/regions/${id}/institutions/`));
    const listed = provinces.flatMap((id) => provinceList(dataset, 'institutions', id)!.buckets.flatMap((b) => hrefs(b.items)));
    expect(listed.sort()).toEqual(all.map((i) => `/institutions/${i.id}/`).sort());
    // Each province names its own count.
    for (const [i, id] of provinces.entries()) {
      const n = provinceList(dataset, 'institutions', id)!.buckets.reduce((sum, b) => sum + b.items.length, 0);
      expect(view.provinces[i].count).toContain(String(n));
    }
    // Nothing splits while the list fits.
    expect(provinceListPaths(dataset, 'institutions')).toEqual([]);
    expect(provinceListPaths(dataset, 'groups')).toEqual([]);
  });

  it('splits the groups list the same way, a group under the province of the region it serves', () => {
    const view = groupsIndex(dataset, 1);
    if (!view.split) throw new Error('a list over the limit splits');
    expect(view.total).toBe(dataset.groups.length);
    const listed = provinceListPaths(dataset, 'groups', 1).flatMap((id) => provinceList(dataset, 'groups', id)!.buckets.flatMap((b) => hrefs(b.items)));
    expect(listed.sort()).toEqual(dataset.groups.map((g) => `/groups/${g.id}/`).sort());
  });

  it('draws the region tree three levels deep with group counts', () => {
    const tree = regionsIndex(dataset);
    expect(tree.map((p) => p.name)).toEqual(['河南省', '四川省']);
    expect(tree[0].children.map((c) => c.name)).toEqual(['洛阳市']);
    expect(tree[0].children[0].children.map((k) => [k.name, k.meta])).toEqual([
      ['孟津县', '县 · 2 个医共体或医疗集团'],
      ['偃师区', '市辖区 · 1 个医共体或医疗集团'],
    ]);
    expect(tree[1].children).toEqual([]);
  });
});

describe('regionPage', () => {
  it('lists a county’s own institutions, never its village clinics, and counts those', () => {
    const mengjin = regionPage(dataset, 'mengjin', SITE);
    expect(mengjin.institutions.map((i) => i.name).sort()).toEqual(
      ['孟津县人民医院', '孟津县中医院', '麻屯镇卫生院', '小浪底镇卫生院', '会盟卫生院', '孟津县妇幼保健院'].sort(),
    );
    expect(mengjin.villageClinics).toContain('另有 3 个村卫生室');
    expect(mengjin.facts).toBe('县 · 河南省洛阳市');
    expect(mengjin.aliases).toBe('孟津区');
    expect(mengjin.title).toBe('洛阳市孟津县：医共体、文件与数据');
  });

  it('keeps a prefecture or province page bounded: child regions with counts, not the institutions below', () => {
    const luoyang = regionPage(dataset, 'luoyang', SITE);
    expect(luoyang.institutions).toEqual([]);
    expect(luoyang.children.map((c) => [c.name, c.meta])).toEqual([
      ['孟津县', '县 · 2 个医共体或医疗集团 · 6 家医疗机构'],
      ['偃师区', '市辖区 · 1 个医共体或医疗集团 · 1 家医疗机构'],
    ]);
    const henan = regionPage(dataset, 'henan', SITE);
    expect(henan.institutions).toEqual([]);
    expect(henan.children.map((c) => c.meta)).toEqual(['地级市 · 3 个医共体或医疗集团 · 7 家医疗机构']);
  });

  it('lists the groups serving the region or below it in the editors’ order', () => {
    expect(hrefs(regionPage(dataset, 'luoyang', SITE).groups)).toEqual(['/groups/first/', '/groups/second/', '/groups/urban/']);
    expect(hrefs(regionPage(dataset, 'yanshi', SITE).groups)).toEqual(['/groups/urban/']);
    expect(regionPage(dataset, 'sichuan', SITE).groups).toEqual([]);
  });

  it('gives the documents about the region and below, and the updates about it, below it or its groups, newest first', () => {
    expect(hrefs(regionPage(dataset, 'luoyang', SITE).documents)).toEqual(['/documents/news/', '/documents/plan/']);
    expect(hrefs(regionPage(dataset, 'mengjin', SITE).documents)).toEqual(['/documents/plan/']);
    expect(regionPage(dataset, 'yanshi', SITE).documents).toEqual([]);
    expect(hrefs(regionPage(dataset, 'mengjin', SITE).updates)).toEqual(['/updates/u1/']);
    expect(hrefs(regionPage(dataset, 'henan', SITE).updates)).toEqual(['/updates/u2/', '/updates/u1/']);
  });

  it('links the ancestors in its breadcrumbs, itself last', () => {
    expect(regionPage(dataset, 'mengjin', SITE).crumbs).toEqual([
      { label: '河南省', href: '/regions/henan/' },
      { label: '洛阳市', href: '/regions/luoyang/' },
      { label: '孟津县' },
    ]);
  });
});

describe('homePage', () => {
  const home = homePage(dataset);

  it('lists every group by region with its place, keeping 第一 before 第二', () => {
    expect(home.groups.shown.map((g) => [g.name, g.meta])).toEqual([
      ['洛阳市医疗集团', '城市医疗集团 · 洛阳市'],
      ['孟津县第一医疗卫生共同体', '县域医共体 · 洛阳市孟津县'],
      ['孟津县第二医疗卫生共同体', '县域医共体 · 洛阳市孟津县'],
    ]);
  });

  it('lists the regions below province level that have groups, documents or figures', () => {
    expect(home.regions.shown.map((r) => [r.name, r.meta])).toEqual([
      ['洛阳市', '地级市 · 河南省'],
      ['孟津县', '县 · 河南省洛阳市'],
      ['偃师区', '市辖区 · 河南省洛阳市'],
    ]);
  });

  it('names a few groups and regions and links to the full lists when there are more', () => {
    const short = homePage(dataset, 5, 2);
    expect(short.groups.shown.map((g) => g.href)).toEqual(home.groups.shown.slice(0, 2).map((g) => g.href));
    expect(short.groups.more).toBe(dataset.groups.length - 2);
    expect(short.groups.total).toBe(dataset.groups.length);
    expect(short.regions.more).toBe(home.regions.shown.length - 2);
    expect(home.groups.more).toBe(0);
  });

  it('shows the newest updates first, at most the number asked for', () => {
    expect(hrefs(home.updates)).toEqual(['/updates/u3/', '/updates/u2/', '/updates/u1/']);
    expect(hrefs(homePage(dataset, 2).updates)).toEqual(['/updates/u3/', '/updates/u2/']);
    expect(home.updates[0].date).toBe('2024年6月1日');
  });
});
