/**
 * The search page's engine: the site's search index (only in a built site: src/search/shared/index-layout.ts, read by
 * ./index-reader.ts) and the Traditional→Simplified fold, loaded on first use. A query is folded, cut into terms (src/search/shared/tokens.ts), each term is searched
 * on its own and the results are combined (src/search/browser/rank.ts).
 */
import { meaningfulQuery, queryTerms, queryWords, type QueryTerm, type QueryWord } from '../shared/tokens';
import { answersSentence, holdsEveryWord, rankPages, sentenceCoverage, type RankedPage } from './rank';
import { openIndex } from './index-reader';
import { queryNumbers, readFigures, type PageFigure, type QueryNumber } from '../shared/numbers';

export interface Filters {
  kind?: string;
  region?: string;
}

/** A result as the page shows it. */
export interface Hit {
  url: string;
  title: string;
  kind?: string;
  region?: string;
  /** The page's readable text, for the excerpt. */
  text: string;
  /** All the text the page answers to (its aliases too), to check that a query's words stand together on it. */
  searchable: string;
  /** The text is only the page's start (a very long page): the check takes the page's terms for its words. */
  cut: boolean;
  /** The page's figures, each with its row (`#obs-<id>`). */
  figures: PageFigure[];
}

export interface Outcome {
  /** The query as searched: Simplified and normalised. */
  searched: string;
  /** The query's words (every result holds them all), longest first, for marking matches in excerpts. */
  parts: string[];
  /** Every matching page, best first; `load` fetches one page's details. */
  pages: { id: string; score: number; load: () => Promise<Hit> }[];
  /** Whether a page holds the query's words whole: pages after the first few are only checked once loaded. */
  holds: (hit: Hit) => boolean;
  /** The numbers of the query, to link a result to the row of the figure they name. */
  numbers: QueryNumber[];
  /** When nothing matches: names on the site that sound like the query (小狼底 → 小浪底镇卫生院), best first. */
  suggestions: { title: string; url: string }[];
}

export interface Engine {
  /** Filter values present in the index, with their page counts. */
  filterValues: Record<string, Record<string, number>>;
  search: (query: string, filters: Filters) => Promise<Outcome>;
}

/** Full-width letters and digits to plain ones, lower case, Traditional characters to Simplified (`fold`). */
export function normaliseQuery(query: string, fold: (text: string) => string): string {
  return fold(query.normalize('NFKC').toLowerCase()).replace(/\s+/g, ' ').trim();
}

/** A pasted paragraph is searched by its first this many terms; each term is one search of the index. */
const MAX_TERMS = 40;
/** Pages whose text is read to check that a query's longer words stand together on them (和医院 is not 和医…医院). */
const CHECKED = 40;
/**
 * Results shown first, before the rest of the first page: about a phone's screen of them. A name's check reads pages
 * this many at a time and stops once this many have passed (one round of requests: each request cost a fresh page
 * 5–10 ms on the 2-core machine, so three rather than five took ~10 ms off the median); the pages after them are
 * checked as they are shown (`Outcome.holds`).
 */
export const FIRST_RESULTS = 3;
/** Results in a page of them. A sentence's check reads this many at a time until this many have passed. */
export const RESULTS_PAGE = 10;

let loading: Promise<Engine> | undefined;

/** The engine, loaded once; rejects where there is no built index (e.g. `astro dev`). */
export function loadEngine(): Promise<Engine> {
  loading ??= createEngine();
  return loading;
}

/** A new engine over the index the site serves (tests open one per index; the page uses loadEngine). */
export async function createEngine(): Promise<Engine> {
  const index = await openIndex();
  const totalPages = index.entry.pages;
  const hits = new Map<string, Promise<Hit>>();

  const load = (id: string) => {
    if (!hits.has(id)) {
      hits.set(
        id,
        index.page(id).then((p) => ({
          url: p.url,
          title: p.title,
          kind: p.kind,
          region: p.region,
          text: p.text,
          searchable: p.hidden ? `${p.text} ${p.hidden}` : p.text,
          cut: p.cut === true,
          figures: readFigures(p.figures),
        })),
      );
    }
    return hits.get(id)!;
  };

  /** Pages named like the query in pinyin (the index holds the pinyin of every name), for "您是不是要找…". */
  async function soundAlike(han: string): Promise<Outcome['suggestions']> {
    if (!han) return [];
    const { pinyin } = await import('pinyin-pro');
    const spelled = (pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[]).join('');
    const { results } = await index.search(spelled);
    const found = await Promise.all(results.slice(0, 3).map((r) => load(r.id)));
    return found.map(({ title, url }) => ({ title, url }));
  }

  // The Traditional→Simplified fold (32 KB) is fetched only when a Han term of the query is on no page (縣, 衛生):
  // a query in Simplified characters that the site holds never needs it.
  let fold: Promise<(text: string) => string> | undefined;

  /** A query's results: every term searched on its own, combined (src/search/browser/rank.ts). */
  async function search(query: string, filters: Filters, folded = false): Promise<Outcome> {
    const searched = normaliseQuery(query, (text) => text);
    const meaningful = meaningfulQuery(searched);
    const terms = queryTerms(meaningful).slice(0, MAX_TERMS);
    const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
    // A common term (on more than LONGEST_LIST pages, src/search/shared/index-layout.ts) keeps only its best pages, so a word
    // with it is checked on the text anyway; where the query has a rarer term, that term finds the pages and the
    // common one's list is not fetched (at national size 镇卫, 卫生 and 生院 were three of the five requests of
    // 华湖镇卫生院). Not under a region filter, which reads a common term's complete list for its region.
    const common = index.entry.common ?? {};
    const skipped = new Set(active.region ? [] : terms.filter((t) => Object.hasOwn(common, t.search)).map((t) => t.search));
    // The pages named exactly as the query come first, fetched alongside the terms (src/search/shared/index-layout.ts nameKey).
    const namedPages = [...searched].length >= 3 ? index.named(searched).catch(() => []) : Promise.resolve([]);
    const lookup = (term: QueryTerm) => index.search(term.search, active);
    let responses = await Promise.all(terms.map((term) => (skipped.has(term.search) ? { results: [], unfilteredResultCount: common[term.search], complete: false } : lookup(term))));
    // The query has no rarer term, or its rarer terms are on no page: the common ones are all it has.
    if (skipped.size && terms.every((t, i) => skipped.has(t.search) || responses[i].unfilteredResultCount === 0)) {
      skipped.clear();
      responses = await Promise.all(terms.map(lookup));
    }
    if (!folded && terms.some((t, i) => /\p{Script=Han}/u.test(t.text) && responses[i].unfilteredResultCount === 0)) {
      fold ??= import('./fold').then((m) => m.traditionalToSimplified);
      const simplified = normaliseQuery(query, await fold);
      if (simplified !== searched) return search(simplified, filters, true);
    }
    const hitsOf = new Map<string, Set<string>>();
    const pagesWith = new Map<string, number>();
    responses.forEach((r, i) => {
      hitsOf.set(terms[i].search, new Set(r.results.map((h) => h.id)));
      pagesWith.set(terms[i].search, r.unfilteredResultCount);
    });
    const words = queryWords(meaningful, (term) => (pagesWith.get(term) ?? 0) > 0);
    const ranked = rankPages(
      responses.filter((_, i) => !skipped.has(terms[i].search)).map((r) => ({ pagesWithTerm: r.unfilteredResultCount, hits: r.results.map(({ id, score }) => ({ id, score })) })),
      totalPages,
    );
    // Pages in rank order that pass a check of their text, read until `enough` have passed (at most CHECKED read):
    // `enough` at first, then twice as many as the round before, since a query whose first pages fail tends to fail
    // on many (资中县中医院 read 33 pages three at a time: eleven rounds of requests, now four). `unread` says whether
    // pages beyond the last batch are kept unchecked.
    const passing = async (list: RankedPage[], keep: (hit: Hit) => boolean, unread: boolean, enough: number) => {
      const passed: RankedPage[] = [];
      let i = 0;
      for (let size = enough; i < list.length && i < CHECKED && passed.length < enough; size *= 2) {
        const batch = list.slice(i, Math.min(i + size, CHECKED));
        const read = await Promise.all(batch.map((p) => load(p.id)));
        batch.forEach((p, k) => keep(read[k]) && passed.push(p));
        i += batch.length;
      }
      return unread ? [...passed, ...list.slice(i)] : passed;
    };
    // A word of three characters or more is matched pair by pair; pages are read to see it is whole.
    // So is a word with a term whose list holds only its best pages (a common pair, src/search/shared/index-layout.ts): a page
    // missing from that list may still hold it.
    const partial = new Set(terms.filter((_, i) => !responses[i].complete).map((t) => t.search));
    const han = (w: QueryWord) => /\p{Script=Han}/u.test(w.text);
    const long = words.filter((w) => w.terms.length > 1 || (han(w) && w.terms.some((term) => partial.has(term)))).map((w) => w.text);
    const searchedOf = words.map((w) => ({ terms: w.terms.filter((term) => hitsOf.has(term) && !partial.has(term)) }));
    const rankedById = new Map(ranked.map((p) => [p.id, p]));
    // Under a filter, only those the filter lets through (they are among the ranked).
    const named = (await namedPages).filter((id) => rankedById.has(id) || !Object.keys(active).length);
    const order = [...named.map((id) => rankedById.get(id) ?? { id, score: ranked[0]?.score ?? 1, coverage: 1 }), ...ranked.filter((p) => !named.includes(p.id))];
    const strict = order.filter((p) => named.includes(p.id) || holdsEveryWord(p.id, searchedOf, (term) => hitsOf.get(term)));
    // A page whose text is cut holds the word's terms (it is in `strict`), which is as far as it can be checked.
    const wholeWords = (hit: Hit) => hit.cut || long.every((w) => hit.searchable.includes(w));
    const wholeCheck = async () => (long.length ? passing(strict, wholeWords, true, FIRST_RESULTS) : strict);
    // A sentence ("孟津县妇幼保健院能转诊吗") has words its page does not say (能转诊): when no page holds them all, or
    // the query reads as a sentence (question words taken out, or pairs no page holds), the pages that hold most of it
    // in long pieces answer it too. Latin words and numbers must still be there.
    const runs = meaningful.match(/\p{Script=Han}+/gu) ?? [];
    const sentence = meaningful !== searched || terms.some((t) => pagesWith.get(t.search) === 0);
    const plain = words.filter((w) => !han(w)).map((w) => ({ terms: w.terms.filter((term) => !partial.has(term)) }));
    const candidates = order.filter((p) => !plain.length || holdsEveryWord(p.id, plain, (term) => hitsOf.get(term)));
    const answersIt = (hit: Hit) => answersSentence(sentenceCoverage(runs, hit.searchable));
    const sentenceCheck = () => passing(candidates, answersIt, false, RESULTS_PAGE);
    const canAnswer = runs.join('').length >= 5;
    // A sentence's two checks run side by side (a page both read is fetched once): one after the other took up to
    // eight rounds of requests.
    const [whole, answers] = sentence && canAnswer ? await Promise.all([wholeCheck(), sentenceCheck()]) : [await wholeCheck(), undefined];
    let pages = whole;
    let holds = wholeWords;
    if (answers || (!pages.length && canAnswer)) {
      const answering = new Set([...pages, ...(answers ?? (await sentenceCheck()))].map((p) => p.id));
      pages = order.filter((p) => answering.has(p.id));
      // Pages beyond those the whole-word check read are checked as they are shown, by either check.
      holds = (hit) => wholeWords(hit) || answersIt(hit);
    }
    const suggestions = pages.length || Object.keys(active).length ? [] : await soundAlike(meaningful.match(/\p{Script=Han}+/gu)?.join('') ?? '').catch(() => []);
    return outcome(searched, meaningful, words, pages, suggestions, holds);

    function outcome(searched: string, meaningful: string, words: QueryWord[], pages: RankedPage[], suggestions: Outcome['suggestions'], holds: Outcome['holds']): Outcome {
      return {
        holds,
        searched,
        numbers: queryNumbers(meaningful),
        parts: [...new Set(words.map((w) => w.text))].sort((a, b) => b.length - a.length),
        pages: pages.map(({ id, score }) => ({ id, score, load: () => load(id) })),
        suggestions,
      };
    }
  }

  warmUp();
  return { filterValues: index.entry.filters, search };
}

/** A query with every kind of term: a question, Han words, a year, numbers with a unit and a percentage, pinyin. */
export const WARM_UP_QUERY = '请问孟津县医共体 2024年 10.5万 87.49% Mengjin';

/**
 * Runs a query's work that needs no index on a sample, once, before the engine is ready. A fresh page's first query
 * otherwise paid for compiling it, the Unicode patterns of src/search/shared/tokens.ts most (about 5 ms of 12 measured).
 */
function warmUp(): void {
  const meaningful = meaningfulQuery(normaliseQuery(WARM_UP_QUERY, (text) => text));
  const terms = queryTerms(meaningful);
  const words = queryWords(meaningful, () => true);
  const hits = terms.map((_, i) => ({ pagesWithTerm: 1, hits: [{ id: String(i % 2), score: 1 }] }));
  const ranked = rankPages(hits, 2);
  holdsEveryWord(ranked[0]?.id ?? '0', words, () => new Set(['0']));
  sentenceCoverage(meaningful.match(/\p{Script=Han}+/gu) ?? [], meaningful);
  queryNumbers(meaningful);
  readFigures('a=1 b=2.5');
}
