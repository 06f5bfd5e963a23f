/**
 * Pages fingerprinted by what they read (issue 29), so that an incremental build makes the views of the pages it
 * renders and of no other.
 *
 * A page renders from `pageDataset(route, params)`: under `npm run build` a stand-in for the dataset that records the
 * keys of what the page reads (src/data/reads.ts). After rendering, the page's fingerprint is made from its keys, each
 * by `inputPrint` (a hash of what the key reads: an index's entry, a whole list, a registered input such as the
 * build's day), and the manifest keeps the keys. The next build takes each page's keys from the manifest and hashes
 * them again in the new dataset, from its indexes: while every key reads the same (and the MDX entry, for documents
 * and updates), the page is reused without its view being made. This is complete as long as views read the dataset
 * only through what they are handed: a view is a function of what it reads, and of code and settings, which make the
 * code fingerprint (./incremental-build.ts). tests/unit/incremental-reads.test.ts holds views to that: for edits of
 * each kind, every page whose keys read the same has the same view.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../data/dataset';
import { getDataset } from '../data/current';
import { inputKinds, rawDataset, readingDataset } from '../data/reads';
import { fingerprint, incrementalState, outputFile, routePath, type IncrementalState } from './incremental';

type Params = Record<string, string | number | undefined>;

/**
 * The fingerprint of what one key reads: objects as `fingerprint` writes them (the entries in them by their prints,
 * src/data/entry-prints.ts); a short string, a boolean or nothing once per value and process (most keys of a site
 * read a file's date, or no correction: the same few values, tens of thousands of times).
 */
function valuePrint(value: unknown): string {
  const short = value === undefined || value === null || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 64);
  let print = short ? shortPrints.get(value) : undefined;
  if (print === undefined) {
    print = fingerprint(value) ?? `unhashable-${Math.random()}`;
    if (short) shortPrints.set(value, print);
  }
  return print;
}
const shortPrints = new Map<unknown, string>();

/** A fingerprint of a large list or index, element by element, without writing it out whole. */
function wholePrint(value: unknown): string {
  if (!Array.isArray(value) && !(value instanceof Map)) return valuePrint(value);
  const hash = createHash('sha256').update(Array.isArray(value) ? `a${value.length}` : `m${value.size}`);
  for (const item of value instanceof Map ? value.entries() : value) hash.update(fingerprint(item) ?? `unhashable-${Math.random()}`);
  return hash.digest('base64url').slice(0, 27);
}

declare global {
  // eslint-disable-next-line no-var
  var __yigongtiInputPrints: WeakMap<Dataset, Map<string, string>> | undefined;
}

/** The fingerprint of what `key` reads in the dataset (computed once per dataset, key and process). */
export function inputPrint(dataset: Dataset, key: string): string {
  const raw = rawDataset(dataset);
  const all = (globalThis.__yigongtiInputPrints ??= new WeakMap());
  let prints = all.get(raw);
  if (!prints) all.set(raw, (prints = new Map()));
  let print = prints.get(key);
  if (print !== undefined) return print;
  const space = key.indexOf(' ');
  const name = space < 0 ? key : key.slice(0, space);
  const rest = space < 0 ? undefined : key.slice(space + 1);
  const resolve = inputKinds().get(name);
  if (resolve) print = valuePrint(resolve(raw, rest ?? ''));
  else {
    const dot = name.indexOf('.');
    const object = (dot < 0 ? raw : (raw as unknown as Record<string, unknown>)[name.slice(0, dot)]) as Record<string, unknown> | undefined;
    const prop = dot < 0 ? name : name.slice(dot + 1);
    if (!object || !(prop in object)) throw new Error(`incremental: a page read "${key}", which is no input known to the build`);
    const value = object[prop];
    if (rest === undefined) print = wholePrint(value);
    else if (value instanceof Map) print = valuePrint(value.get(rest));
    else throw new Error(`incremental: a page read "${key}", but ${name} is not an index`);
  }
  prints.set(key, print);
  return print;
}

/**
 * How many entries a key reads whole (a list's length, an index's size; 0 for a key of one entry, or of another kind):
 * hashing the nation's institutions costs more than a page that reads them all.
 */
export function wholeSize(dataset: Dataset, key: string): number {
  if (key.includes(' ')) return 0;
  const raw = rawDataset(dataset) as unknown as Record<string, unknown>;
  const dot = key.indexOf('.');
  const value = dot < 0 ? raw[key] : (raw[key.slice(0, dot)] as Record<string, unknown> | undefined)?.[key.slice(dot + 1)];
  return Array.isArray(value) ? value.length : value instanceof Map ? value.size : 0;
}

/** The fingerprint of a page made from these reads (sorted) and what else it shows that is not code (`extra`). */
export function readsPrint(dataset: Dataset, keys: readonly string[], extra = ''): string {
  // One string hashed at once (the same bytes as an update per part, without four calls into the hash per key).
  let text = `${extra}\0`;
  for (const key of keys) text += `${key}\0${inputPrint(dataset, key)}\0`;
  return createHash('sha256').update(text).digest('base64url').slice(0, 27);
}

/** How many characters of a key's fingerprint the manifest keeps (`Manifest['reads'].prints`): 96 bits. */
export const KEY_PRINT_LENGTH = 16;

/**
 * Whether a page of the last published site reads the same now, from the keys of its reads (positions in the
 * manifest's list). With the manifest's key fingerprints and nothing else to the page (`extra`), each key is hashed
 * once for all pages (`state.same`) and the page is the same when every one of its keys is; otherwise (an older
 * manifest, an MDX entry's page) the page's keys are hashed together as its fingerprint was.
 */
function readsTheSame(state: IncrementalState, dataset: Dataset, file: string, route: string, extra: string): boolean {
  const base = state.base!;
  const index = base.readsIndex;
  const positions = index?.files[file];
  const recorded = base.files[file];
  if (!index || !positions || !recorded?.startsWith(`${route}|`) || !base.has(file)) return false;
  if (extra || !index.prints) return recorded === `${route}|${readsPrint(dataset, positions.map((at) => index.keys[at]), extra)}`;
  const same = (state.same ??= new Uint8Array(index.keys.length));
  for (const at of positions) {
    if (same[at] === 0) same[at] = inputPrint(dataset, index.keys[at]).slice(0, KEY_PRINT_LENGTH) === index.prints[at] ? 1 : 2;
    if (same[at] === 2) return false;
  }
  return true;
}

export function incrementalPages<T extends { params: Params }>(route: string, paths: readonly T[], extra?: (path: T) => unknown): T[] {
  const state = incrementalState();
  if (!state) return [...paths];
  const dataset = getDataset();
  const started = process.cpuUsage();
  try {
    return choosePages(state, dataset, route, paths, extra);
  } finally {
    // For the build log (./incremental-integration.ts): what deciding which pages to render cost.
    const { user, system } = process.cpuUsage(started);
    state.deciding = (state.deciding ?? 0) + (user + system) / 1e6;
  }
}

/** The paths of `incrementalPages` whose pages must be rendered; the others are recorded as reused. */
function choosePages<T extends { params: Params }>(state: IncrementalState, dataset: Dataset, route: string, paths: readonly T[], extra?: (path: T) => unknown): T[] {
  const base = state.base;
  return paths.filter((path) => {
    const address = routePath(route, path.params);
    const file = outputFile(address);
    if (address.endsWith('/')) state.pages.add(address);
    const more = extra ? (fingerprint(extra(path)) ?? `unhashable-${Math.random()}`) : '';
    if (base && readsTheSame(state, dataset, file, route, more)) {
      state.files.set(file, base.files[file]);
      // This build's list of keys starts as the last one's (`keysOf`), so a reused page keeps its positions.
      keysOf(state);
      (state.reads ??= new Map()).set(file, base.readsIndex!.files[file]);
      state.reused.add(file);
      return false;
    }
    state.reused.delete(file);
    state.files.delete(file);
    (state.pending ??= new Map()).set(file, { route, extra: more });
    return true;
  });
}

/** A page's reads while it renders; once its fingerprint is taken, a further read fails the build rather than go unseen. */
class PageReads extends Set<string> {
  closed = false;
  override add(key: string): this {
    if (this.closed) throw new Error(`incremental: "${key}" was read after the page's fingerprint was taken`);
    return super.add(key);
  }
}

/**
 * This build's list of keys (`IncrementalState['keys']`), each kept once however many pages read it: it starts as the
 * last published site's, in its order, so that the pages reused keep their keys' positions; keys no page reads any
 * longer are left out when the manifest is written (./incremental-integration.ts `manifestReads`).
 */
function keysOf(state: IncrementalState): NonNullable<IncrementalState['keys']> {
  if (!state.keys) {
    const list = [...(state.base?.readsIndex?.keys ?? [])];
    state.keys = { list, at: new Map(list.map((key, at) => [key, at])) };
  }
  return state.keys;
}

/** A key's position in this build's list of keys. */
function intern(state: IncrementalState, key: string): number {
  const keys = keysOf(state);
  let at = keys.at.get(key);
  if (at === undefined) keys.at.set(key, (at = keys.list.push(key) - 1));
  return at;
}

/**
 * The dataset a page of a route handed through `incrementalPages` renders from: under `npm run build`, a stand-in
 * recording its reads for the page's fingerprint; otherwise the dataset itself. Pages render one at a time (Astro's
 * build concurrency is 1): the pages rendered before are fingerprinted now, so that a site's worth of reads is never
 * held as sets of strings.
 */
export function pageDataset(route: string, params: Params): Dataset {
  const dataset = getDataset();
  const state = incrementalState();
  if (!state) return dataset;
  const file = outputFile(routePath(route, params));
  if (!state.pending?.has(file)) throw new Error(`incremental: ${file} is rendered, but ${route} did not hand it through incrementalPages`);
  settlePages(state);
  const reads = new PageReads();
  (state.reads ??= new Map()).set(file, reads);
  (state.open ??= new Set()).add(file);
  return readingDataset(dataset, reads);
}

/**
 * The fingerprint of each page rendered and not yet fingerprinted, from its reads (sorted, as the manifest keeps them).
 * A page handed to Astro but never rendered gets none, so the next build renders it.
 */
export function settlePages(state: IncrementalState): void {
  if (!state.open?.size) return;
  const dataset = getDataset();
  for (const file of state.open) {
    const reads = state.reads?.get(file);
    const pending = state.pending?.get(file);
    if (!(reads instanceof PageReads) || !pending) continue;
    reads.closed = true;
    const keys = [...reads].sort();
    state.reads!.set(file, keys.map((key) => intern(state, key)));
    state.files.set(file, `${pending.route}|${readsPrint(dataset, keys, pending.extra)}`);
  }
  state.open.clear();
}
