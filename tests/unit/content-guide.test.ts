import { describe, expect, it } from 'vitest';
import { factExamples, factHref, groupFacts, groupsWithFacts, whoToAsk } from '../../src/lib/guide';
import { fixtureSite } from '../fixtures/content-site';

describe('guide examples from the groups\' records', () => {
  const site = fixtureSite();

  it('reads services and every part of the referral guide, with their fields', () => {
    expect(groupFacts(site.groups[1]).map((f) => f.field)).toEqual(['benefits', 'greenChannels', 'down']);
  });

  it('shows a statement shared word for word by several groups once, naming all of them', () => {
    const [benefit, ...rest] = factExamples(site, { fields: ['benefits'] });
    expect(rest).toEqual([]);
    expect(benefit.groups.map((g) => g.id)).toEqual(['grp-a1', 'grp-a2']);
  });

  it('filters by field and by the words a statement uses', () => {
    expect(factExamples(site, { words: ['家庭医生'] }).map((e) => e.groups[0].id)).toEqual(['grp-b']);
    expect(factExamples(site, { words: ['坐诊'], fields: ['up'] })).toEqual([]);
    expect(factExamples(site, { fields: ['greenChannels'] }).map((e) => e.text)).toEqual(['设有转诊绿色通道。']);
  });

  it('links referral statements to the referral guide and others to the group page', () => {
    expect(factHref('up', 'g')).toBe('/groups/g/referral/');
    expect(factHref('greenChannels', 'g')).toBe('/groups/g/referral/');
    expect(factHref('services', 'g')).toBe('/groups/g/');
  });

  it('finds the groups with referral rules and merges identical advice on whom to ask', () => {
    expect(groupsWithFacts(site, ['up', 'down']).map((g) => g.id)).toEqual(['grp-a1', 'grp-a2']);
    expect(whoToAsk(site)).toEqual([{ text: '问村医。', groups: [site.groups[0], site.groups[1]] }]);
  });
});
