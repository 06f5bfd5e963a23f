/**
 * What the search index holds for a page (src/search/build/integration.ts): the text a result shows, and the terms
 * the page is found by, each with a weight, made from the page's search document (src/search/build/documents.ts),
 * never from its HTML.
 *
 * - Its text, a block at a time: headings weighted by level (as Pagefind weighed them), body text 1.
 * - Its name (the h1) and other names (aliases, the forms readers type) and its sections' names (the part before a
 *   "："), weighted by their length (src/search/build/name-weights.ts), so a query that is most of a name ranks that page
 *   first and "孟津" finds 孟津县 before 孟津县妇幼保健院; its names in pinyin weighted like its name.
 * - Its figures as their values (both ends of a range), each with its row (`#obs-<id>`).
 *
 * Terms are those of src/search/shared/tokens.ts: each Han character, each pair of neighbouring Han characters as its
 * token, each Latin word or number (src/search/shared/index-layout.ts `wordKey`), and numbers in 万 and 亿 as number tokens.
 */
import { HAN_RUN, PLAIN_WORD, indexTokens } from '../shared/tokens';
import { nameField, nameWeight } from './name-weights';
import { figureTokens, writeFigures, type PageFigure } from '../shared/numbers';
import { wordKey, type IndexPage } from '../shared/index-layout';
import type { SearchDocument } from './documents';
import { t } from '../../i18n/zh-CN';

/** A page as the index takes it. */
export interface IndexDoc {
  url: string;
  /** The page title without the site name: what a result links with. */
  title: string;
  /** The kind's label as the filter shows it (医共体, 机构 …). */
  kind?: string;
  region?: string;
  figures: PageFigure[];
  /** What a result's excerpt shows. */
  text: string;
  /** Words the page answers to without showing them. */
  hidden: string;
  /** Each term with its weight summed over the page's text (a heading's word counts more than a paragraph's). */
  terms: Map<string, number>;
  /** Terms in the page's name or a section's name, with the weight of those names (src/search/build/name-weights.ts). */
  names: Map<string, number>;
  /** Words on the page, for BM25's length normalisation. */
  length: number;
  /** Its whole names (src/search/shared/index-layout.ts `nameKey`). */
  wholeNames: string[];
}

/** Collects a page's terms and length, and the names they are in. */
class Terms {
  readonly terms = new Map<string, number>();
  /** Name fields (by kind and length, src/search/build/name-weights.ts): the terms of each, and its weight. */
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

/** Text as shown: whitespace between Han characters dropped (a page breaks lines there), the rest one space. */
export const squeeze = (text: string) =>
  text
    .replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** A page's search document as the index takes it. */
export function indexDoc(url: string, doc: SearchDocument): IndexDoc {
  const terms = new Terms();
  const shown: string[] = [];
  for (const block of doc.text) {
    const text = squeeze(block.text);
    if (!text) continue;
    terms.text(text, block.weight ?? 1);
    shown.push(text);
  }
  const aliases = doc.aliases ?? [];
  const spelled = doc.spelled ?? [];
  const unseen = [...aliases, ...(doc.hidden ?? []), ...spelled];
  for (const word of unseen) terms.text(word, 1);
  // An alias weighs no more than the name: 孟津二院 must not outrank the county 孟津 for "孟津".
  for (const name of [doc.name, ...aliases]) if (name) terms.name(name, 'name', Math.max(hanLength(name), hanLength(doc.name)));
  for (const section of doc.sections ?? []) {
    const part = squeeze(section).split(/[：:]/)[0];
    terms.name(part, 'part', hanLength(part));
  }
  // Its names in pinyin weigh like its name, so "mengjin" ranks the county 孟津县 above 孟津县人民医院.
  if (spelled.length) terms.named(spelled.map(wordKey), 'name', hanLength(doc.name));
  // Each figure (both ends of a range) by every way it rounds in 万 and 亿, so a number query links to the row and
  // finds the figure however it is rounded (10.5万).
  const figures = doc.figures ?? [];
  for (const token of new Set(figures.flatMap((f) => figureTokens(f.value)))) terms.add(token, 1);
  return {
    url,
    title: doc.title,
    kind: doc.kind ? t(`search.kind.${doc.kind}`) : undefined,
    region: doc.region || undefined,
    figures,
    text: shown.join(' '),
    hidden: unseen.join(' 。 '),
    terms: terms.terms,
    names: terms.names(),
    length: terms.length,
    wholeNames: doc.name ? [doc.name, ...aliases] : aliases,
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
