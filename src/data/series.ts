/**
 * Chart series and one-sentence summaries derived from observations, at build time. A chart is made only where it
 * helps a reader: a comparison of several places reporting the same indicator, one place's figures over time, or
 * one place's figure against its target. Everything here is plain data; ChartFigure.astro renders it and the
 * browser only draws what was already decided.
 */
import type { Group, Indicator, Observation } from '../schemas';
import { observationsOf, observationsOfIndicator, subjectKey, subjectName, type Dataset, type SubjectType } from './dataset';
export { KIND_COLOUR, CHART_DARK } from '../views/palette';
import { formatFigureAfter, formatNumber, formatQualified, formatStatistic } from '../views/format';
import { formatPeriod } from './period';
import { fairComparison, isOpenEnded, isRankable, latestPerSubject, openEnd } from './comparable';
import { comparableTarget, targetStatus } from './meets-target';
import { periodEndDate, periodText } from './period';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

export type ObservationKind = Observation['kind'];

/** Order of kinds in charts and tables: where it started, where it is, where it should get to. */
export const KIND_ORDER: ObservationKind[] = ['baseline', 'actual', 'target'];
const KIND_RANK: Record<ObservationKind, number> = { baseline: 0, actual: 1, target: 2 };
export const KIND_LABEL: Record<ObservationKind, string> = { baseline: t('obs.kind.baseline'), actual: t('obs.kind.actual'), target: t('obs.kind.target') };

/** Fewest places a comparison chart needs; two figures read as well in a sentence. */
export const MIN_COMPARISON_SUBJECTS = 3;
/** Most places one comparison chart shows; beyond that bars are too many to read, and the table serves better. */
export const MAX_COMPARISON_SUBJECTS = 30;

export interface ChartSeries {
  kind: ObservationKind;
  /** Name in the key and tooltips: 实际, 目标, 基线. */
  label: string;
  /** One value per category; null where this kind has no figure. */
  values: (number | null)[];
  /** The value as the page writes it (with qualifier and unit), for direct labels and tooltips. */
  texts: (string | null)[];
  /** The period of each value in words, for tooltips. */
  periods: (string | null)[];
  /** Where the source gives only a bound: the bar runs on past its value ("up" for ≥ / >, "down" for ≤ / <). */
  open: ('up' | 'down' | null)[];
  /** Targets are drawn as markers (a tick at the value), never as bars among actuals. */
  marker: boolean;
}

export interface ChartSpec {
  /** `bar` for comparisons and few periods; `line` for a run of three or more actual figures over time. */
  type: 'bar' | 'line';
  /** Horizontal bars for places (long names read left to right); vertical for time. */
  orientation: 'horizontal' | 'vertical';
  unit: string;
  /** Category labels, each split into short lines. */
  categories: string[][];
  /** Category labels in full, for tooltips. */
  categoryNames: string[];
  series: ChartSeries[];
  /** The national target drawn as a labelled line. */
  reference?: { value: number; label: string };
}

export interface ChartFigureData {
  /** Unique on the page; used for element ids. */
  key: string;
  title: string;
  /** One sentence written from the data: latest value, change, gap to target. */
  summary: string;
  spec: ChartSpec;
  /** The observations the chart shows (the figure's table lists at least these). */
  observations: Observation[];
}

// ---------------------------------------------------------------------------------------------------------------
// Periods and names


/** Earlier first; at the same end, a baseline before an actual before a target; then by value for a stable order. */
export function compareObservations(a: Observation, b: Observation): number {
  return (
    periodEndDate(a.period).localeCompare(periodEndDate(b.period)) ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    a.period.localeCompare(b.period) ||
    a.value - b.value
  );
}



/** A label split into lines at opening brackets, so a chart axis shows "医共体统一管理之前" over "（来源未给出时间）". */
export function labelLines(text: string): string[] {
  return text.split(/(?=（)/).filter(Boolean);
}

/** What to call a set of subjects in a sentence: 地区, 医共体, 医疗集团, 机构, or 地方 when mixed. */
export function subjectNoun(dataset: Dataset, subjects: Observation['subject'][]): string {
  const types = new Set(subjects.map((s) => s.type));
  if (types.size !== 1) return t('noun.mixed');
  const [type] = types;
  if (type === 'region') return t('noun.region');
  if (type === 'institution') return t('noun.institution');
  const kinds = new Set(subjects.map((s) => dataset.group.get(s.id)?.kind as Group['kind'] | undefined));
  if (kinds.size === 1 && kinds.has('urban')) return t('noun.urban');
  if (kinds.size === 1 && kinds.has('county')) return t('noun.county');
  return t('noun.groups');
}


// ---------------------------------------------------------------------------------------------------------------
// Values and differences

/** The figure as the page writes it: "≥ 65%", "约 470 人", "87.49%". */
export function valueText(o: Pick<Observation, 'value' | 'qualifier' | 'valueHigh' | 'statistic'> & { source?: { excerpt?: string } }, indicator: Indicator): string {
  return formatFigureAfter(indicator.shortName ?? indicator.name, o, indicator.unit);
}

/** A difference in the indicator's unit: percentages differ by 百分点, everything else by its own unit. */
export function differenceText(diff: number, unit: string): string {
  const n = formatNumber(Math.round(Math.abs(diff) * 1e4) / 1e4);
  if (unit === '%') return tf('summary.percentPoints', { n });
  return `${n} ${unit}`;
}

function targetText(dataset: Dataset, indicator: Indicator): string | undefined {
  const target = comparableTarget(dataset, indicator);
  return target ? formatQualified(target.value, indicator.unit, target.qualifier) : undefined;
}

/** Numbers can be charted; 是/否 answers cannot. */
export function isChartable(indicator: Indicator): boolean {
  return indicator.unit !== '是/否';
}

/**
 * Figures that can stand alone in a chart or a sentence: where a source gives two values for the same subject, period
 * and kind (a range's two ends, the parts of a "1+3+5" model), neither is "the" value, so both stay in the table only.
 */
export function unambiguous(observations: readonly Observation[]): Observation[] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${subjectKey(o.subject.type, o.subject.id)}|${o.period}|${o.kind}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  return [...groups.values()].filter((list) => new Set(list.map((o) => `${o.value}|${o.qualifier ?? ''}`)).size === 1).map((list) => list[0]);
}

/** "已达到目标（≥ 65%）", "距目标（约 90%）还差 2.51 个百分点", or for neutral indicators "比目标（…）高 3 人". */
function gapClause(actual: Observation, target: { value: number; text: string; label: string }, indicator: Indicator): string {
  const diff = actual.value - target.value;
  const vars = { label: target.label, target: target.text, approx: actual.qualifier === 'about' ? t('summary.approx') : '', diff: differenceText(diff, indicator.unit) };
  if (diff === 0) return tf('summary.gap.equal', vars);
  const better = indicator.polarity === 'higher-is-better' ? diff > 0 : indicator.polarity === 'lower-is-better' ? diff < 0 : undefined;
  if (better === true) return tf('summary.gap.reached', vars);
  if (better === false) {
    // A lower bound ("90%以上") below a target does not prove a shortfall; say the source gives only the bound.
    const lowerBound = actual.qualifier === 'at-least' || actual.qualifier === 'more-than';
    return tf(lowerBound && indicator.polarity === 'higher-is-better' ? 'summary.gap.shortLowerBound' : 'summary.gap.short', vars);
  }
  return tf(diff > 0 ? 'summary.gap.above' : 'summary.gap.below', vars);
}

/** The gap to the national target of a figure `targetStatus` has judged: reached (or level with it), or short by how much. */
function nationalGapClause(actual: Observation, meets: boolean, dataset: Dataset, indicator: Indicator): string {
  const target = comparableTarget(dataset, indicator)!;
  const diff = actual.value - target.value;
  const vars = { label: t('summary.nationalTarget'), target: targetText(dataset, indicator)!, approx: '', diff: differenceText(diff, indicator.unit) };
  if (meets) return tf(diff === 0 ? 'summary.gap.equal' : 'summary.gap.reached', vars);
  // A bound that misses ("< 80%" against "≥ 90%") misses by at least its gap.
  return tf(diff === 0 ? 'summary.gap.equal' : isOpenEnded(actual) ? 'summary.gap.shortAtLeast' : 'summary.gap.short', vars);
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}${t('summary.and')}${names.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Summaries

/**
 * One sentence about one subject's figures for one indicator: its latest actual value, the change from the figure
 * before it, and the gap to its own target (or else the national target). Undefined when nothing can be said cleanly.
 */
export function subjectSummary(dataset: Dataset, indicator: Indicator, observations: Observation[]): string | undefined {
  const clean = unambiguous(observations).sort(compareObservations);
  if (clean.length === 0) return undefined;
  const name = subjectName(dataset, clean[0].subject);
  const measure = indicator.shortName ?? indicator.name;
  const describe = (o: Observation) => ({ name, measure, value: valueText(o, indicator), period: periodText(o) });
  const actuals = clean.filter((o) => o.kind === 'actual');
  const latestTarget = clean.filter((o) => o.kind === 'target').at(-1);
  if (actuals.length === 0) {
    if (latestTarget) return tf('summary.targetOnly', describe(latestTarget)) + t('summary.end');
    return tf('summary.baselineOnly', describe(clean.filter((o) => o.kind === 'baseline').at(-1)!)) + t('summary.end');
  }
  const latest = actuals.at(-1)!;
  let sentence = tf('summary.latest', describe(latest));
  const before = clean.filter((o) => o.kind !== 'target' && o !== latest && compareObservations(o, latest) < 0).at(-1);
  if (before) {
    const diff = latest.value - before.value;
    const from = tf('summary.from', { baseline: before.kind === 'baseline' ? t('summary.baseline') : '', value: valueText(before, indicator), period: periodText(before) });
    sentence += tf(diff === 0 ? 'summary.same' : diff > 0 ? 'summary.up' : 'summary.down', { from, diff: differenceText(diff, indicator.unit) });
  }
  if (latestTarget) sentence += '；' + gapClause(latest, { value: latestTarget.value, text: valueText(latestTarget, indicator), label: t('summary.target') }, indicator);
  else {
    // Against the national target only as targetStatus allows (the grid and the province summary ask the same).
    const status = targetStatus(dataset, indicator, latest);
    if (status.comparable) sentence += '；' + nationalGapClause(latest, status.meets, dataset, indicator);
  }
  return sentence + t('summary.end');
}

/**
 * One sentence comparing every subject that reports an indicator, within the rules of src/data/comparable.ts: the
 * highest and lowest exact figures of one measure and period; bounds ("> 90%") named but not ranked; a median or a
 * place containing the others set aside; how many of the ranked and bounded figures are known to meet the national
 * target. Neutral indicators are listed, not ranked. Where only targets are reported, their range.
 */
export function comparisonSummary(dataset: Dataset, indicator: Indicator, observations: Observation[]): string | undefined {
  const clean = unambiguous(observations);
  const actuals = latestPerSubject(clean, 'actual', compareObservations);
  if (actuals.length === 1) return subjectSummary(dataset, indicator, clean.filter((o) => subjectKey(o.subject.type, o.subject.id) === subjectKey(actuals[0].subject.type, actuals[0].subject.id)));
  if (actuals.length === 0) {
    const targets = latestPerSubject(clean, 'target', compareObservations);
    if (targets.length === 0) return undefined;
    if (targets.length === 1) return subjectSummary(dataset, indicator, targets);
    const noun = subjectNoun(dataset, targets.map((o) => o.subject));
    if (!isRankable(indicator)) return tf('compare.notRankedTargets', { n: targets.length, noun }) + t('summary.end');
    const exact = targets.filter((o) => !isOpenEnded(o) && (o.statistic ?? 'value') === 'value');
    if (exact.length < 2) return undefined;
    const values = exact.map((o) => o.value);
    const low = exact.find((o) => o.value === Math.min(...values))!;
    const high = exact.find((o) => o.value === Math.max(...values))!;
    const vars = { n: exact.length, noun, value: valueText(low, indicator), low: valueText(low, indicator), high: valueText(high, indicator) };
    return tf(low.value === high.value ? 'summary.targetsSame' : 'summary.targetsRange', vars) + t('summary.end');
  }
  if (!isRankable(indicator)) return tf('compare.notRanked', { n: actuals.length, noun: subjectNoun(dataset, actuals.map((o) => o.subject)) }) + t('summary.end');
  const fair = fairComparison(dataset, indicator, actuals);
  const { ranked, openEnded } = fair;
  const shown = [...ranked, ...openEnded];
  if (shown.length === 0) return undefined;
  const noun = subjectNoun(dataset, shown.map((o) => o.subject));
  const periods = new Set(shown.map((o) => periodText(o)));
  const samePeriod = periods.size === 1 ? [...periods][0] : undefined;
  const withPeriod = (o: Observation) => valueText(o, indicator) + (samePeriod ? '' : `，${periodText(o)}`);
  const names = (list: Observation[]) => joinNames(list.map((o) => subjectName(dataset, o.subject)));
  let sentence = samePeriod ? tf('summary.compare.period', { period: samePeriod }) : '';
  if (ranked.length >= 2) {
    const values = ranked.map((o) => o.value);
    const max = Math.max(...values);
    const min = Math.min(...values);
    const at = (v: number) => ranked.filter((o) => o.value === v);
    sentence += tf('summary.compare.lead', { n: ranked.length, noun });
    sentence +=
      max === min
        ? tf('summary.compare.allSame', { value: withPeriod(at(max)[0]) })
        : tf('summary.compare.range', { high: names(at(max)), highValue: withPeriod(at(max)[0]), low: names(at(min)), lowValue: withPeriod(at(min)[0]) });
  } else if (ranked.length === 1) {
    sentence = tf('summary.latest', { name: names(ranked), measure: indicator.shortName ?? indicator.name, value: valueText(ranked[0], indicator), period: periodText(ranked[0]) });
  }
  for (const [text, list] of groupBy(openEnded, (o) => valueText(o, indicator))) {
    sentence += (sentence && !sentence.endsWith('，') ? '；' : '') + tf(ranked.length ? 'compare.openEnded' : 'compare.openEndedAlone', { names: names(list), value: text });
  }
  const national = comparableTarget(dataset, indicator);
  if (national && indicator.polarity !== 'neutral') {
    const verdicts = shown.map((o) => ({ o, status: targetStatus(dataset, indicator, o) }));
    const reached = verdicts.filter((v) => v.status.comparable && v.status.meets).length;
    const below = verdicts.filter((v) => v.status.comparable && !v.status.meets && !isOpenEnded(v.o)).map((v) => v.o);
    const target = targetText(dataset, indicator)!;
    const higherIsBetter = indicator.polarity === 'higher-is-better';
    if (reached === shown.length) sentence += tf('summary.compare.allReached', { target });
    else if (below.length) {
      const worst = below.reduce((a, b) => (higherIsBetter ? (b.value < a.value ? b : a) : b.value > a.value ? b : a));
      sentence += tf(higherIsBetter ? 'summary.compare.someBelow' : 'summary.compare.someAbove', {
        k: reached,
        target,
        names: names(below.filter((o) => o.value === worst.value)),
        diff: differenceText(worst.value - national.value, indicator.unit),
      });
    }
  }
  for (const o of fair.aggregates) {
    const statistic = formatStatistic(o);
    sentence += '；' + tf('compare.aggregateAside', { name: subjectName(dataset, o.subject), value: withPeriod(o), statistic: statistic ? statistic.split('，')[0] : t('compare.containsOthers') });
  }
  if (fair.apart.length) sentence += `（${tf('compare.periodsApart', { period: periodClassText(shown[0]) })}）`;
  return sentence + (samePeriod ? '' : t('summary.compare.periodsDiffer')) + t('summary.end');
}

/** The compared period class in words: "2024年" or "截至2024年的累计数". */
function periodClassText(o: Observation): string {
  const year = periodEndDate(o.period).slice(0, 4);
  return o.period.includes('/') ? tf('compare.cumulativeYear', { year }) : `${year}年`;
}

// ---------------------------------------------------------------------------------------------------------------
// Charts

function seriesFor(
  kinds: ObservationKind[],
  categories: { match: (o: Observation) => boolean }[],
  observations: Observation[],
  indicator: Indicator,
  pick: (list: Observation[]) => Observation | undefined,
): ChartSeries[] {
  return KIND_ORDER.filter((k) => kinds.includes(k)).map((kind) => {
    const cells = categories.map((c) => pick(observations.filter((o) => o.kind === kind && c.match(o))));
    return {
      kind,
      label: KIND_LABEL[kind],
      values: cells.map((o) => (o ? o.value : null)),
      // Every bar says its period, so a reader never takes a 2020 figure for a 2024 one.
      texts: cells.map((o) => (o ? `${valueText(o, indicator)}（${periodText(o)}）` : null)),
      periods: cells.map((o) => (o ? periodText(o) : null)),
      open: cells.map((o) => (o ? (openEnd(o) ?? null) : null)),
      marker: kind === 'target',
    };
  });
}

function reference(dataset: Dataset, indicator: Indicator): ChartSpec['reference'] {
  const target = comparableTarget(dataset, indicator);
  return target ? { value: target.value, label: tf('chart.reference', { value: targetText(dataset, indicator)! }) } : undefined;
}

/**
 * A comparison of the subjects reporting an indicator, as src/data/comparable.ts allows: one bar per subject's latest
 * actual figure of the compared measure and period, highest exact figure first, bounds ("> 90%") after them drawn open;
 * the national target as a line. Medians, places containing others, other periods and targets stay in the table.
 * Undefined for neutral indicators (listed, not ranked) and unless three to thirty subjects can be shown.
 */
export function comparisonChart(dataset: Dataset, indicator: Indicator, observations: Observation[], key = `compare-${indicator.id}`): ChartFigureData | undefined {
  if (!isChartable(indicator) || !isRankable(indicator)) return undefined;
  const clean = unambiguous(observations);
  const fair = fairComparison(dataset, indicator, latestPerSubject(clean, 'actual', compareObservations));
  const byName = (a: Observation, b: Observation) => subjectName(dataset, a.subject).localeCompare(subjectName(dataset, b.subject), 'zh-CN');
  const shown = [...[...fair.ranked].sort((a, b) => b.value - a.value || byName(a, b)), ...[...fair.openEnded].sort((a, b) => b.value - a.value || byName(a, b))];
  if (shown.length < MIN_COMPARISON_SUBJECTS || shown.length > MAX_COMPARISON_SUBJECTS) return undefined;
  const summary = comparisonSummary(dataset, indicator, observations);
  if (!summary) return undefined;
  const names = shown.map((o) => subjectName(dataset, o.subject));
  return {
    key,
    title: tf(comparableTarget(dataset, indicator) ? 'chart.title.compareTarget' : 'chart.title.compare', { name: indicator.name }),
    summary,
    spec: {
      type: 'bar',
      orientation: 'horizontal',
      unit: indicator.unit,
      categories: names.map((n) => [n]),
      categoryNames: names,
      series: seriesFor(['actual'], shown.map((o) => ({ match: (x) => x === o })), shown, indicator, (l) => l[0]),
      reference: reference(dataset, indicator),
    },
    observations: [...shown, ...fair.aggregates].sort(compareObservations),
  };
}

/**
 * One subject's figures for one indicator over time, or its actual figure against its target. Undefined unless
 * there are two clean periods of actual/baseline figures, or an actual and a target.
 */
export function subjectChart(dataset: Dataset, indicator: Indicator, observations: Observation[], key = `trend-${indicator.id}`): ChartFigureData | undefined {
  if (!isChartable(indicator)) return undefined;
  const clean = unambiguous(observations).sort(compareObservations);
  const measured = clean.filter((o) => o.kind !== 'target');
  const periods = [...new Set(clean.map((o) => o.period))].sort((a, b) => periodEndDate(a).localeCompare(periodEndDate(b)) || (a.includes('/') ? -1 : 1));
  const isTrend = new Set(measured.map((o) => o.period)).size >= 2;
  const isAgainstTarget = clean.some((o) => o.kind === 'actual') && clean.some((o) => o.kind === 'target');
  if (!isTrend && !isAgainstTarget) return undefined;
  const summary = subjectSummary(dataset, indicator, clean);
  if (!summary) return undefined;
  const labels = periods.map((p) => periodText(clean.find((o) => o.period === p)!));
  const kinds = KIND_ORDER.filter((k) => clean.some((o) => o.kind === k));
  const actualCount = clean.filter((o) => o.kind === 'actual').length;
  const name = subjectName(dataset, clean[0].subject);
  return {
    key,
    title: tf(isTrend ? 'chart.title.trend' : 'chart.title.target', { subject: name, name: indicator.name }),
    summary,
    spec: {
      type: actualCount >= 3 ? 'line' : 'bar',
      orientation: 'vertical',
      unit: indicator.unit,
      categories: labels.map(labelLines),
      categoryNames: labels,
      series: seriesFor(kinds, periods.map((p) => ({ match: (o) => o.period === p })), clean, indicator, (l) => l[0]),
      reference: reference(dataset, indicator),
    },
    observations: clean,
  };
}

/** Figures about a region and every region below it, for comparing a prefecture with its counties. */
function regionFamily(dataset: Dataset, regionId: string, indicatorId: string): Observation[] {
  // Walk the region's own subtree (indexed), not every figure of the indicator in the country.
  const family: Observation[] = [];
  for (const r of dataset.regionDescendants.get(regionId) ?? []) for (const o of observationsOf(dataset, 'region', r)) if (o.indicator === indicatorId) family.push(o);
  return family;
}

/** Figures grouped by a key, each group in the order given. */
function groupBy<K>(observations: readonly Observation[], key: (o: Observation) => K): Map<K, Observation[]> {
  const groups = new Map<K, Observation[]>();
  for (const o of observations) {
    const list = groups.get(key(o));
    if (list) list.push(o);
    else groups.set(key(o), [o]);
  }
  return groups;
}

/** The charts a group, region or institution page shows for its own figures, in catalogue order of indicators. */
export function chartsForSubject(dataset: Dataset, type: SubjectType, id: string): ChartFigureData[] {
  const charts: ChartFigureData[] = [];
  for (const [indicatorId, ownOfIndicator] of groupBy(observationsOf(dataset, type, id), (o) => o.indicator)) {
    const indicator = dataset.indicator.get(indicatorId);
    if (!indicator) continue;
    const family = type === 'region' ? comparisonChart(dataset, indicator, regionFamily(dataset, id, indicatorId), `compare-${indicatorId}`) : undefined;
    if (family) {
      family.title = tf('chart.title.family', { name: indicator.name, place: subjectName(dataset, { type, id }) });
      charts.push(family);
    }
    const trend = subjectChart(dataset, indicator, ownOfIndicator, `trend-${indicatorId}`);
    if (trend) charts.push(trend);
  }
  return charts.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
}

/** Charts for an indicator page: the comparison across subjects, then each subject's own trend or target. */
export function chartsForIndicator(dataset: Dataset, indicator: Indicator): ChartFigureData[] {
  const observations = [...observationsOfIndicator(dataset, indicator.id)];
  const charts: ChartFigureData[] = [];
  const comparison = comparisonChart(dataset, indicator, observations);
  if (comparison) charts.push(comparison);
  for (const own of groupBy(observations, (o) => subjectKey(o.subject.type, o.subject.id)).values()) {
    const s = own[0].subject;
    const chart = subjectChart(dataset, indicator, own, `trend-${s.type}-${s.id}`);
    if (chart) charts.push(chart);
  }
  return charts;
}
