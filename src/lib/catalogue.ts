/** The indicator catalogue: indicators grouped by framework, and local indicators by the document they come from. */
import type { Indicator } from '../schemas';
import { framework as frameworkSchema } from '../schemas';
import { observationsOfIndicator, type Dataset } from './dataset';

export type Framework = Indicator['framework'];

/** Order on the catalogue page: the current national set first, local indicators last. */
export const FRAMEWORK_ORDER: Framework[] = ['nhc-2024', 'nhc-2020', 'tiered-care-goals', 'earlier-monitoring', 'urban-group-pilot', 'local'];

export interface FrameworkSection {
  framework: Framework;
  indicators: Indicator[];
}

export interface LocalGroup {
  /** Document id, or undefined for local indicators with no document of their own. */
  document?: string;
  indicators: Indicator[];
}

/** How many figures the site holds for an indicator. */
export function figureCount(ds: Dataset, indicatorId: string): number {
  return observationsOfIndicator(ds, indicatorId).length;
}

/** Every framework, in catalogue order, with its indicators (file order kept: the national list's own order). */
export function catalogue(ds: Dataset): FrameworkSection[] {
  const known = new Set(frameworkSchema.options);
  const byFramework = new Map<Framework, Indicator[]>(FRAMEWORK_ORDER.map((f) => [f, []]));
  for (const i of ds.indicators) byFramework.get(i.framework)?.push(i);
  return FRAMEWORK_ORDER.filter((f) => known.has(f)).map((framework) => ({ framework, indicators: byFramework.get(framework)! }));
}

/** The document a local indicator comes from: its own source, else the source of its first figure. */
export function documentOfIndicator(ds: Dataset, indicator: Indicator): string | undefined {
  return indicator.source?.document ?? observationsOfIndicator(ds, indicator.id)[0]?.source.document;
}

/** Local indicators grouped by their document, documents newest first. */
export function localByDocument(ds: Dataset, indicators: readonly Indicator[]): LocalGroup[] {
  const groups = new Map<string | undefined, Indicator[]>();
  for (const i of indicators) {
    const doc = documentOfIndicator(ds, i);
    const list = groups.get(doc);
    if (list) list.push(i);
    else groups.set(doc, [i]);
  }
  const date = (id: string) => ds.document.get(id)?.data.date ?? '';
  return [...groups.entries()]
    .map(([document, list]) => ({ document, indicators: list }))
    .sort((a, b) => (a.document === undefined ? 1 : b.document === undefined ? -1 : date(b.document).localeCompare(date(a.document)) || a.document.localeCompare(b.document)));
}
