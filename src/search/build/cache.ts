/**
 * What one build of the search index keeps for the next (incremental publishing, issue 29): the results of pure
 * functions of text that cost the most to compute again, each looked up by what it is made from.
 *
 * - Each page's terms as the index takes them (`IndexDoc` without its text, src/search/build/index-doc.ts) and the key of
 *   its result file, by a hash of the page's path and search document: an unchanged page is a lookup, not a
 *   tokenisation, and its result file is linked from the published index without being serialised again.
 * - What each page's search document was made from: the keys it read (src/data/reads.ts), each with the fingerprint of
 *   what it read then, so that a document whose keys all read the same is known without being made again.
 * - Each MDX body's text blocks (src/search/build/mdx-text.ts), by a hash of the body: a body is parsed only when it
 *   changed (2,420 digests at national size).
 * - The Traditional fold (src/search/build/name-readings.ts `foldTable`), by the characters it was made for, so
 *   OpenCC's dictionaries are not loaded while the index's characters stand.
 *
 * Kept beside dist/ in `.search-cache.bin` (ignored by git, never published), with the code fingerprint of the build
 * that wrote it (src/publishing/incremental-build.ts): it is read only by an incremental build of the same code; a full
 * build (`--full`, changed code or settings, no dist/) computes everything and writes a fresh one. Only what this build
 * used is written, so it never grows past one site's worth. Since every entry is found by what it is made from, a
 * cache that does not match dist/ (a dist/ replaced by other means, a build that crashed) is never wrong, only of no use.
 * Outside `npm run build` (npm run dev, a bare `astro build`, the tests) nothing is read or written.
 *
 * Why a binary file: at national size the pages' terms are some 15 million postings. Kept as JSON (235 MB), parsing
 * and writing it cost seconds of every incremental build, whatever its change. Here each term is written once (the
 * terms in one list), each posting as two numbers (its term's place in that list and its weights' place in a list of
 * the weight pairs met), and the numbers as arrays of 32-bit integers, read as they lie in the file: reading the cache
 * costs the parsing of its small JSON part (names, keys and paths) alone, and a page's terms are looked at only when
 * the index needs them (a changed page's, or the pages holding a changed term: src/search/build/integration.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { incrementalState } from '../../publishing/incremental';
import { writeWhole } from '../../data/write-whole';

/** Where the cache is kept, relative to the project root (beside dist/ and `.dist-manifest.json`). */
export const SEARCH_CACHE_FILE = '.search-cache.bin';
/** Where an older build kept it, as JSON: removed when the cache is written. */
const OLD_CACHE_FILE = '.search-cache.json';

/** Bumped when an entry's shape or meaning changes: an older cache is then ignored. */
const CACHE_VERSION = 4;
/** The file's first bytes: what it is, and its version. */
const MAGIC = `yigongti-search-cache ${CACHE_VERSION}\n`;

/**
 * A page's terms in the order their postings are added (first those of its text, then those only in a name), each with
 * its weighted count in the text (`tf`) and the weight of the names holding it (`named`).
 */
export interface TermList {
  readonly size: number;
  term(i: number): string;
  tf(i: number): number;
  named(i: number): number;
  /** The positions of its terms that `terms` holds, in order. */
  positionsIn(terms: ReadonlyMap<string, unknown>): number[];
}

/** The terms of a page made in this build: its terms as an array (the Map keys they were made as), its weights beside. */
export class MadeTerms implements TermList {
  constructor(
    readonly terms: readonly string[],
    /** For each term, its weighted count in the text and the weight of the names holding it. */
    readonly weights: readonly number[],
  ) {}
  get size(): number {
    return this.terms.length;
  }
  term(i: number): string {
    return this.terms[i];
  }
  tf(i: number): number {
    return this.weights[2 * i];
  }
  named(i: number): number {
    return this.weights[2 * i + 1];
  }
  positionsIn(terms: ReadonlyMap<string, unknown>): number[] {
    const at: number[] = [];
    for (let i = 0; i < this.terms.length; i++) if (terms.has(this.terms[i])) at.push(i);
    return at;
  }
}

/** The terms and weight pairs of a cache read from disk, which its pages' postings point into. */
class Postings {
  /** Each term's place in `terms`, made when first asked. */
  private index?: Map<string, number>;
  /** For a set of terms, which of `terms` it holds (by place): made once per set. */
  private readonly masks = new WeakMap<ReadonlyMap<string, unknown>, Uint8Array>();

  constructor(
    readonly terms: readonly string[],
    /** The weight pairs: tf, named; tf, named … */
    readonly pairs: Float64Array,
    /** Each page's postings, from `offsets[page]` to `offsets[page + 1]`: its terms' and its weight pairs' places. */
    readonly offsets: Uint32Array,
    readonly termIds: Uint32Array,
    readonly pairIds: Uint32Array,
  ) {}

  mask(terms: ReadonlyMap<string, unknown>): Uint8Array {
    let mask = this.masks.get(terms);
    if (mask) return mask;
    this.index ??= new Map(this.terms.map((term, i) => [term, i]));
    mask = new Uint8Array(this.terms.length);
    for (const term of terms.keys()) {
      const at = this.index.get(term);
      if (at !== undefined) mask[at] = 1;
    }
    this.masks.set(terms, mask);
    return mask;
  }
}

/** The terms of a page as the last build kept them: a view of its postings in the cache read (`Postings`). */
class KeptTerms implements TermList {
  constructor(
    readonly postings: Postings,
    readonly page: number,
  ) {}
  get size(): number {
    return this.postings.offsets[this.page + 1] - this.postings.offsets[this.page];
  }
  term(i: number): string {
    const p = this.postings;
    return p.terms[p.termIds[p.offsets[this.page] + i]];
  }
  tf(i: number): number {
    const p = this.postings;
    return p.pairs[2 * p.pairIds[p.offsets[this.page] + i]];
  }
  named(i: number): number {
    const p = this.postings;
    return p.pairs[2 * p.pairIds[p.offsets[this.page] + i] + 1];
  }
  positionsIn(terms: ReadonlyMap<string, unknown>): number[] {
    const p = this.postings;
    const mask = p.mask(terms);
    const from = p.offsets[this.page];
    const to = p.offsets[this.page + 1];
    const at: number[] = [];
    for (let j = from; j < to; j++) if (mask[p.termIds[j]]) at.push(j - from);
    return at;
  }
}

/**
 * A page as the index takes it, without what its result file holds (src/search/build/integration.ts `PageTerms`): its
 * length, kind, region, names, and its terms with their weights.
 */
export interface CachedPage {
  /** The key of its result file's content (src/search/build/integration.ts `IndexWriter.write`). */
  key: string;
  length: number;
  kind?: string;
  region?: string;
  terms: TermList;
  /** How many of `terms` are its text's (the first ones). */
  texts: number;
  wholeNames: string[];
}

/**
 * The index the cache's build wrote: its version, its pages' paths and keys in the documents' order (their numbers are
 * a function of the paths: src/search/build/page-numbers.ts), and what its shards were made with, so the next build
 * makes only the shards holding a changed page's entries (src/search/build/integration.ts `IndexChanges`).
 */
export interface CachedIndex {
  version: string;
  paths: string[];
  keys: string[];
  average: number;
  shards: number;
  kinds: string[];
  regions: string[];
  common: Record<string, number>;
  /** Its postings as stored (src/search/build/integration.ts `IndexWriter.stored`), which set the shard count. */
  total?: number;
  /** The characters its fold was made for, sorted. */
  characters?: string;
}

/** How many characters of a key's fingerprint (src/publishing/incremental-reads.ts `inputPrint`) are kept: 96 bits. */
export const READ_PRINT_LENGTH = 16;

/**
 * What each page's search document was made from (src/publishing/incremental-reads.ts): the keys read, each once in
 * `keys` with the start of the fingerprint of what it read (`prints`), and by path the positions of its keys (sorted
 * as the keys) and the document's key. While every key reads the same, the document is the same: it is not made again.
 */
interface Reads {
  keys: string[];
  prints: string[];
  paths: Map<string, { reads: ArrayLike<number>; key: string }>;
}

/** The JSON part of the file; the numbers are the arrays of `sections`, after it. */
interface Head {
  code: string;
  index?: CachedIndex;
  mdx: Record<string, { text: string; heading?: number }[]>;
  fold: Record<string, Record<string, string>>;
  /** The terms, one a line (a term holds no line break), in the order of their places. */
  terms: string;
  pages: { keys: string[]; results: string[]; lengths: number[]; kinds: (string | null)[]; regions: (string | null)[]; texts: number[]; wholeNames: string[][] };
  reads?: { keys: string[]; prints: string[]; paths: string[]; docs: string[] };
  /** Each array's name, kind and length, in the order they follow the JSON part. */
  sections: [string, 'u32' | 'f64', number][];
}

/** What the last build left, read. */
interface Prior {
  index?: CachedIndex;
  /** The terms and weight pairs its pages' postings point into. */
  postings?: Postings;
  pages: Map<string, CachedPage>;
  reads?: Reads;
  mdx: Record<string, { text: string; heading?: number }[]>;
  fold: Record<string, Record<string, string>>;
}

const empty = (): Prior => ({ pages: new Map(), mdx: {}, fold: {} });

/** One build's cache: what the last build left (`from`), and what this build used or made, written at the end. */
export class SearchCache {
  /** The pages this build used, by key. */
  private readonly pages = new Map<string, CachedPage>();
  private readonly mdxUsed: Record<string, { text: string; heading?: number }[]> = {};
  private readonly foldUsed: Record<string, Record<string, string>> = {};
  private made?: CachedIndex;
  /**
   * This build's reads: the keys start as the last build's, in its order, so that a document known by its reads keeps
   * its positions as they are; keys no document read are left out when the cache is written.
   */
  private readonly nextReads: Reads;
  /** Each key's position in `nextReads.keys`, made when a document is made. */
  private readPositions?: Map<string, number>;
  /** Pages taken from the last build, and pages made. */
  hits = 0;
  misses = 0;
  /** CPU seconds spent reading the last build's cache and writing this one's, for the build log. */
  readSeconds = 0;
  savedSeconds = 0;

  constructor(
    private readonly from: Prior = empty(),
    readonly code?: string,
  ) {
    this.nextReads = { keys: [...(from.reads?.keys ?? [])], prints: [...(from.reads?.prints ?? [])], paths: new Map() };
  }

  /** The index the last build wrote, as it described it. */
  get priorIndex(): CachedIndex | undefined {
    return this.from.index;
  }

  /** A page as the last build kept it, by its key. */
  priorPage(key: string): CachedPage | undefined {
    return this.from.pages.get(key);
  }

  /** A page this build used or made, by its key. */
  usedPage(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  /** The keys the last build's documents read, with the start of each one's fingerprint then (`READ_PRINT_LENGTH`). */
  get priorReadKeys(): { keys: readonly string[]; prints: readonly string[] } {
    return this.from.reads ?? { keys: [], prints: [] };
  }

  /**
   * What the last build's document of `path` read (positions in `priorReadKeys`) and the document's key, if the page it
   * made is still kept.
   */
  priorReads(path: string): { reads: ArrayLike<number>; key: string } | undefined {
    const made = this.from.reads?.paths.get(path);
    return made && this.from.pages.has(made.key) ? made : undefined;
  }

  /** Records that this build's document of `path` is the last build's (`priorReads`), read from the same keys. */
  sameReads(path: string, prior: { reads: ArrayLike<number>; key: string }): void {
    this.nextReads.paths.set(path, prior);
  }

  /** Records what this build's document of `path` read (sorted keys), with each key's fingerprint, and the document's key. */
  reads(path: string, keys: readonly string[], printOf: (key: string) => string, key: string): void {
    const next = this.nextReads;
    const positions = (this.readPositions ??= new Map(next.keys.map((k, at) => [k, at])));
    const reads = keys.map((k) => {
      let at = positions.get(k);
      if (at === undefined) positions.set(k, (at = next.keys.push(k) - 1));
      next.prints[at] = printOf(k).slice(0, READ_PRINT_LENGTH);
      return at;
    });
    next.paths.set(path, { reads, key });
  }

  /** Records the index this build wrote. */
  index(index: CachedIndex): void {
    this.made = index;
  }

  /** The page kept under `key`, kept again for the next build; else `make()`'s, kept. */
  page(key: string, make: () => CachedPage): CachedPage {
    const known = this.from.pages.get(key);
    if (known) this.hits++;
    else this.misses++;
    const value = known ?? make();
    this.pages.set(key, value);
    return value;
  }

  private get<V>(from: Record<string, V>, to: Record<string, V>, key: string, make: () => V): V {
    const value = Object.hasOwn(from, key) ? from[key] : make();
    to[key] = value;
    return value;
  }

  mdx(body: string, make: () => { text: string; heading?: number }[]): { text: string; heading?: number }[] {
    return this.get(this.from.mdx, this.mdxUsed, hash(body), make);
  }

  fold(characters: Set<string>, make: () => Record<string, string>): Record<string, string> {
    return this.get(this.from.fold, this.foldUsed, hash([...characters].sort().join('')), make);
  }

  /** Writes what this build used for the next one (src/data/write-whole.ts: a build killed meanwhile leaves the old one). */
  save(root: string): void {
    if (!this.code) return;
    const started = process.cpuUsage();
    try {
      writeWhole(join(root, SEARCH_CACHE_FILE), this.encode());
      rmSync(join(root, OLD_CACHE_FILE), { force: true });
    } catch {
      // Only a cache: a build that cannot keep it is slower next time, never wrong.
    }
    this.savedSeconds = cpuSince(started);
  }

  /** The file's bytes: `MAGIC`, the JSON part's length (decimal, a line), the JSON part, then its arrays. */
  private encode(): Buffer {
    // The terms and weight pairs in the places the cache read gave them, so that a kept page's postings are copied as
    // they lie; then those first met in a page made in this build. Places no page holds any longer are dropped when
    // they are over a quarter of the list (each page's places then renumbered).
    const base = this.from.postings;
    const terms: string[] = base ? [...base.terms] : [];
    const pairs: number[] = base ? Array.from(base.pairs) : [];
    const termAt = new Map<string, number>();
    const pairAt = new Map<number, Map<number, number>>();
    let indexed = false;
    const index = () => {
      indexed = true;
      terms.forEach((term, at) => termAt.set(term, at));
      for (let at = 0; at < pairs.length / 2; at++) placePair(pairs[2 * at], pairs[2 * at + 1], at);
    };
    const placePair = (tf: number, named: number, at: number) => {
      let byNamed = pairAt.get(tf);
      if (!byNamed) pairAt.set(tf, (byNamed = new Map()));
      if (!byNamed.has(named)) byNamed.set(named, at);
    };
    const termOf = (term: string) => {
      if (!indexed) index();
      let at = termAt.get(term);
      if (at === undefined) termAt.set(term, (at = terms.push(term) - 1));
      return at;
    };
    const pairOf = (tf: number, named: number) => {
      if (!indexed) index();
      const at = pairAt.get(tf)?.get(named);
      if (at !== undefined) return at;
      placePair(tf, named, pairs.length / 2);
      return pairs.push(tf, named) / 2 - 1;
    };
    let count = 0;
    for (const page of this.pages.values()) count += page.terms.size;
    const offsets = new Uint32Array(this.pages.size + 1);
    const termIds = new Uint32Array(count);
    const pairIds = new Uint32Array(count);
    const head: Head['pages'] = { keys: [], results: [], lengths: [], kinds: [], regions: [], texts: [], wholeNames: [] };
    let j = 0;
    let n = 0;
    for (const [key, page] of this.pages) {
      head.keys.push(key);
      head.results.push(page.key);
      head.lengths.push(page.length);
      head.kinds.push(page.kind ?? null);
      head.regions.push(page.region ?? null);
      head.texts.push(page.texts);
      head.wholeNames.push(page.wholeNames);
      const list = page.terms;
      if (list instanceof KeptTerms && list.postings === base) {
        const from = base.offsets[list.page];
        const to = base.offsets[list.page + 1];
        termIds.set(base.termIds.subarray(from, to), j);
        pairIds.set(base.pairIds.subarray(from, to), j);
        j += to - from;
      } else {
        for (let i = 0; i < list.size; i++, j++) {
          termIds[j] = termOf(list.term(i));
          pairIds[j] = pairOf(list.tf(i), list.named(i));
        }
      }
      offsets[++n] = j;
    }
    const kept = { terms: dropUnused(termIds, terms), pairs: dropUnused(pairIds, pairs, 2) };
    // The reads' keys that a document of this build read, renumbered over those kept.
    const sections: [string, Uint32Array | Float64Array][] = [
      ['pairs', Float64Array.from(kept.pairs)],
      ['offsets', offsets],
      ['termIds', termIds],
      ['pairIds', pairIds],
    ];
    let reads: Head['reads'];
    const next = this.nextReads;
    if (next.paths.size) {
      const used = new Int32Array(next.keys.length).fill(-1);
      for (const { reads: at } of next.paths.values()) for (let x = 0; x < at.length; x++) used[at[x]] = 0;
      const keys: string[] = [];
      const prints: string[] = [];
      for (let at = 0; at < used.length; at++) if (used[at] === 0) used[at] = keys.push(next.keys[at]) - 1, prints.push(next.prints[at]);
      reads = { keys, prints, paths: [], docs: [] };
      let total = 0;
      for (const { reads: at } of next.paths.values()) total += at.length;
      const readOffsets = new Uint32Array(next.paths.size + 1);
      const positions = new Uint32Array(total);
      let r = 0;
      let k = 0;
      for (const [path, { reads: at, key }] of next.paths) {
        reads.paths.push(path);
        reads.docs.push(key);
        for (let x = 0; x < at.length; x++) positions[k++] = used[at[x]];
        readOffsets[++r] = k;
      }
      sections.push(['readOffsets', readOffsets], ['readPositions', positions]);
    }
    const json: Head = {
      code: this.code!,
      ...(this.made ? { index: this.made } : {}),
      mdx: this.mdxUsed,
      fold: this.foldUsed,
      terms: kept.terms.join('\n'),
      pages: head,
      ...(reads ? { reads } : {}),
      sections: sections.map(([name, array]) => [name, array instanceof Float64Array ? 'f64' : 'u32', array.length]),
    };
    const text = Buffer.from(JSON.stringify(json));
    // The arrays start on a multiple of 8 bytes, so that they are read where they lie.
    const start = Buffer.from(`${MAGIC}${text.length}\n`);
    const pad = Buffer.alloc((8 - ((start.length + text.length) % 8)) % 8, 32);
    return Buffer.concat([start, text, pad, ...sections.map(([, array]) => Buffer.from(array.buffer, array.byteOffset, array.byteLength))]);
  }
}

/**
 * `list` (terms, or weight pairs of `width` numbers each) without the places no posting of `ids` points to, when they
 * are over a quarter of it; `ids` then renumbered.
 */
function dropUnused<T>(ids: Uint32Array, list: T[], width = 1): T[] {
  const places = list.length / width;
  const used = new Uint8Array(places);
  let count = 0;
  for (let x = 0; x < ids.length; x++) if (used[ids[x]] === 0) (used[ids[x]] = 1), count++;
  if (places - count <= places / 4) return list;
  const renumbered = new Uint32Array(places);
  const kept: T[] = [];
  for (let at = 0; at < places; at++) {
    if (!used[at]) continue;
    renumbered[at] = kept.length / width;
    for (let k = 0; k < width; k++) kept.push(list[at * width + k]);
  }
  for (let x = 0; x < ids.length; x++) ids[x] = renumbered[ids[x]];
  return kept;
}

/** Reads a cache file's bytes (`SearchCache.encode`); undefined when it is not one of this version or of this code. */
function decode(bytes: Buffer, code: string): Prior | undefined {
  const magic = Buffer.from(MAGIC);
  if (!bytes.subarray(0, magic.length).equals(magic)) return undefined;
  const line = bytes.indexOf(10, magic.length);
  const length = Number(bytes.toString('latin1', magic.length, line));
  const head = JSON.parse(bytes.toString('utf8', line + 1, line + 1 + length)) as Head;
  if (head.code !== code) return undefined;
  // Arrays are read where they lie when the file's bytes start on a multiple of 8 (as Node reads a large file).
  let aligned = bytes;
  if (bytes.byteOffset % 8 !== 0) bytes.copy((aligned = Buffer.alloc(bytes.length)));
  let at = line + 1 + length;
  at += (8 - (at % 8)) % 8;
  const arrays = new Map<string, Uint32Array | Float64Array>();
  for (const [name, kind, count] of head.sections) {
    const size = kind === 'f64' ? 8 : 4;
    if (at + count * size > aligned.length) return undefined;
    arrays.set(name, kind === 'f64' ? new Float64Array(aligned.buffer, aligned.byteOffset + at, count) : new Uint32Array(aligned.buffer, aligned.byteOffset + at, count));
    at += count * size;
  }
  const u32 = (name: string) => arrays.get(name) as Uint32Array;
  const postings = new Postings(head.terms ? head.terms.split('\n') : [], arrays.get('pairs') as Float64Array, u32('offsets'), u32('termIds'), u32('pairIds'));
  const pages = new Map<string, CachedPage>();
  const p = head.pages;
  for (let i = 0; i < p.keys.length; i++) {
    pages.set(p.keys[i], {
      key: p.results[i],
      length: p.lengths[i],
      ...(p.kinds[i] !== null ? { kind: p.kinds[i]! } : {}),
      ...(p.regions[i] !== null ? { region: p.regions[i]! } : {}),
      terms: new KeptTerms(postings, i),
      texts: p.texts[i],
      wholeNames: p.wholeNames[i],
    });
  }
  let reads: Reads | undefined;
  if (head.reads) {
    const offsets = u32('readOffsets');
    const positions = u32('readPositions');
    const paths = new Map<string, { reads: ArrayLike<number>; key: string }>();
    head.reads.paths.forEach((path, i) => paths.set(path, { reads: positions.subarray(offsets[i], offsets[i + 1]), key: head.reads!.docs[i] }));
    reads = { keys: head.reads.keys, prints: head.reads.prints, paths };
  }
  return { index: head.index, postings, pages, reads, mdx: head.mdx, fold: head.fold };
}

/** CPU seconds (user and system) this process has used since `started`. */
function cpuSince(started: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1e6;
}

/** A text's key: sha256, base64url, 27 characters (as the index keys its files). */
export const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 27);

/** The cache the last build left, if it was made by the same code; otherwise an empty one. */
export function readSearchCache(root: string, code: string): SearchCache {
  const file = join(root, SEARCH_CACHE_FILE);
  if (!existsSync(file)) return new SearchCache(undefined, code);
  try {
    return new SearchCache(decode(readFileSync(file), code), code);
  } catch {
    return new SearchCache(undefined, code);
  }
}

declare global {
  /** This build's search cache: the pages (bundled by Vite) and the index's integration are separate module instances. */
  // eslint-disable-next-line no-var
  var __yigongtiSearchCache: { build: object; cache: SearchCache } | undefined;
}

/**
 * This build's cache under `npm run build`: read from the last build when this one is incremental, empty when it is a
 * full one; undefined outside `npm run build`, where nothing is kept.
 */
export function buildSearchCache(): SearchCache | undefined {
  const state = incrementalState();
  if (!state) return undefined;
  const kept = globalThis.__yigongtiSearchCache;
  if (kept?.build === state) return kept.cache;
  const started = process.cpuUsage();
  const cache = state.base ? readSearchCache(process.cwd(), state.code) : new SearchCache(undefined, state.code);
  cache.readSeconds = cpuSince(started);
  globalThis.__yigongtiSearchCache = { build: state, cache };
  return cache;
}
