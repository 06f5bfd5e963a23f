/** A group's member roster, the member counts the sources state, and lists grouped by region. Pure, over the Site. */
import type { Group, Institution, SourceRef } from '../schemas';
import { byName, regionPath, rosterFor, type Site } from './site';

export interface RosterRow {
  institution: Institution;
  role: 'lead' | 'member';
  note?: string;
}

/** The roster as a table shows it: the lead first, then named members in the order the data lists them. */
export function groupRoster(site: Site, group: Group): RosterRow[] {
  return rosterFor(site, group).filter((row) => row.institution !== undefined);
}

export interface StatedCount {
  /** The count as the source states it, e.g. "13 个镇卫生院". */
  label: string;
  /** How many the source states. */
  count: number;
  /** How many of that kind the data names (lead included). */
  named: number;
  source: SourceRef;
}

/** Stated member counts where the sources name fewer members of that kind than they count. */
export function unnamedMembers(site: Site, group: Group): StatedCount[] {
  const rows = groupRoster(site, group);
  return group.statedMembers
    .map((s) => ({ label: s.label, count: s.count, named: rows.filter((r) => r.institution.kind === s.kind).length, source: s.source }))
    .filter((s) => s.named < s.count);
}

/** Things placed in regions, bucketed by their region and ordered by the region's full path (province first). */
export function byRegion<T>(site: Site, items: T[], regionOf: (item: T) => string, order: (a: T, b: T) => number): { regionId: string; path: string[]; items: T[] }[] {
  const buckets = new Map<string, T[]>();
  for (const item of items) buckets.set(regionOf(item), [...(buckets.get(regionOf(item)) ?? []), item]);
  return [...buckets.entries()]
    .map(([regionId, list]) => ({ regionId, path: regionPath(site, regionId).map((r) => r.name), items: list.sort(order) }))
    .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/'), 'zh-CN'));
}

/** Groups in the order editors list them (so 第一, 第二, 第三 stay in order), not by pinyin. */
export function inDataOrder(site: Site, groups: Group[]): Group[] {
  const index = (g: Group) => site.groups.indexOf(g);
  return [...groups].sort((a, b) => index(a) - index(b));
}

/** Every group, bucketed by the region it serves, in the editors' order within a region. */
export function groupsByRegion(site: Site) {
  return byRegion(site, [...site.groups], (g) => g.region, (a, b) => site.groups.indexOf(a) - site.groups.indexOf(b));
}

/** Every institution, bucketed by the region where it stands. */
export function institutionsByRegion(site: Site) {
  return byRegion(site, [...site.institutions], (i) => i.region, byName);
}
