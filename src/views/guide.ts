/**
 * The guide's examples as the page shows them: each statement, the groups it applies to (linked) and its source.
 * The guide and the glossary are single pages about the whole country, so every list on them is capped: a few real
 * examples illustrate a rule, and the count of the rest says how many more there are (each group's own page has all).
 */
import type { Dataset } from '../data/dataset';
import { factHref, type FactExample } from './group-facts';
import { citeView, type CiteView } from './figures';

/** Examples shown per guide section, groups named per example, and entries per list on the guide and glossary. */
export const GUIDE_LIMITS = { examples: 12, groupsPerExample: 8, list: 40 } as const;

/** The first `limit` items and how many were left out. */
export interface Capped<T> {
  shown: T[];
  more: number;
}

export function capped<T>(list: readonly T[], limit: number): Capped<T> {
  return { shown: list.slice(0, limit), more: Math.max(0, list.length - limit) };
}

export interface GuideExampleView {
  text: string;
  groups: Capped<{ name: string; href: string }>;
  cite: CiteView;
}

/** At most `GUIDE_LIMITS.examples` examples (the ones recorded for the most groups first), each naming a few groups. */
export function guideExamples(dataset: Dataset, examples: readonly FactExample[]): Capped<GuideExampleView> & { total: number } {
  // Widest first: a statement shared by many groups says more about practice than one group's wording.
  const ranked = [...examples].sort((a, b) => b.groups.length - a.groups.length);
  const { shown, more } = capped(ranked, GUIDE_LIMITS.examples);
  return {
    total: examples.length,
    more,
    shown: shown.map((e) => ({
      text: e.text,
      groups: capped(
        e.groups.map((g) => ({ name: g.name, href: factHref(e.field, g.id) })),
        GUIDE_LIMITS.groupsPerExample,
      ),
      cite: citeView(dataset, e.source),
    })),
  };
}
