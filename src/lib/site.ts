/**
 * Transitional: the old whole-site helpers, now thin lookups into the indexed dataset (src/lib/dataset.ts).
 * Pages are moving to one view per route (src/lib/views/); new code should use the dataset directly.
 */
import type { Group, Institution, Observation, Region } from '../schemas';
import { byName, groupsIn, membershipsOf, observationsOf, pathOf, rosterOf, type Dataset, type DocumentEntry, type Membership, type UpdateEntry } from './dataset';

export type { DocumentEntry, UpdateEntry, Membership };
export type Site = Dataset;

export function regionById(site: Site, id: string): Region | undefined {
  return site.region.get(id);
}

/** The region and its ancestors, outermost first: 四川省 › 内江市 › 资中县. */
export function regionPath(site: Site, id: string): Region[] {
  return [...pathOf(site, id)];
}

/** Regions that have at least one group, document or figure of their own, or a descendant that does. */
export function regionsWithContent(site: Site): Region[] {
  const used = new Set<string>([
    ...site.groups.flatMap((g) => [g.region, ...g.coveredRegions]),
    ...site.documents.flatMap((d) => d.data.regions),
    ...[...site.observationsBySubject.keys()].filter((k) => k.startsWith('region:')).map((k) => k.slice('region:'.length)),
  ]);
  for (const id of [...used]) for (const r of pathOf(site, id)) used.add(r.id);
  return site.regions.filter((r) => used.has(r.id));
}

/** Groups serving a region (directly or as covered territory), or any region below it, by name. */
export function groupsInRegion(site: Site, regionId: string): Group[] {
  return [...groupsIn(site, regionId)].sort(byName);
}

export function groupsOfInstitution(site: Site, institutionId: string): Membership[] {
  return [...membershipsOf(site, institutionId)];
}

/** A group's roster: the lead first, then named members, each resolved to its institution. */
export function rosterFor(site: Site, group: Group): { institution: Institution; role: 'lead' | 'member'; note?: string }[] {
  return [...rosterOf(site, group.id)];
}

/** Figures about a subject. */
export function observationsFor(site: Site, type: Observation['subject']['type'], id: string): Observation[] {
  return [...observationsOf(site, type, id)];
}

/** Documents newest first. */
export function documentsNewestFirst(site: Site): DocumentEntry[] {
  return [...site.documents].sort((a, b) => b.data.date.localeCompare(a.data.date));
}

/** Updates newest first. */
export function updatesNewestFirst(site: Site): UpdateEntry[] {
  return [...site.updates].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}

/**
 * Updates about a region (tagged with it or a region below it, or with a group serving it) or about a group,
 * newest first. For region and group pages.
 */
export function updatesFor(site: Site, about: { regionId: string } | { groupId: string }): UpdateEntry[] {
  if ('groupId' in about) return [...(site.updatesOfGroup.get(about.groupId) ?? [])];
  const found = new Set<UpdateEntry>();
  for (const r of site.regionDescendants.get(about.regionId) ?? []) for (const u of site.updatesOfRegion.get(r) ?? []) found.add(u);
  for (const g of groupsIn(site, about.regionId)) for (const u of site.updatesOfGroup.get(g.id) ?? []) found.add(u);
  return [...found].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}

export { byName };
