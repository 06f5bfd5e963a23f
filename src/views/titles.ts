/** Page titles and breadcrumbs that carry their context (region → group → institution). Pure, over the dataset. */
import type { Group, Institution, Region } from '../schemas';
import { membershipsOf, pathOf, type Dataset } from '../data/dataset';
import { t } from '../i18n/zh-CN';

export interface Crumb {
  label: string;
  href?: string;
}

export interface Link {
  href: string;
  label: string;
}

/** How a group's or an institution's page begins: its title and crumbs, the search scope, its name, kind and place. */
export interface PlacePageHead {
  title: string;
  description: string;
  crumbs: Crumb[];
  searchRegion: string;
  name: string;
  kind: string;
  region: Link;
}

/** A region as residents name it: prefecture and county ("洛阳市孟津县"); a province or a prefecture alone keeps its own name. */
export function placeLabel(dataset: Dataset, regionId: string): string {
  const path = pathOf(dataset, regionId);
  return (path.length > 1 ? path.slice(1) : path).map((r) => r.name).join('');
}

/** The full path of a region, province first ("河南省洛阳市孟津县"). */
export function fullPlaceLabel(dataset: Dataset, regionId: string): string {
  return pathOf(dataset, regionId)
    .map((r) => r.name)
    .join('');
}

const regionCrumbs = (dataset: Dataset, regionId: string): Crumb[] => pathOf(dataset, regionId).map((r) => ({ label: r.name, href: `/regions/${r.id}/` }));

/** Breadcrumbs of a region page: its ancestors linked, itself last. */
export function regionPageCrumbs(dataset: Dataset, region: Region): Crumb[] {
  return [...regionCrumbs(dataset, region.id).slice(0, -1), { label: region.name }];
}

/** Breadcrumbs of a group page, or (with `current`) of a page below it such as its referral guide. */
export function groupCrumbs(dataset: Dataset, group: Group, current?: string): Crumb[] {
  const own = { label: group.name, href: `/groups/${group.id}/` };
  return [...regionCrumbs(dataset, group.region), current ? own : { label: group.name }, ...(current ? [{ label: current }] : [])];
}

/** Breadcrumbs of an institution: region → its (first) group → itself. */
export function institutionCrumbs(dataset: Dataset, institution: Institution): Crumb[] {
  const first = membershipsOf(dataset, institution.id)[0]?.group;
  return first ? groupCrumbs(dataset, first, institution.name) : [...regionCrumbs(dataset, institution.region), { label: institution.name }];
}

/** "孟津县第一医疗卫生共同体 · 洛阳市孟津县" */
export function groupTitle(dataset: Dataset, group: Group): string {
  return `${group.name} · ${placeLabel(dataset, group.region)}`;
}

/** "麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县"; without a known group, name and place only. */
export function institutionTitle(dataset: Dataset, institution: Institution): string {
  // A membership read from the source, not stated by it, says so in the title too.
  const groups = membershipsOf(dataset, institution.id).map((m) => m.group.name + (m.inference ? `（${t('inference.label')}）` : ''));
  return [institution.name, groups.join('、'), placeLabel(dataset, institution.region)].filter(Boolean).join(' · ');
}
