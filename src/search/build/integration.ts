/**
 * Writes the site's search index (layout: src/search/shared/index-layout.ts) into the output folder once Astro has
 * written every page: each page from its search document (src/search/build/documents.ts), made from its view and the
 * dataset the build rendered from, never from its HTML; every document's page must have been built.
 *
 * Why an index of our own and not Pagefind's: Pagefind cuts its index into chunks of a fixed size (about 27 KB gzip
 * here), runs a 54 KB wasm engine, and stores each page's whole indexed text; a first search fetched a median 170 KB
 * and took 250 ms on a fresh page, against the 150 KiB and 100 ms the search page must meet. Shards by term hash
 * stay a few KB however large the site grows, the search page reads them in plain JavaScript, and a result's file
 * holds only what the result shows.
 *
 * Scoring is BM25 with name fields, as Pagefind's was: a page's score for a term is rarity × (saturation + names),
 * where saturation is (k1 + 1)·tf / (tf + k1·(1 − b + b·length/average length)) over the term's weighted count tf in
 * the page's text (length: its words, on a geometric scale, `scoredLength`), and names is the weight of the heaviest
 * name field holding the term (src/search/build/name-weights.ts). The
 * build stores the bracket; the search page multiplies by rarity (src/search/browser/rank.ts), read off the posting list.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { indexDoc, storedPage, type IndexDoc } from './index-doc';
import { searchDocumentOf, searchDocuments, searchPaths, type KnownDocument, type PathDocument, type SearchDocument } from './documents';
import { readingDataset } from '../../data/reads';
import { inputPrint, wholeSize } from '../../publishing/incremental-reads';
import type { Dataset } from '../../data/dataset';
import { getDataset } from '../../data/current';
import { indexTokens } from '../shared/tokens';
import { INDEX_DIR, INDEX_ENTRY, LONGEST_LIST, LONGEST_NAME, SCORE_SCALE, countKey, hashShard, kindKey, matchesByPrefix, nameKey, nameShard, pagePath, foldPath, regionKey, shardOf, shardPath, type IndexEntry } from '../shared/index-layout';
import { foldTable } from './name-readings';
import { incrementalState } from '../../publishing/incremental';
import { MadeTerms, READ_PRINT_LENGTH, buildSearchCache, hash, type CachedPage, type SearchCache } from './cache';
import { PageNumbering, pageNumbers } from './page-numbers';

/** BM25's term saturation and length normalisation (Pagefind's defaults were 1.4 and 0.75; long pages explain most). */
const K1 = 1.4;
const B = 0.5;
/** Postings per shard, on average: about 4 KB gzip. */
const POSTINGS_PER_SHARD = 1200;

/**
 * What an index's layout depends on besides its documents: each page's number (its path by number, null for a number
 * no page has: src/search/build/page-numbers.ts), the number of shards, BM25's average page length, and the order of
 * the filter values. All are functions of the pages alone, so an incremental build writes what a full one does.
 */
export interface IndexState {
  paths: (string | null)[];
  shards: number;
  average: number;
  kinds: string[];
  regions: string[];
}

/**
 * BM25's average page length as the index uses it: to three significant figures, so that a change to a few pages
 * (which moves the exact average in its fifth figure) leaves every other page's scores, and so the shards holding
 * none of the changed pages' terms, as they were, in a build from scratch too.
 */
const roundedAverage = (measured: number) => Number(measured.toPrecision(3));

/** Steps of BM25's page length per doubling (`scoredLength`): about 9 % apart. */
const LENGTH_STEPS = 8;

/**
 * A page's length as its scores take it: on a geometric scale of LENGTH_STEPS steps per doubling (within 4.5 % of the
 * length counted, which moves a term's score by 1–2 % at most). An edit that adds or removes a few words (a member
 * added to a group, a county's name lengthened) mostly leaves it where it was, and with it the posting of every term
 * whose count on the page stands: an incremental build rewrites only the postings of the terms whose counts changed,
 * not every posting of the page. A function of the page's own length, so a build from scratch scores the same.
 */
export const scoredLength = (length: number) => 2 ** (Math.round(Math.log2(Math.max(1, length)) * LENGTH_STEPS) / LENGTH_STEPS);

/**
 * The files of an index already published (`writeSearchIndex`'s `reuse`): its folder, and each file's name with the
 * key of its content (`IndexFiles.files`). A file whose content this build would write again is linked from there
 * instead of being compressed and written anew: an incremental build (src/publishing/incremental.ts) rewrites only
 * the result files and shards whose entries changed, and the site is byte for byte the one a full build writes.
 */
export interface IndexFiles {
  /** The index's version (its folder under INDEX_DIR). */
  version: string;
  /** Each file of the folder by name (`d12.bin`, `s3.bin`, `fold.bin`), with the key of what it holds. */
  files: Record<string, string>;
}

/** Links a file of the published index into the new one (copies it across devices); false when it cannot be had. */
function linkFile(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw error;
    copyFileSync(from, to);
    return true;
  }
}

/** The index being built: posting lists by term, and what BM25 and the filters need of each page. */
class IndexWriter {
  private readonly postings = new Map<string, number[]>();
  private readonly lengths: number[] = [];
  private readonly kindOf: number[] = [];
  private readonly regionOf: number[] = [];
  private readonly kinds = new Map<string, number>();
  private readonly regions = new Map<string, number>();
  private readonly kindCount: Record<string, number> = {};
  private readonly regionCount: Record<string, number> = {};
  private readonly common: Record<string, number> = {};
  /** Pages by whole name (`nameKey`). */
  private readonly named = new Map<string, number[]>();
  private readonly hash = createHash('sha256');
  /** Every Han character the index holds, for the Traditional forms that fold to one (`foldTable`). */
  readonly characters = new Set<string>();
  /** Every file written, by name, with the key of its content (`IndexFiles`). */
  readonly files: Record<string, string> = {};
  /** Files taken from the published index rather than written. */
  linked = 0;
  /** Shards made (the rest were known to be the published index's own). */
  changedShards = 0;
  /** The published index's files by the key of their content, and its folder. */
  private readonly reusable = new Map<string, string>();
  /** Pages added so far, and whether each came after the one before (else posting lists are sorted at the end). */
  private added = 0;
  private last = -1;
  private ordered = true;

  constructor(
    private readonly staging: string,
    private readonly longestList: number,
    private readonly reuse?: { dir: string; files: Record<string, string> },
  ) {
    mkdirSync(staging, { recursive: true });
    for (const [name, key] of Object.entries(reuse?.files ?? {})) this.reusable.set(key, name);
  }

  /** The files the published index's folder holds, listed once (a stat per shard cost a second at national size). */
  private publishedFiles?: Set<string>;

  /** Whether the published index's folder holds the file `name`. */
  private published(name: string): boolean {
    if (!this.reuse) return false;
    if (!this.publishedFiles) {
      try {
        this.publishedFiles = new Set(readdirSync(this.reuse.dir));
      } catch {
        this.publishedFiles = new Set();
      }
    }
    return this.publishedFiles.has(name);
  }

  /** Pages indexed. */
  get pages(): number {
    return this.added;
  }

  /** Page numbers in use: one past the highest. */
  get span(): number {
    return this.lengths.length;
  }

  /** Adds a page under its number (`page`, by default the next). */
  add(doc: IndexDoc, page = this.lengths.length): void {
    this.addTerms(pageTerms(doc), page);
    this.write(basename(pagePath('', page)), JSON.stringify(storedPage(doc)));
  }

  /**
   * Adds a page's terms under its number, and its result file: the one with content key `key` if the published index
   * has it, else `json()`'s (src/search/build/cache.ts: an unchanged page costs neither its terms nor its file).
   */
  addTerms(doc: PageTerms, page: number, key?: string, json?: () => string): void {
    this.addPage(doc, page, key, json);
    this.postTerms(doc, page);
  }

  /** What `addTerms` does but post its terms: its number, length, kind, region, names and result file. */
  addPage(doc: PageTerms, page: number, key?: string, json?: () => string): void {
    if (page <= this.last) this.ordered = false;
    this.last = Math.max(this.last, page);
    this.added++;
    this.lengths[page] = doc.length;
    this.kindOf[page] = valueIndex(this.kinds, doc.kind, this.kindCount);
    this.regionOf[page] = valueIndex(this.regions, doc.region, this.regionCount);
    for (const name of new Set(doc.wholeNames.filter((n) => n.length <= LONGEST_NAME).map(nameKey))) {
      if (name.length < 2) continue;
      const pages = this.named.get(name);
      if (pages) pages.push(page);
      else this.named.set(name, [page]);
    }
    if (json) this.write(basename(pagePath('', page)), json, undefined, key);
  }

  /**
   * Posts a page's terms (those `only` holds, if given), and notes the characters of its text. A page made in this
   * build holds its terms as the Map keys they were made as (already hashed); a page from the cache finds those `only`
   * holds by their places in the cache's list of terms (src/search/build/cache.ts), not term by term.
   */
  postTerms(doc: PageTerms, page: number, only?: ReadonlyMap<string, unknown>): void {
    const terms = doc.terms;
    const at = only && terms.positionsIn(only);
    for (let x = 0, n = at ? at.length : terms.size; x < n; x++) {
      const i = at ? at[x] : x;
      const term = terms.term(i);
      this.post(term, page, terms.tf(i), terms.named(i));
      // The characters of its text (not those only in a name) are those the fold is made for.
      if (i < doc.texts && term.length === 1 && !this.characters.has(term) && HAN.test(term)) this.characters.add(term);
    }
  }

  /** Forgets every posting (and the characters and common terms they gave), to post every page's terms anew. */
  private unpost(): void {
    this.postings.clear();
    this.characters.clear();
    for (const term of Object.keys(this.common)) delete this.common[term];
  }

  /** BM25's average length and the filter values' order, as the pages added give them. */
  private measure(): { average: number; kinds: string[]; regions: string[] } {
    const present = this.lengths.filter((n) => n !== undefined);
    const average = roundedAverage(present.length ? present.reduce((a, b) => a + b, 0) / present.length : 1);
    return { average, kinds: [...this.kinds.keys()], regions: [...this.regions.keys()] };
  }

  /** A term's postings as stored, on `n` pages: a common term's counted with its lists by region and kind. */
  private stored(n: number): number {
    const K = this.longestList;
    return n <= K ? n : K + n + Math.min(n, this.kinds.size * K);
  }

  /** Notes the common terms of those posted (`LONGEST_LIST`), in order: where a name's key goes depends on them. */
  private noteCommon(terms: string[]): void {
    for (const term of terms) {
      const count = this.postings.get(term)!.length / 3;
      if (count > this.longestList && !matchesByPrefix(term) && [...term].length > 1) this.common[term] = count;
    }
  }

  /**
   * Posts the pages added with `addPage` (`pending`: each page's terms and number) for an incremental index: only the
   * terms of the changed pages, where the published index's shards, what they were made of (`prior`: their total
   * postings as stored and the characters of the fold) and the changes (`IndexChanges`) allow; otherwise every term. Returns what `finish` then writes by: the shards to make, each patched
   * (the published shard, with the keys of the changed pages' terms and of every name made anew), the total postings,
   * and the changed pages' terms; undefined when every term was posted (then `finish` decides).
   *
   * An unchanged page's postings are as they were: only the terms a changed page holds or held (`touched`) are posted,
   * each fully (its count, whether it is common, its characters); every other key of a changed shard is the
   * published shard's, as it stands there. The shard count follows from the total postings, which differ from the
   * published index's by the changed terms' alone; a common term the changes leave has its count in the published entry.
   */
  postChanges(pending: [PageTerms, number][], changes: IndexChanges | undefined, prior: { total?: number; characters?: string }): Planned | undefined {
    const all = () => {
      this.unpost();
      for (const [doc, page] of pending) this.postTerms(doc, page);
      return undefined;
    };
    if (!changes || prior.total === undefined || prior.characters === undefined || !this.reuse) return all();
    const S = changes.prior.shards;
    const K = this.longestList;
    // Every term whose posting a changed page changed (all its terms, as it is and as it was, for a page renumbered,
    // come, gone, or scored by another length or placed in another kind or region; else those it gained, lost, or holds
    // with other weights), with how many more of the changed pages hold it now than before.
    const touched = new Map<string, number>();
    const places = this.places(changes.prior);
    for (const { was, is, moved } of changes.pages) {
      if (places.alike(was, is, moved)) {
        const [before, after] = [postingsOf(was!), postingsOf(is!)];
        for (const [term, posting] of before) if (after.get(term) !== posting) touched.set(term, (touched.get(term) ?? 0) - (after.has(term) ? 0 : 1));
        for (const [term, posting] of after) if (before.get(term) !== posting) touched.set(term, (touched.get(term) ?? 0) + (before.has(term) ? 0 : 1));
        continue;
      }
      for (const [side, sign] of [[was, -1], [is, 1]] as const) if (side) for (let i = 0; i < side.terms.size; i++) touched.set(side.terms.term(i), (touched.get(side.terms.term(i)) ?? 0) + sign);
    }
    // The characters held, as before but for those of the changed pages, which their postings now tell.
    for (const ch of prior.characters) if (!touched.has(ch)) this.characters.add(ch);
    for (const [doc, page] of pending) this.postTerms(doc, page, touched);
    let total = prior.total;
    for (const [term, more] of touched) {
      const n = (this.postings.get(term)?.length ?? 0) / 3;
      total += this.stored(n) - this.stored(n - more);
    }
    if (shardsFor(total) !== S) return all();
    // The common terms: as the published entry gives them, but for the changed pages' terms, as their postings do; in
    // order, as a full build notes them.
    const count = (term: string) => (this.postings.get(term)?.length ?? 0) / 3;
    const common: [string, number][] = Object.entries(changes.prior.common).filter(([term]) => !touched.has(term));
    for (const term of touched.keys()) if (count(term) > K && !matchesByPrefix(term) && [...term].length > 1) common.push([term, count(term)]);
    for (const [term, n] of common.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) this.common[term] = n;
    const dirty = this.dirtyShards(changes, { shards: S, ...this.measure() });
    if (!dirty) return all();
    // Each changed shard is patched from the published one, which must be had.
    for (const n of dirty) {
      const key = changes.files[basename(shardPath('', n))];
      const old = key === undefined ? undefined : this.reusable.get(key);
      if (old === undefined || !this.published(old)) return all();
    }
    // The names of the changed pages, whose keys list them (by number) or did.
    const names = new Set<string>();
    for (const { was, is } of changes.pages) for (const name of [...(was?.wholeNames ?? []), ...(is?.wholeNames ?? [])]) if (name.length <= LONGEST_NAME) names.add(nameKey(name));
    return { total, dirty, touched: new Set(touched.keys()), names };
  }

  /**
   * Where a page's kind and region stand in the published index's lists (`prior`) and in this one's, and whether a
   * changed page posts every term it holds and held alike (`alike`): the same number, scored length, and places in the
   * kinds and regions (a value renamed in its place places the page where it was). Then a term's posting changed only
   * where its weights on the page did.
   */
  private places(prior: { kinds: string[]; regions: string[] }) {
    const of = (list: string[]) => new Map(list.map((value, i) => [value, i]));
    const before = { kind: of(prior.kinds), region: of(prior.regions) };
    const now = { kind: this.kinds, region: this.regions };
    const place = (lists: typeof before, page: PageTerms, field: 'kind' | 'region') => (page[field] === undefined ? -1 : lists[field].get(page[field]!));
    const alike = (was: PageTerms | undefined, is: PageTerms | undefined, moved: boolean): boolean =>
      !moved &&
      was !== undefined &&
      is !== undefined &&
      scoredLength(was.length) === scoredLength(is.length) &&
      (['kind', 'region'] as const).every((field) => {
        const at = place(before, was, field);
        return at !== undefined && at === place(now, is, field);
      });
    return { before, now, alike };
  }

  /**
   * A changed shard (`n`) of an incremental index: the published shard's keys but those of the changed pages' terms
   * (`touched`) and every name's, with `fresh` (those keys as this index has them) in their places. A full build puts a
   * shard's keys in the order of their terms (a term, its count, its lists by region and kind), then the names in order.
   */
  private patched(n: number, fresh: [string, string][], planned: Planned, files: Record<string, string>): string {
    const file = basename(shardPath('', n));
    const old = JSON.parse(gunzipSync(readFileSync(join(this.reuse!.dir, this.reusable.get(files[file])!))).toString()) as Record<string, number[] | number>;
    const groups = new Map<string, [string, string][]>();
    const names: [string, string][] = [];
    const add = (key: string, value: string, base: string) => {
      const group = groups.get(base);
      if (group) group.push([key, value]);
      else groups.set(base, [[key, value]]);
    };
    for (const key in old) {
      if (key[0] === '=') {
        if (!planned.names.has(key)) names.push([key, JSON.stringify(old[key])]);
        continue;
      }
      const base = termOf(key);
      if (!planned.touched.has(base)) add(key, JSON.stringify(old[key]), base);
    }
    for (const [key, value] of fresh) if (key[0] === '=') names.push([key, value]);
    else add(key, value, termOf(key));
    const bases = [...groups.keys()].sort();
    names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return objectJson([...bases.flatMap((base) => groups.get(base)!), ...names]);
  }

  /**
   * Writes one file of the index, gzipped (`level` 9 for the shards and the fold, fetched most), keyed by what it
   * holds (`contentKey`; given as `key` when known, so `json` is made only if the file must be written): the index's
   * version is the hash of every file's name and key. A file of the published index with the same key (the same content
   * at the same level, under any name: a page renumbered when one before it left) is linked instead.
   */
  private write(name: string, json: string | (() => string), level?: number, known?: string): void {
    let text = typeof json === 'string' ? json : undefined;
    const key = known ?? contentKey((text ??= (json as () => string)()), level);
    this.files[name] = key;
    this.hash.update(`${name}:${key};`);
    const target = join(this.staging, name);
    const old = this.reusable.get(key);
    if (old !== undefined && this.reuse && linkFile(join(this.reuse.dir, old), target)) {
      this.linked++;
      return;
    }
    text ??= (json as () => string)();
    writeFileSync(target, gzipSync(text, level === undefined ? {} : { level }));
  }

  /** A page holding a term: `tf` its weighted count in the text, `named` the weight of the names it is in. */
  private post(term: string, page: number, tf: number, named: number): void {
    const list = this.postings.get(term);
    if (list) list.push(page, tf, named);
    else this.postings.set(term, [page, tf, named]);
  }

  /**
   * The shards that hold an entry of a changed page (`IndexChanges`), when everything else the shards are made of is
   * as in the published index: the shard count, BM25's average length, each unchanged page's place in the lists of
   * kinds and regions, and the common terms (which place the names' keys). Undefined when any of these moved, or a
   * shard of the published index cannot be had: then every shard is made. A changed page's entries are its terms whose
   * postings differ from what they were (all of them for a page renumbered, come or gone; each in its shard; a common
   * one's count beside it, and its list for the page's region and kind in theirs, or all its lists by region and kind
   * where it became common or stopped being) and the keys of the names it gained or lost (all, for a page renumbered).
   */
  private dirtyShards(changes: IndexChanges, now: { shards: number; average: number; kinds: string[]; regions: string[] }): Set<number> | undefined {
    const prior = changes.prior;
    if (prior.shards !== now.shards || prior.average !== now.average) return undefined;
    // Shards hold a kind's or region's place in the entry's list, not its name: a value renamed in its place (a county
    // renamed) leaves every unchanged page's place as it was, as long as only changed pages hold the new name.
    const held = (field: 'kind' | 'region', value: string) => changes.pages.filter(({ is }) => is?.[field] === value).length;
    const kept = (was: string[], is: string[], field: 'kind' | 'region', counts: Record<string, number>) =>
      was.length === is.length && is.every((value, i) => value === was[i] || (!was.includes(value) && !is.includes(was[i]) && counts[value] === held(field, value)));
    if (!kept(prior.kinds, now.kinds, 'kind', this.kindCount) || !kept(prior.regions, now.regions, 'region', this.regionCount)) return undefined;
    // Which terms are common places the names' keys; their counts lie in their own shards, made when a changed page
    // holds the term (a deleted page's common pairs).
    const common = Object.keys(this.common);
    const priorCommon = Object.keys(prior.common);
    if (common.length !== priorCommon.length || common.some((t, i) => priorCommon[i] !== t)) return undefined;
    const K = this.longestList;
    const S = now.shards;
    const dirty = new Set<number>();
    // Each changed page's terms, as it is and as it was, and how many changed pages held each before and now.
    // A page of the same length, kind and region as it was has the same posting for a term of the same weights: only
    // the terms whose weights differ, or that it gained or lost, changed (a figure's value on an indicator page).
    const terms = new Map<string, { before: number; now: number; pages: [PageTerms, 'before' | 'now'][] }>();
    const note = (term: string, side: 'before' | 'now', page: PageTerms) => {
      const entry = terms.get(term) ?? terms.set(term, { before: 0, now: 0, pages: [] }).get(term)!;
      entry[side]++;
      entry.pages.push([page, side]);
    };
    const places = this.places(prior);
    for (const { was, is, moved } of changes.pages) {
      const before = was ? postingsOf(was) : new Map<string, string>();
      const after = is ? postingsOf(is) : new Map<string, string>();
      // A page renumbered (src/search/build/page-numbers.ts) posts every term anew.
      const alike = places.alike(was, is, moved);
      for (const [term, posting] of before) if (!alike || after.get(term) !== posting) note(term, 'before', was!);
      for (const [term, posting] of after) if (!alike || before.get(term) !== posting) note(term, 'now', is!);
      // A name's key lists page numbers: where the page's number stands, only the names it gained or lost changed.
      const names = (page: PageTerms | undefined) => new Set((page?.wholeNames ?? []).filter((n) => n.length <= LONGEST_NAME).map(nameKey).filter((n) => n.length >= 2));
      const [had, has] = [names(was), names(is)];
      const changedNames = moved ? [...had, ...has] : [...had].filter((n) => !has.has(n)).concat([...has].filter((n) => !had.has(n)));
      for (const name of changedNames) dirty.add(nameShard(name, indexTokens(name), this.common, S));
    }
    // A page's kind and region as it was are placed by the published index's lists, as it is by this one's.
    const index = { before: places.before, now: places.now };
    for (const [term, { before, now: after, pages }] of terms) {
      dirty.add(shardOf(term, S));
      const count = (this.postings.get(term)?.length ?? 0) / 3;
      const was = count - after + before;
      if (count <= K && was <= K) continue;
      if (count > K !== was > K) {
        for (let r = 0; r < now.regions.length; r++) dirty.add(hashShard(regionKey(term, r), S));
        for (let k = 0; k < now.kinds.length; k++) dirty.add(hashShard(kindKey(term, k), S));
        continue;
      }
      for (const [page, side] of pages) {
        const region = page.region === undefined ? -1 : index[side].region.get(page.region);
        const kind = page.kind === undefined ? -1 : index[side].kind.get(page.kind);
        if (region === undefined || kind === undefined) return undefined;
        if (region >= 0) dirty.add(hashShard(regionKey(term, region), S));
        if (kind >= 0) dirty.add(hashShard(kindKey(term, kind), S));
      }
    }
    // Every other shard must be had from the published index as it is.
    for (let n = 0; n < S; n++) {
      if (dirty.has(n)) continue;
      const key = changes.files[basename(shardPath('', n))];
      const old = key === undefined ? undefined : this.reusable.get(key);
      if (old === undefined || !this.published(old)) return undefined;
    }
    return dirty;
  }

  /** Writes the shards and returns the entry, with the state a next build keeps (`IndexState`, paths aside). */
  finish(cache?: SearchCache, changes?: IndexChanges, planned?: Planned): { entry: IndexEntry; shards: number; average: number; kinds: string[]; regions: string[]; total: number } {
    const pages = this.added;
    const { average, kinds, regions } = this.measure();
    // Shards enough for the postings as stored (a common term's, counted with its lists by region and kind).
    const K = this.longestList;
    let total = planned?.total ?? 0;
    if (!planned) for (const list of this.postings.values()) total += this.stored(list.length / 3);
    const shards = shardsFor(total);
    const terms = [...this.postings.keys()].sort();
    // Common terms first: where a name's key goes depends on them.
    this.noteCommon(terms);
    // Under incremental publishing, the shards none of the changed pages' entries are in are the published index's.
    const dirty = planned ? planned.dirty : changes && this.dirtyShards(changes, { shards, average, kinds, regions });
    this.changedShards = dirty ? dirty.size : shards;
    // Each shard's keys with their values as JSON text (a tenth of the memory of the arrays at national size), only
    // for the shards to be made.
    const byShard: [string, string][][] = Array.from({ length: shards }, () => []);
    const made = (shard: number) => !dirty || dirty.has(shard);
    const put = (key: string, shard: number, value: string) => {
      if (made(shard)) byShard[shard].push([key, value]);
    };
    // BM25's length part of each page, once.
    const norms = new Float64Array(this.lengths.length);
    for (let page = 0; page < this.lengths.length; page++) if (this.lengths[page] !== undefined) norms[page] = 1 - B + B * (scoredLength(this.lengths[page]) / Math.max(1, average));
    for (const term of terms) {
      const shard = shardOf(term, shards);
      const listed = this.postings.get(term)!;
      this.postings.delete(term);
      // A term kept whole in a shard left as it was costs nothing more (a common one's lists lie in other shards).
      if (dirty && !dirty.has(shard) && listed.length / 3 <= K) continue;
      const list = this.ordered ? listed : byPage(listed);
      // Each posting's score, then the lists as stored: by the postings' positions in `list` (in page order), no object
      // made per posting (a full build at national size scores some 15 million).
      const n = list.length / 3;
      const scores = new Int32Array(n);
      for (let j = 0, i = 0; j < n; j++, i += 3) {
        const score = ((K1 + 1) * list[i + 1]) / (list[i + 1] + K1 * norms[list[i]]) + list[i + 2];
        scores[j] = Math.max(1, Math.round(score * SCORE_SCALE));
      }
      const encoded = (at?: number[]) => {
        const out: number[] = [];
        let last = 0;
        for (let x = 0, m = at ? at.length : n; x < m; x++) {
          const j = at ? at[x] : x;
          const page = list[3 * j];
          out.push(page - last, scores[j], this.kindOf[page], this.regionOf[page]);
          last = page;
        }
        return JSON.stringify(out);
      };
      // The K best-scoring (ties: the first page), in page order.
      const best = (at: number[]) => (at.length <= K ? at : [...at].sort((x, y) => scores[y] - scores[x] || x - y).slice(0, K).sort((x, y) => x - y));
      if (n <= K) {
        put(term, shard, encoded());
        continue;
      }
      put(term, shard, encoded(best(Array.from({ length: n }, (_, j) => j))));
      put(countKey(term), shard, String(n));
      const byRegion = new Map<number, number[]>();
      const byKind = new Map<number, number[]>();
      for (let j = 0; j < n; j++) {
        const page = list[3 * j];
        for (const [groups, at] of [[byRegion, this.regionOf[page]], [byKind, this.kindOf[page]]] as const) {
          const group = groups.get(at);
          if (group) group.push(j);
          else groups.set(at, [j]);
        }
      }
      for (const [region, sub] of byRegion) {
        const at = region >= 0 ? hashShard(regionKey(term, region), shards) : -1;
        if (at >= 0 && made(at)) put(regionKey(term, region), at, encoded(sub));
      }
      for (const [kind, sub] of byKind) {
        const at = kind >= 0 ? hashShard(kindKey(term, kind), shards) : -1;
        if (at >= 0 && made(at)) put(kindKey(term, kind), at, encoded(best(sub)));
      }
    }
    // The names' keys (under a plan, those of the changed pages' names: the others stand in the published shards).
    const names: [string, number[]][] = planned ? [...planned.names].flatMap((name) => (this.named.has(name) ? [[name, this.named.get(name)!] as [string, number[]]] : [])) : [...this.named];
    for (const [name, named] of names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const shard = nameShard(name, indexTokens(name), this.common, shards);
      if (made(shard)) put(name, shard, JSON.stringify(this.ordered ? named : [...named].sort((a, b) => a - b)));
    }
    byShard.forEach((terms, n) => {
      const name = basename(shardPath('', n));
      if (dirty && !dirty.has(n)) this.write(name, () => unwritten(name), 9, changes!.files[name]);
      else if (planned) this.write(name, this.patched(n, terms, planned, changes!.files), 9);
      else this.write(name, objectJson(terms), 9);
      byShard[n] = [];
    });
    // The Traditional → Simplified fold of the characters held (fetched only for a query holding one that folds).
    const fold = cache ? cache.fold(this.characters, () => foldTable(this.characters)) : foldTable(this.characters);
    this.write(basename(foldPath('')), JSON.stringify(fold), 9);
    const entry: IndexEntry = {
      version: this.hash.digest('hex').slice(0, 12),
      pages,
      shards,
      kinds,
      regions,
      filters: { kind: this.kindCount, region: this.regionCount },
      common: this.common,
      folds: Object.keys(fold).join(''),
    };
    return { entry, shards, average, kinds: entry.kinds, regions: entry.regions, total };
  }
}

/** What an incremental index's changed shards are made by (`IndexWriter.postChanges`). */
interface Planned {
  total: number;
  dirty: Set<number>;
  touched: Set<string>;
  /** The names' keys (`nameKey`) of the changed pages. */
  names: Set<string>;
}

/** A per-region or per-kind list's ending (`regionKey`, `kindKey`). */
const SUBLIST = /[@~]\d+$/;

/** The term a shard's key is of (a term's own key, its count `#term`, its lists `term@n` and `term~n`). */
function termOf(key: string): string {
  if (key[0] === '#') return key.slice(1);
  const last = key.charCodeAt(key.length - 1);
  if (last < 48 || last > 57) return key;
  const sub = SUBLIST.exec(key);
  return sub ? key.slice(0, sub.index) : key;
}

/** Shards enough for this many postings as stored. */
const shardsFor = (total: number) => 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, total / POSTINGS_PER_SHARD))));

const HAN = /^\p{Script=Han}$/u;

/**
 * What changed since the published index (an incremental build with the last build's cache, src/search/build/cache.ts):
 * the pages whose document or number changed, or that came or went, as they were and as they are (`moved`: its
 * number is another), what the published index was made with, and its files' keys.
 */
export interface IndexChanges {
  pages: { was?: PageTerms; is?: PageTerms; moved: boolean }[];
  prior: { shards: number; average: number; kinds: string[]; regions: string[]; common: Record<string, number> };
  files: Record<string, string>;
}

function unwritten(name: string): never {
  throw new Error(`search index: ${name} was to be taken from the published index, which no longer has it`);
}

/** The key of an index file's content at a gzip level: what `IndexFiles` records and the published index is searched by. */
export const contentKey = (json: string, level?: number) => createHash('sha256').update(`${level ?? ''}\0${json}`).digest('base64url').slice(0, 27);

/** What the index takes of a page besides its result file (src/search/build/cache.ts `CachedPage`, without the key). */
export type PageTerms = Omit<CachedPage, 'key'>;

/**
 * A page's terms as postings: each term of its text with its weighted count and the weight of the names holding it,
 * then each term only in a name (an alias's pair, say), which finds it all the same.
 */
export function pageTerms(doc: IndexDoc): PageTerms {
  const terms: string[] = [];
  const weights: number[] = [];
  for (const [term, weight] of doc.terms) terms.push(term), weights.push(weight, doc.names.get(term) ?? 0);
  const texts = terms.length;
  for (const [term, named] of doc.names) if (!doc.terms.has(term)) terms.push(term), weights.push(0, named);
  return { length: doc.length, ...(doc.kind ? { kind: doc.kind } : {}), ...(doc.region ? { region: doc.region } : {}), terms: new MadeTerms(terms, weights), texts, wholeNames: doc.wholeNames };
}

/** A page's terms, each with its weights as one string: two versions of a page post a term alike when these match. */
function postingsOf(page: PageTerms): Map<string, string> {
  const postings = new Map<string, string>();
  const terms = page.terms;
  for (let i = 0; i < terms.size; i++) postings.set(terms.term(i), `${terms.tf(i)},${terms.named(i)}`);
  return postings;
}

/** A posting list (page, tf, named; …) in page order. */
function byPage(list: number[]): number[] {
  const order = Array.from({ length: list.length / 3 }, (_, i) => i).sort((a, b) => list[a * 3] - list[b * 3]);
  return order.flatMap((i) => [list[i * 3], list[i * 3 + 1], list[i * 3 + 2]]);
}

/** Whether an object's key is an array index, which an object lists before its other keys, in numeric order. */
const arrayIndex = (key: string) => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;

/**
 * `JSON.stringify(Object.fromEntries(entries))` where each value is given as its JSON text: the keys in the order an
 * object has them (array indices first, in numeric order: the number terms; then the rest as given; a key given twice
 * where it came first, with its last value).
 */
function objectJson(entries: [string, string][]): string {
  const values = new Map<string, string>();
  let indices: string[] | undefined;
  for (const [key, json] of entries) {
    if (!values.has(key) && arrayIndex(key)) (indices ??= []).push(key);
    values.set(key, json);
  }
  const parts: string[] = [];
  if (indices) for (const key of indices.sort((a, b) => Number(a) - Number(b))) parts.push(`${JSON.stringify(key)}:${values.get(key)}`);
  for (const [key, json] of values) if (!indices || !arrayIndex(key)) parts.push(`${JSON.stringify(key)}:${json}`);
  return `{${parts.join(',')}}`;
}

function valueIndex(values: Map<string, number>, value: string | undefined, counts: Record<string, number>): number {
  if (!value) return -1;
  counts[value] = (counts[value] ?? 0) + 1;
  if (!values.has(value)) values.set(value, values.size);
  return values.get(value)!;
}

/**
 * Indexes the pages of `documents` (`searchDocuments(dataset)`) into the built site in `site`, with the synonym groups
 * `synonyms` (data/synonyms/) in the entry; returns how many pages it indexed and what the index was made with
 * (`IndexState`). Pages are numbered in the documents' order, in runs (src/search/build/page-numbers.ts). Refuses (and
 * leaves the site's index as it was) a document whose page is not in `site`: its result would lead nowhere.
 */
export function writeSearchIndex(
  site: string,
  documents: Iterable<PathDocument | (PathDocument & { key: string }) | KnownDocument>,
  options: { longestList?: number; synonyms?: readonly (readonly string[])[]; reuse?: { dir: string; files: Record<string, string> }; cache?: SearchCache } = {},
): { pages: number; state: IndexState; files: IndexFiles; linked: number; times: { documents: number; terms: number; pages: number; shards: number }; changed: number; shards: number; patched: boolean } {
  // Written beside the index and put in its place only once complete: a refused build leaves the old index whole.
  const root = join(site, INDEX_DIR);
  const staging = join(site, `${INDEX_DIR.slice(1, -1)}.staging`);
  rmSync(staging, { recursive: true, force: true });
  const writer = new IndexWriter(staging, options.longestList ?? LONGEST_LIST, options.reuse);
  const numbering = new PageNumbering();
  /** The pages in the documents' order, their numbers, and (with a cache) their keys in it. */
  const paths: string[] = [];
  const numbers: number[] = [];
  const keys: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const cache = options.cache;
  /** Pages whose terms are yet to be posted (`IndexWriter.postChanges`): their terms and numbers. */
  const pending: [PageTerms, number][] = [];
  // Where the time goes, for the build log: wall-clock shares of the CPU the whole step took (reading the CPU clock per
  // page costs more than the pages).
  const shares = { documents: 0, terms: 0, pages: 0, shards: 0 };
  const cpuStart = cpuSeconds();
  let clock = performance.now();
  const lap = (step: keyof typeof shares) => {
    const now = performance.now();
    shares[step] += now - clock;
    clock = now;
  };
  for (const item of documents) {
    const { path } = item;
    let made = item.document;
    const document = () => (made ??= (item as KnownDocument).make());
    lap('documents');
    if (seen.has(path)) throw new Error(`search index: ${path} twice`);
    seen.add(path);
    if (!existsSync(join(site, path, 'index.html'))) {
      missing.push(`no page for search document ${path}`);
      continue;
    }
    const page = numbering.next(path);
    paths.push(path);
    numbers.push(page);
    if (!cache) {
      const doc = indexDoc(path, document());
      lap('terms');
      writer.add(doc, page);
      lap('pages');
      continue;
    }
    // An unchanged page (the same path and document) is a lookup: its terms and its result file's key as last time.
    let json: string | undefined;
    const stored = () => (json ??= JSON.stringify(storedPage(indexDoc(path, document()))));
    const key = 'key' in item ? item.key : documentKey(path, document());
    keys.push(key);
    const terms = cache.page(key, () => {
      const doc = indexDoc(path, document());
      json = JSON.stringify(storedPage(doc));
      return { ...pageTerms(doc), key: contentKey(json) };
    });
    lap('terms');
    // With the published index to reuse, terms are posted once the changes are known (`postChanges`).
    if (options.reuse) {
      writer.addPage(terms, page, terms.key, stored);
      pending.push([terms, page]);
    } else writer.addTerms(terms, page, terms.key, stored);
    lap('pages');
  }
  lap('documents');
  if (missing.length) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`search index: ${missing.join('\n')}`);
  }
  const changes = cache && options.reuse ? changesSince(cache, options.reuse, paths, numbers, keys) : undefined;
  const planned = cache && options.reuse ? writer.postChanges(pending, changes, { total: cache.priorIndex?.total, characters: cache.priorIndex?.characters }) : undefined;
  lap('pages');
  const { entry, shards, average, kinds, regions, total: postings } = writer.finish(cache, changes, planned);
  lap('shards');
  cache?.index({ version: entry.version, paths, keys, average, shards, kinds, regions, common: entry.common, total: postings, characters: [...writer.characters].sort().join('') });
  const total = Object.values(shares).reduce((x, y) => x + y, 0) || 1;
  const cpu = cpuSeconds() - cpuStart;
  const times = Object.fromEntries(Object.entries(shares).map(([step, ms]) => [step, (cpu * ms) / total])) as typeof shares;
  if (options.synonyms?.length) entry.synonyms = options.synonyms.map((words) => [...words]);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  renameSync(staging, join(root, entry.version));
  writeFileSync(join(site, INDEX_ENTRY), JSON.stringify(entry));
  const byNumber: (string | null)[] = Array.from({ length: numbers.length ? numbers[numbers.length - 1] + 1 : 0 }, () => null);
  paths.forEach((path, i) => (byNumber[numbers[i]] = path));
  return { pages: writer.pages, state: { paths: byNumber, shards, average, kinds, regions }, files: { version: entry.version, files: writer.files }, linked: writer.linked, times, changed: writer.changedShards, shards, patched: planned !== undefined };
}

/**
 * The pages changed since the published index, when the last build's cache describes that index (its version): those
 * whose document or number changed (src/search/build/page-numbers.ts: a page that came or went renumbers the rest of
 * its run), those that came and those that went; undefined when a page's terms as it was are not in the cache (every
 * shard is then made). `paths`, `numbers` and `keys`: this build's pages in order, their numbers and their keys.
 */
function changesSince(cache: SearchCache, reuse: { dir: string; files: Record<string, string> }, paths: string[], numbers: number[], keys: string[]): IndexChanges | undefined {
  const prior = cache.priorIndex;
  if (!prior || prior.version !== basename(reuse.dir) || prior.paths.length !== prior.keys.length) return undefined;
  const priorNumbers = pageNumbers(prior.paths);
  const at = new Map(prior.paths.map((path, i) => [path, i]));
  const pages: IndexChanges['pages'] = [];
  for (let i = 0; i < paths.length; i++) {
    const j = at.get(paths[i]);
    at.delete(paths[i]);
    if (j !== undefined && keys[i] === prior.keys[j] && numbers[i] === priorNumbers[j]) continue;
    const is = cache.usedPage(keys[i]);
    if (j === undefined) {
      pages.push({ is, moved: true });
      continue;
    }
    const was = cache.priorPage(prior.keys[j]);
    if (!was) return undefined;
    pages.push({ was, is, moved: numbers[i] !== priorNumbers[j] });
  }
  // The pages that went.
  for (const j of at.values()) {
    const was = cache.priorPage(prior.keys[j]);
    if (!was) return undefined;
    pages.push({ was, moved: true });
  }
  return { pages, prior, files: reuse.files };
}

/** CPU seconds (user and system) this process has used: what the build log reports per step, the machine being shared. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * The site's index from the dataset the build rendered its pages from; `reuse`, the published index's folder and
 * files, whose unchanged files are linked rather than written.
 */
export function writeSiteSearchIndex(site: string, dataset: Dataset, reuse?: { dir: string; files: Record<string, string> }, cache?: SearchCache): ReturnType<typeof writeSearchIndex> {
  return writeSearchIndex(site, cache ? searchDocumentsByReads(dataset, cache) : searchDocuments(dataset), { synonyms: dataset.synonyms.map((s) => s.words), reuse, cache });
}

/** The longest list a search document may read whole and still be taken from the last build by its reads. */
const WHOLE_LIMIT = 1000;

/** A page's key in the search cache: its path and document. */
const documentKey = (path: string, document: SearchDocument) => hash(`${path}\0${JSON.stringify(document)}`);

/**
 * Every indexed page's document, as `searchDocuments`, under `npm run build`: each made from a stand-in recording what
 * it reads (src/data/reads.ts), kept in the cache; a page whose last document's reads read the same in this dataset is
 * known by that document's key and not made again (its terms are the cache's).
 */
export function* searchDocumentsByReads(dataset: Dataset, cache: SearchCache): Generator<PathDocument | (PathDocument & { key: string }) | KnownDocument> {
  // A document that reads a long list whole (a directory's, the guide's) is made each time: cheaper than hashing the list.
  const dear = (keys: readonly string[]) => keys.some((key) => wholeSize(dataset, key) > WHOLE_LIMIT);
  // Whether each key the last build's documents read reads the same now (1), differently (2), or is not yet known (0):
  // each key is hashed once (src/publishing/incremental-reads.ts `inputPrint`, shared with the pages' own), and a
  // document is known while all of its keys read the same, without hashing its keys together again.
  const { keys: priorKeys, prints } = cache.priorReadKeys;
  const same = new Uint8Array(priorKeys.length);
  const stands = (reads: ArrayLike<number>) => {
    for (let x = 0; x < reads.length; x++) {
      const at = reads[x];
      if (same[at] === 0) same[at] = inputPrint(dataset, priorKeys[at]).slice(0, READ_PRINT_LENGTH) === prints[at] ? 1 : 2;
      if (same[at] === 2) return false;
    }
    return true;
  };
  const printOf = (key: string) => inputPrint(dataset, key);
  for (const path of searchPaths(dataset)) {
    const prior = cache.priorReads(path);
    if (prior && stands(prior.reads)) {
      cache.sameReads(path, prior);
      yield { path, key: prior.key, make: () => searchDocumentOf(dataset, path)! };
      continue;
    }
    const reads = new Set<string>();
    const document = searchDocumentOf(readingDataset(dataset, reads), path);
    if (!document) continue;
    const keys = [...reads].sort();
    const key = documentKey(path, document);
    if (!dear(keys)) cache.reads(path, keys, printOf, key);
    yield { path, document, key };
  }
}

export function searchIndexIntegration(): AstroIntegration {
  return {
    name: 'yigongti-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const cpuStarted = cpuSeconds();
        // Under incremental publishing, the files of the published index that this one would write the same.
        const incremental = incrementalState();
        const base = incremental?.base;
        const reuse = base?.search && { dir: join(base.dir, INDEX_DIR, base.search.version), files: base.search.files };
        // Under `npm run build`, each page's terms and MDX text as the last build made them (src/search/build/cache.ts).
        const cache = buildSearchCache();
        const { pages, files, linked, times, changed, shards } = writeSiteSearchIndex(fileURLToPath(dir), getDataset(), reuse, cache);
        if (incremental) {
          incremental.search = files;
          incremental.searchLinked = linked;
        }
        cache?.save(process.cwd());
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const written = Object.keys(files.files).length - linked;
        const cpu = Object.entries(times).map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(', ');
        const cached = cache ? `; ${cache.hits} pages taken from the last build, ${cache.misses} made; ${changed} of ${shards} shards made` : '';
        const kept = cache ? `; the cache read ${cache.readSeconds.toFixed(1)} s, written ${cache.savedSeconds.toFixed(1)} s` : '';
        const step = (cpuSeconds() - cpuStarted).toFixed(1);
        logger.info(`indexed ${pages} pages in ${seconds} s, each from its search document (${written} files written${reuse ? `, ${linked} unchanged and linked` : ''}${cached}; CPU ${step} s: ${cpu}${kept})`);
      },
    },
  };
}
