/**
 * Transitional: the old whole-site helpers, now thin lookups into the indexed dataset (src/lib/dataset.ts).
 * Pages are moving to one view per route (src/lib/views/); new code should use the dataset directly.
 */
import type { Group, Institution, Region } from '../schemas';
import { byName, groupsIn, membershipsOf, rosterOf, type Dataset, type DocumentEntry, type Membership, type UpdateEntry } from './dataset';

export type { DocumentEntry, UpdateEntry, Membership };
export type Site = Dataset;

export function regionById(site: Site, id: string): Region | undefined {
  return site.region.get(id);
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

/** Documents newest first. */
export function documentsNewestFirst(site: Site): DocumentEntry[] {
  return [...site.documents].sort((a, b) => b.data.date.localeCompare(a.data.date));
}

/** Updates newest first. */
export function updatesNewestFirst(site: Site): UpdateEntry[] {
  return [...site.updates].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}

export { byName };
