/** Transitional: the old lookup API over the indexed dataset (src/lib/dataset.ts). */
import type { Group, Indicator, Institution, Observation, Region } from '../schemas';
import type { Dataset, DocumentEntry } from './dataset';
import { isWithin as within, observationsOf, observationsOfIndicator as ofIndicator } from './dataset';

export interface Lookup {
  regions: ReadonlyMap<string, Region>;
  groups: ReadonlyMap<string, Group>;
  institutions: ReadonlyMap<string, Institution>;
  indicators: ReadonlyMap<string, Indicator>;
  documents: ReadonlyMap<string, DocumentEntry>;
}

export function lookup(site: Dataset): Lookup {
  return { regions: site.region, groups: site.group, institutions: site.institution, indicators: site.indicator, documents: site.document };
}

/** Every figure reported for an indicator. */
export function observationsOfIndicator(site: Dataset, indicatorId: string): Observation[] {
  return [...ofIndicator(site, indicatorId)];
}

/** Every figure about one subject. */
export function observationsOfSubject(site: Dataset, type: Observation['subject']['type'], id: string): Observation[] {
  return [...observationsOf(site, type, id)];
}

/** True when `regionId` is `within` or lies below it. */
export function isWithin(site: Dataset, regionId: string, withinId: string): boolean {
  return within(site, regionId, withinId);
}
