/**
 * Reads the site's search index (layout: src/search/shared/index-layout.ts) in the browser: the entry once, then the shard of
 * each term searched and the file of each result shown, each fetched once per page. Files are stored gzip-compressed
 * and inflated by the browser's DecompressionStream (native code); fflate is loaded only where that is missing (Safari
 * before 16.4). On a fresh page fflate's not yet compiled code took 6–14 ms for a query's six files, the browser 3 ms.
 */
import {
  INDEX_ENTRY,
  POSTING,
  PREFIX_LENGTH,
  SCORE_SCALE,
  countKey,
  hashShard,
  isTermKey,
  kindKey,
  LONGEST_NAME,
  nameKey,
  nameShard,
  matchesByPrefix,
  pagePath,
  foldPath,
  regionKey,
  shardOf,
  shardPath,
  wordKey,
  type IndexEntry,
  type IndexPage,
} from '../shared/index-layout';
import { rarity } from './rank';
import { indexTokens } from '../shared/tokens';

export interface TermResults {
  /** Pages holding the term, under the filters, best first, with the term's BM25 score. */
  results: { id: string; score: number }[];
  /** Pages holding the term, before the filters. */
  unfilteredResultCount: number;
  /** False when `results` are only the best pages of a common term: others may hold it too. */
  complete: boolean;
}

/** A shard: each key's list (src/search/shared/index-layout.ts) or, for `#term`, a count. */
type Shard = Record<string, number[] | number>;

export interface SearchIndex {
  entry: IndexEntry;
  /** The pages whose whole name is this (src/search/shared/index-layout.ts `nameKey`). */
  named: (name: string) => Promise<string[]>;
  search: (term: string, filters?: { kind?: string; region?: string }) => Promise<TermResults>;
  page: (id: string) => Promise<IndexPage>;
  /** The Traditional → Simplified fold of the characters the index holds (src/search/shared/index-layout.ts `foldPath`). */
  fold: () => Promise<Record<string, string>>;
}

/** Gzip bytes as text (bytes a host already inflated pass through). */
export async function gunzipText(bytes: ArrayBuffer): Promise<string> {
  const data = new Uint8Array(bytes);
  if (data[0] !== 0x1f || data[1] !== 0x8b) return new TextDecoder().decode(data);
  if (typeof DecompressionStream === 'function') return new Response(new Response(data).body!.pipeThrough(new DecompressionStream('gzip'))).text();
  const { gunzipSync, strFromU8 } = await import('fflate');
  return strFromU8(gunzipSync(data));
}

async function fetchGzipJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return JSON.parse(await gunzipText(await response.arrayBuffer())) as T;
}

/** The index, or a rejection where there is none (e.g. `astro dev`). */
export async function openIndex(): Promise<SearchIndex> {
  const response = await fetch(INDEX_ENTRY);
  if (!response.ok) throw new Error(`${INDEX_ENTRY}: ${response.status}`);
  const entry = (await response.json()) as IndexEntry;
  const shards = new Map<number, Promise<Shard>>();
  const pages = new Map<string, Promise<IndexPage>>();

  const shard = (n: number) => {
    if (!shards.has(n)) shards.set(n, fetchGzipJson<Shard>(shardPath(entry.version, n)));
    return shards.get(n)!;
  };

  /**
   * A term's list as the filters want it, and how many pages hold the term. A common term's own list has only its
   * best pages (src/search/shared/index-layout.ts, LONGEST_LIST): under a region filter its complete list for that region is
   * read instead, under a kind filter the best pages of that kind; otherwise the list is said to be incomplete.
   */
  async function listOf(terms: Shard, key: string, kind?: number, region?: number): Promise<{ list: number[]; count: number; complete: boolean }> {
    const own = terms[key];
    const list = Array.isArray(own) ? own : [];
    const stored = terms[countKey(key)];
    const count = typeof stored === 'number' ? stored : list.length / POSTING;
    if (count <= list.length / POSTING) return { list, count, complete: true };
    const other = async (sub: string) => {
      const value = (await shard(hashShard(sub, entry.shards)))[sub];
      return Array.isArray(value) ? value : [];
    };
    if (region !== undefined) return { list: await other(regionKey(key, region)), count, complete: true };
    if (kind !== undefined) return { list: await other(kindKey(key, kind)), count, complete: false };
    return { list, count, complete: false };
  }

  async function search(term: string, filters: { kind?: string; region?: string } = {}): Promise<TermResults> {
    const prefix = matchesByPrefix(term);
    const key = prefix ? wordKey(term) : term;
    if (!key) return { results: [], unfilteredResultCount: 0, complete: true };
    const kind = filters.kind ? entry.kinds.indexOf(filters.kind) : undefined;
    const region = filters.region ? entry.regions.indexOf(filters.region) : undefined;
    const terms = await shard(shardOf(key, entry.shards));
    // A Latin word or number also finds longer words it starts ("mengjin" → "mengjinxian"), which score less the
    // more they add.
    const matched = prefix && key.length >= PREFIX_LENGTH ? Object.keys(terms).filter((k) => isTermKey(k) && k.startsWith(key)) : Object.hasOwn(terms, key) ? [key] : [];
    // Each page's best posting over the matched words, as parallel arrays (a term on 1,000 pages made 1,000 objects
    // per query before: garbage collection was a third of a query's script at national size).
    const at = new Map<number, number>();
    const pages: number[] = [];
    const saturations: number[] = [];
    const kinds: number[] = [];
    const regions: number[] = [];
    let counted = 0;
    let complete = true;
    for (const k of matched) {
      const { list, count, complete: whole } = await listOf(terms, k, kind === -1 ? undefined : kind, region === -1 ? undefined : region);
      counted = Math.max(counted, count);
      complete &&= whole;
      const similarity = key.length / k.length;
      let page = 0;
      for (let i = 0; i + POSTING <= list.length; i += POSTING) {
        page += list[i];
        const saturation = (list[i + 1] / SCORE_SCALE) * similarity;
        // One word's list holds a page once: only a prefix search over several words meets a page again.
        const seen = matched.length > 1 ? at.get(page) : undefined;
        if (seen === undefined) {
          if (matched.length > 1) at.set(page, pages.length);
          pages.push(page);
          saturations.push(saturation);
          kinds.push(list[i + 2]);
          regions.push(list[i + 3]);
        } else if (saturations[seen] < saturation) {
          saturations[seen] = saturation;
        }
      }
    }
    // Pages holding the term, before filters: the stored count of a common term, else the pages found.
    const unfilteredResultCount = Math.max(counted, pages.length);
    const weight = rarity(entry.pages, unfilteredResultCount);
    // A filter value no page has (a hand-edited address) matches nothing, not the pages without a value (-1).
    if (kind === -1 || region === -1) return { results: [], unfilteredResultCount, complete: true };
    const results: TermResults['results'] = [];
    for (let n = 0; n < pages.length; n++) {
      if (kind !== undefined && kinds[n] !== kind) continue;
      if (region !== undefined && regions[n] !== region) continue;
      results.push({ id: String(pages[n]), score: weight * saturations[n] });
    }
    results.sort((a, b) => b.score - a.score || Number(a.id) - Number(b.id));
    return { results, unfilteredResultCount, complete };
  }

  const page = (id: string) => {
    if (!pages.has(id)) pages.set(id, fetchGzipJson<IndexPage>(pagePath(entry.version, Number(id))));
    return pages.get(id)!;
  };

  async function named(name: string): Promise<string[]> {
    const key = nameKey(name);
    if (key.length > LONGEST_NAME + 1) return [];
    const value = (await shard(nameShard(key, indexTokens(key), entry.common ?? {}, entry.shards)))[key];
    return Array.isArray(value) ? value.map(String) : [];
  }

  const fold = () => fetchGzipJson<Record<string, string>>(foldPath(entry.version));

  return { entry, search, page, named, fold };
}
