/**
 * The search documents of the site's text pages (indicators, documents, updates, the guide, the glossary, referral
 * guides, catalogues and lists): what each page says, block by block, taken from the view the page renders
 * (src/views/), in the page's order and with its headings' weights. What a page shows only as chrome (navigation,
 * download buttons, "cite this page", the feedback line) is not searched, as `data-search-ignore` kept it out before.
 *
 * A directory (the home page, the lists of groups, institutions and regions, the about page) names everything on the
 * site; indexed, its lists would put it beside every page it links to for every name, so only its prose is.
 */
import type { Dataset } from '../../data/dataset';
import type { ResultKind } from '../shared/kinds';
import type { SearchDocument, TextBlock } from './documents';
import { indicatorForms } from './aliases';
import { indicatorPage, type IndicatorReports } from '../../views/indicators';
import { catalogueIndex, indicatorsIndex, topicOf, TOPIC_ORDER, type CatalogueView, type Topic } from '../../views/catalogue';
import { aboutPage, changesPage, documentPage, updatePage, updatesIndex } from '../../views/content';
import { dataPage } from '../../views/data';
import { glossaryPage } from '../../views/glossary';
import { guidePage, type GuideExampleView } from '../../views/guide';
import { referralPage } from '../../views/group';
import { regionsIndex } from '../../views/region';
import { documentsIndex, groupsIndex, institutionsIndex, provinceDocumentPaths, provinceDocuments, provinceList, provinceListPaths, type ListView } from '../../views/lists';
import type { CiteView, ObservationTableView } from '../../views/figures';
import { formatDate } from '../../views/format';
import { statusTag } from '../../views/claims';
import { mdxText } from './mdx-text';
import { buildSearchCache } from './cache';
import { t } from '../../i18n/zh-CN';
import { fill, tf } from '../../i18n/fill';

/** Heading weights (as Pagefind had them); body text is 1. */
const HEADING_WEIGHT = [0, 7, 6, 5, 4, 3, 2] as const;

/** A page's text as it is written down, block by block. */
class PageText {
  readonly text: TextBlock[] = [];
  readonly sections: string[] = [];

  /** A heading; h2 and h3 name a section. */
  h(level: 1 | 2 | 3 | 4, text: string | undefined, section = level === 2 || level === 3): this {
    if (!text) return this;
    this.text.push({ text, weight: HEADING_WEIGHT[level] });
    if (section) this.sections.push(text);
    return this;
  }

  /** A block of body text: its parts run together, as inline elements do; nothing where every part is empty. */
  p(...parts: (string | number | false | undefined | null)[]): this {
    const text = parts.filter((p) => p !== undefined && p !== null && p !== false).join('');
    if (text.trim()) this.text.push({ text });
    return this;
  }

  /** Several blocks, one per item. */
  each<T>(items: readonly T[], block: (item: T) => (string | number | false | undefined | null)[]): this {
    for (const item of items) this.p(...block(item));
    return this;
  }

  document(name: string, title: string, kind: ResultKind | undefined, more: Partial<SearchDocument> = {}): SearchDocument {
    return { title, ...(kind ? { kind } : {}), name, ...(this.sections.length ? { sections: this.sections } : {}), text: this.text, ...more };
  }
}

/** A source as SourceCite words it: "来源：<title>（<date>），刊载于<outlet>，<section>：<excerpt>". */
const citeText = (cite: CiteView, excerpt = true) =>
  `来源：${cite.title}${cite.date ? `（${cite.date}）` : ''}${cite.outlet ? `，${tf('cite.outlet', { outlet: cite.outlet })}` : ''}，${cite.section}${excerpt && cite.excerpt ? `：${cite.excerpt}` : ''}`;

/** A table of figures as ObservationTable shows it: caption, then a block per row. */
function observationTable(page: PageText, table: ObservationTableView): void {
  page.p(table.caption);
  page.each(table.rows, (row) => [
    row.head.label,
    row.head.kind && ` ${row.head.kind}`,
    ` ${row.period} ${row.kind} ${row.value}`,
    row.statistic && ` ${row.statistic}`,
    ` ${citeText(row.cite)}`,
    row.note && ` ${t('obs.note')}${row.note}`,
    ...row.corrections.map((c) => ` ${c.sentence}`),
  ]);
}

/** Guide examples as GuideExamples shows them: each statement, the groups it applies to, its source. */
function examples(page: PageText, list: { shown: GuideExampleView[]; total: number }): void {
  if (!list.total) return void page.p(t('guide.examplesNone'));
  for (const e of list.shown) {
    page.p(e.text);
    page.p(t('guide.seeGroups'), e.groups.shown.map((g) => g.name).join('、'));
    page.p(citeText(e.cite, false));
  }
}

function indicatorDocument(dataset: Dataset, id: string): SearchDocument | undefined {
  const view = indicatorPage(dataset, id, undefined);
  if (!view) return undefined;
  const { indicator, reports } = view;
  const page = new PageText().h(1, indicator.name);
  page.p(`${t('indicator.framework')}：${view.framework.label} ${view.statusLabel}`);
  if (view.caveat) page.p(view.caveat.title, ' ', t('indicator.caveatMore'));
  const tables = reportTables(reports);
  page.h(2, t('grapher.tab.chart'));
  if (reports.mode === 'none') page.p(t('indicator.noReports'));
  if (reports.mode === 'provinces') page.p(reports.provinces.intro);
  if (reports.mode === 'rows') {
    if (reports.comparison) page.p(reports.comparison.title, ' ', reports.comparison.summary).p(t('grapher.tableLink'));
    else {
      page.p(reports.summary);
      if (!reports.trends.length) page.p(t('grapher.noCharts'));
    }
    for (const { chart, table } of reports.trends) {
      page.p(chart.title, ' ', chart.summary);
      observationTable(page, table);
    }
  }
  page.h(2, t('grapher.tab.table'));
  if (reports.mode === 'none') page.p(t('indicator.noReports'));
  if (reports.mode === 'provinces') {
    const s = reports.provinces;
    page.p(s.intro).p(s.targetNote).p(s.caption);
    page.each(s.rows, (r) => [r.region ? r.region.name : t('indicator.byProvince.other'), ' ', tf('indicator.byProvince.places', { n: r.places })]);
  }
  if (reports.mode === 'rows') observationTable(page, reports.table);
  page.h(2, t('grapher.tab.sources'));
  if (view.source) page.p(t('grapher.definedIn'), citeText(view.source));
  if (view.sources.length) page.p(t('grapher.sourcesIntro')).each(view.sources, (doc) => [doc.title, doc.date && `（${doc.date}）`, '：', doc.figures]);
  else page.p(t('indicator.noReports'));
  page.h(2, t('grapher.tab.download'));
  page.h(2, t('indicator.definitionHeading'));
  if (view.caveat) page.p(view.caveat.title).p(view.caveat.text).p(view.caveat.note);
  page.p(t('indicator.definition')).p(indicator.definition);
  if (indicator.numerator) page.p(t('indicator.numerator')).p(indicator.numerator);
  if (indicator.denominator) page.p(t('indicator.denominator')).p(indicator.denominator);
  page.p(t('indicator.unit')).p(indicator.unit);
  page.p(t('indicator.polarity')).p(t(`indicator.polarity.${indicator.polarity}`));
  page.p(t('indicator.target'));
  if (view.target) page.p(view.target.text).p(t('indicator.targetBasis'), view.target.basis);
  else page.p(t('indicator.targetNone'));
  page.p(t('indicator.status')).p(view.statusLabel, view.official && indicator.definitionNote && ` ${indicator.definitionNote}`);
  if (indicator.aliases.length) page.p(t('indicator.aliases')).p(indicator.aliases.join('、'));
  if (view.source) page.p(t('indicator.definedIn')).p(citeText(view.source));
  // Its figures with their rows (both ends of a range), as values: never read back from the text a cell shows (a
  // median "across 9 places" is not a figure 9).
  const anchored = new Set(tables.flatMap((table) => table.rows.filter((r) => r.anchor).map((r) => r.id)));
  const figures = [...anchored].flatMap((rowId) => {
    const o = dataset.observation.get(rowId);
    return o ? [{ id: o.id, value: o.value }, ...(o.valueHigh === undefined ? [] : [{ id: o.id, value: o.valueHigh }])] : [];
  });
  // What readers call its figure (下转率 for 下转患者占比): searched and checked, never shown.
  const forms = indicatorForms(indicator.name);
  return page.document(indicator.name, view.title, 'indicator', { ...(forms.length ? { hidden: forms } : {}), ...(figures.length ? { figures } : {}) });
}

/** The tables of figures an indicator page shows. */
function reportTables(reports: IndicatorReports): ObservationTableView[] {
  return reports.mode === 'rows' ? [reports.table, ...reports.trends.map((r) => r.table)] : [];
}

function catalogueDocument(view: CatalogueView, before?: string): SearchDocument {
  const page = new PageText().h(1, view.h1).p(view.intro).p(before);
  page.h(2, t('indicators.filters'));
  const options = (label: string, list: { label: string; count: number }[]) => page.p(label, list.map((o) => `${o.label}（${o.count}）`).join('、'));
  options(t('indicators.filter.byFramework'), view.filters.frameworks);
  options(t('indicators.filter.byTopic'), view.filters.topics);
  if (view.filters.places.length) options(t('indicators.filter.byPlace'), view.filters.places);
  if (view.filtered) page.p(t('indicators.filteredAll'));
  if (view.grid) {
    page.h(2, t('grid.heading')).p(t('grid.intro')).h(3, t('grid.legendHeading')).each(view.grid.legend, (l) => [l.symbol, ' ', l.text]).p(view.grid.caption);
    page.each(view.grid.rows, (row) => [row.place.name]);
    if (view.grid.omitted) page.p(view.grid.omitted.text).each(view.grid.omitted.links, (l) => [l.name]);
  }
  if (view.gridByProvince) page.h(2, t('grid.heading')).p(t('grid.byProvince')).p(view.gridByProvince.map((p) => `${p.name}（${p.places}）`).join(''));
  for (const s of view.sections) {
    page.h(2, s.label).p(t('indicators.aboutFramework')).p(s.about).p(s.notRetrieved).p(s.countLine);
    if (s.indicatorCount === 0 && !s.notRetrieved) page.p(t('indicators.none'));
    for (const table of s.tables) {
      page.h(3, `${table.heading ? table.heading.text : table.caption}（${tf('indicators.count', { n: table.rows.length })}）`);
      page.p(table.caption);
      page.each(table.rows, (r) => [
        r.name,
        `（${r.unit}；${r.status}）`,
        ' ',
        r.latest.map((l) => `${l.value}${l.kind ? `（${l.kind}）` : ''} ${l.place.name}，${l.period}${l.statistic ? `（${l.statistic}）` : ''}`).join(' '),
        r.more && ` ${r.more}`,
        ' ',
        r.reach,
        ' ',
        r.topicLabel,
      ]);
    }
    if (s.waiting.length) page.h(3, s.waitingLabel).p(s.waiting.map((w) => w.name).join(''));
  }
  return page.document(view.h1, view.title, 'indicator');
}

function documentDocument(dataset: Dataset, id: string): SearchDocument | undefined {
  const view = documentPage(dataset, id);
  const doc = dataset.document.get(id);
  if (!view || !doc) return undefined;
  const d = doc.data;
  const page = new PageText().h(1, d.title);
  page.p(view.summaryStatus?.label, d.summary).p(view.planNote);
  page.p(t('documents.originalTitle')).p(d.originalTitle);
  page.p(t('documents.type')).p(t(`kind.document.${d.type}`));
  page.p(t('documents.issuer')).p(d.issuer);
  if (d.number) page.p(t('documents.number')).p(d.number);
  page.p(t('documents.date')).p(formatDate(d.date), d.dateNote && `（${t('documents.dateNote')}：${d.dateNote}）`, view.dateInference);
  if (d.published) page.p(t('documents.published')).p(formatDate(d.published));
  if (view.reposted) page.p(t('doc.reposted')).p(view.reposted);
  page.p(t('documents.outlet')).p(view.original.outlet);
  page.p(t('doc.originalUrl')).p(view.original.url ?? view.original.noAddress);
  page.p(t('documents.regions')).each(view.regions, (r) => [r.name]);
  page.h(2, t('doc.curation')).p(view.curation);
  page.p(t('documents.digestNote'));
  mdxInto(page, doc.body);
  page.h(2, t('documents.groups'));
  if (view.groups.length) page.each(view.groups, (g) => [g.name, ' ', `${g.kind} · ${g.place}`]);
  else page.p(t('documents.noGroups'));
  page.h(2, t('documents.figures'));
  if (view.figures.length) {
    page.p(t('documents.figuresIntro')).p(view.figuresCaption);
    page.each(view.figures, (f) => [f.indicator.name, ' ', f.subject.name, ' ', f.period, ' ', f.value, f.kind && `（${f.kind}）`, ' ', f.section, ' ', f.excerpt, f.note && `${t('figures.note')}：${f.note}`]);
  } else page.p(t('documents.noFigures'));
  return page.document(d.title, view.title, 'document', view.searchRegion ? { region: view.searchRegion } : {});
}

/**
 * An MDX body's text, block by block, its headings weighted as the page's; under `npm run build`, as the last build read
 * it when the body is the same (src/search/build/cache.ts).
 */
function mdxInto(page: PageText, body: string | undefined): void {
  const text = body ?? '';
  const cache = buildSearchCache();
  for (const block of cache ? cache.mdx(text, () => mdxText(text)) : mdxText(text)) {
    if (block.heading) page.h(Math.min(4, block.heading) as 1 | 2 | 3 | 4, block.text);
    else page.p(block.text);
  }
}

function updateDocument(dataset: Dataset, id: string): SearchDocument | undefined {
  const view = updatePage(dataset, id);
  const entry = dataset.update.get(id);
  if (!view || !entry) return undefined;
  const page = new PageText().h(1, view.title).p(view.dateText).p(view.summary);
  mdxInto(page, entry.body);
  tagsInto(page, view.tags);
  return page.document(view.title, view.pageTitle, 'update', view.searchRegion ? { region: view.searchRegion } : {});
}

function tagsInto(page: PageText, tags: { regions: { name: string }[]; groups: { name: string }[] }): void {
  if (tags.regions.length) page.p(t('updates.regions')).each(tags.regions, (r) => [r.name]);
  if (tags.groups.length) page.p(t('updates.groups')).each(tags.groups, (g) => [g.name]);
}

function updatesDocument(dataset: Dataset): SearchDocument {
  const page = new PageText().h(1, t('updates.title')).p(t('updates.intro'), ' ', t('updates.rss'));
  const updates = updatesIndex(dataset);
  if (!updates.length) page.p(t('updates.none'));
  for (const u of updates) {
    page.h(2, u.title).p(u.dateText).p(u.summary);
    tagsInto(page, u.tags);
  }
  return page.document(t('updates.title'), t('updates.title'), 'update');
}

function documentsDocument(dataset: Dataset): SearchDocument {
  const view = documentsIndex(dataset);
  const page = new PageText().h(1, t('documents.title')).p(t('documents.intro'));
  for (const d of view.newest) {
    page.h(2, d.data.title);
    page.p(t('documents.type')).p(t(`kind.document.${d.data.type}`)).p(t('documents.issuer')).p(d.data.issuer);
    if (d.data.number) page.p(t('documents.number')).p(d.data.number);
    page.p(t('documents.date')).p(formatDate(d.data.date), d.data.reposted && `（${fill(t('doc.repostedShort'), { date: formatDate(d.data.reposted) })}）`);
    page.p(t('documents.outlet')).p(d.data.outlet);
    page.p(statusTag(d.data.summaryStatus)?.label, d.data.summary);
  }
  if (view.more > 0) page.p(fill(t('documents.older'), { shown: view.newest.length, n: view.more })).each(view.provinces, (p) => [p.name, ' ', p.count]);
  return page.document(t('documents.title'), t('documents.title'), 'document');
}

function provinceDocumentsDocument(dataset: Dataset, provinceId: string): SearchDocument | undefined {
  const view = provinceDocuments(dataset, provinceId);
  if (!view) return undefined;
  const page = new PageText().h(1, view.title).p(t('list.backToAll'), ' · ', view.province.name);
  for (const d of view.documents) page.h(2, d.data.title).p(d.data.issuer, ' · ', formatDate(d.data.date)).p(d.data.summary);
  return page.document(view.title, view.title, 'document');
}

function provinceListDocument(dataset: Dataset, list: 'groups' | 'institutions', provinceId: string): SearchDocument | undefined {
  const view = list === 'groups' ? provinceList(dataset, 'groups', provinceId) : provinceList(dataset, 'institutions', provinceId);
  if (!view) return undefined;
  const page = new PageText().h(1, view.title).p(t('list.backToAll'), ' · ', view.province.name);
  for (const bucket of view.buckets) {
    page.h(2, bucket.heading).each(bucket.items as { name: string; meta: string }[], (item) => [item.name, ' ', item.meta]);
    if ('villageClinics' in bucket && typeof bucket.villageClinics === 'string') page.p(bucket.villageClinics);
  }
  return page.document(view.title, view.title, list === 'groups' ? 'group' : 'institution');
}

function glossaryDocument(dataset: Dataset): SearchDocument {
  const view = glossaryPage(dataset);
  const page = new PageText().h(1, t('glossary.h1')).p(t('glossary.intro'));
  page.h(2, t('glossary.index')).p(view.index.map((term) => term.term).join(''));
  for (const { term, groups, related } of view.entries) {
    page.h(2, term.term);
    if (term.aliases.length) page.p(t('glossary.aliases'), term.aliases.join('、'));
    page.p(term.definition).h(3, t('glossary.where'));
    if (!groups.length) page.p(t('glossary.nowhere'));
    for (const g of groups) {
      page.p(t(`glossary.kind.${g.kind}`)).each(g.links.shown, (l) => [l.label]);
      if (g.links.more > 0) page.p(fill(t('guide.moreInList'), { n: g.links.more }), t('glossary.searchMore'));
    }
    if (related.length) page.p(t('glossary.related'), related.map((r) => r.term).join('、'));
  }
  return page.document(t('glossary.h1'), t('glossary.title'), 'guide');
}

function guideDocument(dataset: Dataset): SearchDocument {
  const view = guidePage(dataset);
  const link = (term: string) => `（${t('guide.glossaryLink')}：${term}）`;
  const page = new PageText().h(1, t('guide.title')).p(t('guide.intro')).p(t('guide.caveat'));
  page.h(2, t('guide.toc')).each(view.toc, (s) => [s.label]);
  page.h(2, t('guide.finder'));
  page.h(2, t('guide.tieredCare')).p(t('guide.tieredCare.p1'), link('分级诊疗')).p(t('guide.tieredCare.p2'));
  page.each(view.sixteen, (s) => [s.label, ' ', `（${t('guide.glossaryLink')}）`]);
  page.h(2, t('guide.primaryFirst')).p(t('guide.primaryFirst.p1'), link('基层首诊')).p(t('guide.primaryFirst.p2'));
  examples(page, view.examples.primaryFirst);
  page.h(2, t('guide.referral')).p(t('guide.referral.p1'), link('上转')).p(t('guide.referral.p2'), link('下转'), ' ', link('双向转诊'));
  page.h(3, t('guide.referral.groups')).each(view.referralGroups.shown, (g) => [g.name, ' ', g.place]);
  if (view.referralGroups.more > 0) page.p(fill(t('guide.moreInList'), { n: view.referralGroups.more }), t('guide.moreInListLink'));
  page.h(3, t('guide.referral.up'));
  examples(page, view.examples.up);
  page.h(3, t('guide.referral.down'));
  examples(page, view.examples.down);
  page.h(3, t('guide.benefits'));
  examples(page, view.examples.benefits);
  page.h(2, t('guide.acuteChronic')).p(fill(t('guide.acuteChronic.p1'), { emergency: view.emergency }), link('急慢分治'));
  examples(page, view.examples.acuteChronic);
  page.h(2, t('guide.upDown')).p(t('guide.upDown.p1'), link('上下联动'));
  examples(page, view.examples.upDown);
  page.h(2, t('guide.familyDoctor')).p(t('guide.familyDoctor.p1'), link('家庭医生签约')).p(t('guide.familyDoctor.p2'));
  examples(page, view.examples.familyDoctor);
  page.h(2, t('guide.howTo')).p(t('guide.howTo.intro'));
  for (const step of ['step1', 'step2', 'step3', 'step4', 'step5'] as const) page.p(t(`guide.howTo.${step}`));
  if (view.advice.shown.length) {
    page.h(3, t('guide.whoToAsk'));
    for (const a of view.advice.shown) {
      page.p(a.text).p(t('guide.seeGroups'), a.groups.shown.map((g) => g.name).join('、'), a.groups.more > 0 && fill(t('guide.moreGroups'), { n: a.groups.shown.length + a.groups.more }));
    }
    if (view.advice.more > 0) page.p(fill(t('guide.moreExamples'), { n: view.advice.more }));
  }
  page.h(2, t('guide.greenChannel')).p(t('guide.greenChannel.p1'), link('绿色通道'));
  examples(page, view.examples.greenChannels);
  page.h(2, t('guide.more')).p(t('guide.moreText'), ' ', t('glossary.h1'));
  return page.document(t('guide.title'), t('guide.title'), 'guide');
}

function referralDocument(dataset: Dataset, groupId: string): SearchDocument | undefined {
  if (!dataset.group.has(groupId)) return undefined;
  const view = referralPage(dataset, groupId, undefined);
  const page = new PageText().p(view.emergency).h(1, view.heading);
  if (view.lead) page.p(t('referral.lead'), view.lead.name, ' · ', view.region.place);
  page.p(view.intro);
  if (view.age) page.p(view.age.text).p(view.age.warning);
  page.p(t('steps.print'), ' ', t('steps.printHint'));
  if (view.none) {
    page.p(view.none.text);
    if (view.none.documents.length) page.p(view.none.documentsIntro).each(view.none.documents, (d) => [d.title, d.meta, ' ', d.status?.label, d.summary]);
    page.p(view.none.regionIntro, view.region.name);
  }
  page.h(2, t('steps.heading')).p(view.generalNote);
  for (const step of view.steps) {
    page.h(3, `${step.number}${step.heading}`).p(t('steps.general'), step.general);
    for (const line of step.local) page.p(line);
    page.each(step.facts, (f) => [f.status?.label, f.text, `[${f.note}]`]);
    page.p(step.empty);
  }
  page.h(2, t('ask.heading')).p(view.ask.whoToAsk);
  page.each(view.ask.contacts, (c) => [c.who, c.phone && `：${c.phone}`, ' ', `（${c.checked}，${c.cite.title}${c.cite.outlet ? `，${tf('cite.outlet', { outlet: c.cite.outlet })}` : ''}）`]);
  page.p(view.ask.fallback);
  if (view.sources.length) {
    page.h(2, t('steps.sources'));
    page.each(view.sources, (s) =>
      s.sameDocument ? [t('steps.sameDocument'), '，', s.cite.section] : [s.cite.title, s.cite.date && `（${s.cite.date}）`, s.cite.outlet && `，${tf('cite.outlet', { outlet: s.cite.outlet })}`, '，', s.cite.section],
    );
  }
  if (view.policy) page.p(t('steps.policy'), view.policy.label);
  page.p(view.back.label);
  return page.document(view.heading, view.title, 'guide', { region: view.searchRegion });
}

function changesDocument(dataset: Dataset): SearchDocument {
  const corrections = changesPage(dataset);
  const page = new PageText().h(1, t('changes.title')).p(t('changes.intro')).p(t('changes.rss'));
  if (!corrections.length) page.p(t('changes.empty'));
  for (const c of corrections) {
    page.h(2, `${c.dateText}：${c.heading}`);
    page.p(t('changes.change')).p(c.field, t('changes.old'), c.oldText, '，', t('changes.new'), c.newText);
    page.p(t('changes.why')).p(c.why).p(t('changes.who')).p(c.who);
    page.p(t('changes.figure')).p(c.figureLink.text).p(citeText(c.cite));
  }
  return page.document(t('changes.title'), t('changes.title'), 'update');
}

function dataDocument(dataset: Dataset): SearchDocument {
  const view = dataPage(dataset, undefined);
  const page = new PageText().h(1, t('data.h1')).p(t('data.intro')).p(view.updated);
  page.h(2, t('data.files')).p(t('data.filesCaption')).each(view.main, (row) => [row.title]);
  page.h(2, t('data.perGroup')).p(t('data.perGroupIntro'));
  if (view.groupsNote) page.p(view.groupsNote);
  else page.p(t('data.perGroupCaption')).each(view.groups, (g) => [g.name]);
  page.h(2, t('data.perIndicator')).p(t('data.perIndicatorIntro')).p(tf('data.perIndicatorSummary', { n: view.indicators.length }));
  page.each(view.indicators, (i) => [i.name]);
  page.h(2, t('data.format')).p(t('data.format.csv')).p(t('data.format.json')).p(t('data.format.numbers'));
  page.h(2, t('data.dictionary')).p(t('data.dictionaryIntro'));
  for (const { heading, caption, columns } of view.dictionary) page.h(3, heading).p(caption).each(columns, (c) => [c.key, ' ', c.meaning]);
  page.h(2, t('data.codes')).p(t('data.codesIntro')).p(t('data.codesCaption')).each(view.codes, (c) => [c.code, ' ', c.meaning]);
  page.h(2, t('data.licence')).p(t('data.licenceText')).p(t('data.licenceSources')).p(t('data.licenceLink'));
  page.h(2, t('data.cite')).p(t('data.citeIntro')).p(view.citation).p(t('cite.hint')).p(t('data.citeFigure'));
  return page.document(t('data.h1'), t('data.title'), 'indicator');
}

/** Directories: their prose only (see the note at the top). */
function homeDocument(dataset: Dataset): SearchDocument {
  const page = new PageText().h(1, t('site.tagline')).h(2, t('home.finder'));
  const coverage = dataset.villageClinics.size > 0;
  page.p(t(coverage ? 'home.finderIntro' : 'home.finderIntroNoVillage')).p(t('home.intro1')).p(t('home.intro2')).p(t('home.intro3'));
  page.h(2, t('home.groups'));
  page.h(2, t('home.regions'));
  if (dataset.updates.length) page.h(2, t('home.updates'));
  return page.document(t('site.tagline'), t('home.title'), undefined);
}

function aboutDocument(dataset: Dataset): SearchDocument {
  const view = aboutPage(dataset);
  const page = new PageText().h(1, t('about.h1'));
  page.h(2, t('about.what')).p(t('about.what.p1')).p(t('about.what.p2'));
  page.h(2, t('about.who')).p(t('about.who.p1')).p(t('about.who.p2'));
  page.h(2, t('about.sources')).p(view.sourcesIntro).p(view.allDocuments).p(t('about.sources.p2')).p(t('about.data'), t('footer.data'));
  page.h(2, t('about.general')).p(t('about.general.p1'));
  page.h(2, t('about.inference')).p(t('about.inference.p1'));
  page.h(2, t('about.cite')).p(t('about.cite.p1'));
  return page.document(t('about.h1'), t('about.title'), 'guide');
}

/** /groups/ and /institutions/: their headings by region (or the sentence leading to each province's list). */
function listDirectory(view: ListView<unknown>, title: string, intro: string, list: 'groups' | 'institutions'): SearchDocument {
  const page = new PageText().h(1, title).p(intro);
  if (view.split) page.p(fill(t('list.byProvince'), { kind: t(`list.kind.${list}`), n: view.total }));
  else for (const bucket of view.buckets) page.h(2, bucket.heading).p(bucket.villageClinics);
  return page.document(title, title, list === 'groups' ? 'group' : 'institution');
}

/** /regions/: the provinces' names (their trees are lists). */
function regionsDirectory(dataset: Dataset): SearchDocument {
  const page = new PageText().h(1, t('regions.title')).p(t('regions.intro'));
  for (const province of regionsIndex(dataset)) page.h(2, province.name);
  return page.document(t('regions.title'), t('regions.title'), 'region');
}

/** The text pages' paths, in the order the index numbers them (that of their files: stable across builds). */
export function textPagePaths(dataset: Dataset): string[] {
  const used = new Set(dataset.indicators.map(topicOf));
  const paths = [
    '/',
    '/about/',
    '/changes/',
    '/data/',
    '/documents/',
    ...dataset.documents.map((d) => `/documents/${d.id}/`),
    '/glossary/',
    '/groups/',
    ...dataset.groups.map((g) => `/groups/${g.id}/referral/`),
    '/guide/',
    '/indicators/',
    ...dataset.indicators.map((i) => `/indicators/${i.id}/`),
    ...[...catalogueIndex(dataset).indicatorsOfProvince.keys()].map((p) => `/indicators/place/${p}/`),
    ...TOPIC_ORDER.filter((topic) => used.has(topic)).map((topic) => `/indicators/topic/${topic}/`),
    '/institutions/',
    '/regions/',
    ...(['groups', 'institutions'] as const).flatMap((list) => provinceListPaths(dataset, list).map((id) => `/regions/${id}/${list}/`)),
    ...provinceDocumentPaths(dataset).map((id) => `/regions/${id}/documents/`),
    '/updates/',
    ...dataset.updates.map((u) => `/updates/${u.id}/`),
  ];
  return paths.sort(byFile);
}

/** Paths in the order of their files on disk, folder by folder ("/" is index.html, after "guide" and before "indicators"). */
function byFile(a: string, b: string): number {
  const parts = (p: string) => [...p.slice(1).split('/').filter(Boolean), 'index.html'];
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/** A text page's search document; undefined for a path that is not one. */
export function textPageDocument(dataset: Dataset, path: string): SearchDocument | undefined {
  switch (path) {
    case '/':
      return homeDocument(dataset);
    case '/about/':
      return aboutDocument(dataset);
    case '/changes/':
      return changesDocument(dataset);
    case '/data/':
      return dataDocument(dataset);
    case '/documents/':
      return documentsDocument(dataset);
    case '/glossary/':
      return glossaryDocument(dataset);
    case '/groups/':
      return listDirectory(groupsIndex(dataset), t('groups.title'), t('groups.intro'), 'groups');
    case '/guide/':
      return guideDocument(dataset);
    case '/indicators/':
      return catalogueDocument(indicatorsIndex(dataset), t('indicators.allData'));
    case '/institutions/':
      return listDirectory(institutionsIndex(dataset), t('institutions.title'), t('institutions.intro'), 'institutions');
    case '/regions/':
      return regionsDirectory(dataset);
    case '/updates/':
      return updatesDocument(dataset);
  }
  const [, section, id, rest] = path.match(/^\/([a-z]+)\/([^/]+)\/(?:([^/]+)\/)?$/) ?? [];
  if (section === 'documents' && !rest) return documentDocument(dataset, id);
  if (section === 'updates' && !rest) return updateDocument(dataset, id);
  if (section === 'groups' && rest === 'referral') return referralDocument(dataset, id);
  if (section === 'indicators' && !rest) return indicatorDocument(dataset, id);
  if (section === 'indicators' && id === 'place' && rest && catalogueIndex(dataset).indicatorsOfProvince.has(rest)) return catalogueDocument(indicatorsIndex(dataset, { place: rest }));
  if (section === 'indicators' && id === 'topic' && rest && dataset.indicators.some((i) => topicOf(i) === rest)) return catalogueDocument(indicatorsIndex(dataset, { topic: rest as Topic }));
  if (section === 'regions' && rest === 'documents') return provinceDocumentsDocument(dataset, id);
  if (section === 'regions' && (rest === 'groups' || rest === 'institutions')) return provinceListDocument(dataset, rest, id);
  return undefined;
}
