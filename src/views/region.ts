/**
 * The region page and the tree of every region: exactly what each page shows. Pure.
 * A region page stays bounded at national size: it lists the groups serving it, its child regions with counts and
 * the institutions standing in the region itself (for a county, its hospitals and health centres), never every
 * institution of every county below a province.
 */
import type { Region } from '../schemas';
import { groupsIn, hasOwnPage, observationsOf, type Dataset } from '../data/dataset';
import { fullPlaceLabel, placeLabel, regionPageCrumbs, type Crumb } from './titles';
import { outcomesView, type OutcomesView } from './figures';
import { groupCard, type GroupCard } from './group';
import { documentItem, documentsWithin, updateItem, updatesWithin, type DocumentItem, type UpdateItem } from './related';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';
import { factLabel, factSource, GENERAL_FACT } from './general-facts';

export interface RegionCard {
  href: string;
  name: string;
  /** "县 · 2 个医共体或医疗集团 · 15 家医疗机构" */
  meta: string;
}

export interface RegionPageView {
  title: string;
  crumbs: Crumb[];
  searchRegion: string;
  name: string;
  /** "县 · 河南省洛阳市" */
  facts: string;
  aliases?: string;
  note?: string;
  /** Where the region's place in the tree comes from (the region tree is general knowledge, see /about/). */
  parentSource?: string;
  groups: GroupCard[];
  /** Groups of the city above that serve its urban area without the sources assigning this district to either. */
  areaGroups?: { heading: string; intro: string; groups: GroupCard[] };
  children: RegionCard[];
  /** Institutions standing in this region itself, by name; village clinics are only counted. */
  institutions: { href: string; name: string; kind: string }[];
  villageClinics?: string;
  outcomes?: OutcomesView;
  documents: DocumentItem[];
  updates: UpdateItem[];
  /** A county-level place with no group listed: no dead end. What to do now, and the nearest places that have one. */
  uncovered?: UncoveredView;
}

export interface UncoveredView {
  /** What the site knows, in a sentence: hospitals and health centres listed here, or that none are. */
  known: string;
  /** The parent region's other places with a group listed (the nearest covered places). */
  nearby: RegionCard[];
  /** The parent region, for when none of its places is covered. */
  parent?: { href: string; name: string };
  /** Whom to ask now: 12320 and 120, each with its source (data/references/, linked from /about/). */
  ask: string;
}

/** County-level kinds: the level a 医共体 serves. */
const COUNTY_LEVEL = new Set<Region['kind']>(['county', 'county-level-city', 'district']);

/** For a county-level place without a group: what is known, and the parent's places that have one (siblings only). */
function uncoveredView(dataset: Dataset, region: Region, institutions: number): UncoveredView {
  const parent = region.parent ? dataset.region.get(region.parent) : undefined;
  const siblings = parent ? (dataset.childRegions.get(parent.id) ?? []) : [];
  return {
    known: institutions ? tf('region.uncovered.institutions', { n: institutions }) : t('region.uncovered.nothing'),
    nearby: siblings.filter((c) => c.id !== region.id && groupsIn(dataset, c.id).length > 0).map((c) => childCard(dataset, c)),
    ...(parent ? { parent: { href: `/regions/${parent.id}/`, name: parent.name } } : {}),
    ask: tf('region.uncovered.ask', { hotline: factLabel(dataset, GENERAL_FACT.hotline, '全国卫生健康服务热线 12320'), emergency: factLabel(dataset, GENERAL_FACT.emergency, '急救电话 120') }),
  };
}

/** Institutions with a page of their own standing in a region or below it, and village clinics there. */
function institutionCounts(dataset: Dataset, regionId: string): { own: number; clinics: number } {
  let own = 0;
  let clinics = 0;
  for (const r of dataset.regionDescendants.get(regionId) ?? []) {
    for (const i of dataset.institutionsOfRegion.get(r) ?? []) {
      if (hasOwnPage(i)) own++;
      else clinics++;
    }
  }
  return { own, clinics };
}

function childCard(dataset: Dataset, c: Region): RegionCard {
  const groups = groupsIn(dataset, c.id).length;
  const { own } = institutionCounts(dataset, c.id);
  return {
    href: `/regions/${c.id}/`,
    name: c.name,
    meta: [
      t(`kind.region.${c.kind}`),
      ...(groups ? [tf('regions.groupCount', { n: groups })] : []),
      ...(own ? [tf('regions.institutionCount', { n: own })] : []),
    ].join(' · '),
  };
}

/** Whom the region tree comes from, as pages say it ("民政部；出处未核实"). */
function regionTreeSource(dataset: Dataset): string {
  const reference = dataset.reference.get(GENERAL_FACT.regionTree);
  return reference ? factSource(reference) : t('fact.unverified');
}

/** A district with no group of its own whose city's groups serve the urban area without assigning districts (Linyi's plan). */
function areaGroupsOf(dataset: Dataset, region: Region): Pick<RegionPageView, 'areaGroups'> {
  if (!region.parent || groupsIn(dataset, region.id).length) return {};
  const parent = dataset.region.get(region.parent);
  const groups = groupsIn(dataset, region.parent).filter((g) => g.region === region.parent && g.areaNote);
  if (!parent || !groups.length) return {};
  return {
    areaGroups: {
      heading: tf('region.areaGroups', { parent: parent.name }),
      // The groups' own words on the area they serve (Linyi's plan names the districts but assigns none).
      intro: tf('region.areaGroupsIntro', { note: [...new Set(groups.map((g) => g.areaNote))].join(''), name: region.name }),
      groups: groups.map((g) => groupCard(dataset, g)),
    },
  };
}

export function regionPage(dataset: Dataset, id: string, siteUrl: string | URL | undefined): RegionPageView {
  const region = dataset.region.get(id);
  if (!region) throw new Error(`no region "${id}"`);
  const standing = dataset.institutionsOfRegion.get(id) ?? [];
  const institutions = standing.filter(hasOwnPage);
  const clinics = standing.length - institutions.length;
  const groups = groupsIn(dataset, id);
  const area = areaGroupsOf(dataset, region);
  return {
    title: `${placeLabel(dataset, id)}：${t('region.titleSuffix')}`,
    crumbs: regionPageCrumbs(dataset, region),
    searchRegion: region.name,
    name: region.name,
    facts: t(`kind.region.${region.kind}`) + (region.parent ? ` · ${fullPlaceLabel(dataset, region.parent)}` : ''),
    ...(region.aliases.length ? { aliases: region.aliases.join('、') } : {}),
    ...(region.note ? { note: region.note } : {}),
    ...(region.parent ? { parentSource: tf('region.parentSource', { source: regionTreeSource(dataset) }) } : {}),
    groups: groups.map((g) => groupCard(dataset, g)),
    ...area,
    ...(groups.length === 0 && !area.areaGroups && COUNTY_LEVEL.has(region.kind) ? { uncovered: uncoveredView(dataset, region, institutions.length) } : {}),
    children: (dataset.childRegions.get(id) ?? []).map((c) => childCard(dataset, c)),
    institutions: institutions.map((i) => ({ href: `/institutions/${i.id}/`, name: i.name, kind: t(`kind.institution.${i.kind}`) })),
    ...(clinics ? { villageClinics: tf('institutions.villageClinics', { n: clinics }) } : {}),
    ...(observationsOf(dataset, 'region', id).length
      ? { outcomes: outcomesView(dataset, 'region', id, tf('region.outcomesCaption', { name: region.name }), siteUrl) }
      : {}),
    documents: documentsWithin(dataset, id).map(documentItem),
    updates: updatesWithin(dataset, id).map(updateItem),
  };
}

export interface RegionTreeNode {
  href: string;
  name: string;
  anchor: string;
  /** "县 · 2 个医共体或医疗集团" */
  meta: string;
  children: RegionTreeNode[];
}

/** Every region as a tree, provinces first by name, then their prefectures, then their counties. */
export function regionsIndex(dataset: Dataset): RegionTreeNode[] {
  const node = (r: Region, depth: number): RegionTreeNode => {
    const groups = groupsIn(dataset, r.id).length;
    return {
      href: `/regions/${r.id}/`,
      name: r.name,
      anchor: `region-${r.id}`,
      meta: t(`kind.region.${r.kind}`) + (groups > 0 ? ` · ${tf('regions.groupCount', { n: groups })}` : ''),
      // The page shows three levels: province, prefecture, county.
      children: depth < 2 ? (dataset.childRegions.get(r.id) ?? []).map((c) => node(c, depth + 1)) : [],
    };
  };
  return dataset.topRegions.map((r) => node(r, 0));
}
