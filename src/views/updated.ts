/**
 * "最后更新": when the data shown on a page last changed. Each data file's date (its last git commit, or its
 * modification time while it has uncommitted changes) is read once with the data (src/data/read-sources.ts); a page's
 * date is the newest date among the files that hold its entries. Dates are YYYY-MM-DD in China Standard Time.
 */
import type { Group, Indicator } from '../schemas';
import { observationsOf, observationsOfIndicator, rosterOf, updatedOf, type Dataset, type DatedCollection } from '../data/dataset';

const refs = (collection: DatedCollection, list: readonly { id: string }[]) => list.map((e) => ({ collection, id: e.id }));

/** When an indicator page's data last changed: the indicator and every figure reported for it. */
export function indicatorUpdated(dataset: Dataset, indicator: Indicator): string | undefined {
  return updatedOf(dataset, [{ collection: 'indicators', id: indicator.id }, ...refs('observations', observationsOfIndicator(dataset, indicator.id))]);
}

/** When a group page's data last changed: the group, its institutions and their figures. */
export function groupUpdated(dataset: Dataset, group: Group): string | undefined {
  const roster = rosterOf(dataset, group.id);
  return updatedOf(dataset, [
    { collection: 'groups', id: group.id },
    ...roster.map((m) => ({ collection: 'institutions' as const, id: m.institution.id })),
    ...refs('observations', observationsOf(dataset, 'group', group.id)),
    ...roster.flatMap((m) => refs('observations', observationsOf(dataset, 'institution', m.institution.id))),
  ]);
}

/** When anything in the data last changed. */
export function dataUpdated(dataset: Dataset): string | undefined {
  return dataset.dataUpdated;
}
