/**
 * "Meets the national target", decided in one place. The indicator catalogue's grid, the province summary and the
 * summary sentences all ask `targetStatus`, so a page can never say a place meets a target that another page says it
 * does not. The stricter fair-comparison rule holds everywhere: only a place's own actual figure is held against a
 * target whose source is verified; a median, mean or total, a target or baseline, an "约" figure, a range, or a bound
 * that cannot tell ("> 90%" against "≥ 95%") is not compared. Which period is compared is the caller's choice (the
 * province summary compares one period across provinces; sentences one period class, src/data/comparable.ts).
 */
import type { Indicator, Observation } from '../schemas';
import type { Dataset } from './dataset';
import { openEnd, statisticOf } from './comparable';

/** Why a figure is not held against the national target. */
export type ApartReason = 'noTarget' | 'unverifiedTarget' | 'neutral' | 'notActual' | 'aggregate' | 'undecided';

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

/**
 * Whether a figure's number meets a target's, when that can be known: "> 90%" meets "≥ 90%" but says nothing against
 * "≥ 95%"; a median, an "约" figure or a range meets nothing. Undefined when the figure cannot tell.
 */
export function meetsTarget(
  o: Pick<Observation, 'value' | 'qualifier' | 'statistic' | 'valueHigh'>,
  target: { value: number; qualifier?: string },
  polarity: Indicator['polarity'],
): boolean | undefined {
  // Only a place's own value meets a target: never a median, mean, total or a rise of a median.
  if (statisticOf(o) !== 'value' || polarity === 'neutral') return undefined;
  if (o.qualifier === 'about' || o.qualifier === 'range') return undefined;
  const higher = polarity === 'higher-is-better';
  const meets = higher ? o.value >= target.value : o.value <= target.value;
  const end = openEnd(o);
  // A bound settles the question only when it points the way the target is met ("> 90" vs "≥ 90") or fails to reach it.
  if (end === undefined) return meets;
  if ((end === 'up') === higher) return meets ? true : undefined;
  return meets ? undefined : false;
}

/**
 * Whether a place's figure may be held against its indicator's national target, and if so whether it meets it. Only a
 * place's own actual figure in the indicator's unit compares (a national target is a standing goal for every period);
 * a median or a local target does not, nor a figure that cannot tell (see `meetsTarget`).
 */
export function targetStatus(dataset: Pick<Dataset, 'reference'>, indicator: Indicator, o: Observation): TargetStatus {
  const target = comparableTarget(dataset, indicator);
  if (!target) return { comparable: false, reason: indicator.nationalTarget ? 'unverifiedTarget' : 'noTarget' };
  if (indicator.polarity === 'neutral') return { comparable: false, reason: 'neutral' };
  if (o.kind !== 'actual') return { comparable: false, reason: 'notActual' };
  if (statisticOf(o, indicator) !== 'value') return { comparable: false, reason: 'aggregate' };
  const meets = meetsTarget(o, target, indicator.polarity);
  return meets === undefined ? { comparable: false, reason: 'undecided' } : { comparable: true, meets };
}
