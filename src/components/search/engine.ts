/**
 * The search page's engine: Pagefind (only in a built site, at /pagefind/) and the Traditional→Simplified fold,
 * loaded together on first use. A query is folded, cut into terms (src/lib/search-tokens.ts), each term is searched
 * on its own and the results are combined (src/lib/search-rank.ts).
 */
import { meaningfulQuery, queryParts, queryTerms, readableContent } from '../../lib/search-tokens';
import { rankPages } from '../../lib/search-rank';
import { nameFieldWeights } from '../../lib/search-names';

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
}

export interface Outcome {
  /** The query as searched: Simplified and normalised. */
  searched: string;
  /** The query's parts, for marking matches in excerpts. */
  parts: string[];
  /** Every matching page, best first; `load` fetches one page's details. */
  pages: { id: string; score: number; load: () => Promise<Hit> }[];
}

export interface Engine {
  /** Filter values present in the index, with their page counts. */
  filterValues: Record<string, Record<string, number>>;
  search: (query: string, filters: Filters) => Promise<Outcome>;
}

/** Full-width letters and digits to plain ones, lower case, Traditional characters to Simplified. */
export function normaliseQuery(query: string, fold: (text: string) => string): string {
  return fold(query.normalize('NFKC').toLowerCase()).replace(/\s+/g, ' ').trim();
}

/** A pasted paragraph is searched by its first this many terms; each term is one Pagefind search. */
const MAX_TERMS = 40;

let loading: Promise<Engine> | undefined;

/** The engine, loaded once; rejects where there is no built index (e.g. `astro dev`). */
export function loadEngine(): Promise<Engine> {
  loading ??= createEngine();
  return loading;
}

async function createEngine(): Promise<Engine> {
  const pagefindUrl = '/pagefind/pagefind.js';
  const [pagefind, { traditionalToSimplified }, entry] = await Promise.all([
    import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>,
    import('./fold'),
    fetch('/pagefind/pagefind-entry.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error(`pagefind-entry.json: ${r.status}`)))),
  ]);
  // The main thread is fast enough for this index, and saves the worker's 12 KB. Long pages (the guide, the
  // glossary, policy documents) explain the most; Pagefind's default length penalty (0.75) buried them under short
  // pages that mention a term once, so it is halved.
  await pagefind.options({ noWorker: true, ranking: { pageLength: 0.5, metaWeights: nameFieldWeights() } });
  await pagefind.init();
  const totalPages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
  const filterValues = await pagefind.filters();
  const hits = new Map<string, Promise<Hit>>();

  async function search(query: string, filters: Filters): Promise<Outcome> {
    const searched = normaliseQuery(query, traditionalToSimplified);
    const meaningful = meaningfulQuery(searched);
    const terms = queryTerms(meaningful).slice(0, MAX_TERMS);
    const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
    const responses = await Promise.all(terms.map((term) => pagefind.search(term.search, { filters: active })));
    const byId = new Map<string, PagefindResult>();
    for (const r of responses) for (const result of r.results) byId.set(result.id, result);
    const ranked = rankPages(
      responses.map((r) => ({ pagesWithTerm: r.unfilteredResultCount, hits: r.results.map(({ id, score }) => ({ id, score })) })),
      totalPages,
    );
    const load = (id: string) => {
      if (!hits.has(id)) {
        hits.set(
          id,
          byId.get(id)!.data().then((d) => ({ url: d.url, title: d.meta.title ?? d.url, kind: d.meta.kind, region: d.meta.region, text: readableContent(d.content) })),
        );
      }
      return hits.get(id)!;
    };
    return { searched, parts: queryParts(meaningful), pages: ranked.map(({ id, score }) => ({ id, score, load: () => load(id) })) };
  }

  return { filterValues, search };
}
