/**
 * What one build of the search index keeps for the next (incremental publishing, issue 29): the results of pure
 * functions of text that cost the most to compute again, each looked up by what it is made from.
 *
 * - Each page's terms as the index takes them (`IndexDoc` without its text, src/search/build/index-doc.ts) and the key of
 *   its result file, by a hash of the page's path and search document: an unchanged page is a lookup, not a
 *   tokenisation, and its result file is linked from the published index without being serialised again.
 * - Each MDX body's text blocks (src/search/build/mdx-text.ts), by a hash of the body: a body is parsed only when it
 *   changed (2,420 digests at national size).
 * - The Traditional fold (src/search/build/name-readings.ts `foldTable`), by the characters it was made for, so
 *   OpenCC's dictionaries are not loaded while the index's characters stand.
 *
 * Kept beside dist/ in `.search-cache.json` (ignored by git, never published), with the code fingerprint of the build
 * that wrote it (src/publishing/incremental-build.ts): it is read only by an incremental build of the same code; a full
 * build (`--full`, changed code or settings, no dist/) computes everything and writes a fresh one. Only what this build
 * used is written, so it never grows past one site's worth. Since every entry is found by what it is made from, a
 * cache that does not match dist/ (a dist/ replaced by other means, a build that crashed) is never wrong, only of no use.
 * Outside `npm run build` (npm run dev, a bare `astro build`, the tests) nothing is read or written.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { incrementalState } from '../../publishing/incremental';

/** Where the cache is kept, relative to the project root (beside dist/ and `.dist-manifest.json`). */
export const SEARCH_CACHE_FILE = '.search-cache.json';

/** Bumped when an entry's shape or meaning changes: an older cache is then ignored. */
const CACHE_VERSION = 3;

/**
 * A page as the index takes it, without what its result file holds (src/search/build/integration.ts `PageTerms`): its
 * terms in one string (a term holds no line break) and two numbers per term, so a site's worth of pages is a few
 * objects each rather than one per term.
 */
export interface CachedPage {
  /** The key of its result file's content (src/search/build/integration.ts `IndexWriter.write`). */
  key: string;
  length: number;
  kind?: string;
  region?: string;
  /** Its terms, one a line, in the order their postings are added: first those of its text, then those only in a name. */
  terms: string;
  /** How many of `terms` are its text's. */
  texts: number;
  /** For each term, its weighted count in the text and the weight of the names holding it. */
  weights: number[];
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
  /** Its terms on more than LONGEST_LIST pages (src/search/shared/index-layout.ts), sorted. */
  long?: string[];
}

/**
 * What each page's search document was made from (src/publishing/incremental-reads.ts): the keys it read, each once in
 * `keys`, and by path the positions of its keys, the fingerprint of what they read and the document's key in `pages`.
 * While the keys read the same, the document is the same: it is not made again.
 */
export interface CachedReads {
  keys: string[];
  paths: Record<string, { reads: number[]; print: string; key: string }>;
}

interface Stored {
  version: number;
  code: string;
  index?: CachedIndex;
  pages: Record<string, CachedPage>;
  reads?: CachedReads;
  mdx: Record<string, { text: string; heading?: number }[]>;
  fold: Record<string, Record<string, string>>;
}

/** One build's cache: what the last build left (`from`), and what this build used or made (`next`), written at the end. */
export class SearchCache {
  readonly next: Omit<Stored, 'version' | 'code' | 'index' | 'reads'> & { index?: CachedIndex; reads?: CachedReads } = { pages: {}, mdx: {}, fold: {} };
  /** The keys of `next.reads`, by key. */
  private readonly readPositions = new Map<string, number>();
  /** Pages taken from the last build, and pages made. */
  hits = 0;
  misses = 0;

  constructor(
    private readonly from: Omit<Stored, 'version' | 'code'> = { pages: {}, mdx: {}, fold: {} },
    readonly code?: string,
  ) {}

  /** The index the last build wrote, as it described it. */
  get priorIndex(): CachedIndex | undefined {
    return this.from.index;
  }

  /** A page as the last build kept it, by its key. */
  priorPage(key: string): CachedPage | undefined {
    return Object.hasOwn(this.from.pages, key) ? this.from.pages[key] : undefined;
  }

  /**
   * What the last build's document of `path` read (sorted keys), the fingerprint of that, and the document's key, if
   * the page it made is still kept.
   */
  priorReads(path: string): { keys: string[]; print: string; key: string } | undefined {
    const reads = this.from.reads;
    const made = reads && Object.hasOwn(reads.paths, path) ? reads.paths[path] : undefined;
    if (!made || !Object.hasOwn(this.from.pages, made.key)) return undefined;
    return { keys: made.reads.map((i) => reads!.keys[i]), print: made.print, key: made.key };
  }

  /** Records what this build's document of `path` read (sorted keys), its fingerprint and the document's key. */
  reads(path: string, keys: readonly string[], print: string, key: string): void {
    const reads = (this.next.reads ??= { keys: [], paths: {} });
    const positions = keys.map((k) => {
      let at = this.readPositions.get(k);
      if (at === undefined) this.readPositions.set(k, (at = reads.keys.push(k) - 1));
      return at;
    });
    reads.paths[path] = { reads: positions, print, key };
  }

  /** Records the index this build wrote. */
  index(index: CachedIndex): void {
    this.next.index = index;
  }

  /** The value kept under `key` in `part`, kept again for the next build; else `make()`'s, kept. */
  private get<P extends 'pages' | 'mdx' | 'fold', V extends SearchCache['next'][P][string]>(part: P, key: string, make: () => V): V {
    const known = Object.hasOwn(this.from[part], key) ? (this.from[part][key] as V) : undefined;
    if (part === 'pages') {
      if (known !== undefined) this.hits++;
      else this.misses++;
    }
    const value = known ?? make();
    (this.next[part] as Record<string, V>)[key] = value;
    return value;
  }

  page(key: string, make: () => CachedPage): CachedPage {
    return this.get('pages', key, make);
  }

  mdx(body: string, make: () => { text: string; heading?: number }[]): { text: string; heading?: number }[] {
    return this.get('mdx', hash(body), make);
  }

  fold(characters: Set<string>, make: () => Record<string, string>): Record<string, string> {
    return this.get('fold', hash([...characters].sort().join('')), make);
  }

  /**
   * Writes what this build used for the next one (beside itself, then renamed: a build killed meanwhile leaves the old
   * one). Entry by entry, in batches of about a megabyte: at national size the cache is hundreds of MB, and one
   * `JSON.stringify` of it ran the build out of heap (2026-12-07).
   */
  save(root: string): void {
    if (!this.code) return;
    const file = join(root, SEARCH_CACHE_FILE);
    const temporary = `${file}.${process.pid}`;
    try {
      const fd = openSync(temporary, 'w');
      try {
        writeStored(fd, this.code, this.next);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    } catch {
      // Only a cache: a build that cannot keep it is slower next time, never wrong.
      rmSync(temporary, { force: true });
    }
  }
}

/** `JSON.stringify` of what is stored (`Stored`), written to `fd` object by object, never as one string. */
function writeStored(fd: number, code: string, next: SearchCache['next']): void {
  let batch: string[] = [];
  let length = 0;
  const add = (text: string) => {
    batch.push(text);
    length += text.length;
    if (length >= 1 << 20) flush();
  };
  const flush = () => {
    writeSync(fd, batch.join(''));
    batch = [];
    length = 0;
  };
  const object = (name: string, entries: Iterable<[string, unknown]>) => {
    add(`,${JSON.stringify(name)}:{`);
    let first = true;
    for (const [key, value] of entries) {
      add(`${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`);
      first = false;
    }
    add('}');
  };
  add(`{"version":${CACHE_VERSION},"code":${JSON.stringify(code)}`);
  if (next.index) add(`,"index":${JSON.stringify(next.index)}`);
  object('pages', Object.entries(next.pages));
  object('mdx', Object.entries(next.mdx));
  object('fold', Object.entries(next.fold));
  if (next.reads) {
    add(`,"reads":{"keys":${JSON.stringify(next.reads.keys)}`);
    object('paths', Object.entries(next.reads.paths));
    add('}');
  }
  add('}');
  flush();
}

/** A text's key: sha256, base64url, 27 characters (as the index keys its files). */
export const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 27);

/** The cache the last build left, if it was made by the same code; otherwise an empty one. */
export function readSearchCache(root: string, code: string): SearchCache {
  const file = join(root, SEARCH_CACHE_FILE);
  if (!existsSync(file)) return new SearchCache(undefined, code);
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    if (stored.version !== CACHE_VERSION || stored.code !== code) return new SearchCache(undefined, code);
    return new SearchCache({ index: stored.index, pages: stored.pages ?? {}, reads: stored.reads, mdx: stored.mdx ?? {}, fold: stored.fold ?? {} }, code);
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
  const cache = state.base ? readSearchCache(process.cwd(), state.code) : new SearchCache(undefined, state.code);
  globalThis.__yigongtiSearchCache = { build: state, cache };
  return cache;
}
