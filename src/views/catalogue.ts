/** The indicator catalogue: indicators grouped by framework, and local indicators by the document they come from. */
import type { Indicator, Observation } from '../schemas';
import { framework as frameworkSchema, topic as topicSchema } from '../schemas';
import { observationsOfIndicator, pathOf, subjectKey, subjectName, type Dataset, type Subject } from '../data/dataset';
import { periodEndDate } from '../data/period';
import { provinceOfSubject } from '../data/subject';

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

/** Most figures the catalogue shows per indicator; the rest are on the indicator's page. */
export const LATEST_SHOWN = 3;

/** Whether one figure is newer than another for "latest values": later period, then actual before target or baseline, a place's own value before an aggregate. */
export function newerFirst(a: Observation, b: Observation): number {
  const kind = (o: Observation) => (o.kind === 'actual' ? 0 : 1);
  const own = (o: Observation) => ((o.statistic ?? 'value') === 'value' ? 0 : 1);
  return periodEndDate(b.period).localeCompare(periodEndDate(a.period)) || kind(a) - kind(b) || own(a) - own(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What the catalogue knows about one indicator's figures, gathered in one pass over the data. */
export interface IndicatorFacts {
  figures: number;
  /** Distinct places (regions, groups, institutions) with any figure. */
  places: number;
  /** Top regions (provinces) of those places, by id. */
  provinces: Set<string>;
  /** The newest few figures (see `newerFirst`). */
  latest: Observation[];
}

export interface CatalogueIndex {
  facts: ReadonlyMap<string, IndicatorFacts>;
  /** Indicators with figures in each province, by province id. */
  indicatorsOfProvince: ReadonlyMap<string, ReadonlySet<string>>;
  /** The newest few figures of an indicator within one province, keyed `province|indicator`: a province's page shows its own. */
  latestInProvince: ReadonlyMap<string, readonly Observation[]>;
  /** An indicator's figures and places within one province, keyed `province|indicator`: a province's page counts its own. */
  reachInProvince: ReadonlyMap<string, { figures: number; places: number }>;
  /** Places with an own figure for a national indicator, by province id ('' for places outside the region tree), by name. */
  gridPlaces: ReadonlyMap<string, readonly Subject[]>;
  /** National indicators (not local) with at least one figure: the overview grid's columns, in catalogue order. */
  gridIndicators: readonly Indicator[];
}

const built = new WeakMap<Dataset, CatalogueIndex>();

/**
 * The catalogue's indexes, built once per dataset in one pass over the figures (at national size ~20,000 per indicator):
 * every catalogue page afterwards is lookups.
 */
export function catalogueIndex(dataset: Dataset): CatalogueIndex {
  const cached = built.get(dataset);
  if (cached) return cached;
  const facts = new Map<string, IndicatorFacts & { placeKeys: Set<string> }>();
  const indicatorsOfProvince = new Map<string, Set<string>>();
  const national = new Set(dataset.indicators.filter((i) => i.framework !== 'local').map((i) => i.id));
  const gridKeys = new Map<string, Map<string, Subject>>();
  const provinceCache = new Map<string, string | undefined>();
  const latestInProvince = new Map<string, Observation[]>();
  const reachInProvince = new Map<string, { figures: number; placeKeys: Set<string> }>();
  for (const o of dataset.observations) {
    const key = subjectKey(o.subject.type, o.subject.id);
    if (!provinceCache.has(key)) provinceCache.set(key, provinceOfSubject(dataset, o.subject));
    const province = provinceCache.get(key);
    let f = facts.get(o.indicator);
    if (!f) facts.set(o.indicator, (f = { figures: 0, places: 0, provinces: new Set(), latest: [], placeKeys: new Set() }));
    f.figures++;
    f.placeKeys.add(key);
    if (province) {
      const inProvince = `${province}|${o.indicator}`;
      let reach = reachInProvince.get(inProvince);
      if (!reach) reachInProvince.set(inProvince, (reach = { figures: 0, placeKeys: new Set() }));
      reach.figures++;
      reach.placeKeys.add(key);
      const newest = latestInProvince.get(inProvince);
      if (!newest) latestInProvince.set(inProvince, [o]);
      else {
        newest.push(o);
        if (newest.length > LATEST_SHOWN) newest.sort(newerFirst).pop();
      }
      f.provinces.add(province);
      let set = indicatorsOfProvince.get(province);
      if (!set) indicatorsOfProvince.set(province, (set = new Set()));
      set.add(o.indicator);
    }
    // Keep the newest few without sorting all of an indicator's figures.
    f.latest.push(o);
    if (f.latest.length > LATEST_SHOWN) f.latest.sort(newerFirst).pop();
    if (national.has(o.indicator)) {
      let places = gridKeys.get(province ?? '');
      if (!places) gridKeys.set(province ?? '', (places = new Map()));
      places.set(key, o.subject);
    }
  }
  for (const f of facts.values()) {
    f.places = f.placeKeys.size;
    f.latest.sort(newerFirst);
  }
  const gridPlaces = new Map<string, Subject[]>();
  for (const [province, places] of gridKeys) {
    gridPlaces.set(province, [...places.values()].sort((a, b) => subjectName(dataset, a).localeCompare(subjectName(dataset, b), 'zh-CN')));
  }
  const gridIndicators = catalogue(dataset)
    .flatMap((s) => s.indicators)
    .filter((i) => i.framework !== 'local' && facts.has(i.id));
  const index: CatalogueIndex = {
    facts: new Map([...facts].map(([id, { placeKeys: _, ...rest }]) => [id, rest])),
    indicatorsOfProvince,
    latestInProvince: new Map([...latestInProvince].map(([k, list]) => [k, list.sort(newerFirst)])),
    reachInProvince: new Map([...reachInProvince].map(([k, r]) => [k, { figures: r.figures, places: r.placeKeys.size }])),
    gridPlaces,
    gridIndicators,
  };
  built.set(dataset, index);
  return index;
}
