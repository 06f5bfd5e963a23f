/**
 * Transitional: kept only for src/lib/finder-index.ts (reworked with the finder). Group rosters, stated counts and
 * lists by region are built by the page views (src/lib/views/group.ts, institution.ts).
 */
import type { Group } from '../schemas';
import type { Dataset } from './dataset';

/** Groups in the order editors list them (so 第一, 第二, 第三 stay in order), not by pinyin. */
export function inDataOrder(ds: Dataset, groups: readonly Group[]): Group[] {
  const index = (g: Group) => ds.groupOrder.get(g.id) ?? Number.MAX_SAFE_INTEGER;
  return [...groups].sort((a, b) => index(a) - index(b));
}
