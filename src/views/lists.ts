/**
 * The lists of every group and every institution. While a list is short it is one page; at national size (4,000
 * groups, 40,000 institutions) one page would weigh megabytes, so the list page names the provinces with their counts
 * and each province gets a page of its own under its region (`/regions/<province>/institutions/`). Pure.
 */
import type { Group, Institution } from '../schemas';
import { groupsIn, hasOwnPage, membershipsOf, newestFirst, type Dataset, type DocumentEntry } from '../data/dataset';
import { capped } from './capped';
import { provinceOfRegion } from '../data/subject';
import { byRegionPath, groupCard, type GroupCard, type RegionBucket } from './group';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

/** Entries one list page shows before the list splits by province. */
export const LIST_LIMIT = 400;

export type ListKind = 'groups' | 'institutions';

export interface InstitutionCard {
  href: string;
  name: string;
  meta: string;
}

export interface ProvinceLink {
  name: string;
  href: string;
  /** "312 个" */
  count: string;
}

/** Either every entry, by region, or the provinces with a page each. */
export type ListView<T> = { split: false; buckets: (RegionBucket<T> & { villageClinics?: string })[] } | { split: true; total: number; provinces: ProvinceLink[] };

export const provinceListHref = (kind: ListKind | 'documents', provinceId: string) => `/regions/${provinceId}/${kind}/`;


function institutionCard(dataset: Dataset, i: Institution): InstitutionCard {
  return {
    href: `/institutions/${i.id}/`,
    name: i.name,
    meta: [
      t(`kind.institution.${i.kind}`),
      ...membershipsOf(dataset, i.id).map((m) => m.group.name + (m.role === 'lead' ? `（${t('role.lead')}）` : '') + (m.inference ? `（${t('inference.label')}）` : '')),
    ].join(' · '),
  };
}

type Bucket<T> = RegionBucket<T> & { villageClinics?: string };

/** Institutions with a page in the given regions, by region; village clinics are counted per region. */
function institutionBuckets(dataset: Dataset, regionIds: Iterable<string>): Bucket<InstitutionCard>[] {
  const buckets = new Map<string, Institution[]>();
  for (const id of regionIds) {
    const list = dataset.institutionsOfRegion.get(id);
    if (list?.length) buckets.set(id, [...list]);
  }
  return byRegionPath(dataset, buckets).map((b) => {
    const own = b.items.filter(hasOwnPage);
    const clinics = b.items.length - own.length;
    return {
      href: `/regions/${b.regionId}/`,
      anchor: `region-${b.regionId}`,
      heading: b.heading,
      items: own.map((i) => institutionCard(dataset, i)),
      ...(clinics ? { villageClinics: tf('institutions.villageClinics', { n: clinics }) } : {}),
    };
  });
}

function groupBuckets(dataset: Dataset, groups: readonly Group[]): RegionBucket<GroupCard>[] {
  const buckets = new Map<string, Group[]>();
  for (const g of groups) {
    const list = buckets.get(g.region);
    if (list) list.push(g);
    else buckets.set(g.region, [g]);
  }
  return byRegionPath(dataset, buckets).map((b) => ({
    href: `/regions/${b.regionId}/`,
    anchor: `region-${b.regionId}`,
    heading: b.heading,
    items: b.items.map((g) => groupCard(dataset, g)),
  }));
}

/** How many entries of a kind each province holds (entries outside any known province are counted under their own top region). */
function countByProvince(dataset: Dataset, kind: ListKind): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (regionId: string, n: number) => {
    const p = provinceOfRegion(dataset, regionId);
    if (p && n) counts.set(p.id, (counts.get(p.id) ?? 0) + n);
  };
  if (kind === 'groups') for (const g of dataset.groups) add(g.region, 1);
  else for (const [regionId, list] of dataset.institutionsOfRegion) add(regionId, list.filter(hasOwnPage).length);
  return counts;
}

function listView<T>(dataset: Dataset, kind: ListKind, everything: () => RegionBucket<T>[], limit: number): ListView<T> {
  const counts = countByProvince(dataset, kind);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total <= limit) return { split: false, buckets: everything() };
  return {
    split: true,
    total,
    provinces: dataset.topRegions
      .filter((p) => counts.has(p.id))
      .map((p) => ({ name: p.name, href: provinceListHref(kind, p.id), count: tf(`list.count.${kind}`, { n: counts.get(p.id)! }) })),
  };
}

/** `/institutions/`: every institution with a page by region, or the provinces when that would be too long. */
export function institutionsIndex(dataset: Dataset, limit = LIST_LIMIT): ListView<InstitutionCard> {
  return listView(dataset, 'institutions', () => institutionBuckets(dataset, dataset.institutionsOfRegion.keys()), limit);
}

/** `/groups/`: every group by the region it serves, or the provinces when that would be too long. */
export function groupsIndex(dataset: Dataset, limit = LIST_LIMIT): ListView<GroupCard> {
  return listView(dataset, 'groups', () => groupBuckets(dataset, dataset.groups), limit);
}

/** The provinces that get a list page of their own (none while the whole list fits one page). */
export function provinceListPaths(dataset: Dataset, kind: ListKind, limit = LIST_LIMIT): string[] {
  const counts = countByProvince(dataset, kind);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return total <= limit ? [] : dataset.topRegions.filter((p) => counts.has(p.id)).map((p) => p.id);
}

export interface ProvinceListView<T> {
  title: string;
  province: { name: string; href: string };
  buckets: (RegionBucket<T> & { villageClinics?: string })[];
}

/** `/regions/<province>/groups/` or `/regions/<province>/institutions/`: one province's part of a list. */
export function provinceList(dataset: Dataset, kind: 'institutions', provinceId: string): ProvinceListView<InstitutionCard> | undefined;
export function provinceList(dataset: Dataset, kind: 'groups', provinceId: string): ProvinceListView<GroupCard> | undefined;
export function provinceList(dataset: Dataset, kind: ListKind, provinceId: string): ProvinceListView<InstitutionCard | GroupCard> | undefined {
  const province = dataset.region.get(provinceId);
  if (!province) return undefined;
  const buckets =
    kind === 'institutions'
      ? institutionBuckets(dataset, dataset.regionDescendants.get(provinceId) ?? [provinceId])
      : groupBuckets(dataset, groupsIn(dataset, provinceId));
  return {
    title: tf(`list.provinceTitle.${kind}`, { province: province.name }),
    province: { name: province.name, href: `/regions/${province.id}/` },
    buckets,
  };
}

/** Documents the documents index shows in full before it sends readers to a page per province. */
export const DOCUMENT_LIMIT = 50;

export interface DocumentsIndexView {
  /** The newest documents, in full. */
  newest: DocumentEntry[];
  /** How many older documents are not on the page. */
  more: number;
  /** Where the older ones are: a page per province (empty while every document fits). */
  provinces: ProvinceLink[];
}

/** `/documents/`: the newest documents, and at national size a page per province for the rest. */
export function documentsIndex(dataset: Dataset, limit = DOCUMENT_LIMIT): DocumentsIndexView {
  const all = [...dataset.documents].sort(newestFirst);
  const { shown, more } = capped(all, limit);
  const byProvince = more > 0 ? dataset.documentsOfProvince : new Map<string, DocumentEntry[]>();
  return {
    newest: shown,
    more,
    provinces: dataset.topRegions
      .filter((p) => byProvince.has(p.id))
      .map((p) => ({ name: p.name, href: provinceListHref('documents', p.id), count: tf('list.count.documents', { n: byProvince.get(p.id)!.length }) })),
  };
}

/** Provinces with a documents page of their own (none while every document fits on /documents/). */
export function provinceDocumentPaths(dataset: Dataset, limit = DOCUMENT_LIMIT): string[] {
  return dataset.documents.length <= limit ? [] : [...dataset.documentsOfProvince.keys()];
}

/** `/regions/<province>/documents/`: every document about a place in the province, newest first. */
export function provinceDocuments(dataset: Dataset, provinceId: string): { title: string; province: { name: string; href: string }; documents: readonly DocumentEntry[] } | undefined {
  const province = dataset.region.get(provinceId);
  if (!province) return undefined;
  return {
    title: tf('list.provinceTitle.documents', { province: province.name }),
    province: { name: province.name, href: `/regions/${province.id}/` },
    documents: dataset.documentsOfProvince.get(provinceId) ?? [],
  };
}
