/** The guide's examples as the page shows them: each statement, the groups it applies to (linked) and its source. */
import type { Dataset } from '../dataset';
import { factHref, type FactExample } from '../guide';
import { citeView, type CiteView } from './figures';

export interface GuideExampleView {
  text: string;
  groups: { name: string; href: string }[];
  cite: CiteView;
}

export function guideExamples(ds: Dataset, examples: readonly FactExample[]): GuideExampleView[] {
  return examples.map((e) => ({
    text: e.text,
    groups: e.groups.map((g) => ({ name: g.name, href: factHref(e.field, g.id) })),
    cite: citeView(ds, e.source),
  }));
}
