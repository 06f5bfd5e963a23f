/**
 * What the figure components show, resolved from the dataset once per page: a source citation, a table of figures
 * with their sources and corrections, and a subject's outcomes (charts, table, downloads). Components only render these.
 */
import type { Observation, SourceRef } from '../schemas';
import { observationsOf, subjectHref, subjectName, type Dataset, type SubjectType } from '../data/dataset';
import { formatDate, formatFigure, formatStatistic } from './format';
import { formatPeriod } from '../data/period';
import { chartsForSubject, compareObservations, type ChartFigureData } from '../data/series';
import { correctionsFor, correctionSentence } from '../data/corrections';
import { downloadLinks, type DownloadLink } from '../downloads/registry';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

/** A source as a page cites it: the document (linked), its date, the section, and the excerpt. */
export interface CiteView {
  href: string;
  title: string;
  /** The document's date as the page shows it, when the document is known. */
  date?: string;
  /** Where the document was published or reprinted, as the source names it. */
  outlet?: string;
  section: string;
  excerpt?: string;
  /** Who issued the document (for where to report an error when the site has no channel of its own). */
  issuer?: string;
}

/** Whether a document's outlet names a place of publication (not "未载…", the data's word for none recorded). */
export const outletNamed = (outlet: string | undefined): outlet is string => Boolean(outlet) && !outlet!.startsWith('未载');

export function citeView(dataset: Dataset, source: SourceRef): CiteView {
  const doc = dataset.document.get(source.document);
  return {
    href: `/documents/${source.document}/`,
    title: doc?.data.title ?? source.document,
    // An outlet the source does not name is written "未载（…）" in the data: a citation then names none ("刊载于未载" reads
    // as nonsense); the document's own page says why.
    ...(doc ? { date: formatDate(doc.data.date), ...(outletNamed(doc.data.outlet) ? { outlet: doc.data.outlet } : {}), ...(doc.data.issuer ? { issuer: doc.data.issuer } : {}) } : {}),
    section: source.section,
    ...(source.excerpt ? { excerpt: source.excerpt } : {}),
  };
}

export interface ObservationRow {
  id: string;
  /** The row's anchor (`obs-<id>`) when the table is the figure's home on the page. */
  anchor?: string;
  /** First column: the indicator (on a subject's page) or the subject (on an indicator's page). */
  head: { href: string; label: string; kind?: string };
  period: string;
  kind: string;
  value: string;
  /** For a median, mean or total: what it is taken across ("各…的中位数，不是单一地方的数值"). */
  statistic?: string;
  cite: CiteView;
  note?: string;
  corrections: { id: string; sentence: string; href: string }[];
}

export interface ObservationTableView {
  caption: string;
  first: 'indicator' | 'subject';
  rows: ObservationRow[];
  className?: string;
  /** The issuers of the documents the figures come from, each once: who to tell about a wrong figure. */
  issuers: string[];
}

/** Regions first, then groups, then institutions. */
const SUBJECT_RANK: Record<SubjectType, number> = { region: 0, group: 1, institution: 2 };

/** Figures as table rows, sorted by indicator name (or subject) then time. */
export function observationTable(
  dataset: Dataset,
  observations: readonly Observation[],
  options: { caption: string; first: 'indicator' | 'subject'; rowIds?: boolean; className?: string },
): ObservationTableView {
  const indicatorOf = (o: Observation) => dataset.indicator.get(o.indicator)!;
  const names = new Map(observations.map((o) => [o, subjectName(dataset, o.subject)]));
  const sorted = [...observations].sort((a, b) =>
    options.first === 'indicator'
      ? indicatorOf(a).name.localeCompare(indicatorOf(b).name, 'zh-CN') || compareObservations(a, b)
      : SUBJECT_RANK[a.subject.type] - SUBJECT_RANK[b.subject.type] ||
        names.get(a)!.localeCompare(names.get(b)!, 'zh-CN') ||
        compareObservations(a, b),
  );
  const rows = sorted.map((o): ObservationRow => ({
      id: o.id,
      ...(options.rowIds ? { anchor: `obs-${o.id}` } : {}),
      head:
        options.first === 'indicator'
          ? { href: `/indicators/${o.indicator}/`, label: indicatorOf(o).name }
          : { href: subjectHref(o.subject), label: names.get(o)!, kind: t(`obs.subject.${o.subject.type}`) },
      period: o.periodLabel ?? formatPeriod(o.period),
      kind: t(`obs.kind.${o.kind}`),
      value: formatFigure(o, indicatorOf(o).unit),
      ...(formatStatistic(o) ? { statistic: formatStatistic(o) } : {}),
      cite: citeView(dataset, o.source),
      ...(o.note ? { note: o.note } : {}),
      corrections: correctionsFor(dataset, o.id).map((v) => ({ id: v.correction.id, sentence: correctionSentence(v), href: v.href })),
  }));
  return {
    caption: options.caption,
    first: options.first,
    ...(options.className ? { className: options.className } : {}),
    rows,
    issuers: [...new Set(rows.flatMap((r) => (r.cite.issuer ? [r.cite.issuer] : [])))],
  };
}

/** A subject's reported figures: charts where a chart helps, every figure in a table, and a group's downloads. */
export interface OutcomesView {
  charts: { chart: ChartFigureData; table: ObservationTableView }[];
  table?: ObservationTableView;
  downloads: DownloadLink[];
}

export function outcomesView(dataset: Dataset, type: SubjectType, id: string, caption: string, siteUrl: string | URL | undefined, options: { charts?: boolean } = {}): OutcomesView {
  const observations = observationsOf(dataset, type, id);
  const charts = options.charts === false ? [] : chartsForSubject(dataset, type, id);
  const group = type === 'group' ? dataset.group.get(id) : undefined;
  return {
    charts: charts.map((chart) => ({
      chart,
      table: observationTable(dataset, chart.observations, {
        caption: tf('chart.tableCaption', { title: chart.title }),
        first: chart.key.startsWith('compare-') ? 'subject' : 'indicator',
      }),
    })),
    ...(observations.length ? { table: observationTable(dataset, observations, { caption, first: 'indicator', rowIds: true, className: 'outcomes' }) } : {}),
    downloads: group && observations.length ? downloadLinks(dataset, siteUrl, 'group', group.id) : [],
  };
}
