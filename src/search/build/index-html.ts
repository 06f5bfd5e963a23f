/**
 * What the search index holds for a page (src/search/build/integration.ts): the text a result shows, and the terms
 * the page is found by, each with a weight.
 *
 * - A built page (`docOfPage`): the text of its searchable area (`data-search-body`, less anything marked
 *   `data-search-ignore`), its headings weighted by level, its name (h1) and section names (h2, h3; the part before
 *   a "：") weighted by their length (src/search/build/names.ts), so a query that is most of a name ranks that page
 *   first and "孟津" finds 孟津县 before 孟津县妇幼保健院.
 * - A search record (`docOfRecord`, src/search/build/records.ts), which stands for an institution, group or region page:
 *   its lines as the text, its name, aliases and pinyin weighted like the page's name.
 *
 * Terms are those of src/search/shared/tokens.ts: each Han character, each pair of neighbouring Han characters as its
 * token, each Latin word or number (src/search/shared/index-layout.ts `wordKey`), and numbers in 万 and 亿 as number tokens.
 */
import { parse, HTMLElement, TextNode, type Node } from 'node-html-parser';
import { HAN_RUN, PLAIN_WORD, indexTokens } from '../shared/tokens';
import { nameField, nameWeight } from './names';
import { indicatorForms } from './aliases';
import { figureTokens, writeFigures, type PageFigure } from '../shared/numbers';
import { writtenNumbers } from '../../data/figures';
import { wordKey, type IndexPage } from '../shared/index-layout';
import type { SearchRecord } from './records';
import { t } from '../../i18n/zh-CN';

/** A page as the index takes it. */
export interface IndexDoc {
  url: string;
  /** The page title without the site name: what a result links with. */
  title: string;
  kind?: string;
  region?: string;
  figures: PageFigure[];
  /** What a result's excerpt shows. */
  text: string;
  /** Words the page answers to without showing them. */
  hidden: string;
  /** Each term with its weight summed over the page's text (a heading's word counts more than a paragraph's). */
  terms: Map<string, number>;
  /** Terms in the page's name or a section's name, with the weight of those names (src/search/build/names.ts). */
  names: Map<string, number>;
  /** Words on the page, for BM25's length normalisation. */
  length: number;
  /** Its whole names (src/search/shared/index-layout.ts `nameKey`). */
  wholeNames: string[];
}

/** Heading weights (as Pagefind had them); body text is 1. */
const HEADING_WEIGHT: Record<string, number> = { H1: 7, H2: 6, H3: 5, H4: 4, H5: 3, H6: 2 };
/** Elements whose edges end a run of text (inline elements such as <a> or <strong> do not). */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);

/** Hidden carriers of a filter or metadata value: their words are not page text. */
const isValueCarrier = (el: HTMLElement) => el.hasAttribute('hidden') && (el.hasAttribute('data-search-filter') || el.hasAttribute('data-search-meta'));

/** Collects a page's terms and length, and the names they are in. */
class Terms {
  readonly terms = new Map<string, number>();
  /** Name fields (by kind and length, src/search/build/names.ts): the terms of each, and its weight. */
  private readonly fields = new Map<string, { weight: number; terms: Set<string> }>();
  length = 0;

  add(term: string, weight: number): void {
    this.terms.set(term, (this.terms.get(term) ?? 0) + weight);
    this.length++;
  }

  /** Every Han character, pair of characters, Latin word and number of a text. */
  text(text: string, weight: number): void {
    for (const run of text.match(HAN_RUN) ?? []) for (const ch of run) this.add(ch, weight);
    for (const token of indexTokens(text)) this.add(token, weight);
    for (const word of text.replace(HAN_RUN, ' ').match(PLAIN_WORD) ?? []) this.add(wordKey(word), weight);
  }

  /** A name's pairs and Latin words, in the field for names of its kind and length (`length`: in Han characters). */
  name(text: string, kind: 'name' | 'part', length: number): void {
    this.named([...indexTokens(text), ...(text.replace(HAN_RUN, ' ').match(PLAIN_WORD) ?? []).map(wordKey)], kind, length);
  }

  /** Terms in a name field. */
  named(terms: string[], kind: 'name' | 'part', length: number): void {
    const field = nameField(kind, length);
    const entry = this.fields.get(field) ?? this.fields.set(field, { weight: nameWeight(kind, length), terms: new Set() }).get(field)!;
    for (const term of terms) entry.terms.add(term);
  }

  /**
   * Each term with the weight of the heaviest name field it is in: a name's aliases of another length (孟津县中医医院
   * beside 孟津县中医院) must not add up to more than a shorter name (the county 孟津县) for "孟津县".
   */
  names(): Map<string, number> {
    const named = new Map<string, number>();
    for (const { weight, terms } of this.fields.values()) for (const term of terms) named.set(term, Math.max(named.get(term) ?? 0, weight));
    return named;
  }
}

const hanLength = (text: string) => text.match(/\p{Script=Han}/gu)?.length ?? 0;
/** Text as shown: whitespace between Han characters (line breaks in the HTML) dropped, the rest one space. */
const squeeze = (text: string) =>
  text
    .replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** The page `title` without the site name, e.g. "麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县". */
function pageTitle(root: HTMLElement, siteName: string): string {
  const title = root.querySelector('title')?.text.trim() ?? '';
  const suffix = ` | ${siteName}`;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}

/** A built page as the index takes it; undefined for a page without a searchable area. */
export function docOfPage(html: string, url: string, siteName: string, options: { directory?: boolean } = {}): IndexDoc | undefined {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true } });
  const body = root.querySelector('[data-search-body]');
  if (!body) return undefined;

  // A directory (the home page, the lists of groups, institutions, regions) names everything on the site; indexed,
  // its lists would put it beside every page it links to for every name. Its own prose is indexed, its lists are not.
  const listsIgnored = options.directory;
  const filter = (name: string) => body.querySelector(`[data-search-filter="${name}"]`)?.text.trim() || undefined;
  const kind = filter('kind');
  const region = filter('region');

  const terms = new Terms();
  // The text, a run at a time; a block's edges end a run (and put a space in the shown text).
  const shown: string[] = [];
  let run = '';
  let runWeight = 1;
  const endRun = () => {
    if (run.trim()) {
      // Terms as shown: characters either side of a line break in the HTML pair up.
      const text = squeeze(run);
      terms.text(text, runWeight);
      shown.push(text);
    }
    run = '';
  };
  const walk = (node: Node, weight: number) => {
    if (node instanceof TextNode) {
      if (weight !== runWeight) endRun();
      runWeight = weight;
      run += node.text;
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    if (SKIPPED.has(node.tagName) || node.hasAttribute('data-search-ignore') || isValueCarrier(node)) return;
    if (listsIgnored && ['UL', 'OL', 'TABLE', 'DL'].includes(node.tagName)) return;
    const own = HEADING_WEIGHT[node.tagName] ?? weight;
    const block = BLOCK.has(node.tagName);
    if (block) endRun();
    for (const child of node.childNodes) walk(child, own);
    if (block) endRun();
  };
  walk(body, 1);
  endRun();

  // Names: the page's (its h1) and its sections' (h2, h3, the part before a "："), weighted by length.
  const heading = squeeze(body.querySelector('h1')?.text ?? '');
  const title = pageTitle(root, siteName) || heading;
  terms.name(heading, 'name', hanLength(heading));
  for (const h of body.querySelectorAll('h2, h3')) {
    if (h.closest('[data-search-ignore]') || (listsIgnored && h.closest('ul, ol, table, dl'))) continue;
    const part = squeeze(h.text).split(/[：:]/)[0];
    terms.name(part, 'part', hanLength(part));
  }

  // Its figures' rows (`obs-<id>`) with the numbers their value cell shows (both ends of a range), so a number query
  // links to the row and finds the figure however it is rounded (10.5万).
  const figures: PageFigure[] = body.querySelectorAll('tr[id^="obs-"]').flatMap((row) =>
    writtenNumbers(row.querySelector('td.num')?.text ?? '').map((n) => ({ id: row.id.slice('obs-'.length), value: n.value })),
  );
  for (const token of new Set(figures.flatMap((f) => figureTokens(f.value)))) terms.add(token, 1);

  // An indicator page also answers to what readers call its figure (下转率): searched and checked, never shown.
  const forms = kind === t('search.kind.indicator') ? indicatorForms(heading) : [];
  for (const form of forms) terms.text(form, 1);

  return { url, title, kind, region, figures, text: shown.join(' '), hidden: forms.join(' 。 '), terms: terms.terms, names: terms.names(), length: terms.length, wholeNames: heading ? [heading] : [] };
}

/**
 * A search record (src/search/build/records.ts) as the index takes it: its lines joined with "。" as the text; its
 * name, aliases and pinyin weighted like a page's name, so a record ranks like the page it stands for.
 */
export function docOfRecord(record: SearchRecord): IndexDoc {
  const terms = new Terms();
  // A line that already ends a sentence gets no second full stop (「。。」 in an excerpt).
  const text = record.lines.map((line, i) => (i < record.lines.length - 1 && !/[。！？；.!?]$/u.test(line) ? `${line}。` : line)).join('');
  terms.text(text, 1);
  const unseen = [...record.aliases, ...record.hidden, ...record.spelled];
  for (const word of unseen) terms.text(word, 1);
  // An alias weighs no more than the name: 孟津二院 must not outrank the county 孟津 for "孟津".
  for (const name of [record.name, ...record.aliases]) terms.name(name, 'name', Math.max(hanLength(name), hanLength(record.name)));
  // Its names in pinyin weigh like its name, so "mengjin" ranks the county 孟津县 above 孟津县人民医院.
  terms.named(record.spelled.map(wordKey), 'name', hanLength(record.name));
  for (const token of new Set(record.figures.flatMap((f) => figureTokens(f.value)))) terms.add(token, 1);
  return {
    url: record.url,
    title: record.title,
    kind: record.kind,
    region: record.region || undefined,
    figures: record.figures,
    text,
    hidden: unseen.join(' 。 '),
    terms: terms.terms,
    names: terms.names(),
    length: terms.length,
    wholeNames: [record.name, ...record.aliases],
  };
}

/**
 * Characters of a page's text its result file holds at most. The longest page here has 13,000 (7 KB gzip); a document
 * pasted whole could have a million, and each search it matched would fetch it all. Past this the file says the text
 * is cut, and the search page takes the page's terms for its words (src/search/browser/engine.ts).
 */
export const STORED_TEXT = 20_000;

/** A doc as the search page reads it (src/search/shared/index-layout.ts `IndexPage`). */
export function storedPage(doc: IndexDoc): IndexPage {
  const cut = doc.text.length > STORED_TEXT;
  // Not between the two halves of a character outside the BMP.
  const end = cut && /[\uD800-\uDBFF]/.test(doc.text[STORED_TEXT - 1]) ? STORED_TEXT - 1 : STORED_TEXT;
  return {
    url: doc.url,
    title: doc.title,
    ...(doc.kind ? { kind: doc.kind } : {}),
    ...(doc.region ? { region: doc.region } : {}),
    ...(doc.figures.length ? { figures: writeFigures(doc.figures) } : {}),
    text: cut ? doc.text.slice(0, end) : doc.text,
    ...(cut ? { cut: true } : {}),
    ...(doc.hidden ? { hidden: doc.hidden } : {}),
  };
}
