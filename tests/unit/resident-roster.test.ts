import { describe, expect, it } from 'vitest';
import { residentSite } from '../fixtures/resident-site';
import { groupRoster, groupsByRegion, inDataOrder, institutionsByRegion, unnamedMembers } from '../../src/lib/roster';
import {
  childRegions,
  documentsInRegion,
  documentsOfGroup,
  institutionsInRegion,
  topRegions,
} from '../../src/lib/related';
import { groupsInRegion, updatesFor } from '../../src/lib/site';

const site = residentSite();
const group = (id: string) => site.groups.find((g) => g.id === id)!;

describe('a group roster', () => {
  it('puts the lead first, then members in the order the data lists them, with their notes', () => {
    const rows = groupRoster(site, group('first'));
    expect(rows.map((r) => [r.institution.id, r.role])).toEqual([
      ['people', 'lead'],
      ['matun', 'member'],
      ['xiaolangdi', 'member'],
      ['mch', 'member'],
    ]);
    expect(rows[2].note).toBe('来源只写“小浪底”');
  });

  it('is empty when the sources name neither lead nor members', () => {
    expect(groupRoster(site, group('urban'))).toEqual([]);
  });
});

describe('stated member counts', () => {
  it('compares a stated count with the members named of that kind', () => {
    const [townships] = unnamedMembers(site, group('first'));
    expect(townships).toMatchObject({ label: '13 个镇卫生院', count: 13, named: 2 });
  });

  it('drops a stated count the named members already meet', () => {
    expect(unnamedMembers(site, group('first')).map((s) => s.label)).not.toContain('1 家妇幼保健院');
  });
});

describe('lists by region', () => {
  it('buckets groups by region, ordered by the full path, keeping the editors’ order inside a region', () => {
    const buckets = groupsByRegion(site);
    expect(buckets.map((b) => b.path.join(''))).toEqual(['河南省洛阳市', '河南省洛阳市孟津县']);
    expect(buckets[1].items.map((g) => g.id)).toEqual(['first', 'second']);
  });

  it('buckets institutions by the region where they stand', () => {
    const buckets = institutionsByRegion(site);
    expect(buckets.find((b) => b.regionId === 'yanshi')!.items.map((i) => i.id)).toEqual(['branch']);
    expect(buckets.flatMap((b) => b.items)).toHaveLength(site.institutions.length);
  });

  it('restores data order after a sort by name', () => {
    expect(inDataOrder(site, groupsInRegion(site, 'mengjin')).map((g) => g.id)).toEqual(['first', 'second']);
  });
});

describe('what belongs with a group or a region', () => {
  it('gives a group the documents cited anywhere in its record, newest first', () => {
    expect(documentsOfGroup(site, group('first')).map((d) => d.id)).toEqual(['news', 'plan']);
    expect(documentsOfGroup(site, group('second')).map((d) => d.id)).toEqual(['plan']);
  });

  it('gives a group the updates that name it', () => {
    expect(updatesFor(site, { groupId: 'first' }).map((u) => u.id)).toEqual(['u1']);
    expect(updatesFor(site, { groupId: 'second' })).toEqual([]);
  });

  it('gives a region the documents about it and about the regions below it', () => {
    expect(documentsInRegion(site, 'luoyang').map((d) => d.id)).toEqual(['news', 'plan']);
    expect(documentsInRegion(site, 'mengjin').map((d) => d.id)).toEqual(['plan']);
    expect(documentsInRegion(site, 'yanshi')).toEqual([]);
  });

  it('gives a region the updates about it, below it, or about its groups', () => {
    expect(updatesFor(site, { regionId: 'mengjin' }).map((u) => u.id)).toEqual(['u1']);
    expect(updatesFor(site, { regionId: 'henan' }).map((u) => u.id)).toEqual(['u2', 'u1']);
  });

  it('lists institutions, child regions and top regions', () => {
    expect(institutionsInRegion(site, 'luoyang')).toHaveLength(7);
    expect(institutionsInRegion(site, 'yanshi').map((i) => i.id)).toEqual(['branch']);
    expect(childRegions(site, 'luoyang').map((r) => r.id).sort()).toEqual(['mengjin', 'yanshi']);
    expect(topRegions(site).map((r) => r.id).sort()).toEqual(['henan', 'sichuan']);
  });
});
