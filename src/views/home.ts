/** The home page's lists: every group, the regions with content, the newest updates. Pure. (The finder has its own data.) */
import type { Region } from '../schemas';
import { pathOf, type Dataset } from '../data/dataset';
import { t } from '../i18n/zh-CN';
import { groupsByRegion } from './group';
import { updateItem, type UpdateItem } from './related';
import { capped, type Capped } from './capped';

/** Groups and regions the home page names before linking to the full lists (which split by province at national size). */
export const HOME_LIMIT = 24;

export interface HomeCard {
  href: string;
  name: string;
  meta: string;
}

export interface HomePageView {
  groups: Capped<HomeCard> & { total: number };
  regions: Capped<HomeCard>;
  updates: UpdateItem[];
}

/** Regions that have at least one group, document or figure of their own, or a descendant that does. */
function regionsWithContent(dataset: Dataset): Region[] {
  const used = new Set<string>();
  const add = (id: string) => {
    for (const r of pathOf(dataset, id)) used.add(r.id);
  };
  for (const g of dataset.groups) for (const r of [g.region, ...g.coveredRegions]) add(r);
  for (const d of dataset.documents) for (const r of d.data.regions) add(r);
  for (const o of dataset.observations) if (o.subject.type === 'region') add(o.subject.id);
  return dataset.regions.filter((r) => used.has(r.id));
}

const regionNames = (regions: readonly Region[]) => regions.map((r) => r.name).join('');

export function homePage(dataset: Dataset, newestUpdates = 5, limit = HOME_LIMIT): HomePageView {
  // By region (province first), editors' order inside a region, so 第一, 第二, 第三 stay in order.
  const groups = capped(groupsByRegion(dataset).flatMap((b) => b.items), limit);
  const regions = capped(regionsWithContent(dataset).filter((r) => r.kind !== 'province'), limit);
  return {
    groups: {
      total: dataset.groups.length,
      more: groups.more,
      shown: groups.shown.map((g) => ({ href: `/groups/${g.id}/`, name: g.name, meta: `${t(`kind.group.${g.kind}`)} · ${regionNames(pathOf(dataset, g.region).slice(1))}` })),
    },
    regions: {
      more: regions.more,
      shown: regions.shown.map((r) => ({
        href: `/regions/${r.id}/`,
        name: r.name,
        meta: t(`kind.region.${r.kind}`) + (r.parent ? ` · ${regionNames(pathOf(dataset, r.id).slice(0, -1))}` : ''),
      })),
    },
    updates: [...dataset.updates]
      .sort((a, b) => b.data.date.localeCompare(a.data.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, newestUpdates)
      .map(updateItem),
  };
}
