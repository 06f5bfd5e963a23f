/** The indicator catalogue: indicators grouped by framework, and local indicators by the document they come from. */
import type { Indicator } from '../schemas';
import { framework as frameworkSchema, topic as topicSchema } from '../schemas';
import { observationsOfIndicator, type Dataset } from '../data/dataset';

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
export function figureCount(dataset: Dataset, indicatorId: string): number {
  return observationsOfIndicator(dataset, indicatorId).length;
}

/** Every framework, in catalogue order, with its indicators (file order kept: the national list's own order). */
export function catalogue(dataset: Dataset): FrameworkSection[] {
  const known = new Set(frameworkSchema.options);
  const byFramework = new Map<Framework, Indicator[]>(FRAMEWORK_ORDER.map((f) => [f, []]));
  for (const i of dataset.indicators) byFramework.get(i.framework)?.push(i);
  return FRAMEWORK_ORDER.filter((f) => known.has(f)).map((framework) => ({ framework, indicators: byFramework.get(framework)! }));
}

/** The document a local indicator comes from: its own source, else the source of its first figure. */
export function documentOfIndicator(dataset: Dataset, indicator: Indicator): string | undefined {
  return indicator.source?.document ?? observationsOfIndicator(dataset, indicator.id)[0]?.source.document;
}

/** Local indicators grouped by their document, documents newest first. */
export function localByDocument(dataset: Dataset, indicators: readonly Indicator[]): LocalGroup[] {
  const groups = new Map<string | undefined, Indicator[]>();
  for (const i of indicators) {
    const doc = documentOfIndicator(dataset, i);
    const list = groups.get(doc);
    if (list) list.push(i);
    else groups.set(doc, [i]);
  }
  const date = (id: string) => dataset.document.get(id)?.data.date ?? '';
  return [...groups.entries()]
    .map(([document, list]) => ({ document, indicators: list }))
    .sort((a, b) => (a.document === undefined ? 1 : b.document === undefined ? -1 : date(b.document).localeCompare(date(a.document)) || a.document.localeCompare(b.document)));
}

/** Topics in catalogue order; `other` holds indicators whose file names none. */
export type Topic = NonNullable<Indicator['topic']> | 'other';
export const TOPIC_ORDER: Topic[] = [...topicSchema.options, 'other'];

/** An indicator's topic for the filter. */
export function topicOf(indicator: Indicator): Topic {
  return indicator.topic ?? 'other';
}

export { LATEST_SHOWN, newerFirst } from '../data/indicator-index';

/** The catalogue's index: the dataset's own (src/data/indicator-index.ts). */
export const catalogueIndex = (dataset: Dataset) => dataset.indicatorIndex;

/** National indicators (not local) with at least one figure: the overview grid's columns, in catalogue order. */
export function gridIndicators(dataset: Dataset): Indicator[] {
  return catalogue(dataset)
    .flatMap((s) => s.indicators)
    .filter((i) => i.framework !== 'local' && dataset.indicatorIndex.facts.has(i.id));
}
