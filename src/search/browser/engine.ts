/**
 * The search page's engine: the site's search index (only in a built site: src/search/shared/index-layout.ts, read by
 * ./index-reader.ts) and its Traditional→Simplified fold table, loaded on first use. A query is folded, cut into terms (src/search/shared/tokens.ts), each term is searched
 * on its own and the results are combined (src/search/browser/rank.ts).
 */
import { TOKEN_MARK, indexTokens, meaningfulQuery, queryTerms, queryWords, type QueryTerm, type QueryWord } from '../shared/tokens';
import { answersSentence, holdsEveryWord, rankPages, sentenceCoverage, type RankedPage } from './rank';
import { openIndex } from './index-reader';
import { queryNumbers, readFigures, type PageFigure, type QueryNumber } from '../shared/numbers';
import { queryVariants } from '../shared/synonyms';
import { correctionOf } from './correct';
import { foldCharacters, readingsOf, spell, type Readings } from '../shared/names';

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
  /** Its title and the other names it answers to (short forms, aliases), where a correction is looked for. */
  names: string[];
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
  /**
   * The query found nothing as typed and one name on the site is a confident correction of it (梦津县 → 孟津县): the
   * results are that query's, shown under "已显示 X 的结果，仍搜索 Y".
   */
  corrected?: string;
}

export interface SearchOptions {
  /** Search the query as typed: no correction (the reader chose "仍搜索 Y"). */
  exact?: boolean;
}

export interface Engine {
  /** Filter values present in the index, with their page counts. */
  filterValues: Record<string, Record<string, number>>;
  search: (query: string, filters: Filters, options?: SearchOptions) => Promise<Outcome>;
}

/** Full-width letters and digits to plain ones, lower case, Traditional characters to Simplified (`fold`). */
export function normaliseQuery(query: string, fold: (text: string) => string): string {
  return fold(query.normalize('NFKC').toLowerCase()).replace(/\s+/g, ' ').trim();
}

/** A pasted paragraph is searched by its first this many terms; each term is one search of the index. */
const MAX_TERMS = 40;
/** Pages whose text is read to check that a query's longer words stand together on them (和医院 is not 和医…医院). */
const CHECKED = 40;
/** Pages read to find those answering a sentence (each read costs a request and 1–2 KB). */
const SENTENCE_CHECKED = 20;
/**
 * Results shown first, before the rest of the first page: about a phone's screen of them. A name's check reads pages
 * this many at a time and stops once this many have passed (one round of requests: each request cost a fresh page
 * 5–10 ms on the 2-core machine, so three rather than five took ~10 ms off the median); the pages after them are
 * checked as they are shown (`Outcome.holds`).
 */
export const FIRST_RESULTS = 3;
/** Results in a page of them. A sentence's check reads this many at a time until this many have passed. */
export const RESULTS_PAGE = 10;

/** What one query as typed found, for combining with its other forms (src/search/browser/engine.ts `search`). */
interface Found {
  outcome: Outcome;
  /** The query without question words and particles. */
  meaningful: string;
  /** Pages holding most of the query's pairs, best first (`LOOSE_COVERAGE`). */
  loose: RankedPage[];
  /** Every page holding enough of the query's terms to be ranked, best first: where a correction is looked for. */
  near: RankedPage[];
  /** Whether some page holds a term (of those searched). */
  known: (term: string) => boolean;
  /** The query is one run of Han characters (no question words) with a pair no page holds: maybe a mistyped name. */
  typo: boolean;
}

/** Other forms of a query (src/search/shared/synonyms.ts) searched when it finds too little; each costs its new terms. */
const MAX_VARIANTS = 4;
/** Pages read to check another form of a query (its best pages only: each page read costs a request and 1–2 KB). */
const VARIANT_CHECKED = 8;
/**
 * Share of a query's rarity-weighted pairs a page must hold to answer it when no page holds its words (tuned on the
 * queries that must find nothing, tests/support/search-queries.ts).
 */
export const LOOSE_COVERAGE = 0.6;
/** The readings of characters, for sound-alike names (src/finder/shards.ts writes it). */
const SOUNDS = '/finder/sounds.json';

/** One query's results with its other forms': every page any found, best score first; parts and checks of all. */
function merge(first: Found, others: Found[]): Found {
  const all = [first, ...others];
  const best = new Map<string, Outcome['pages'][number]>();
  for (const f of all) for (const p of f.outcome.pages) if (!best.has(p.id) || best.get(p.id)!.score < p.score) best.set(p.id, p);
  const loose = new Map<string, RankedPage>();
  for (const f of all) for (const p of f.loose) if (!loose.has(p.id) || loose.get(p.id)!.score < p.score) loose.set(p.id, p);
  return {
    ...first,
    loose: [...loose.values()].sort((a, b) => b.score - a.score),
    outcome: {
      ...first.outcome,
      pages: [...best.values()].sort((a, b) => b.score - a.score),
      parts: [...new Set(all.flatMap((f) => f.outcome.parts))].sort((a, b) => b.length - a.length),
      numbers: first.outcome.numbers,
      holds: (hit) => all.some((f) => f.outcome.holds(hit)),
    },
  };
}

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
          names: [p.title, ...(p.hidden?.split(/\s*。\s*/) ?? [])].filter((n) => /\p{Script=Han}/u.test(n)),
        })),
      );
    }
    return hits.get(id)!;
  };

  // The characters' readings (/finder/sounds.json, shared with the finder's homophone search), fetched only for a
  // query that found nothing: 16 KB where the pinyin library was 139 KB.
  let readings: Promise<Readings> | undefined;
  const readingsTable = () =>
    (readings ??= fetch(SOUNDS).then(async (r) => {
      if (!r.ok) throw new Error(`${SOUNDS}: ${r.status}`);
      return readingsOf((await r.json()) as Record<string, string>);
    }));

  /** Pages named like the query in pinyin (the index holds the pinyin of every name), best first. */
  async function soundAlike(han: string): Promise<Hit[]> {
    if (!han) return [];
    const spelled = spell(han, await readingsTable());
    if (!spelled) return [];
    const { results } = await index.search(spelled);
    return Promise.all(results.slice(0, 3).map((r) => load(r.id)));
  }

  // The Traditional→Simplified fold: a table of the characters that fold to one the index holds (a few KB, made at
  // build time by the names engine, src/search/build/name-readings.ts), fetched only for a query holding one of them
  // (the entry lists them): a query in Simplified characters never needs it.
  let fold: Promise<Record<string, string>> | undefined;
  const folds = index.entry.folds ?? '';
  const synonyms = index.entry.synonyms ?? [];

  /**
   * A query's results. As typed (and folded) first; with too few, also as the synonym groups write it (签约率 →
   * 签约覆盖率); with none, as its one confident correction (梦津县 → 孟津县); then the pages holding most of its pairs
   * (`loose`); then nothing, with names that sound like it offered.
   */
  async function search(query: string, filters: Filters, options: SearchOptions = {}): Promise<Outcome> {
    const typed = normaliseQuery(query, (text) => text);
    let searched = typed;
    if ([...typed].some((ch) => folds.includes(ch))) {
      fold ??= index.fold();
      const table = await fold;
      searched = normaliseQuery(query, (text) => foldCharacters(text, table));
    }
    const filtered = Object.values(filters).some(Boolean);
    const first = await core(searched, filters);
    // A name with a pair of characters no page holds (孟津县人民医园) is likely a typo: its one confident correction,
    // if it has one, is shown first, named as such, rather than pages that hold most of it.
    if (first.typo && !options.exact && !filtered) {
      const corrected = await correction(first);
      if (corrected) {
        const again = await search(corrected, filters, { exact: true });
        if (again.pages.length) return { ...again, searched: first.outcome.searched, corrected };
      }
    }
    let found: Found = first;
    // A sentence (question words taken out) is searched in its other forms too, for its words no page says
    // (签约了多少人 is 签约人数 on the page); its words the pages say stay (each form costs its new terms).
    const sentence = first.meaningful !== first.outcome.searched;
    if (first.outcome.pages.length < FIRST_RESULTS || sentence) {
      const keep = (word: string) => first.outcome.pages.length >= FIRST_RESULTS && [...word].length > 1 && indexTokens(word).every(first.known);
      const variants = queryVariants(first.outcome.searched, synonyms, MAX_VARIANTS, keep);
      if (variants.length) found = merge(first, await Promise.all(variants.map((v) => core(v, filters, VARIANT_CHECKED))));
    }
    if (!found.outcome.pages.length && !options.exact && !filtered) {
      const corrected = await correction(first);
      if (corrected) {
        const again = await search(corrected, filters, { exact: true });
        if (again.pages.length) return { ...again, searched: first.outcome.searched, corrected };
      }
    }
    if (!found.outcome.pages.length && found.loose.length) {
      const loose = found.loose;
      return { ...found.outcome, pages: loose.map(({ id, score }) => ({ id, score, load: () => load(id) })), holds: () => true };
    }
    if (found.outcome.pages.length || filtered) return titlesFirst(found.outcome);
    const han = first.meaningful.match(/\p{Script=Han}+/gu)?.join('') ?? '';
    const alike = await soundAlike(han).catch(() => []);
    return { ...found.outcome, suggestions: alike.map(({ title, url }) => ({ title, url })) };
  }

  /**
   * A query of two words or more (a place and what the reader wants: 孟津 转诊) puts first, among its first results,
   * the pages whose title holds every word: 孟津县第一医疗卫生共同体转诊指南 before the plan and the glossary that say
   * both words more often. The pages read are those the results page shows first anyway.
   */
  async function titlesFirst(outcome: Outcome): Promise<Outcome> {
    const words = outcome.parts.filter((w) => /\p{Script=Han}/u.test(w));
    if (words.length < 2) return outcome;
    const head = outcome.pages.slice(0, RESULTS_PAGE);
    const read = await Promise.all(head.map((p) => p.load()));
    const titled = head.filter((_, i) => words.every((w) => read[i]!.title.includes(w)));
    if (!titled.length || titled.length === head.length) return outcome;
    return { ...outcome, pages: [...titled, ...outcome.pages.filter((p) => !titled.includes(p))] };
  }

  /**
   * The one name a query that found nothing mistypes: among the pages named like it in pinyin and the pages holding
   * most of its pairs, a piece of a name that sounds like the query's Han run or differs from it in one character.
   */
  async function correction(first: Found): Promise<string | undefined> {
    const runs = first.meaningful.match(/\p{Script=Han}+/gu) ?? [];
    if (runs.length !== 1 || [...runs[0]].length < 2 || [...runs[0]].length > 12) return undefined;
    const [table, near] = await Promise.all([readingsTable().catch(() => undefined), Promise.all(first.near.slice(0, 3).map((p) => load(p.id)))]);
    if (!table) return undefined;
    const alike = await soundAlike(runs[0]).catch(() => []);
    const names = [...new Set([...alike, ...near].flatMap((hit) => hit.names))];
    const piece = correctionOf(runs[0], names, table);
    return piece ? first.outcome.searched.replace(runs[0], piece) : undefined;
  }

  /** A query's results as typed: every term searched on its own, combined (src/search/browser/rank.ts). */
  async function core(query: string, filters: Filters, checked = CHECKED): Promise<Found> {
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
    const passing = async (list: RankedPage[], keep: (hit: Hit) => boolean, unread: boolean, enough: number, most = checked) => {
      const passed: RankedPage[] = [];
      let i = 0;
      for (let size = enough; i < list.length && i < most && passed.length < enough; size *= 2) {
        const batch = list.slice(i, Math.min(i + size, most));
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
    // A sentence's pages are read fewer at most: its answers rank high when they exist (its other forms are searched too).
    const sentenceCheck = () => passing(candidates, answersIt, false, RESULTS_PAGE, Math.min(checked, SENTENCE_CHECKED));
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
    // The pages holding most of the query's pairs (rarity-weighted; a pair on no page counts against every page), its
    // Latin words and numbers all: the answer when nothing holds the query's words (签约率 on 签约覆盖率's page).
    const loose = candidates.filter((p) => p.coverage >= LOOSE_COVERAGE && runs.join('').length >= 2);
    return { outcome: outcome(searched, meaningful, words, pages, [], holds), meaningful, loose, near: order, known: (term) => (pagesWith.get(term) ?? 0) > 0, typo: runs.length === 1 && meaningful === searched && terms.some((t) => t.search.startsWith(TOKEN_MARK) && pagesWith.get(t.search) === 0) };

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
