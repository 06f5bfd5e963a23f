/**
 * "Meets the national target", decided in one place. The indicator catalogue's grid, the province summary and the
 * summary sentences all ask `targetStatus`, so a page can never say a place meets a target that another page says it
 * does not. The stricter fair-comparison rule holds everywhere: only a place's own actual figure is held against a
 * target whose source is verified, and only when both are stated on one basis (口径: what is counted, e.g. 住院 or
 * 门急诊); a median, mean or total, a target or baseline, an "约" figure, a range, or a bound that cannot tell
 * ("> 90%" against "≥ 95%") is not compared. Which period is compared is the caller's choice (the province summary
 * compares one period across provinces; sentences one period class, src/data/comparable.ts).
 */
import type { Indicator, Observation } from '../schemas';
import type { Dataset } from './dataset';
import { statisticOf } from './comparable';

/** Why a figure is not held against the national target. */
export type ApartReason = 'noTarget' | 'unverifiedTarget' | 'neutral' | 'notActual' | 'aggregate' | 'unstatedBasis' | 'undecided';

/** A figure against its indicator's national target: whether it meets it, or why it is not compared. */
export type TargetStatus = { comparable: true; meets: boolean } | { comparable: false; reason: ApartReason };

/**
 * The national target figures may be held against (✓/✗, gaps, a reference line): only one whose source in
 * `data/references/` is verified. An unverified target is shown in words with its caveat and colours nothing.
 */
export function comparableTarget(dataset: Pick<Dataset, 'reference'>, indicator: Indicator): Indicator['nationalTarget'] {
  const target = indicator.nationalTarget;
  if (!target?.reference) return undefined;
  return dataset.reference.get(target.reference)?.verified ? target : undefined;
}

/** The numbers a figure or target allows: from `low` to `high`, each end included or not. */
interface Interval {
  low: number;
  lowIn: boolean;
  high: number;
  highIn: boolean;
}

/** The values a figure can be, or undefined when the source gives no line to hold (约, a range of two values). */
function figureInterval(o: Pick<Observation, 'value' | 'qualifier'>): Interval | undefined {
  const v = o.value;
  switch (o.qualifier) {
    case undefined:
      return { low: v, lowIn: true, high: v, highIn: true };
    case 'at-least':
      return { low: v, lowIn: true, high: Infinity, highIn: false };
    case 'more-than':
      return { low: v, lowIn: false, high: Infinity, highIn: false };
    case 'at-most':
      return { low: -Infinity, lowIn: false, high: v, highIn: true };
    case 'less-than':
      return { low: -Infinity, lowIn: false, high: v, highIn: false };
    default:
      return undefined;
  }
}

/** The values that meet a target: its own bound when it states one ("不低于 65%"), else its direction from the value. */
function targetInterval(target: { value: number; qualifier?: string }, higher: boolean): Interval {
  const v = target.value;
  const up = (lowIn: boolean): Interval => ({ low: v, lowIn, high: Infinity, highIn: false });
  const down = (highIn: boolean): Interval => ({ low: -Infinity, lowIn: false, high: v, highIn });
  if (target.qualifier === 'at-least') return up(true);
  if (target.qualifier === 'more-than') return up(false);
  if (target.qualifier === 'at-most') return down(true);
  if (target.qualifier === 'less-than') return down(false);
  return higher ? up(true) : down(true);
}

const above = (x: number, bound: number, included: boolean) => x > bound || (included && x === bound);
const below = (x: number, bound: number, included: boolean) => x < bound || (included && x === bound);

/** Whether every value of `inner` lies in `outer`. */
function within(inner: Interval, outer: Interval): boolean {
  const lowOk = inner.low > outer.low || (inner.low === outer.low && (outer.lowIn || !inner.lowIn));
  const highOk = inner.high < outer.high || (inner.high === outer.high && (outer.highIn || !inner.highIn));
  return lowOk && highOk;
}

/** Whether no value of `a` lies in `b`. */
function apart(a: Interval, b: Interval): boolean {
  return !above(a.high, b.low, a.highIn && b.lowIn) || !below(a.low, b.high, a.lowIn && b.highIn);
}

/**
 * Whether a figure's number meets a target's, when that can be known: it meets when every value the figure allows
 * meets the target ("> 90%" meets "≥ 90%"), misses when none does, and cannot tell otherwise ("> 90%" against
 * "≥ 95%"). A median, an "约" figure or a range meets nothing; an "约" target ("90% 左右") is held as its value in
 * the indicator's direction.
 */
export function meetsTarget(
  o: Pick<Observation, 'value' | 'qualifier' | 'statistic' | 'valueHigh'>,
  target: { value: number; qualifier?: string },
  polarity: Indicator['polarity'],
): boolean | undefined {
  // Only a place's own value meets a target: never a median, mean, total or a rise of a median.
  if (statisticOf(o) !== 'value' || polarity === 'neutral') return undefined;
  const figure = figureInterval(o);
  if (!figure) return undefined;
  const met = targetInterval(target, polarity === 'higher-is-better');
  if (within(figure, met)) return true;
  if (apart(figure, met)) return false;
  return undefined;
}

/**
 * Whether a figure is stated on the basis its indicator's national target is (口径: what is counted). A target that
 * names its basis (`countingBasis`, e.g. 住院) is held only against figures whose source states the same one; a target
 * that names none is held only against figures of an indicator whose definition is the framework's own (`official`),
 * which fixes the basis for every figure reported under it. A working or local definition leaves the basis unstated:
 * an in-county visit rate may count outpatient visits in one county and inpatient stays in the next.
 */
export function statedOnTargetBasis(indicator: Pick<Indicator, 'definitionStatus' | 'nationalTarget'>, o: Pick<Observation, 'countingBasis'>): boolean {
  const basis = indicator.nationalTarget?.countingBasis;
  if (basis) return o.countingBasis === basis;
  return indicator.definitionStatus === 'official' && o.countingBasis === undefined;
}

/**
 * Whether a place's figure may be held against its indicator's national target, and if so whether it meets it. Only a
 * place's own actual figure in the indicator's unit compares (a national target is a standing goal for every period);
 * a median or a local target does not, nor a figure of unstated basis (see `statedOnTargetBasis`), nor one that cannot
 * tell (see `meetsTarget`).
 */
export function targetStatus(dataset: Pick<Dataset, 'reference'>, indicator: Indicator, o: Observation): TargetStatus {
  const target = comparableTarget(dataset, indicator);
  if (!target) return { comparable: false, reason: indicator.nationalTarget ? 'unverifiedTarget' : 'noTarget' };
  if (indicator.polarity === 'neutral') return { comparable: false, reason: 'neutral' };
  if (o.kind !== 'actual') return { comparable: false, reason: 'notActual' };
  if (statisticOf(o, indicator) !== 'value') return { comparable: false, reason: 'aggregate' };
  if (!statedOnTargetBasis(indicator, o)) return { comparable: false, reason: 'unstatedBasis' };
  const meets = meetsTarget(o, target, indicator.polarity);
  return meets === undefined ? { comparable: false, reason: 'undecided' } : { comparable: true, meets };
}
