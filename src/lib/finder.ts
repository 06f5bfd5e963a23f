/**
 * The finder's data shape, matching and shard choice. Runs in the browser (bundled into Finder.astro), so it imports
 * nothing: Traditional forms and a Traditional→Simplified character fold are computed at build time (finder-index.ts).
 *
 * The browser never loads every entry: it loads /finder/index.json (the fold and which n-grams have shards), then the
 * one shard of a character or short n-gram of the query (`shardFor`). Every entry a query can match contains the
 * query's distinctive part, so the shard of any n-gram of that part holds all of them.
 */

export interface FinderLink {
  name: string;
  href: string;
}

export interface FinderGroup extends FinderLink {
  /** Where it serves, e.g. "洛阳市孟津县". */
  place: string;
  lead?: FinderLink;
  referral: string;
}

export interface FinderEntry {
  type: 'institution' | 'group' | 'region';
  name: string;
  href: string;
  /** Kind and place, e.g. "乡镇卫生院 · 洛阳市孟津县". */
  context: string;
  /** Simplified names and aliases, normalised. */
  keys: string[];
  /** Traditional forms of the keys, normalised. */
  tw: string[];
  /** Ids of the groups it belongs to (institution), is (group) or that serve it (region). */
  groups: string[];
  /** For an institution: ids of the groups it leads. */
  leads?: string[];
  /** For a village clinic: the township health centre that manages it; `href` is that centre's page. */
  centre?: FinderLink;
}

export interface FinderData {
  /** Traditional (and variant) character → Simplified, for every character in the keys that differs. */
  fold: Record<string, string>;
  groups: Record<string, FinderGroup>;
  entries: FinderEntry[];
}

/** One shard: the entries whose folded names contain one n-gram, and the groups they refer to. */
export interface FinderShard {
  groups: Record<string, FinderGroup>;
  entries: FinderEntry[];
}

/** /finder/index.json: the fold, and which n-grams have a shard. */
export interface FinderIndex {
  fold: Record<string, string>;
  /** Longest n-gram indexed. */
  maxLevel: number;
  /** N-grams whose shard holds every entry containing them, with that number of entries. */
  complete: Record<string, number>;
  /**
   * N-grams in more entries than a shard may hold, with that number: their shard holds only the best matches for the
   * n-gram typed alone, and the n-grams one character longer that extend them are indexed in turn.
   */
  partial: Record<string, number>;
}

/** Which shard answers a query; `partial` when no shard holds every match (a generic query such as "卫生院"). */
export interface ShardChoice {
  gram: string;
  partial: boolean;
}

/** The shard's file under /finder/: the n-gram's UTF-16 code units in hex, so any character makes a safe file name. */
export function shardFile(gram: string): string {
  return Array.from({ length: gram.length }, (_, i) => gram.charCodeAt(i).toString(16)).join('-');
}

/**
 * The distinct substrings of `text` with `n` UTF-16 code units. Code units, not characters: the build and the browser
 * cut names and queries the same way, and a rare character outside the BMP (𬌗) is simply two units.
 */
export function ngrams(text: string, n: number): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n));
  return [...grams];
}

/**
 * The smallest shard holding every entry a query can match, or undefined when no entry can match (a character or
 * n-gram no name contains). Short n-grams first; a longer one only where every shorter one is partial.
 */
export function shardFor(index: FinderIndex, query: string): ShardChoice | undefined {
  const folded = foldQuery(query, index.fold);
  if (!folded) return undefined;
  // Every match contains this: the whole query, or its distinctive part when matching falls back to it.
  const part = coreOf(folded) || folded;
  const has = (counts: Record<string, number>, g: string) => Object.prototype.hasOwnProperty.call(counts, g);
  let sample: string | undefined;
  const smallest = (grams: string[], counts: Record<string, number>) => grams.reduce((a, b) => (counts[b] < counts[a] ? b : a));
  for (let n = 1; n <= Math.min(part.length, index.maxLevel); n++) {
    const grams = ngrams(part, n);
    if (grams.some((g) => !has(index.complete, g) && !has(index.partial, g))) return undefined;
    const complete = grams.filter((g) => has(index.complete, g));
    if (complete.length) return { gram: smallest(complete, index.complete), partial: false };
    sample = smallest(grams, index.partial);
  }
  return sample === undefined ? undefined : { gram: sample, partial: true };
}

/** Lowercase, without spaces or punctuation, so "麻屯 镇" and "麻屯镇。" match "麻屯镇卫生院". */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A query with each Traditional character folded to its Simplified form. */
export function foldQuery(query: string, fold: Record<string, string>): string {
  return [...normalise(query)].map((ch) => fold[ch] ?? ch).join('');
}

// Generic words a resident may add or leave out: "小浪底镇医院" should still find 小浪底镇卫生院.
const GENERIC = /(社区卫生服务中心|社区卫生服务站|卫生服务中心|中心卫生院|卫生院|卫生室|卫生所|医院|分院|医共体|医疗集团|共同体|街道|镇|乡|村|社区|县|市|区)+$/u;

/** The distinctive part of a query: "小浪底镇卫生院" → "小浪底". Empty when nothing distinctive is left. */
export function coreOf(query: string): string {
  const core = query.replace(GENERIC, '');
  return core.length >= 2 ? core : '';
}

const TYPE_ORDER: Record<FinderEntry['type'], number> = { institution: 0, group: 1, region: 2 };

/**
 * How well an entry matches: 5 exact; 4 the name without its generic ending ("孟津县" → 孟津, "小浪底镇卫生院" → 小浪底);
 * 3 prefix; 2 contains; 1 contains the query's distinctive part; 0 not at all.
 */
export function scoreEntry(entry: FinderEntry, folded: string, raw: string): number {
  if (!folded) return 0;
  const core = coreOf(folded);
  let best = 0;
  const test = (key: string, q: string) => {
    if (!q) return;
    if (key === q) best = Math.max(best, 5);
    else if (coreOf(key) === q) best = Math.max(best, 4);
    else if (key.startsWith(q)) best = Math.max(best, 3);
    else if (key.includes(q)) best = Math.max(best, 2);
  };
  for (const key of entry.keys) {
    test(key, folded);
    if (best < 1 && core && key.includes(core)) best = 1;
  }
  for (const key of entry.tw) test(key, raw);
  return best;
}

/** Entries matching a query in Simplified or Traditional characters, best first. */
export function searchFinder(data: FinderData, query: string, limit = 12): FinderEntry[] {
  const raw = normalise(query);
  const folded = foldQuery(query, data.fold);
  return data.entries
    .map((entry) => ({ entry, score: scoreEntry(entry, folded, raw) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || TYPE_ORDER[a.entry.type] - TYPE_ORDER[b.entry.type] || a.entry.name.length - b.entry.name.length || a.entry.name.localeCompare(b.entry.name, 'zh-CN'))
    .slice(0, limit)
    .map((m) => m.entry);
}
