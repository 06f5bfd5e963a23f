/**
 * Each indicator's reach, built once with the dataset in one pass over the figures (at national size ~20,000 per
 * indicator): how many figures and places, in which provinces, the newest few nationally and per province, and the
 * places with an own figure for a national indicator. The catalogue's pages are lookups into it, never a scan.
 */
import type { Indicator, Observation, Region } from '../schemas';
import { periodEndDate } from './period';
import { provinceOfSubject, subjectKey, subjectName, type Subject, type SubjectLookup } from './subject';

/** Most figures the catalogue shows per indicator; the rest are on the indicator's page. */
export const LATEST_SHOWN = 3;

/** Which of two figures is newer, for "latest values": later period, then actual before target or baseline, a place's own value before an aggregate. */
export function newerFirst(a: Observation, b: Observation): number {
  const kind = (o: Observation) => (o.kind === 'actual' ? 0 : 1);
  const own = (o: Observation) => ((o.statistic ?? 'value') === 'value' ? 0 : 1);
  return periodEndDate(b.period).localeCompare(periodEndDate(a.period)) || kind(a) - kind(b) || own(a) - own(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What the catalogue knows about one indicator's figures. */
export interface IndicatorFacts {
  figures: number;
  /** Distinct places (regions, groups, institutions) with any figure. */
  places: number;
  /** Top regions (provinces) of those places, by id. */
  provinces: ReadonlySet<string>;
  /** The newest few figures (see `newerFirst`). */
  latest: readonly Observation[];
}

export interface IndicatorIndex {
  facts: ReadonlyMap<string, IndicatorFacts>;
  /** Indicators with figures in each province, by province id. */
  indicatorsOfProvince: ReadonlyMap<string, ReadonlySet<string>>;
  /** An indicator's figures, places and newest few within one province, keyed `province|indicator`. */
  inProvince: ReadonlyMap<string, { figures: number; places: number; latest: readonly Observation[] }>;
  /** Places with an own figure for a national (not local) indicator, by province id ('' outside the region tree), by name. */
  gridPlaces: ReadonlyMap<string, readonly Subject[]>;
}

interface Tally {
  figures: number;
  placeKeys: Set<string>;
  latest: Observation[];
}

/** Keeps the newest few without sorting all of an indicator's figures. */
function tally(map: Map<string, Tally>, key: string, o: Observation, place: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = { figures: 0, placeKeys: new Set(), latest: [] }));
  t.figures++;
  t.placeKeys.add(place);
  t.latest.push(o);
  if (t.latest.length > LATEST_SHOWN) t.latest.sort(newerFirst).pop();
  return t;
}

export function indexIndicators(
  observations: readonly Observation[],
  indicators: readonly Indicator[],
  lookup: SubjectLookup & { regionPath: ReadonlyMap<string, readonly Region[]> },
): IndicatorIndex {
  const national = new Set(indicators.filter((i) => i.framework !== 'local').map((i) => i.id));
  const byIndicator = new Map<string, Tally>();
  const provincesOf = new Map<string, Set<string>>();
  const byProvince = new Map<string, Tally>();
  const indicatorsOfProvince = new Map<string, Set<string>>();
  const gridKeys = new Map<string, Map<string, Subject>>();
  const provinceCache = new Map<string, string | undefined>();
  for (const o of observations) {
    const key = subjectKey(o.subject.type, o.subject.id);
    if (!provinceCache.has(key)) provinceCache.set(key, provinceOfSubject(lookup, o.subject));
    const province = provinceCache.get(key);
    tally(byIndicator, o.indicator, o, key);
    if (province) {
      tally(byProvince, `${province}|${o.indicator}`, o, key);
      let provinces = provincesOf.get(o.indicator);
      if (!provinces) provincesOf.set(o.indicator, (provinces = new Set()));
      provinces.add(province);
      let set = indicatorsOfProvince.get(province);
      if (!set) indicatorsOfProvince.set(province, (set = new Set()));
      set.add(o.indicator);
    }
    if (national.has(o.indicator)) {
      let places = gridKeys.get(province ?? '');
      if (!places) gridKeys.set(province ?? '', (places = new Map()));
      places.set(key, o.subject);
    }
  }
  const byName = (a: Subject, b: Subject) => subjectName(lookup, a).localeCompare(subjectName(lookup, b), 'zh-CN');
  return {
    facts: new Map(
      [...byIndicator].map(([id, t]) => [id, { figures: t.figures, places: t.placeKeys.size, provinces: provincesOf.get(id) ?? new Set<string>(), latest: t.latest.sort(newerFirst) }]),
    ),
    indicatorsOfProvince,
    inProvince: new Map([...byProvince].map(([key, t]) => [key, { figures: t.figures, places: t.placeKeys.size, latest: t.latest.sort(newerFirst) }])),
    gridPlaces: new Map([...gridKeys].map(([province, places]) => [province, [...places.values()].sort(byName)])),
  };
}
