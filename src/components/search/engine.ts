/**
 * The search page's engine: Pagefind (only in a built site, at /pagefind/) and the Traditional→Simplified fold,
 * loaded together on first use. A query is folded, cut into terms (src/lib/search-tokens.ts), each term is searched
 * on its own and the results are combined (src/lib/search-rank.ts).
 */
import { meaningfulQuery, queryTerms, queryWords, readableContent, runPairs, searchableContent, type QueryWord } from '../../lib/search-tokens';
import { SIGNATURE, chunkOf, indexChunks, termsToSearch, type IndexChunk } from '../../lib/search-chunks';
import { answersSentence, holdsEveryWord, rankPages, sentenceCoverage, type RankedPage } from '../../lib/search-rank';
import { nameFieldWeights } from '../../lib/search-names';
import { queryNumbers, readFigures, type PageFigure, type QueryNumber } from '../../lib/search-numbers';

/** The parts of Pagefind's browser API used here. */
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string, options?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[]; unfilteredResultCount: number }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

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

/** A pasted paragraph is searched by its first this many terms; each term is one Pagefind search. */
const MAX_TERMS = 40;
/** Pages whose text is read to check that a query's longer words stand together on them (和医院 is not 和医…医院). */
const CHECKED = 40;
/** Pages read at a time for that check; reading stops once this many have passed (a page of results). */
const BATCH = 10;

/** Pagefind's own data files: stored gzip-compressed, inflated after fetching. */
const PAGEFIND_DATA = /\/pagefind\/(?:.*\.pf_(?:index|meta|filter|fragment)|wasm\.[\w-]+\.pagefind)$/;

/** Gzip bytes inflated by the browser's own DecompressionStream; anything else (or a failure) as it came. */
async function inflated(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if (typeof DecompressionStream !== 'function' || head[0] !== 0x1f || head[1] !== 0x8b) return bytes;
  try {
    // A stream over the bytes themselves: a Blob's stream (tried first) cost more than the inflating (profiled).
    const stream = new ReadableStream<BufferSource>({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
    return await new Response(stream.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  } catch {
    return bytes;
  }
}

/**
 * Pagefind inflates its gzip files in JavaScript (fflate): on a fresh page that was the largest share of a search's
 * script time after the wasm search itself (profiled under load: 60–80 ms a query). It passes through a file
 * that already starts with its signature, so its fetches of its own data files are answered inflated by the browser's
 * native decompressor. Pagefind takes no fetch of its own, hence the wrapper; it touches nothing but those files.
 */
function inflatePagefindNatively(): void {
  if (typeof DecompressionStream !== 'function') return;
  const plain = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await plain(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!response.ok || !PAGEFIND_DATA.test(url.pathname)) return response;
    return new Response(await inflated(await response.arrayBuffer()), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * A page's stored fragment, read directly: `result.data()` builds excerpts and sub-results this page never shows,
 * which took 80–160 ms for a page of results on a fresh page. Pagefind 1.6 stores a page's fragment at
 * fragment/<id>.pf_fragment; anything else (fragments grouped in one file, another format) falls back to `data()`.
 */
async function pageData(result: PagefindResult): Promise<PagefindData> {
  try {
    const response = await fetch(`/pagefind/fragment/${result.id}.pf_fragment`);
    if (!response.ok) throw new Error(`fragment ${result.id}: ${response.status}`);
    const text = new TextDecoder().decode(await inflated(await response.arrayBuffer()));
    if (!text.startsWith(SIGNATURE)) throw new Error(`fragment ${result.id}: no signature`);
    const fragment = JSON.parse(text.slice(SIGNATURE.length)) as Partial<PagefindData>;
    if (typeof fragment.url !== 'string' || typeof fragment.content !== 'string' || typeof fragment.meta !== 'object') throw new Error(`fragment ${result.id}: unexpected shape`);
    return { url: fragment.url, content: fragment.content, meta: fragment.meta ?? {} };
  } catch {
    return result.data();
  }
}

let loading: Promise<Engine> | undefined;

/** The engine, loaded once; rejects where there is no built index (e.g. `astro dev`). */
export function loadEngine(): Promise<Engine> {
  loading ??= createEngine();
  return loading;
}

async function createEngine(): Promise<Engine> {
  const pagefindUrl = '/pagefind/pagefind.js';
  inflatePagefindNatively();
  const [pagefind, entry] = await Promise.all([
    import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>,
    fetch('/pagefind/pagefind-entry.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error(`pagefind-entry.json: ${r.status}`)))),
  ]);
  // The main thread is fast enough for this index, and saves the worker's 12 KB. Long pages (the guide, the
  // glossary, policy documents) explain the most; Pagefind's default length penalty (0.75) buried them under short
  // pages that mention a term once, so it is halved.
  await pagefind.options({ noWorker: true, ranking: { pageLength: 0.5, metaWeights: nameFieldWeights() } });
  await pagefind.init();
  const languages = Object.values(entry.languages as Record<string, { hash: string; page_count: number }>);
  const totalPages = languages.reduce((n, l) => n + l.page_count, 0);
  // The index's chunk ranges, to search few pairs (src/lib/search-chunks.ts). Pagefind has just fetched this file,
  // so it comes from the HTTP cache; without it (several languages, another format) every term is searched.
  const chunks: IndexChunk[] | undefined =
    languages.length === 1
      ? await fetch(`/pagefind/pagefind.${languages[0].hash}.pf_meta`)
          .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`pf_meta: ${r.status}`))))
          .then(inflated)
          .then(indexChunks)
          .catch(() => undefined)
      : undefined;
  const chunkOfTerm = new Map<string, string | undefined>();
  const chunkFor = (term: string) => {
    if (!chunkOfTerm.has(term)) chunkOfTerm.set(term, chunkOf(chunks!, term));
    return chunkOfTerm.get(term);
  };
  const filterValues = await pagefind.filters();
  const hits = new Map<string, Promise<Hit>>();

  const load = (result: PagefindResult) => {
    if (!hits.has(result.id)) {
      hits.set(
        result.id,
        pageData(result).then((d) => ({
          url: d.url,
          title: d.meta.title ?? d.url,
          kind: d.meta.kind,
          region: d.meta.region,
          text: readableContent(d.content),
          searchable: searchableContent(d.content),
          figures: readFigures(d.meta.figures),
        })),
      );
    }
    return hits.get(result.id)!;
  };

  /** Pages named like the query in pinyin (the index holds the pinyin of every name), for "您是不是要找…". */
  async function soundAlike(han: string): Promise<Outcome['suggestions']> {
    if (!han) return [];
    const { pinyin } = await import('pinyin-pro');
    const spelled = (pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[]).join('');
    const { results } = await pagefind.search(spelled);
    const found = await Promise.all(results.slice(0, 3).map(load));
    return found.map(({ title, url }) => ({ title, url }));
  }

  // The Traditional→Simplified fold (32 KB) is fetched only when a Han term of the query is on no page (縣, 衛生):
  // a query in Simplified characters that the site holds never needs it.
  let fold: Promise<(text: string) => string> | undefined;

  /**
   * A query's results. First (`complete` false) with few pairs searched (src/lib/search-chunks.ts): that answers a
   * query whose terms are all on the site, whose every word is whole on some page and whose candidates are few enough
   * to read, the same pages as searching every pair would (a word whole on a page has all its pairs indexed). Any
   * other query (a sentence, a pair on no page, Traditional input, nothing found) is searched again with every term.
   */
  async function search(query: string, filters: Filters, folded = false, complete = false, more = 0): Promise<Outcome> {
    const searched = normaliseQuery(query, (text) => text);
    const meaningful = meaningfulQuery(searched);
    const allTerms = queryTerms(meaningful).slice(0, MAX_TERMS);
    const chosen = complete || !chunks || meaningful !== searched ? undefined : termsToSearch(allTerms.map((t) => t.search), runPairs(meaningful), chunkFor, more);
    const partial = chosen !== undefined && chosen.size < allTerms.length;
    const terms = partial ? allTerms.filter((t) => chosen.has(t.search)) : allTerms;
    const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
    const responses = await Promise.all(terms.map((term) => pagefind.search(term.search, { filters: active })));
    if (partial && responses.some((r) => r.unfilteredResultCount === 0)) return search(query, filters, folded, true);
    if (!folded && terms.some((t, i) => /\p{Script=Han}/u.test(t.text) && responses[i].unfilteredResultCount === 0)) {
      fold ??= import('./fold').then((m) => m.traditionalToSimplified);
      const simplified = normaliseQuery(query, await fold);
      if (simplified !== searched) return search(simplified, filters, true);
    }
    const byId = new Map<string, PagefindResult>();
    const hitsOf = new Map<string, Set<string>>();
    const pagesWith = new Map<string, number>();
    responses.forEach((r, i) => {
      for (const result of r.results) byId.set(result.id, result);
      hitsOf.set(terms[i].search, new Set(r.results.map((h) => h.id)));
      pagesWith.set(terms[i].search, r.unfilteredResultCount);
    });
    // A pair not searched counts as on some page: its word is then checked whole on the pages' text.
    const words = queryWords(meaningful, (term) => (pagesWith.get(term) ?? (partial ? 1 : 0)) > 0);
    const ranked = rankPages(
      responses.map((r) => ({ pagesWithTerm: r.unfilteredResultCount, hits: r.results.map(({ id, score }) => ({ id, score })) })),
      totalPages,
    );
    // Pages in rank order that pass a check of their text, read a batch at a time until a page of results has passed
    // (at most CHECKED); `unread` says whether pages beyond the last batch are kept unchecked.
    const passing = async (list: RankedPage[], keep: (hit: Hit) => boolean, unread: boolean) => {
      const passed: RankedPage[] = [];
      let i = 0;
      while (i < list.length && i < CHECKED && passed.length < BATCH) {
        const batch = list.slice(i, i + BATCH);
        const read = await Promise.all(batch.map((p) => load(byId.get(p.id)!)));
        batch.forEach((p, k) => keep(read[k]) && passed.push(p));
        i += batch.length;
      }
      return unread ? [...passed, ...list.slice(i)] : passed;
    };
    // A word of three characters or more is matched pair by pair; pages are read to see it is whole.
    const long = words.filter((w) => w.terms.length > 1).map((w) => w.text);
    const searchedOf = words.map((w) => ({ terms: w.terms.filter((term) => hitsOf.has(term)) }));
    const strict = ranked.filter((p) => holdsEveryWord(p.id, searchedOf, (term) => hitsOf.get(term)));
    if (partial) {
      // Every candidate is read, so the list is exact. Too many to read (a page read costs a fifth of a chunk):
      // search the pairs of one more chunk, which narrows them.
      if (strict.length > BATCH) return search(query, filters, folded, false, more + 1);
      const found = await passing(strict, (hit) => long.every((w) => hit.searchable.includes(w)), false);
      return found.length ? outcome(searched, meaningful, words, found, []) : search(query, filters, folded, true);
    }
    let pages = long.length ? await passing(strict, (hit) => long.every((w) => hit.searchable.includes(w)), true) : strict;
    // A sentence ("孟津县妇幼保健院能转诊吗") has words its page does not say (能转诊): when no page holds them all, or
    // the query reads as a sentence (question words taken out, or pairs no page holds), the pages that hold most of it
    // in long pieces answer it too. Latin words and numbers must still be there.
    const runs = meaningful.match(/\p{Script=Han}+/gu) ?? [];
    const sentence = meaningful !== searched || terms.some((t) => pagesWith.get(t.search) === 0);
    if ((!pages.length || sentence) && runs.join('').length >= 5) {
      const plain = words.filter((w) => !/\p{Script=Han}/u.test(w.text));
      const candidates = ranked.filter((p) => !plain.length || holdsEveryWord(p.id, plain, (term) => hitsOf.get(term)));
      const answering = new Set([...pages, ...(await passing(candidates, (hit) => answersSentence(sentenceCoverage(runs, hit.searchable)), false))].map((p) => p.id));
      pages = ranked.filter((p) => answering.has(p.id));
    }
    const suggestions = pages.length || Object.keys(active).length ? [] : await soundAlike(meaningful.match(/\p{Script=Han}+/gu)?.join('') ?? '').catch(() => []);
    return outcome(searched, meaningful, words, pages, suggestions);

    function outcome(searched: string, meaningful: string, words: QueryWord[], pages: RankedPage[], suggestions: Outcome['suggestions']): Outcome {
      return {
        searched,
        numbers: queryNumbers(meaningful),
        parts: [...new Set(words.map((w) => w.text))].sort((a, b) => b.length - a.length),
        pages: pages.map(({ id, score }) => ({ id, score, load: () => load(byId.get(id)!) })),
        suggestions,
      };
    }
  }

  return { filterValues, search };
}
