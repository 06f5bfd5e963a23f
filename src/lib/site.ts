/**
 * The whole site's data as plain values, and the derivations pages need. No Astro imports: tests call these
 * directly with fixture data (getCollection() is empty inside vitest).
 */
import type { Region, Institution, Group, Indicator, Observation, DocumentMeta, UpdateMeta, Correction } from '../schemas';

export interface DocumentEntry {
  id: string;
  data: DocumentMeta;
}
export interface UpdateEntry {
  id: string;
  data: UpdateMeta;
}

export interface Site {
  regions: Region[];
  institutions: Institution[];
  groups: Group[];
  indicators: Indicator[];
  observations: Observation[];
  documents: DocumentEntry[];
  updates: UpdateEntry[];
  /** Published corrections of figures (see src/lib/corrections.ts); optional so older fixtures stay valid. */
  corrections?: Correction[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

export function regionById(site: Site, id: string): Region | undefined {
  return site.regions.find((r) => r.id === id);
}

/** The region and its ancestors, outermost first: 四川省 › 内江市 › 资中县. */
export function regionPath(site: Site, id: string): Region[] {
  const path: Region[] = [];
  // Stops at a region already on the path: validation rejects a loop, but a walk must never hang on one.
  for (let r = regionById(site, id); r && !path.includes(r); r = r.parent ? regionById(site, r.parent) : undefined) path.unshift(r);
  return path;
}

/** Regions that have at least one group, document or figure of their own, or a descendant that does. */
export function regionsWithContent(site: Site): Region[] {
  const used = new Set<string>([
    ...site.groups.flatMap((g) => [g.region, ...g.coveredRegions]),
    ...site.documents.flatMap((d) => d.data.regions),
    ...site.observations.filter((o) => o.subject.type === 'region').map((o) => o.subject.id),
  ]);
  for (const id of [...used]) for (const r of regionPath(site, id)) used.add(r.id);
  return site.regions.filter((r) => used.has(r.id));
}

/** Groups serving a region (directly or as covered territory), or any region below it. */
export function groupsInRegion(site: Site, regionId: string): Group[] {
  return site.groups
    .filter((g) => [g.region, ...g.coveredRegions].some((r) => regionPath(site, r).some((p) => p.id === regionId)))
    .sort(byName);
}

/** The groups an institution belongs to, with its role in each. */
export interface Membership {
  group: Group;
  role: 'lead' | 'member';
  note?: string;
}

export function groupsOfInstitution(site: Site, institutionId: string): Membership[] {
  return site.groups.flatMap((group): Membership[] => {
    if (group.lead === institutionId) return [{ group, role: 'lead' }];
    const member = group.members.find((m) => m.institution === institutionId);
    return member ? [{ group, role: 'member', note: member.note }] : [];
  });
}

/** A group's roster: the lead first, then named members, each resolved to its institution. */
export function rosterFor(site: Site, group: Group): { institution: Institution; role: 'lead' | 'member'; note?: string }[] {
  const find = (id: string) => site.institutions.find((i) => i.id === id)!;
  return [
    ...(group.lead ? [{ institution: find(group.lead), role: 'lead' as const }] : []),
    ...group.members.map((m) => ({ institution: find(m.institution), role: 'member' as const, note: m.note })),
  ];
}

/** Figures about a subject. */
export function observationsFor(site: Site, type: Observation['subject']['type'], id: string): Observation[] {
  return site.observations.filter((o) => o.subject.type === type && o.subject.id === id);
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
  if ('groupId' in about) return updatesNewestFirst(site).filter((u) => u.data.groups.includes(about.groupId));
  const within = (id: string) => regionPath(site, id).some((r) => r.id === about.regionId);
  const groupsHere = new Set(groupsInRegion(site, about.regionId).map((g) => g.id));
  return updatesNewestFirst(site).filter((u) => u.data.regions.some(within) || u.data.groups.some((g) => groupsHere.has(g)));
}

export { byName };
