/**
 * The referral guide as six steps a resident acts on, contacts that are never invented, dated guidance, and no dead
 * ends on institution pages. Expected values come from the resident fixture (tests/fixtures/resident-site.ts).
 */
import { describe, expect, it } from 'vitest';
import { residentEntries } from '../fixtures/resident-site';
import { datasetOf } from '../fixtures/dataset';
import { groupPage, referralPage } from '../../src/views/group';
import { institutionPage } from '../../src/views/institution';
import type { Group, Institution } from '../../src/schemas';

const SITE = 'https://example.org';
const TODAY = '2026-11-29';
type Entries = ReturnType<typeof residentEntries>;

/** The resident fixture with one group or institution changed. */
function withChange(change: (e: Entries) => void) {
  const e = structuredClone(residentEntries());
  change(e);
  return datasetOf(e);
}
const base = datasetOf(residentEntries());
const firstGroup = (e: Entries) => e.groups!.find((g) => g.id === 'first') as Group;
const facts = (dataset: ReturnType<typeof datasetOf>, key: string) => referralPage(dataset, 'first', SITE, TODAY).steps.find((s) => s.key === key)!.facts.map((f) => f.text);

describe('the referral guide in six steps', () => {
  const page = referralPage(base, 'first', SITE, TODAY);

  it('runs 先找谁 → 带什么 → 怎么转上去 → 到了上级医院 → 怎么转回来 → 费用和医保, numbered from 1', () => {
    expect(page.steps.map((s) => [s.number, s.heading])).toEqual([
      [1, '先找谁'],
      [2, '带什么'],
      [3, '怎么转上去'],
      [4, '到了上级医院'],
      [5, '怎么转回来'],
      [6, '费用和医保'],
    ]);
  });

  it('puts each sourced point under the step a resident needs it in', () => {
    const g = firstGroup(residentEntries());
    expect(facts(base, 'whom')).toEqual(g.referral.staysLocal.map((p) => p.text));
    expect(facts(base, 'up')).toEqual(g.referral.up.map((p) => p.text));
    expect(facts(base, 'arrive')).toEqual([...g.referral.benefits, ...g.referral.greenChannels].map((p) => p.text));
    expect(facts(base, 'back')).toEqual(g.referral.down.map((p) => p.text));
  });

  it.each(['转诊住院的医保报销比例提高5个百分点', '按规定转诊的只付一次起付线', '下转病人不再收取挂号费用'])('moves a point about money (%s) to 费用和医保, wherever it was written', (text) => {
    for (const part of ['up', 'down', 'benefits'] as const) {
      const dataset = withChange((e) => firstGroup(e).referral[part].push({ text, source: { document: 'plan', section: '医保' } }));
      expect(facts(dataset, 'cost'), part).toEqual([text]);
      expect(referralPage(dataset, 'first', SITE, TODAY).steps.flatMap((s) => (s.key === 'cost' ? [] : s.facts.map((f) => f.text)))).not.toContain(text);
    }
  });

  it('says what is general practice, and says so on every step, with what to bring on every guide', () => {
    for (const s of page.steps) expect(s.general.length, s.key).toBeGreaterThan(5);
    expect(page.steps[1].general).toMatch(/医保卡.*身份证.*病历.*检查结果.*以当地要求为准/);
    expect(page.generalNote).toContain('一般做法');
    const none = referralPage(base, 'second', SITE, TODAY);
    expect(none.steps.map((s) => s.key)).toEqual(page.steps.map((s) => s.key));
    expect(none.steps.filter((s) => s.empty).map((s) => s.key)).toEqual(['whom', 'up', 'arrive', 'back', 'cost']);
  });

  it('names the lead where the record does, and the named members under 先找谁', () => {
    expect(page.steps[2].local).toEqual(['本医共体的牵头医院是孟津县人民医院。']);
    expect(page.steps[0].local[0]).toContain('麻屯镇卫生院、小浪底镇卫生院、孟津县妇幼保健院');
    expect(referralPage(base, 'urban', SITE, TODAY).steps[2].local).toEqual([]);
  });

  it('gives each source one footnote number, in order of first use, and every mark resolves to the list', () => {
    expect(page.sources.map((s) => [s.number, s.anchor, s.cite.title, s.cite.section])).toEqual([[1, 'src-1', '孟津县方案', '转诊']]);
    const dataset = withChange((e) => {
      firstGroup(e).referral.staysLocal[0].source = { document: 'news', section: '二' };
      firstGroup(e).referral.down[0].source = { document: 'plan', section: '下转' };
    });
    const two = referralPage(dataset, 'first', SITE, TODAY);
    expect(two.sources.map((s) => `${s.number}:${s.cite.title}·${s.cite.section}`)).toEqual(['1:洛阳报道·二', '2:孟津县方案·转诊', '3:孟津县方案·下转']);
    // The plan cited again right after itself is named once on the sheet.
    expect(two.sources.map((s) => s.sameDocument)).toEqual([false, false, true]);
    const marks = two.steps.flatMap((s) => s.facts.map((f) => f.note));
    expect(new Set(marks)).toEqual(new Set(two.sources.map((s) => s.number)));
  });

  it('opens with the emergency number and addresses itself with the site setting', () => {
    // The fixture cites no general facts: the number is still given, said to be unverified.
    expect(page.emergency).toBe('急症、危重症请直接拨打急救电话 120（出处未核实）。');
    expect(page.pageUrl).toBe('https://example.org/groups/first/referral/');
    expect(referralPage(base, 'first', 'http://localhost:4321', TODAY).pageUrl).toBe('http://localhost:4321/groups/first/referral/');
    expect(page.policy?.href).toBe('/groups/first/#policy');
    // A group whose sources only say whom to ask has no clauses to link to.
    const askOnly = withChange((e) => (e.groups!.find((g) => g.id === 'second')!.referral.whoToAsk = '问卫生院'));
    expect(referralPage(askOnly, 'second', SITE, TODAY).policy).toBeUndefined();
    expect(groupPage(askOnly, 'second', SITE, TODAY).contents.map((c) => c.href)).not.toContain('#policy');
  });
});

describe('whom to ask: never an invented number', () => {
  it('says the sources give no number and points to 12320 and the lead hospital', () => {
    const ask = referralPage(base, 'first', SITE, TODAY).ask;
    expect(ask.contacts).toEqual([]);
    expect(ask.whoToAsk).toBe('先问村医');
    expect(ask.fallback).toContain('12320');
    expect(ask.fallback).toContain('孟津县人民医院');
    expect(referralPage(base, 'urban', SITE, TODAY).ask.fallback).toContain('12320');
    // The only numbers a page adds itself are the national ones.
    expect(ask.fallback!.match(/\d{3,}/g)).toEqual(['12320']);
  });

  it('lists a referral office a source names, with its number as a tel: link and the day it was checked', () => {
    const dataset = withChange((e) => (firstGroup(e).referral.contacts = [{ who: '县人民医院转诊服务中心', phone: '0379-6791 2345', source: { document: 'news', section: '三' }, checked: '2026-10-01' }]));
    const ask = referralPage(dataset, 'first', SITE, TODAY).ask;
    expect(ask.fallback).toBeUndefined();
    expect(ask.contacts).toEqual([
      { who: '县人民医院转诊服务中心', phone: '0379-6791 2345', href: 'tel:037967912345', checked: '2026年10月1日核对', cite: expect.objectContaining({ href: '/documents/news/', section: '三' }) },
    ]);
  });
});

describe('an institution page', () => {
  it('opens with the emergency number and says when no contact is published, naming the lead and 12320', () => {
    const matun = institutionPage(base, 'matun', SITE);
    expect(matun.emergency).toContain('120');
    expect(matun.contacts.lines).toEqual([]);
    expect(matun.contacts.none).toContain('12320');
    expect(matun.contacts.none).toContain('孟津县人民医院');
    // The lead hospital is not told to ask itself.
    expect(institutionPage(base, 'people', SITE).contacts.none).not.toContain('孟津县人民医院');
  });

  it('shows each published contact with what it is for, when it was checked and its source', () => {
    const src = { document: 'news', section: '二' };
    const dataset = withChange((e) => {
      (e.institutions!.find((i) => i.id === 'matun') as Institution).contacts = {
        phones: [{ number: '0379-1234567', purpose: '预约挂号', source: src, checked: '2026-11-01' }],
        address: { text: '麻屯镇一号', source: src, checked: '2026-11-02' },
        online: [{ label: '微信公众号', account: '麻屯卫生院', source: src, checked: '2026-11-03' }],
      };
    });
    const lines = institutionPage(dataset, 'matun', SITE).contacts.lines;
    expect(lines.map((l) => [l.label, l.value, l.href, l.checked])).toEqual([
      ['预约挂号电话：', '0379-1234567', 'tel:03791234567', '2026年11月1日核对'],
      ['地址：', '麻屯镇一号', undefined, '2026年11月2日核对'],
      ['微信公众号：', '麻屯卫生院', undefined, '2026年11月3日核对'],
    ]);
    expect(lines.every((l) => l.cite.href === '/documents/news/')).toBe(true);
    expect(institutionPage(dataset, 'matun', SITE).contacts.none).toBeUndefined();
  });

  it('with no known group, lists the groups serving its county and whom to ask (no dead end)', () => {
    const branch = institutionPage(base, 'branch', SITE);
    expect(branch.routes).toEqual([]);
    expect(branch.unknownGroup?.guides).toEqual([{ href: '/groups/urban/referral/', label: '洛阳市医疗集团转诊指南' }]);
    expect(branch.unknownGroup?.ask).toContain('12320');
    const lone = withChange((e) => e.institutions!.push({ id: 'far', name: '某乡卫生院', kind: 'township-health-centre', region: 'sichuan', aliases: [], services: [], sources: [{ document: 'plan', section: '一' }] }));
    const far = institutionPage(lone, 'far', SITE).unknownGroup!;
    expect(far.guides).toEqual([]);
    expect(far.text).toContain('本站还没有');
    expect(far.ask).toContain('12320');
    expect(institutionPage(base, 'matun', SITE).unknownGroup).toBeUndefined();
  });
});

describe('dated guidance', () => {
  const trial = (title: string, date = '2026-01-01', type: 'policy' | 'report' = 'policy') =>
    withChange((e) => {
      const plan = e.documents!.find((d) => d.id === 'plan')!;
      plan.data = { ...plan.data, originalTitle: title, date, type };
    });

  it('says how old the sources are, and flags guidance more than three years old with whom to check', () => {
    const age = referralPage(base, 'first', SITE, TODAY).age!;
    expect(age.text).toContain('2020年6月23日');
    expect(age.text).toContain('约 6 年');
    expect(age.warning).toContain('超过三年');
    expect(age.warning).toContain('孟津县人民医院');
    expect(age.warning).toContain('12320');
  });

  it.each([
    ['2026-11-29', 0, false],
    ['2024-01-02', 2, false],
    ['2023-11-30', 2, false],
    ['2023-11-29', 3, true],
    ['2021-05-01', 5, true],
  ])('a source dated %s is %i years old (flagged: %s)', (date, years, flagged) => {
    // A report, so that only its age can flag it (a plan is always flagged as a plan).
    const age = referralPage(trial('实施情况', date, 'report'), 'first', SITE, TODAY).age!;
    expect(age.text).toContain(`约 ${years} 年`);
    expect(Boolean(age.warning)).toBe(flagged);
  });

  it('says of a recent plan, not marked 试行, that it is a plan and not what was done', () => {
    const age = referralPage(trial('实施方案', '2026-11-01'), 'first', SITE, TODAY).age!;
    expect(age.warning).toContain('《实施方案》是计划文件');
    expect(age.warning).toContain('不等于已经做到');
    expect(age.warning).not.toContain('超过三年');
  });

  it.each(['孟津县医共体建设实施方案（试行）', '关于印发转诊办法(试行)的通知', '试行办法'])('flags a recent plan marked 试行: %s', (title) => {
    const age = referralPage(trial(title), 'first', SITE, TODAY).age!;
    expect(age.warning).toContain(`《${title}》是试行方案`);
  });

  it('the group page dates all its sources and keeps the policy clauses, with a contents list', () => {
    const page = groupPage(base, 'first', SITE, TODAY);
    expect(page.age?.text).toContain('最早 2020年6月23日，最新 2024年1月2日');
    // The group rests on the fixture's plan ("方案", a policy document): flagged as a plan, not as old.
    expect(page.age?.warning).toContain('《方案》是计划文件');
    expect(page.age?.warning).not.toContain('超过三年');
    expect(groupPage(base, 'first', SITE, '2027-01-03').age?.warning).toContain('超过三年');
    expect(page.policy.map((p) => [p.part, p.points.length])).toEqual([['up', 2], ['benefits', 1], ['down', 1], ['staysLocal', 1]]);
    expect(page.contents.map((c) => c.href)).toContain('#policy');
    expect(page.contents[0].href).toBe('#referral');
    expect(groupPage(base, 'second', SITE, TODAY).contents.map((c) => c.href)).not.toContain('#policy');
  });
});
