/**
 * The indicator page: one indicator (definition, target, every figure or, when they are too many for one page, a
 * summary per province), shared by its embed view and chart images. Pure: the dataset in, what the page shows out.
 */
import type { Indicator, Observation } from '../schemas';
import { observationsOfIndicator, type Dataset } from '../data/dataset';
import { formatDate, formatQualified } from './format';
import { comparableTarget, targetStatus } from '../data/meets-target';
import { provinceOfSubject, subjectKey } from '../data/subject';
import { openEnd } from '../data/comparable';
import { chartsForIndicator, comparisonSummary, unambiguous, type ChartFigureData } from '../data/series';
import { periodEndDate, periodText } from '../data/period';
import { downloadLinks, type DownloadLink } from '../downloads/registry';
import { rememberReads, type Remembered } from '../data/reads';
import { indicatorUpdated } from './updated';
import { citeView, observationTable, type CiteView, type ObservationTableView } from './figures';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

/**
 * Most figures an indicator page lists row by row. Beyond this the page summarises by province: at national size an
 * indicator has ~20,000 figures, several megabytes of HTML, and no reader scrolls them; the rows stay in the downloads.
 * A row weighs about 3 KB with its place's trend chart: 200 rows made a 602 KB page at 1/100 national size.
 */
export const INDICATOR_ROW_LIMIT = 100;

/** One province's share of an indicator's figures. */
export interface ProvinceRow {
  /** The province (absent for figures whose place is not in the region tree). */
  region?: { id: string; name: string; href: string };
  /** Places (regions, groups, institutions) with any figure for the indicator. */
  places: number;
  figures: number;
  /** Places with one clear actual figure in the compared period. */
  compared: number;
  median?: string;
  low?: string;
  high?: string;
  /**
   * How many of the figures `targetStatus` can judge meet the national target, and how many it can judge (only with a
   * national target and a direction, and only when it can judge any: a figure of unstated basis meets and misses nothing).
   */
  meeting?: number;
  judged?: number;
  /** Raw numbers, for tests and sorting. */
  stats?: { median: number; low: number; high: number };
}

export interface ProvinceSummaryView {
  intro: string;
  /** Sentence saying what is compared with the national target, when it is. */
  targetNote?: string;
  caption: string;
  /** The period whose actual figures are compared, in words. */
  period?: string;
  /** The period's code (as in the data). */
  periodCode?: string;
  comparedHeading: string;
  hasTarget: boolean;
  rows: ProvinceRow[];
}

export type IndicatorReports =
  | { mode: 'none' }
  | {
      mode: 'rows';
      /** The comparison across places with the full table, or, without a chart, a sentence and the table. */
      comparison?: ChartFigureData;
      /** Set when the comparison tells no place from another (every bar the same open bound, "> 90%" three times): the page leads with the table and says why. */
      sameBound?: string;
      summary?: string;
      table: ObservationTableView;
      trends: { chart: ChartFigureData; table: ObservationTableView }[];
    }
  | { mode: 'provinces'; provinces: ProvinceSummaryView };

/** A chart's image files: the SVG written at build time, and the name its SVG and PNG downloads are saved under. */
export interface ChartDownload {
  /** The SVG file's address on this site. */
  svg: string;
  /** File name without extension, from the indicator id: "in-county-visit-rate", "in-county-visit-rate-region-kunming". */
  name: string;
}

/** The grapher's four views of an indicator, in order; the id is the `?tab=` value and the section's anchor. */
export const INDICATOR_TABS = ['chart', 'table', 'sources', 'download'] as const;
export type IndicatorTab = (typeof INDICATOR_TABS)[number];
const TABLE_FIRST: readonly IndicatorTab[] = ['table', 'chart', 'sources', 'download'];

/** A document the indicator's figures come from, and how many figures it gives. */
export interface SourceDocumentView {
  href: string;
  title: string;
  date?: string;
  figures: string;
}

export interface IndicatorPageView {
  indicator: Indicator;
  title: string;
  description: string;
  framework: { label: string; href: string };
  statusLabel: string;
  official: boolean;
  caveat?: { status: string; title: string; text: string; note?: string };
  target?: { text: string; basis: string };
  source?: CiteView;
  reports: IndicatorReports;
  downloads: DownloadLink[];
  updated?: string;
  /** The tabs: 图表 / 表格 / 来源 / 下载 (sections without JavaScript). */
  tabs: { id: IndicatorTab; label: string }[];
  /** Image files of each chart on the page, by chart key. */
  chartDownloads: Record<string, ChartDownload>;
  /** Each chart's title, by chart key, for the list of images under 下载. */
  chartTitles: Record<string, string>;
  /** Documents the figures come from. */
  sources: SourceDocumentView[];
  /**
   * The embed view: its address and the <iframe> snippet to copy; the full page's address it links back to (absolute
   * once published, the site path in a preview build); the one chart it shows.
   */
  embed: { href: string; url: string; snippet: string; preview?: boolean; page: string; chart?: ChartFigureData };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The middle value of a sorted list (the mean of the two middle values for an even count). */
function medianOfSorted(values: readonly number[]): number {
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/**
 * The period compared across provinces: the one with the most places reporting a clear actual figure, so every
 * province is measured at the same time.
 */
function comparedPeriod(actuals: readonly Observation[]): string | undefined {
  const count = new Map<string, number>();
  for (const o of actuals) count.set(o.period, (count.get(o.period) ?? 0) + 1);
  // Most places, then the latest end, then the shorter code ("2024" before "2024-Q4"), whatever order figures came in.
  const rank = (a: string, b: string) => count.get(b)! - count.get(a)! || periodEndDate(b).localeCompare(periodEndDate(a)) || a.length - b.length || a.localeCompare(b);
  return [...count.keys()].sort(rank)[0];
}

/** An indicator's figures summarised per province: places reporting, median and range, places meeting the target. */
export function provinceSummary(dataset: Dataset, indicator: Indicator, observations: readonly Observation[]): ProvinceSummaryView {
  const province = (o: Observation) => provinceOfSubject(dataset, o.subject);
  const actuals = unambiguous(observations.filter((o) => o.kind === 'actual'));
  const period = comparedPeriod(actuals);
  const periodWords = period ? periodText(actuals.find((o) => o.period === period)!) : undefined;
  const national = comparableTarget(dataset, indicator);
  const hasTarget = Boolean(national && indicator.polarity !== 'neutral');

  const byProvince = new Map<string | undefined, { places: Set<string>; figures: number; values: number[]; meeting: number; judged: number }>();
  const bucket = (id: string | undefined) => {
    let b = byProvince.get(id);
    if (!b) byProvince.set(id, (b = { places: new Set(), figures: 0, values: [], meeting: 0, judged: 0 }));
    return b;
  };
  for (const o of observations) {
    const b = bucket(province(o));
    b.figures++;
    b.places.add(subjectKey(o.subject.type, o.subject.id));
  }
  for (const o of actuals) {
    if (o.period !== period) continue;
    const b = bucket(province(o));
    b.values.push(o.value);
    // The same rule as the catalogue's grid and the sentences: an "约" or open-ended figure that cannot tell is not counted.
    const status = hasTarget ? targetStatus(dataset, indicator, o) : undefined;
    if (status?.comparable) {
      b.judged++;
      if (status.meets) b.meeting++;
    }
  }

  const text = (v: number) => formatQualified(v, indicator.unit);
  const rows: ProvinceRow[] = [...byProvince.entries()].map(([id, b]) => {
    const values = b.values.sort((x, y) => x - y);
    const region = id ? dataset.region.get(id) : undefined;
    const stats = values.length ? { median: medianOfSorted(values), low: values[0], high: values[values.length - 1] } : undefined;
    return {
      ...(region ? { region: { id: region.id, name: region.name, href: `/regions/${region.id}/` } } : {}),
      places: b.places.size,
      figures: b.figures,
      compared: values.length,
      ...(stats ? { median: text(stats.median), low: text(stats.low), high: text(stats.high), stats } : {}),
      ...(hasTarget && b.judged ? { meeting: b.meeting, judged: b.judged } : {}),
    };
  });
  rows.sort((a, b) => (a.region ? (b.region ? a.region.name.localeCompare(b.region.name, 'zh-CN') : -1) : 1));
  const places = rows.reduce((n, r) => n + r.places, 0);
  const periodLabel = periodWords ?? '';
  return {
    intro: tf('indicator.byProvinceIntro', { figures: observations.length, places, period: periodLabel }),
    ...(hasTarget && period ? { targetNote: tf('indicator.byProvinceTarget', { target: formatQualified(national!.value, indicator.unit, national!.qualifier), period: periodLabel }) } : {}),
    caption: tf('indicator.byProvinceCaption', { name: indicator.name, period: periodLabel }),
    ...(period ? { period: periodWords, periodCode: period } : {}),
    comparedHeading: tf('indicator.byProvince.col.compared', { period: periodLabel }),
    hasTarget,
    rows,
  };
}

/** The one open bound every figure states ("> 90%"), when there are several and none says more; otherwise undefined. */
function boundOfAll(observations: readonly Observation[], unit: string): string | undefined {
  const [first] = observations;
  if (observations.length < 2 || openEnd(first) === undefined) return undefined;
  const same = observations.every((o) => o.qualifier === first.qualifier && o.value === first.value && o.valueHigh === first.valueHigh);
  return same ? formatQualified(first.value, unit, first.qualifier) : undefined;
}

function reportsOf(dataset: Dataset, indicator: Indicator, observations: readonly Observation[]): IndicatorReports {
  if (observations.length === 0) return { mode: 'none' };
  if (observations.length > INDICATOR_ROW_LIMIT) return { mode: 'provinces', provinces: provinceSummary(dataset, indicator, observations) };
  const charts = chartsForIndicator(dataset, indicator);
  const comparison = charts.find((c) => c.key.startsWith('compare-'));
  const sameBound = comparison && boundOfAll(comparison.observations, indicator.unit);
  // Without a comparison, one sentence about the figures; left out where a chart below already says exactly it.
  const summary = comparison ? undefined : comparisonSummary(dataset, indicator, [...observations]);
  const said = summary !== undefined && charts.some((c) => c.summary === summary);
  return {
    mode: 'rows',
    ...(comparison ? { comparison } : {}),
    ...(sameBound ? { sameBound: tf('grapher.sameBound', { bound: sameBound }) } : {}),
    ...(summary && !said ? { summary } : {}),
    table: observationTable(dataset, observations, { caption: tf('indicator.tableCaption', { name: indicator.name }), first: 'subject', rowIds: true }),
    trends: charts
      .filter((c) => c !== comparison)
      .map((chart) => ({ chart, table: observationTable(dataset, chart.observations, { caption: tf('chart.tableCaption', { title: chart.title }), first: 'subject' }) })),
  };
}

/** The file name (no extension) of a chart's image: the indicator id, and for one place's chart that place too. */
export function chartFileName(indicatorId: string, chartKey: string): string {
  return chartKey.startsWith('compare-') ? indicatorId : `${indicatorId}-${chartKey.replace(/^trend-/, '')}`;
}

/** Where a chart's SVG file is built. */
export const chartSvgHref = (indicatorId: string, chartKey: string) => `/indicators/${indicatorId}/${chartFileName(indicatorId, chartKey)}.svg`;

/** The charts an indicator page draws (the comparison first, then each place's own). */
export function indicatorCharts(reports: IndicatorReports): ChartFigureData[] {
  if (reports.mode !== 'rows') return [];
  return [...(reports.comparison ? [reports.comparison] : []), ...reports.trends.map((t) => t.chart)];
}

/** The embed view's address. */
export const embedHref = (indicatorId: string) => `/embed/indicators/${indicatorId}/`;

/** Documents cited by an indicator's figures, each once, in the order first cited; a lookup per document. */
function sourcesOf(dataset: Dataset, observations: readonly Observation[]): SourceDocumentView[] {
  const counts = new Map<string, number>();
  for (const o of observations) counts.set(o.source.document, (counts.get(o.source.document) ?? 0) + 1);
  return [...counts].map(([id, n]) => {
    const doc = dataset.document.get(id);
    return { href: `/documents/${id}/`, title: doc?.data.title ?? id, ...(doc ? { date: formatDate(doc.data.date) } : {}), figures: tf('grapher.sourceFigures', { n }) };
  });
}

// The page, its embed view and its SVG files all show one view: it is computed once per dataset, id and address, with
// what it read (src/data/reads.ts), which each page that shows it has read too.
const indicatorPages: Remembered<IndicatorPageView | undefined> = new WeakMap();

/** Everything an indicator page shows; undefined for an unknown id. Computed once, then shared by the embed and SVG routes. */
export function indicatorPage(dataset: Dataset, id: string, siteUrl: string | URL | undefined): IndicatorPageView | undefined {
  return rememberReads(indicatorPages, dataset, `${id}\n${siteUrl ? new URL(siteUrl).href : ''}`, (reading) => buildIndicatorPage(reading, id, siteUrl));
}

function buildIndicatorPage(dataset: Dataset, id: string, siteUrl: string | URL | undefined): IndicatorPageView | undefined {
  const indicator = dataset.indicator.get(id);
  if (!indicator) return undefined;
  const official = indicator.definitionStatus === 'official';
  const working = indicator.definitionStatus === 'working';
  const target = indicator.nationalTarget;
  const observations = observationsOfIndicator(dataset, indicator.id);
  const reports = reportsOf(dataset, indicator, observations);
  // A preview build has no public address: the snippet holds the site path, and the page says it works only once published.
  const embedUrl = siteUrl ? new URL(embedHref(indicator.id), siteUrl).href : embedHref(indicator.id);
  const pagePath = `/indicators/${indicator.id}/`;
  const embedChart = indicatorCharts(reports)[0];
  const title = tf('indicator.title', { name: indicator.name });
  return {
    indicator,
    title,
    description: tf('indicator.description', { name: indicator.name }),
    framework: { label: t(`framework.${indicator.framework}`), href: `/indicators/#fw-${indicator.framework}` },
    statusLabel: t(`indicator.status.${indicator.definitionStatus}`),
    official,
    ...(official
      ? {}
      : {
          caveat: {
            status: indicator.definitionStatus,
            title: t(working ? 'indicator.caveat.working' : 'indicator.caveat.source'),
            text: t(working ? 'indicator.caveat.workingText' : 'indicator.caveat.sourceText'),
            ...(indicator.definitionNote ? { note: indicator.definitionNote } : {}),
          },
        }),
    ...(target ? { target: { text: formatQualified(target.value, indicator.unit, target.qualifier), basis: target.basis } } : {}),
    ...(indicator.source ? { source: citeView(dataset, indicator.source) } : {}),
    reports,
    downloads: downloadLinks(dataset, siteUrl, 'indicator', indicator.id),
    updated: indicatorUpdated(dataset, indicator),
    // The figure first, as a grapher shows it: the chart, or the table where the chart tells nothing apart.
    tabs: (reports.mode === 'rows' && reports.sameBound ? TABLE_FIRST : INDICATOR_TABS).map((id) => ({ id, label: t(`grapher.tab.${id}`) })),
    chartDownloads: Object.fromEntries(indicatorCharts(reports).map((c) => [c.key, { svg: chartSvgHref(indicator.id, c.key), name: chartFileName(indicator.id, c.key) }])),
    chartTitles: Object.fromEntries(indicatorCharts(reports).map((c) => [c.key, c.title])),
    sources: sourcesOf(dataset, observations),
    embed: {
      href: embedHref(indicator.id),
      url: embedUrl,
      snippet: `<iframe src="${embedUrl}" title="${escapeAttr(title)}" width="100%" height="600" loading="lazy"></iframe>`,
      ...(siteUrl ? {} : { preview: true }),
      page: siteUrl ? new URL(pagePath, siteUrl).href : pagePath,
      ...(embedChart ? { chart: embedChart } : {}),
    },
  };
}

// The catalogue's pages (/indicators/, by topic, by province) are ./catalogue.ts.
export { GRID_PLACE_CAP, gridCell, indicatorsIndex, type CatalogueFilter, type CatalogueView, type GridCell, type GridView } from './catalogue';
