/** What belongs with a region or a group: documents, updates, institutions, child regions. Pure, over the Site. */
import type { Group, Institution, Region, SourceRef } from '../schemas';
import { byName, regionPath, type DocumentEntry, type Site } from './site';

const newestDocFirst = (a: DocumentEntry, b: DocumentEntry) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id);

/** True when `regionId` is `ancestorId` or lies below it. */
export function isWithin(site: Site, regionId: string, ancestorId: string): boolean {
  return regionPath(site, regionId).some((r) => r.id === ancestorId);
}

/** Every source reference a group's record makes: its sources, stated counts, services and referral points. */
export function sourceRefsOfGroup(group: Group): SourceRef[] {
  const r = group.referral;
  return [
    ...group.sources,
    ...group.statedMembers.map((s) => s.source),
    ...group.services.map((s) => s.source),
    ...[...r.up, ...r.down, ...r.benefits, ...r.greenChannels, ...r.staysLocal].map((s) => s.source),
  ];
}

/** Documents cited by a group's record, newest first. */
export function documentsOfGroup(site: Site, group: Group): DocumentEntry[] {
  const ids = new Set(sourceRefsOfGroup(group).map((s) => s.document));
  return site.documents.filter((d) => ids.has(d.id)).sort(newestDocFirst);
}

/** Documents cited by an institution's record, newest first. */
export function documentsOfInstitution(site: Site, institution: Institution): DocumentEntry[] {
  const ids = new Set([...institution.sources, ...institution.services.map((s) => s.source)].map((s) => s.document));
  return site.documents.filter((d) => ids.has(d.id)).sort(newestDocFirst);
}

/** Documents about the region or any region below it, newest first. */
export function documentsInRegion(site: Site, regionId: string): DocumentEntry[] {
  return site.documents.filter((d) => d.data.regions.some((r) => isWithin(site, r, regionId))).sort(newestDocFirst);
}

/** Institutions standing in the region or any region below it, by name. */
export function institutionsInRegion(site: Site, regionId: string): Institution[] {
  return site.institutions.filter((i) => isWithin(site, i.region, regionId)).sort(byName);
}

/** Regions directly below this one, by name. */
export function childRegions(site: Site, regionId: string): Region[] {
  return site.regions.filter((r) => r.parent === regionId).sort(byName);
}

/** Regions with no parent (provinces), by name. */
export function topRegions(site: Site): Region[] {
  return site.regions.filter((r) => !r.parent || !site.regions.some((p) => p.id === r.parent)).sort(byName);
}
