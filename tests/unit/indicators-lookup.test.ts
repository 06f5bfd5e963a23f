import { describe, expect, it } from 'vitest';
import { isWithin, lookup, observationsOfIndicator, observationsOfSubject } from '../../src/lib/lookup';
import { fixtureSite } from './indicators-fixture';

describe('lookups built once per site', () => {
  const site = fixtureSite();

  it('finds figures by indicator and by subject', () => {
    expect(observationsOfIndicator(site, 'rules').map((o) => o.id)).toEqual(['rules-before', 'rules-now', 'fee-low', 'fee-high', 'member-trainings']);
    expect(observationsOfSubject(site, 'region', 'county-a').map((o) => o.id)).toEqual(['a-rate', 'rules-before', 'rules-now']);
    expect(observationsOfSubject(site, 'group', 'nowhere')).toEqual([]);
  });

  it('knows which regions lie within which', () => {
    expect(isWithin(site, 'county-a', 'city')).toBe(true);
    expect(isWithin(site, 'county-a', 'prov')).toBe(true);
    expect(isWithin(site, 'county-a', 'county-a')).toBe(true);
    expect(isWithin(site, 'city', 'county-a')).toBe(false);
  });

  it('is reused for the same site and rebuilt for another', () => {
    expect(lookup(site)).toBe(lookup(site));
    expect(lookup(fixtureSite())).not.toBe(lookup(site));
  });
});
