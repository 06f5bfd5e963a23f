import { describe, expect, it } from 'vitest';
import { residentSite } from '../fixtures/resident-site';
import { inDataOrder } from '../../src/lib/roster';
import { groupsInRegion } from '../../src/lib/site';

// Rosters, stated counts and lists by region are the page views' work: tests/unit/views-resident.test.ts.
const site = residentSite();

describe('groups in the editors’ order', () => {
  it('restores data order after a sort by name', () => {
    expect(groupsInRegion(site, 'mengjin').map((g) => g.id)).toEqual(['second', 'first']);
    expect(inDataOrder(site, groupsInRegion(site, 'mengjin')).map((g) => g.id)).toEqual(['first', 'second']);
  });
});
