/**
 * The indicator catalogue (/indicators/, and the same filtered by topic or province): indicators grouped by framework,
 * local indicators by the document they come from, each with its newest figures and reach, and the overview grid of
 * places × national indicators. Pure: the dataset in, what the page shows out; lookups into the dataset's indicator index.
 */
import type { Indicator, Observation } from '../schemas';
import { framework as frameworkSchema, topic as topicSchema } from '../schemas';
import { byName, observationsOf, observationsOfIndicator, subjectHref, subjectName, type Dataset } from '../data/dataset';
import { comparableTarget, targetStatus } from '../data/meets-target';
import { periodText } from '../data/period';
import { newerFirst } from '../data/indicator-index';
import { formatFigure, formatQualified, formatStatistic } from './format';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

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

export { LATEST_SHOWN, newerFirst } from '../data/indicator-index';

/** The catalogue's index: the dataset's own (src/data/indicator-index.ts). */
export const catalogueIndex = (dataset: Dataset) => dataset.indicatorIndex;

/** National indicators (not local) with at least one figure: the overview grid's columns, in catalogue order. */
export function gridIndicators(dataset: Dataset): Indicator[] {
  return catalogue(dataset)
    .flatMap((s) => s.indicators)
    .filter((i) => i.framework !== 'local' && dataset.indicatorIndex.facts.has(i.id));
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
