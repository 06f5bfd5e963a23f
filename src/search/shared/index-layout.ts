/**
 * The layout of the site's search index, shared by the build that writes it (src/search/build/integration.ts) and
 * the search page that reads it (src/search/browser/index-reader.ts). Runs in the browser; imports only the names engine.
 *
 * An inverted index cut into shards by a hash of each term, so a query fetches one small shard per term whatever the
 * size of the site, and one small file per result holding only what the result shows:
 *
 * - `/search-index.json`: the entry (short cache): version, page count, shard count, filter values.
 * - `/search-index/<version>/s<n>.bin`: a shard, gzip JSON `{ term: [page, score, kind, region, page, …] }`, four
 *   numbers per page holding the term, pages in order: the page's number (as the gap from the one before), its term
 *   score ×1000 (BM25's saturation and length part,
 *   src/search/build/integration.ts; the search page multiplies it by the term's rarity), and the indexes of its kind
 *   and region in the entry's lists (-1 for none), so filters need no other file.
 *   A common term keeps only its best pages there, with its count and lists by region and kind (`LONGEST_LIST`).
 * - `/search-index/<version>/d<page>.bin`: a page, gzip JSON (`IndexPage`). (Not `.gz`: hosts would serve that
 *   with `Content-Encoding: gzip`, and the browser would inflate it first.) Page numbers follow the documents' order
 *   but leave gaps (src/search/build/page-numbers.ts): the entry's `pages` counts pages, not numbers.
 * - `/search-index/<version>/fold.bin`: gzip JSON `{ Traditional or variant character: Simplified }` for the characters
 *   that fold to one the index holds (the entry's `folds` lists them), fetched only for a query holding one.
 *
 * Every file under /search-index/ lies in a folder named by the version (a hash of the whole index), so it can be
 * cached for a year; the entry names the version.
 */

import { normaliseName } from './names';

export const INDEX_ENTRY = '/search-index.json';
export const INDEX_DIR = '/search-index/';

export interface IndexEntry {
  /** Hash of the index's content; part of every file name. */
  version: string;
  /** Pages in the index. */
  pages: number;
  /** Number of shards terms are spread over. */
  shards: number;
  /** Filter values, in the order shards refer to them. */
  kinds: string[];
  regions: string[];
  /** Pages per filter value. */
  filters: { kind: Record<string, number>; region: Record<string, number> };
  /**
   * Terms kept whole (pairs, numbers; not lone characters) on more than LONGEST_LIST pages, with their page counts:
   * a query with a rarer term need not fetch their lists (src/search/browser/engine.ts).
   */
  common: Record<string, number>;
  /** Groups of words readers use for the same thing (data/synonyms/, src/search/shared/synonyms.ts). */
  synonyms?: string[][];
  /**
   * Every Traditional or variant character that folds to a character the index holds: the search page fetches the
   * fold (`foldPath`) only for a query holding one of them.
   */
  folds?: string;
}

/** A page as a result shows it. */
export interface IndexPage {
  url: string;
  /** The page title without the site name. */
  title: string;
  kind?: string;
  region?: string;
  /** Its figures, "id=value id=value" (src/search/shared/numbers.ts). */
  figures?: string;
  /** What the page says, as the excerpt shows it (its start only, where `cut`). */
  text: string;
  /** The page says more than `text` holds (src/search/build/index-doc.ts, STORED_TEXT). */
  cut?: boolean;
  /** Words it answers to without showing them (aliases, other names, pinyin). */
  hidden?: string;
}

/** Numbers per page in a shard's posting list. */
export const POSTING = 4;
/** Term scores are stored as integers: score × this. */
export const SCORE_SCALE = 1000;

export const shardPath = (version: string, shard: number) => `${INDEX_DIR}${version}/s${shard}.bin`;
export const pagePath = (version: string, page: number) => `${INDEX_DIR}${version}/d${page}.bin`;
export const foldPath = (version: string) => `${INDEX_DIR}${version}/fold.bin`;

/** Words searched by their start ("mengjin" finds "mengjinxian") once typed to this many characters. */
export const PREFIX_LENGTH = 3;

/** A Latin word or number as the index holds it: lower case, without thousands commas ("105,423" is "105423"). */
export const wordKey = (word: string) => word.toLowerCase().replace(/,/g, '');

/**
 * Terms kept whole: Han characters and the pair and number tokens (src/search/shared/tokens.ts, search-numbers.ts),
 * matched by their exact shape so pinyin initials that happen to start the same (云南省 → "yns") stay prefix words.
 */
const WHOLE = /^(?:yq[0-9a-z]{6}$|yn[wy]\d+(?:d\d+)?$|\p{Script=Han})/u;

/** Whether a term is found by its start: a Latin word or number. */
export const matchesByPrefix = (term: string) => !WHOLE.test(term);

/** What decides a term's shard: the term, or for a Latin word or number its first characters (so words sharing a start share a shard). */
export const shardKey = (term: string) => (matchesByPrefix(term) ? term.slice(0, PREFIX_LENGTH) : term);

/** The shard a term is in. */
export const shardOf = (term: string, shards: number) => hashShard(shardKey(term), shards);

/**
 * A term on more than LONGEST_LIST pages keeps, under its own key, only its best-scoring pages; the shard also holds
 * `#term`, the number of pages holding it, and the index holds one complete list per region (`term@<region index>`)
 * and the best pages of each kind (`term~<kind index>`), each in the shard of its whole key. A common pair (卫生 on
 * every health centre in the country) then costs a query a few KB, not its whole list.
 */
export const LONGEST_LIST = 1000;
export const countKey = (term: string) => `#${term}`;
export const regionKey = (term: string, region: number) => `${term}@${region}`;
export const kindKey = (term: string, kind: number) => `${term}~${kind}`;
/**
 * A page's whole name (its h1, or a record's name and aliases) as a key of its own, `=<name>`, listing the pages so
 * named: a query that is a page's name puts that page first at any size, where a long name's pairs are common ones
 * whose kept lists may not reach the page (武海区人民医院牵头的紧密型县域医共体 at national size). Names are normalised
 * as the finder normalises them (src/search/shared/names.ts): spaces, punctuation and full-width forms aside.
 */
export const nameKey = (name: string) => `=${normaliseName(name)}`;
/** Names longer than this are not keyed (nobody types them whole). */
export const LONGEST_NAME = 40;
/**
 * The shard of a name's key: that of its first pair (`pairs`, its pair tokens in order) that is not a common term,
 * which a query of that name fetches anyway, so the name costs no request of its own; else a hash of the key.
 */
export function nameShard(key: string, pairs: string[], common: Record<string, number>, shards: number): number {
  const pair = pairs.find((p) => !Object.hasOwn(common, p));
  return hashShard(pair ?? key, shards);
}
/** Whether a shard key is a term itself (not a count, a per-region or per-kind list, or a name). */
export const isTermKey = (key: string) => !/^[#=]|[@~]\d+$/.test(key);

/** The shard of a key: FNV-1a over its UTF-16 code units. */
export function hashShard(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}
