/**
 * Lookups over the site's data, built once per Site object and reused by every page of a build: at national scale
 * (tens of thousands of pages, hundreds of thousands of figures) a linear search per page and per row adds up.
 */
import type { Group, Indicator, Institution, Observation, Region } from '../schemas';
import type { DocumentEntry, Site } from './site';

export interface Lookup {
  regions: Map<string, Region>;
  groups: Map<string, Group>;
  institutions: Map<string, Institution>;
  indicators: Map<string, Indicator>;
  documents: Map<string, DocumentEntry>;
  byIndicator: Map<string, Observation[]>;
  /** Keyed `type:id`, e.g. `region:zizhong`. */
  bySubject: Map<string, Observation[]>;
  /** Each region's own id and the ids of every region above it. */
  ancestors: Map<string, Set<string>>;
}

const cache = new WeakMap<Site, Lookup>();

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

function groupBy<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const bucket = map.get(k);
    if (bucket) bucket.push(x);
    else map.set(k, [x]);
  }
  return map;
}

export function lookup(site: Site): Lookup {
  let found = cache.get(site);
  if (!found) {
    const regions = byId(site.regions);
    const ancestors = new Map<string, Set<string>>();
    for (const r of site.regions) {
      const chain = new Set<string>();
      for (let at: Region | undefined = r; at && !chain.has(at.id); at = at.parent ? regions.get(at.parent) : undefined) chain.add(at.id);
      ancestors.set(r.id, chain);
    }
    found = {
      regions,
      groups: byId(site.groups),
      institutions: byId(site.institutions),
      indicators: byId(site.indicators),
      documents: byId(site.documents),
      byIndicator: groupBy(site.observations, (o) => o.indicator),
      bySubject: groupBy(site.observations, (o) => `${o.subject.type}:${o.subject.id}`),
      ancestors,
    };
    cache.set(site, found);
  }
  return found;
}

/** Every figure reported for an indicator. */
export function observationsOfIndicator(site: Site, indicatorId: string): Observation[] {
  return lookup(site).byIndicator.get(indicatorId) ?? [];
}

/** Every figure about one subject. */
export function observationsOfSubject(site: Site, type: Observation['subject']['type'], id: string): Observation[] {
  return lookup(site).bySubject.get(`${type}:${id}`) ?? [];
}

/** True when `regionId` is `within` or lies below it. */
export function isWithin(site: Site, regionId: string, within: string): boolean {
  return lookup(site).ancestors.get(regionId)?.has(within) ?? false;
}
