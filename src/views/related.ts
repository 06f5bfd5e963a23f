/** Short lists of documents and updates, and the region-wide lookups behind them, shared by the resident pages' views. */
import { groupsIn, type Dataset, type DocumentEntry, type UpdateEntry } from '../data/dataset';
import { formatDate } from './format';
import { t } from '../i18n/zh-CN';
import { statusTag, type StatusTag } from './claims';

/** A document as a related list shows it. */
export interface DocumentItem {
  href: string;
  title: string;
  /** "（政策文件，2020年6月23日）" */
  meta: string;
  summary: string;
  /** What the summary states (计划 / 已实行 / 报告数字), when the digest says. */
  status?: StatusTag;
}

/** An update as a related list shows it. */
export interface UpdateItem {
  href: string;
  title: string;
  date: string;
}

export const documentItem = (d: DocumentEntry): DocumentItem => ({
  href: `/documents/${d.id}/`,
  title: d.data.title,
  meta: `（${t(`kind.document.${d.data.type}`)}，${formatDate(d.data.date)}）`,
  summary: d.data.summary,
  ...(d.data.summaryStatus ? { status: statusTag(d.data.summaryStatus)! } : {}),
});

export const updateItem = (u: UpdateEntry): UpdateItem => ({ href: `/updates/${u.id}/`, title: u.data.title, date: formatDate(u.data.date) });

const newestFirst = <T extends { id: string; data: { date: string } }>(a: T, b: T) =>
  b.data.date.localeCompare(a.data.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Documents about a region or any region below it, newest first (a lookup per region below it). */
export function documentsWithin(dataset: Dataset, regionId: string): DocumentEntry[] {
  const found = new Set<DocumentEntry>();
  for (const r of dataset.regionDescendants.get(regionId) ?? []) for (const d of dataset.documentsOfRegion.get(r) ?? []) found.add(d);
  return [...found].sort(newestFirst);
}

/** Updates about a region: tagged with it or a region below it, or with a group serving it; newest first. */
export function updatesWithin(dataset: Dataset, regionId: string): UpdateEntry[] {
  const found = new Set<UpdateEntry>();
  for (const r of dataset.regionDescendants.get(regionId) ?? []) for (const u of dataset.updatesOfRegion.get(r) ?? []) found.add(u);
  for (const g of groupsIn(dataset, regionId)) for (const u of dataset.updatesOfGroup.get(g.id) ?? []) found.add(u);
  return [...found].sort(newestFirst);
}

/** Updates tagged with a group, newest first. */
export function updatesOfGroup(dataset: Dataset, groupId: string): readonly UpdateEntry[] {
  return dataset.updatesOfGroup.get(groupId) ?? [];
}
