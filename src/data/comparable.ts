/**
 * Which figures may be compared, decided in one place. Every summary sentence, chart and ranking asks here first, so
 * that no page ranks a median against the places it summarises, a "> 90%" by an invented 90, a count of 2020 against
 * one of 2024, or one county's list of centres against another county's different list.
 *
 * The rules:
 * 1. Same indicator, unit, statistic (value / median of the same sub-units / …) and kind (actual with actual).
 * 2. Comparable periods: the same year, and both a point in time or both cumulative.
 * 3. Never an aggregate with its own members: a place whose sub-units are also in the set stands aside.
 * 4. Never an open-ended figure (≥, >, ≤, <, a range) ranked by its bound: it is shown, labelled, not ranked.
 * 5. Neutral indicators describe local arrangements (how many centres, which items): they are listed, never ranked.
 */
import type { Indicator, Observation } from '../schemas';
import { isWithin, type Dataset } from './dataset';
import { regionOfSubject, subjectKey, type Subject } from './subject';
import { periodClass } from './period';


/** Whether the source gives only a bound or a range, so the figure has no single number to rank by. */
export function isOpenEnded(o: Pick<Observation, 'qualifier'>): boolean {
  return o.qualifier !== undefined && o.qualifier !== 'about';
}

/** The direction an open-ended figure extends past its drawn value: up for "≥ / >", down for "≤ / <"; none otherwise. */
export function openEnd(o: Pick<Observation, 'qualifier'>): 'up' | 'down' | undefined {
  if (o.qualifier === 'at-least' || o.qualifier === 'more-than') return 'up';
  if (o.qualifier === 'at-most' || o.qualifier === 'less-than') return 'down';
  return undefined;
}

/**
 * What kind of number a figure is: its indicator's declared statistic (validation rejects a figure that says
 * otherwise), so a median, a rise of a median and a place's own value never share a comparison.
 */
export function statisticOf(o: Pick<Observation, 'statistic'>, indicator?: Pick<Indicator, 'statistic'>): NonNullable<Observation['statistic']> {
  return indicator?.statistic ?? o.statistic ?? 'value';
}

/** What a figure is, for rule 1: two figures compare only when their keys are equal. */
export function measureKey(o: Observation, indicator: Indicator): string {
  return [o.indicator, indicator.unit, statisticOf(o, indicator), o.across?.label ?? '', o.kind].join('|');
}


/** Whether subject `outer` contains subject `inner`: a region its sub-regions and everything in them; a group its region's places do not. */
export function contains(dataset: Dataset, outer: Subject, inner: Subject): boolean {
  if (outer.type === inner.type && outer.id === inner.id) return false;
  if (outer.type !== 'region') return false;
  const innerRegion = regionOfSubject(dataset, inner);
  return innerRegion !== undefined && isWithin(dataset, innerRegion, outer.id);
}

/** Whether an indicator's figures may be ranked at all (rule 5). */
export function isRankable(indicator: Indicator): boolean {
  return indicator.polarity !== 'neutral';
}

/** A set of figures split by what may be done with each. */
export interface FairComparison {
  /** Figures that may be ranked by their number against each other. */
  ranked: Observation[];
  /** Figures of the same measure and period given only as a bound or range: shown, labelled, not ranked. */
  openEnded: Observation[];
  /** Medians, means, totals and places containing others in the set: shown beside the comparison, never in it. */
  aggregates: Observation[];
  /** Figures of other periods (or other measures) than the one compared. */
  apart: Observation[];
}

/** The most common key among figures; ties go to `prefer`, then to the later key (a later year). */
function dominant(keys: string[], prefer?: (key: string) => boolean): string | undefined {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort(([ka, a], [kb, b]) => b - a || Number(prefer?.(kb) ?? 0) - Number(prefer?.(ka) ?? 0) || kb.localeCompare(ka))[0]?.[0];
}

/**
 * Splits figures (one per subject: the latest of each) into what may be ranked and what stands aside. The compared
 * measure is the most common one (a place's own value wins a tie against a median); the compared period the most
 * common period class among those (the later wins a tie).
 */
export function fairComparison(dataset: Dataset, indicator: Indicator, figures: readonly Observation[]): FairComparison {
  const result: FairComparison = { ranked: [], openEnded: [], aggregates: [], apart: [] };
  const measure = dominant(
    figures.map((o) => measureKey(o, indicator)),
    (k) => k.includes('|value|'),
  );
  const sameMeasure = figures.filter((o) => measureKey(o, indicator) === measure);
  for (const o of figures) if (measureKey(o, indicator) !== measure) (statisticOf(o, indicator) === 'value' ? result.apart : result.aggregates).push(o);
  const period = dominant(sameMeasure.map((o) => periodClass(o.period)));
  const inPeriod = sameMeasure.filter((o) => periodClass(o.period) === period);
  result.apart.push(...sameMeasure.filter((o) => periodClass(o.period) !== period));
  const subjects = inPeriod.map((o) => o.subject);
  for (const o of inPeriod) {
    if (subjects.some((s) => contains(dataset, o.subject, s))) result.aggregates.push(o);
    else if (isOpenEnded(o)) result.openEnded.push(o);
    else result.ranked.push(o);
  }
  return result;
}

/** One figure per subject: the latest of the given kind. */
export function latestPerSubject(figures: readonly Observation[], kind: Observation['kind'], order: (a: Observation, b: Observation) => number): Observation[] {
  const latest = new Map<string, Observation>();
  for (const o of [...figures].filter((o) => o.kind === kind).sort(order)) latest.set(subjectKey(o.subject.type, o.subject.id), o);
  return [...latest.values()];
}
