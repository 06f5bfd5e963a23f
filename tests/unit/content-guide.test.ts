import { describe, expect, it } from 'vitest';
import { factExamples, factHref, groupFacts, groupsWithFacts, whoToAsk } from '../../src/views/group-facts';
import { fixtureSite } from '../fixtures/content-site';
import { GUIDE_LIMITS, guideExamples } from '../../src/views/guide';
import type { FactExample } from '../../src/views/group-facts';

describe('guide examples from the groups\' records', () => {
  const dataset = fixtureSite();

  it('reads services and every part of the referral guide, with their fields', () => {
    expect(groupFacts(dataset.groups[1]).map((f) => f.field)).toEqual(['benefits', 'greenChannels', 'down']);
  });

  it('shows a statement shared word for word by several groups once, naming all of them', () => {
    const [benefit, ...rest] = factExamples(dataset, { fields: ['benefits'] });
    expect(rest).toEqual([]);
    expect(benefit.groups.map((g) => g.id)).toEqual(['grp-a1', 'grp-a2']);
  });

  it('reads the statements from the dataset’s index, which holds every group’s statements once each (against a scan of every group)', async () => {
    const { loadDataset } = await import('../../src/data/read-sources');
    for (const data of [dataset, loadDataset(process.cwd())]) {
      const scanned = data.groups.flatMap((g) => groupFacts(g).map((f) => `${g.id}|${f.field}|${f.source.document}|${f.text}`));
      const indexed = data.statements.flatMap((s) => s.groups.map((g) => `${g.id}|${s.field}|${s.source.document}|${s.text}`));
      expect(new Set(indexed)).toEqual(new Set(scanned));
      expect(new Set(data.statements.map((s) => `${s.field}|${s.source.document}|${s.text}`)).size).toBe(data.statements.length);
    }
  });

  it('filters by field and by the words a statement uses', () => {
    expect(factExamples(dataset, { words: ['家庭医生'] }).map((e) => e.groups[0].id)).toEqual(['grp-b']);
    expect(factExamples(dataset, { words: ['坐诊'], fields: ['up'] })).toEqual([]);
    expect(factExamples(dataset, { fields: ['greenChannels'] }).map((e) => e.text)).toEqual(['设有转诊绿色通道。']);
  });

  it('links referral statements to the referral guide and others to the group page', () => {
    expect(factHref('up', 'g')).toBe('/groups/g/referral/');
    expect(factHref('greenChannels', 'g')).toBe('/groups/g/referral/');
    expect(factHref('services', 'g')).toBe('/groups/g/');
  });

  it('finds the groups with referral rules and merges identical advice on whom to ask', () => {
    expect(groupsWithFacts(dataset, ['up', 'down']).map((g) => g.id)).toEqual(['grp-a1', 'grp-a2']);
    expect(whoToAsk(dataset)).toEqual([{ text: '问村医。', groups: [dataset.groups[0], dataset.groups[1]] }]);
  });
});

describe('the guide stays one page at national size', () => {
  const dataset = fixtureSite();
  const example = (i: number, groups: number): FactExample => ({
    field: 'up',
    text: `第 ${i} 条`,
    source: dataset.groups[0].referral.up[0].source,
    groups: Array.from({ length: groups }, (_, k) => ({ ...dataset.groups[0], id: `g${i}-${k}`, name: `医共体${i}-${k}` })),
  });

  it('shows at most the limit of examples, the widest first, and counts the rest', () => {
    const many = Array.from({ length: GUIDE_LIMITS.examples + 5 }, (_, i) => example(i, i === 7 ? 3 : 1));
    const view = guideExamples(dataset, many);
    expect(view.total).toBe(many.length);
    expect(view.shown).toHaveLength(GUIDE_LIMITS.examples);
    expect(view.more).toBe(5);
    expect(view.shown[0].text).toBe('第 7 条');
  });

  it('names at most the limit of groups per example and says how many there are', () => {
    const wide = guideExamples(dataset, [example(1, GUIDE_LIMITS.groupsPerExample + 30)]).shown[0];
    expect(wide.groups.shown).toHaveLength(GUIDE_LIMITS.groupsPerExample);
    expect(wide.groups.more).toBe(30);
    expect(guideExamples(dataset, [example(2, 2)]).shown[0].groups).toEqual({ shown: expect.any(Array), more: 0 });
  });
});

describe('the guide page as a view', () => {
  it('lists every group’s referral guide by place, and words its examples and advice for rendering only', async () => {
    const { guidePage } = await import('../../src/views/guide');
    const { loadDataset } = await import('../../src/data/read-sources');
    const dataset = loadDataset(process.cwd());
    const view = guidePage(dataset);
    expect(view.referralGroups.shown.length + view.referralGroups.more).toBe(dataset.groups.length);
    // The real data has fewer groups than the list shows, so every group's guide is linked.
    expect(view.referralGroups.more).toBe(0);
    expect(view.referralGroups.shown.map((g) => g.href).sort()).toEqual(dataset.groups.map((g) => `/groups/${g.id}/referral/`).sort());
    expect(view.toc.map((s) => s.id)).toContain('green-channel');
    for (const a of view.advice.shown) for (const g of a.groups.shown) expect(g.href).toMatch(/^\/groups\/[a-z0-9-]+\/referral\/$/);
  });
});
