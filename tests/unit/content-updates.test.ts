import { describe, expect, it } from 'vitest';
import { groupPage } from '../../src/views/group';
import { regionPage } from '../../src/views/region';
import { updatesWithin } from '../../src/views/related';
import { fixtureSite } from '../fixtures/content-site';

const ids = (list: { href: string }[]) => list.map((u) => u.href.replace(/^\/updates\/|\/$/g, ''));
const SITE = 'https://example.org';

describe('updates on region and group pages', () => {
  const dataset = fixtureSite();
  const updatesFor = (about: { regionId: string } | { groupId: string }) =>
    'groupId' in about ? groupPage(dataset, about.groupId, SITE).updates : regionPage(dataset, about.regionId, SITE).updates;

  it('lists a county\'s updates newest first, including those tagged only with a group serving it', () => {
    expect(ids(updatesFor({ regionId: 'county-a' }))).toEqual(['u-new', 'u-old']);
    expect(ids(updatesFor({ regionId: 'county-b' }))).toEqual(['u-group']);
  });

  it('gathers the updates of every county below a prefecture, but not a prefecture\'s updates on a county page', () => {
    expect(ids(updatesFor({ regionId: 'city' }))).toEqual(['u-new', 'u-city', 'u-group', 'u-old']);
    expect(ids(updatesFor({ regionId: 'county-a' }))).not.toContain('u-city');
  });

  it('lists a group\'s updates only when the update names it', () => {
    expect(ids(updatesFor({ groupId: 'grp-a1' }))).toEqual(['u-new']);
    expect(ids(updatesFor({ groupId: 'grp-a2' }))).toEqual([]);
  });

  it('returns nothing for a region nobody wrote about', () => {
    expect(updatesWithin(dataset, 'nowhere')).toEqual([]);
  });
});
