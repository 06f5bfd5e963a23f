/** The indicator catalogue: indicators grouped by framework, and local indicators by the document they come from. */
import type { Indicator } from '../schemas';
import { framework as frameworkSchema } from '../schemas';
import type { Site } from './site';
import { observationsOfIndicator } from './lookup';

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
export function figureCount(site: Site, indicatorId: string): number {
  return observationsOfIndicator(site, indicatorId).length;
}

/** Every framework, in catalogue order, with its indicators (file order kept: the national list's own order). */
export function catalogue(site: Site): FrameworkSection[] {
  const known = new Set(frameworkSchema.options);
  return FRAMEWORK_ORDER.filter((f) => known.has(f)).map((framework) => ({ framework, indicators: site.indicators.filter((i) => i.framework === framework) }));
}

/** The document a local indicator comes from: its own source, else the source of its first figure. */
export function documentOfIndicator(site: Site, indicator: Indicator): string | undefined {
  return indicator.source?.document ?? observationsOfIndicator(site, indicator.id)[0]?.source.document;
}

/** Local indicators grouped by their document, documents newest first. */
export function localByDocument(site: Site, indicators: Indicator[]): LocalGroup[] {
  const groups = new Map<string | undefined, Indicator[]>();
  for (const i of indicators) {
    const doc = documentOfIndicator(site, i);
    groups.set(doc, [...(groups.get(doc) ?? []), i]);
  }
  const date = (id?: string) => site.documents.find((d) => d.id === id)?.data.date ?? '';
  return [...groups.entries()]
    .map(([document, list]) => ({ document, indicators: list }))
    .sort((a, b) => (a.document === undefined ? 1 : b.document === undefined ? -1 : date(b.document).localeCompare(date(a.document)) || a.document.localeCompare(b.document)));
}
