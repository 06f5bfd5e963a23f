/**
 * The reading pages: documents, updates, the change log and the about page. Pure: the dataset in, what each page
 * shows out (names resolved, links made, dates written the Chinese way).
 */
import type { Group, Observation, Region } from '../schemas';
import { subjectHref, subjectName, type Dataset, type DocumentEntry, type UpdateEntry } from '../data/dataset';
import { documentFigures, documentPageTitle, groupsDescribedBy, issuerShort } from './documents';
import { correctionsNewestFirst, figureLabel, type CorrectionView } from '../data/corrections';
import { formatDate, formatFigure } from './format';
import { formatPeriod } from '../data/period';
import { placeLabel } from './titles';
import { citeView, type CiteView } from './figures';
import { capped } from './capped';
import { inferenceText, statusTag, withInference, type StatusTag } from './claims';
import { generalFactsView, type GeneralFactView } from './general-facts';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

const newestFirst = <T extends { id: string; data: { date: string } }>(list: readonly T[]) =>
  [...list].sort((a, b) => b.data.date.localeCompare(a.data.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const link = (name: string, href: string) => ({ name, href });

/** Documents the about page names (the newest); /documents/ has the rest. */
const ABOUT_DOCUMENTS = 24;


export interface DocumentPageView {
  title: string;
  /** The original publication as found: its title, outlet and address, or a plain statement that none was recorded. */
  original: { title: string; outlet: string; url?: string; noAddress?: string };
  /** How the site curated the scraped source: the editors' note, or the site's standing practice when they wrote none. */
  curation: string;
  /** Said on a plan (a policy document): what it states is to be done, not done. */
  planNote?: string;
  /** What the summary states: 计划 / 已实行 / 报告数字. */
  summaryStatus?: StatusTag;
  /** The date a reposting site shows, said to be a repost date, when the text was taken from a repost. */
  reposted?: string;
  /** "据报道推断：…" when the document's date is a reading of the source. */
  dateInference?: string;
  regions: { name: string; href: string }[];
  /** The first region's name, for search filters. */
  searchRegion?: string;
  groups: { name: string; href: string; kind: string; place: string }[];
  figuresCaption: string;
  figures: {
    id: string;
    indicator: { name: string; href: string };
    subject: { name: string; href: string };
    period: string;
    value: string;
    /** 目标 or 基线; absent for actual figures. */
    kind?: string;
    section: string;
    excerpt?: string;
    note?: string;
  }[];
}

/** What a document page shows besides its digest; undefined for an unknown id. */
export function documentPage(dataset: Dataset, id: string): DocumentPageView | undefined {
  const doc = dataset.document.get(id);
  if (!doc) return undefined;
  const regions = doc.data.regions.map((r) => dataset.region.get(r)).filter((r): r is Region => r !== undefined);
  const figures = documentFigures(dataset, id);
  const KIND: Partial<Record<Observation['kind'], string>> = { target: t('figures.kind.target'), baseline: t('figures.kind.baseline') };
  return {
    title: documentPageTitle(doc),
    original: {
      title: doc.data.originalTitle,
      outlet: doc.data.outlet,
      // Never guessed: an address only when the source gave one.
      ...(doc.data.originalUrl ? { url: doc.data.originalUrl } : { noAddress: t('doc.noAddress') }),
    },
    curation: doc.data.curationNote ?? t('doc.curationDefault'),
    ...(doc.data.type === 'policy' ? { planNote: t('doc.planNote') } : {}),
    ...(doc.data.summaryStatus ? { summaryStatus: statusTag(doc.data.summaryStatus)! } : {}),
    ...(doc.data.reposted ? { reposted: tf('doc.repostedNote', { date: formatDate(doc.data.reposted) }) } : {}),
    ...(doc.data.dateInference ? { dateInference: inferenceText(doc.data.dateInference)! } : {}),
    regions: regions.map((r) => link(placeLabel(dataset, r.id), `/regions/${r.id}/`)),
    ...(regions[0] ? { searchRegion: regions[0].name } : {}),
    groups: groupsDescribedBy(dataset, id).map((g: Group) => ({ name: g.name, href: `/groups/${g.id}/`, kind: t(`kind.group.${g.kind}`), place: placeLabel(dataset, g.region) })),
    figuresCaption: tf('documents.figuresCaption', { n: figures.length }),
    figures: figures.map(({ observation: o, indicator, subject }) => ({
      id: o.id,
      indicator: link(indicator.name, `/indicators/${indicator.id}/`),
      subject,
      period: o.periodLabel ?? formatPeriod(o.period),
      value: formatFigure(o, indicator.unit),
      ...(KIND[o.kind] ? { kind: KIND[o.kind] } : {}),
      section: o.source.section,
      ...(o.source.excerpt ? { excerpt: o.source.excerpt } : {}),
      ...optionalNote(withInference(o.note, o.inference)),
    })),
  };
}

const optionalNote = (note: string | undefined) => (note ? { note } : {});

/** The regions and groups a news item concerns, each linked. */
export interface UpdateTagsView {
  regions: { name: string; href: string }[];
  groups: { name: string; href: string }[];
}

export function updateTags(dataset: Dataset, update: UpdateEntry): UpdateTagsView {
  return {
    regions: update.data.regions.flatMap((id) => {
      const r = dataset.region.get(id);
      return r ? [link(r.name, `/regions/${r.id}/`)] : [];
    }),
    groups: update.data.groups.flatMap((id) => {
      const g = dataset.group.get(id);
      return g ? [link(g.name, `/groups/${g.id}/`)] : [];
    }),
  };
}

export interface UpdateItemView {
  id: string;
  href: string;
  title: string;
  date: string;
  dateText: string;
  summary: string;
  tags: UpdateTagsView;
  /** Names of the regions it concerns, for feeds. */
  regionNames: string[];
}

function updateItem(dataset: Dataset, u: UpdateEntry): UpdateItemView {
  const tags = updateTags(dataset, u);
  return {
    id: u.id,
    href: `/updates/${u.id}/`,
    title: u.data.title,
    date: u.data.date,
    dateText: formatDate(u.data.date),
    summary: u.data.summary,
    tags,
    regionNames: u.data.regions.map((id) => dataset.region.get(id)?.name ?? id),
  };
}

/** News items, newest first. */
export function updatesIndex(dataset: Dataset): UpdateItemView[] {
  return newestFirst(dataset.updates).map((u) => updateItem(dataset, u));
}

/** One news item's header and tags; undefined for an unknown id. */
export function updatePage(dataset: Dataset, id: string): (UpdateItemView & { pageTitle: string; searchRegion?: string }) | undefined {
  const u = dataset.update.get(id);
  if (!u) return undefined;
  const item = updateItem(dataset, u);
  const only = u.data.regions.length === 1 ? item.tags.regions[0]?.name : undefined;
  return { ...item, pageTitle: `${item.title}（${item.dateText}）`, ...(only ? { searchRegion: only } : {}) };
}

export interface ChangeView {
  id: string;
  date: string;
  dateText: string;
  heading: string;
  field: string;
  oldText: string;
  newText: string;
  why: string;
  who: string;
  figureLink: { text: string; href: string };
  cite: CiteView;
  /** The whole correction in one sentence, for the feed. */
  view: CorrectionView;
}

/** The change log, newest first. */
export function changesPage(dataset: Dataset): ChangeView[] {
  return correctionsNewestFirst(dataset).map((view) => ({
    id: view.correction.id,
    date: view.correction.date,
    dateText: formatDate(view.correction.date),
    heading: figureLabel(view),
    field: view.fieldLabel,
    oldText: view.oldText,
    newText: view.newText,
    why: view.correction.why,
    who: view.correction.who,
    figureLink: { text: tf('changes.seeFigure', { name: view.subject.name }), href: view.figureHref },
    cite: citeView(dataset, view.observation.source),
    view,
  }));
}

export interface AboutPageView {
  sourcesIntro: string;
  documents: { title: string; href: string; issuer: string; date: string }[];
  /** A link text to /documents/ when the page names only the newest. */
  allDocuments?: string;
  /** A real figure, cited as pages cite figures. */
  example?: { subject: { name: string; href: string }; period: string; indicator: { name: string; href: string }; value: string; note?: string; cite: CiteView };
  /** Facts from no county document (data/references/), each with its source and whether it was checked. */
  generalFacts: GeneralFactView[];
}

export function aboutPage(dataset: Dataset): AboutPageView {
  const documents = capped(newestFirst(dataset.documents), ABOUT_DOCUMENTS);
  // A real figure to show what a citation looks like: a reported outcome of a well-known indicator, else any outcome.
  const famous = dataset.observationsByIndicator.get('in-county-visit-rate')?.find((o) => o.kind === 'actual');
  const example = famous ?? dataset.observations.find((o) => o.kind === 'actual') ?? dataset.observations[0];
  const indicator = example && dataset.indicator.get(example.indicator);
  return {
    sourcesIntro: tf('about.sources.p1', { n: dataset.documents.length }),
    generalFacts: generalFactsView(dataset),
    ...(documents.more > 0 ? { allDocuments: tf('about.allDocuments', { n: dataset.documents.length }) } : {}),
    documents: documents.shown.map((d) => ({ title: d.data.title, href: `/documents/${d.id}/`, issuer: issuerShort(d.data.issuer), date: formatDate(d.data.date) })),
    ...(example && indicator
      ? {
          example: {
            subject: link(subjectName(dataset, example.subject), subjectHref(example.subject)),
            period: example.periodLabel ?? formatPeriod(example.period),
            indicator: link(indicator.name, `/indicators/${indicator.id}/`),
            value: formatFigure(example, indicator.unit),
            ...(example.note ? { note: example.note } : {}),
            cite: citeView(dataset, example.source),
          },
        }
      : {}),
  };
}
