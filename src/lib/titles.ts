/** Page titles and breadcrumbs that carry their context (region → group → institution). Pure, over the Site. */
import type { Group, Institution, Region } from '../schemas';
import { groupsOfInstitution, regionPath, type Site } from './site';

export interface Crumb {
  label: string;
  href?: string;
}

/** A region as residents name it: prefecture and county ("洛阳市孟津县"); a province or a prefecture alone keeps its own name. */
export function placeLabel(site: Site, regionId: string): string {
  const path = regionPath(site, regionId);
  return (path.length > 1 ? path.slice(1) : path).map((r) => r.name).join('');
}

/** The full path of a region, province first ("河南省洛阳市孟津县"). */
export function fullPlaceLabel(site: Site, regionId: string): string {
  return regionPath(site, regionId)
    .map((r) => r.name)
    .join('');
}

const regionCrumbs = (site: Site, regionId: string): Crumb[] => regionPath(site, regionId).map((r) => ({ label: r.name, href: `/regions/${r.id}/` }));

/** Breadcrumbs of a region page: its ancestors linked, itself last. */
export function regionPageCrumbs(site: Site, region: Region): Crumb[] {
  return [...regionCrumbs(site, region.id).slice(0, -1), { label: region.name }];
}

/** Breadcrumbs of a group page, or (with `current`) of a page below it such as its referral guide. */
export function groupCrumbs(site: Site, group: Group, current?: string): Crumb[] {
  const own = { label: group.name, href: `/groups/${group.id}/` };
  return [...regionCrumbs(site, group.region), current ? own : { label: group.name }, ...(current ? [{ label: current }] : [])];
}

/** Breadcrumbs of an institution: region → its (first) group → itself. */
export function institutionCrumbs(site: Site, institution: Institution): Crumb[] {
  const first = groupsOfInstitution(site, institution.id)[0]?.group;
  const base = first ? groupCrumbs(site, first, institution.name) : [...regionCrumbs(site, institution.region), { label: institution.name }];
  return base;
}

/** "孟津县第一医疗卫生共同体 · 洛阳市孟津县" */
export function groupTitle(site: Site, group: Group): string {
  return `${group.name} · ${placeLabel(site, group.region)}`;
}

/** "麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县"; without a known group, name and place only. */
export function institutionTitle(site: Site, institution: Institution): string {
  const groups = groupsOfInstitution(site, institution.id).map((m) => m.group.name);
  return [institution.name, groups.join('、'), placeLabel(site, institution.region)].filter(Boolean).join(' · ');
}
