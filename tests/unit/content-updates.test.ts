import { describe, expect, it } from 'vitest';
import { updatesFor } from '../../src/lib/site';
import { fixtureSite } from '../fixtures/content-site';

const ids = (list: { id: string }[]) => list.map((u) => u.id);

describe('updatesFor', () => {
  const site = fixtureSite();

  it('lists a county\'s updates newest first, including those tagged only with a group serving it', () => {
    expect(ids(updatesFor(site, { regionId: 'county-a' }))).toEqual(['u-new', 'u-old']);
    expect(ids(updatesFor(site, { regionId: 'county-b' }))).toEqual(['u-group']);
  });

  it('gathers the updates of every county below a prefecture, but not a prefecture\'s updates on a county page', () => {
    expect(ids(updatesFor(site, { regionId: 'city' }))).toEqual(['u-new', 'u-city', 'u-group', 'u-old']);
    expect(ids(updatesFor(site, { regionId: 'county-a' }))).not.toContain('u-city');
  });

  it('lists a group\'s updates only when the update names it', () => {
    expect(ids(updatesFor(site, { groupId: 'grp-a1' }))).toEqual(['u-new']);
    expect(ids(updatesFor(site, { groupId: 'grp-a2' }))).toEqual([]);
  });

  it('returns nothing for a region nobody wrote about', () => {
    expect(updatesFor(site, { regionId: 'nowhere' })).toEqual([]);
  });
});
