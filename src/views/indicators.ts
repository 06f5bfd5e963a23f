/**
 * The indicator pages: one indicator (definition, target, every figure or, when they are too many for one page, a
 * summary per province) and the catalogue of all indicators. Pure: the dataset in, what the page shows out.
 */
import type { Indicator, Observation } from '../schemas';
import { byName, observationsOf, observationsOfIndicator, pathOf, subjectHref, subjectName, type Dataset, type DocumentEntry } from '../data/dataset';
import { formatDate, formatFigure, formatQualified, formatStatistic } from './format';
import { comparableTarget, targetStatus } from '../data/meets-target';
import { provinceOfSubject, subjectKey } from '../data/subject';
import { chartsForIndicator, comparisonSummary, unambiguous, type ChartFigureData } from '../data/series';
import { periodEndDate, periodText } from '../data/period';
import { downloadRegistry, linkOf, type DownloadLink } from '../downloads/registry';
import { indicatorUpdated } from './updated';
import { catalogue, gridIndicators, localByDocument, newerFirst, topicOf, TOPIC_ORDER, type Framework, type Topic } from './catalogue';
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

function reportsOf(dataset: Dataset, indicator: Indicator, observations: readonly Observation[]): IndicatorReports {
  if (observations.length === 0) return { mode: 'none' };
  if (observations.length > INDICATOR_ROW_LIMIT) return { mode: 'provinces', provinces: provinceSummary(dataset, indicator, observations) };
  const charts = chartsForIndicator(dataset, indicator);
  const comparison = charts.find((c) => c.key.startsWith('compare-'));
  return {
    mode: 'rows',
    ...(comparison ? { comparison } : {}),
    ...(comparison ? {} : { summary: comparisonSummary(dataset, indicator, [...observations]) }),
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

// The page, its embed view and its SVG files all show one view: it is computed once per dataset, id and address.
const indicatorPages = new WeakMap<Dataset, Map<string, IndicatorPageView | undefined>>();

/** Everything an indicator page shows; undefined for an unknown id. Computed once, then shared by the embed and SVG routes. */
export function indicatorPage(dataset: Dataset, id: string, siteUrl: string | URL | undefined): IndicatorPageView | undefined {
  let pages = indicatorPages.get(dataset);
  if (!pages) indicatorPages.set(dataset, (pages = new Map()));
  const key = `${id}\n${siteUrl ? new URL(siteUrl).href : ''}`;
  if (!pages.has(key)) pages.set(key, buildIndicatorPage(dataset, id, siteUrl));
  return pages.get(key);
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
    downloads: downloadRegistry(dataset, siteUrl).indicator(indicator.id).map(linkOf),
    updated: indicatorUpdated(dataset, indicator),
    tabs: INDICATOR_TABS.map((id) => ({ id, label: t(`grapher.tab.${id}`) })),
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

/** One of an indicator's newest figures, as the catalogue shows it. */
export interface CatalogueLatest {
  place: { name: string; href: string };
  period: string;
  /** The figure with what kind of number it is: "中位数 87.49%", "> 90%". */
  value: string;
  /** 目标 or 基线; absent for actual figures. */
  kind?: string;
  /** For a median, mean or total: what it is taken across, and that it is no single place's figure. */
  statistic?: string;
}

export interface CatalogueRow {
  id: string;
  name: string;
  href: string;
  unit: string;
  status: string;
  framework: Framework;
  topic: Topic;
  topicLabel: string;
  /** "3 个地方，5 个数字". */
  reach: string;
  places: number;
  figures: number;
  latest: CatalogueLatest[];
  /** "另有 2 个数字", when more figures than shown. */
  more?: string;
  /** Provinces with figures, by id (the place filter). */
  provinces: string[];
}

/** An indicator with no figures yet: one item of a short list. */
export interface CatalogueWaiting {
  id: string;
  name: string;
  href: string;
  topic: Topic;
}

export interface CatalogueSection {
  framework: Framework;
  label: string;
  about: string;
  notRetrieved?: string;
  indicatorCount: number;
  countLine?: string;
  /** Indicators with figures: one table for a national framework; local indicators in one table per source document. */
  tables: { heading?: { text: string; href?: string }; caption: string; rows: CatalogueRow[] }[];
  /** Indicators with no figures yet, listed in one line rather than a row each. */
  waiting: CatalogueWaiting[];
  waitingLabel?: string;
}

export interface FilterOption {
  value: string;
  label: string;
  /** How many indicators it selects. */
  count: number;
  /** A page showing only these indicators (works without JavaScript). */
  href: string;
}

/** A cell of the overview grid: colour only when the figure can be held against the national target. */
export interface GridCell {
  indicator: string;
  /** `meets` / `misses` are coloured; `apart` has a figure not comparable with the target; `empty` has none. */
  status: 'meets' | 'misses' | 'apart' | 'empty';
  /** The symbol shown with the colour, so colour is never the only cue. */
  symbol: string;
  value?: string;
  /** What kind of figure it is, in words shown beside it (目标, 基线, 中位数); absent for a place's own actual figure. */
  kind?: string;
  period?: string;
  /** Why the cell is or is not coloured, in words (also read by screen readers). */
  note: string;
}

export interface GridView {
  caption: string;
  columns: { id: string; name: string; href: string; target?: string; targetUnverified?: boolean; polarity: string }[];
  /** `province`: the place's province id, for the in-page place filter to hide other provinces' rows. */
  rows: { place: { name: string; href: string }; province?: string; cells: GridCell[] }[];
  legend: { status: GridCell['status']; symbol: string; text: string }[];
  /** Places beyond the cap: linked, not gridded. */
  omitted?: { text: string; links: { name: string; href: string }[] };
}

export interface CatalogueView {
  title: string;
  h1: string;
  intro: string;
  /** On a filtered page: what it is filtered by, and a link back to everything. */
  filtered?: { text: string; allHref: string };
  filters: { frameworks: FilterOption[]; topics: FilterOption[]; places: FilterOption[] };
  sections: CatalogueSection[];
  grid?: GridView;
  /** When the nation's places are too many for one grid: a grid per province, linked. */
  gridByProvince?: { name: string; href: string; places: string }[];
}

/** Most places in one overview grid; beyond it the grid goes per province and the rest of a province is linked. */
export const GRID_PLACE_CAP = 30;

export type CatalogueFilter = { topic: Topic } | { place: string };

const placeLink = (dataset: Dataset, s: Observation['subject']) => ({ name: subjectName(dataset, s), href: subjectHref(s) });

function latestView(dataset: Dataset, indicator: Indicator, o: Observation): CatalogueLatest {
  const statistic = formatStatistic(o);
  const kind = o.kind === 'actual' ? undefined : t(`figures.kind.${o.kind}`);
  return { place: placeLink(dataset, o.subject), period: periodText(o), value: formatFigure(o, indicator.unit), ...(kind ? { kind } : {}), ...(statistic ? { statistic } : {}) };
}

/** A place's newest actual figure for an indicator, else its newest of any kind: from that place's own figures (a lookup, not a scan). */
function placeFigure(dataset: Dataset, subject: Observation['subject'], indicatorId: string): Observation | undefined {
  const own = observationsOf(dataset, subject.type, subject.id).filter((o) => o.indicator === indicatorId).sort(newerFirst);
  return own.find((o) => o.kind === 'actual') ?? own[0];
}

/** One grid cell: coloured only when `targetStatus` can tell, with a symbol and words either way. */
export function gridCell(dataset: Dataset, indicator: Indicator, o: Observation | undefined): GridCell {
  if (!o) return { indicator: indicator.id, status: 'empty', symbol: '', note: t('grid.note.empty') };
  const kind = [o.kind === 'actual' ? '' : t(`figures.kind.${o.kind}`), o.statistic && o.statistic !== 'value' ? t(`figures.statistic.${o.statistic}`) : ''].filter(Boolean).join(' · ');
  const base = { indicator: indicator.id, value: formatFigure(o, indicator.unit), ...(kind ? { kind } : {}), period: periodText(o) };
  const status = targetStatus(dataset, indicator, o);
  if (status.comparable) {
    return status.meets ? { ...base, status: 'meets', symbol: '✓', note: t('grid.note.meets') } : { ...base, status: 'misses', symbol: '✗', note: t('grid.note.misses') };
  }
  return { ...base, status: 'apart', symbol: '·', note: t(`grid.note.${status.reason}`) };
}

/** `provinceOfPlace`: each shown place's province id (the same subject objects as `places`), for the in-page filter. */
function gridView(dataset: Dataset, places: readonly Observation['subject'][], caption: string, allOfProvince?: string, provinceOfPlace?: ReadonlyMap<Observation['subject'], string>): GridView {
  const columns = gridIndicators(dataset);
  const shown = places.slice(0, GRID_PLACE_CAP);
  const rest = places.slice(GRID_PLACE_CAP);
  return {
    caption,
    columns: columns.map((i) => ({
      id: i.id,
      name: i.shortName ?? i.name,
      href: `/indicators/${i.id}/`,
      ...(comparableTarget(dataset, i) && i.polarity !== 'neutral' ? { target: formatQualified(i.nationalTarget!.value, i.unit, i.nationalTarget!.qualifier) } : {}),
      ...(i.nationalTarget && !comparableTarget(dataset, i) ? { targetUnverified: true } : {}),
      polarity: t(`grid.polarity.${i.polarity}`),
    })),
    rows: shown.map((s) => {
      const province = provinceOfPlace?.get(s);
      return { place: placeLink(dataset, s), ...(province ? { province } : {}), cells: columns.map((i) => gridCell(dataset, i, placeFigure(dataset, s, i.id))) };
    }),
    legend: (['meets', 'misses', 'apart', 'empty'] as const).map((status) => ({ status, symbol: { meets: '✓', misses: '✗', apart: '·', empty: '' }[status], text: t(`grid.legend.${status}`) })),
    ...(rest.length
      ? { omitted: { text: tf('grid.omitted', { n: rest.length, cap: GRID_PLACE_CAP, ...(allOfProvince ? { province: allOfProvince } : { province: '' }) }), links: rest.map((s) => placeLink(dataset, s)) } }
      : {}),
  };
}

/**
 * The indicator catalogue: each framework with its indicators' newest figures, how many places report each, filters by
 * framework, topic and place, and an overview grid of places × national indicators. With a filter, the same for one
 * topic or one province (the pages readers without JavaScript filter by).
 */
export function indicatorsIndex(dataset: Dataset, filter?: CatalogueFilter): CatalogueView {
  const index = dataset.indicatorIndex;
  const sections = catalogue(dataset);
  const all = sections.flatMap((s) => s.indicators);
  const provinceIndicators = filter && 'place' in filter ? (index.indicatorsOfProvince.get(filter.place) ?? new Set<string>()) : undefined;
  const place = filter && 'place' in filter ? filter.place : undefined;
  const keep = (i: Indicator) => (!filter ? true : 'topic' in filter ? topicOf(i) === filter.topic : provinceIndicators!.has(i.id));

  // A province's page counts and shows that province's figures, never the nation's.
  const reachOf = (i: Indicator) => (place ? (index.inProvince.get(`${place}|${i.id}`) ?? { figures: 0, places: 0, latest: [] }) : index.facts.get(i.id)!);
  const row = (i: Indicator): CatalogueRow => {
    const f = reachOf(i);
    const latest = f.latest;
    const topic = topicOf(i);
    return {
      id: i.id,
      name: i.name,
      href: `/indicators/${i.id}/`,
      unit: i.unit,
      status: t(`indicator.status.${i.definitionStatus}`),
      framework: i.framework,
      topic,
      topicLabel: t(`topic.${topic}`),
      reach: tf('indicators.reach', { places: f.places, figures: f.figures }),
      places: f.places,
      figures: f.figures,
      latest: latest.map((o) => latestView(dataset, i, o)),
      ...(f.figures > latest.length ? { more: tf('indicators.more', { n: f.figures - latest.length }) } : {}),
      provinces: [...index.facts.get(i.id)!.provinces].sort(),
    };
  };
  const waiting = (i: Indicator): CatalogueWaiting => ({ id: i.id, name: i.name, href: `/indicators/${i.id}/`, topic: topicOf(i) });

  const viewSections: CatalogueSection[] = sections
    .map(({ framework, indicators: listed }) => {
      const indicators = listed.filter(keep);
      const label = t(`framework.${framework}`);
      const reported = indicators.filter((i) => index.facts.has(i.id));
      const unreported = indicators.filter((i) => !index.facts.has(i.id));
      const figures = reported.reduce((n, i) => n + reachOf(i).figures, 0);
      const tables =
        framework === 'local'
          ? localByDocument(dataset, reported).map((g) => {
              const docTitle = g.document ? dataset.document.get(g.document)?.data.title : undefined;
              const text = docTitle ? tf('indicators.localFrom', { title: docTitle }) : t('indicators.localOther');
              return { heading: { text, ...(docTitle ? { href: `/documents/${g.document}/` } : {}) }, caption: `${t('framework.local')}：${text}`, rows: g.indicators.map(row) };
            })
          : reported.length
            ? [{ caption: tf('indicators.tableCaption', { framework: label }), rows: reported.map(row) }]
            : [];
      const notRetrieved = framework === 'nhc-2020' && !filter ? t('indicators.notRetrieved.nhc-2020') : undefined;
      return {
        framework,
        label,
        about: t(`indicators.about.${framework}`),
        ...(notRetrieved ? { notRetrieved } : {}),
        indicatorCount: indicators.length,
        ...(indicators.length ? { countLine: tf('indicators.countFigures', { n: indicators.length, m: figures }) } : {}),
        tables,
        waiting: unreported.map(waiting),
        ...(unreported.length ? { waitingLabel: tf('indicators.waiting', { n: unreported.length }) } : {}),
      };
    })
    // A filtered page leaves out frameworks with nothing to show; the full catalogue keeps every framework it explains.
    .filter((s) => !filter || s.indicatorCount > 0);

  const provinces = [...index.indicatorsOfProvince.keys()]
    .map((id) => dataset.region.get(id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .sort(byName);
  const filters = {
    frameworks: sections
      .filter((s) => s.indicators.length > 0)
      .map((s) => ({ value: s.framework, label: t(`framework.${s.framework}`), count: s.indicators.length, href: `/indicators/#fw-${s.framework}` })),
    topics: TOPIC_ORDER.map((topic) => ({ value: topic, label: t(`topic.${topic}`), count: all.filter((i) => topicOf(i) === topic).length, href: `/indicators/topic/${topic}/` })).filter((o) => o.count > 0),
    places: provinces.map((r) => ({ value: r.id, label: r.name, count: index.indicatorsOfProvince.get(r.id)!.size, href: `/indicators/place/${r.id}/` })),
  };

  // The overview grid: every place with a national figure when they fit in one grid, else one grid per province.
  let grid: GridView | undefined;
  let gridByProvince: CatalogueView['gridByProvince'];
  if (gridIndicators(dataset).length) {
    if (filter && 'place' in filter) {
      const places = index.gridPlaces.get(filter.place) ?? [];
      const name = dataset.region.get(filter.place)?.name ?? filter.place;
      if (places.length) grid = gridView(dataset, places, tf('grid.captionProvince', { province: name }), name);
    } else if (!filter) {
      const total = [...index.gridPlaces.values()].reduce((n, p) => n + p.length, 0);
      if (total <= GRID_PLACE_CAP) {
        const places = [...index.gridPlaces.values()].flat().sort((a, b) => subjectName(dataset, a).localeCompare(subjectName(dataset, b), 'zh-CN'));
        // At most GRID_PLACE_CAP places here, so the province of each is cheap to note.
        const provinceOfPlace = new Map([...index.gridPlaces].flatMap(([province, inProvince]) => inProvince.map((place) => [place, province] as const)));
        grid = gridView(dataset, places, t('grid.caption'), undefined, provinceOfPlace);
      } else {
        gridByProvince = provinces
          .filter((r) => index.gridPlaces.has(r.id))
          .map((r) => ({ name: r.name, href: `/indicators/place/${r.id}/#overview`, places: tf('grid.placesCount', { n: index.gridPlaces.get(r.id)!.length }) }));
      }
    }
  }

  const filterText = !filter ? undefined : 'topic' in filter ? tf('indicators.filteredTopic', { topic: t(`topic.${filter.topic}`) }) : tf('indicators.filteredPlace', { place: dataset.region.get(filter.place)?.name ?? filter.place });
  return {
    title: filterText ? tf('indicators.filteredTitle', { filter: filterText }) : t('indicators.title'),
    h1: filterText ? tf('indicators.filteredH1', { filter: filterText }) : t('indicators.h1'),
    intro: filterText ? tf('indicators.filteredIntro', { n: viewSections.reduce((n, s) => n + s.indicatorCount, 0) }) : t('indicators.intro'),
    ...(filterText ? { filtered: { text: filterText, allHref: '/indicators/' } } : {}),
    filters,
    sections: viewSections,
    ...(grid ? { grid } : {}),
    ...(gridByProvince ? { gridByProvince } : {}),
  };
}
