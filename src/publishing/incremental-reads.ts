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
 */import { createHash } from 'node:crypto';
import type { Dataset } from '../data/dataset';
import { getDataset } from '../data/current';
import { inputKinds, rawDataset, readingDataset } from '../data/reads';
import { fingerprint, incrementalState, outputFile, routePath, type IncrementalState } from './incremental';

type Params = Record<string, string | number | undefined>;

/** A fingerprint of a large list or index, element by element, without writing it out whole. */
function wholePrint(value: unknown): string {
  if (!Array.isArray(value) && !(value instanceof Map)) return fingerprint(value) ?? `unhashable-${Math.random()}`;
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
  if (resolve) print = fingerprint(resolve(raw, rest ?? '')) ?? `unhashable-${Math.random()}`;
  else {
    const dot = name.indexOf('.');
    const object = (dot < 0 ? raw : (raw as unknown as Record<string, unknown>)[name.slice(0, dot)]) as Record<string, unknown> | undefined;
    const prop = dot < 0 ? name : name.slice(dot + 1);
    if (!object || !(prop in object)) throw new Error(`incremental: a page read "${key}", which is no input known to the build`);
    const value = object[prop];
    if (rest === undefined) print = wholePrint(value);
    else if (value instanceof Map) print = fingerprint(value.get(rest)) ?? `unhashable-${Math.random()}`;
    else throw new Error(`incremental: a page read "${key}", but ${name} is not an index`);
  }
  prints.set(key, print);
  return print;
}

/** The fingerprint of a page made from these reads (sorted) and what else it shows that is not code (`extra`). */
export function readsPrint(dataset: Dataset, keys: readonly string[], extra = ''): string {
  const hash = createHash('sha256').update(extra).update('\0');
  for (const key of keys) hash.update(key).update('\0').update(inputPrint(dataset, key)).update('\0');
  return hash.digest('base64url').slice(0, 27);
}

/**
 * What a page route's getStaticPaths returns under incremental publishing: the paths whose page must be rendered. A
 * page the last published site holds is reused when each of the reads it was rendered from (kept in the manifest)
 * reads the same now, and `extra` (what it shows that is neither the dataset nor code: an MDX entry's data and body)
 * is the same. Every other page is rendered from `pageDataset`, which records its reads for the next build.
 */
export function incrementalPages<T extends { params: Params }>(route: string, paths: readonly T[], extra?: (path: T) => unknown): T[] {
  const state = incrementalState();
  if (!state) return [...paths];
  const dataset = getDataset();
  const base = state.base;
  return paths.filter((path) => {
    const address = routePath(route, path.params);
    const file = outputFile(address);
    if (address.endsWith('/')) state.pages.add(address);
    const more = extra ? (fingerprint(extra(path)) ?? `unhashable-${Math.random()}`) : '';
    const keys = base?.reads?.(file);
    if (keys && base!.has(file) && base!.files[file] === `${route}|${readsPrint(dataset, keys, more)}`) {
      state.files.set(file, base!.files[file]);
      (state.reads ??= new Map()).set(file, keys);
      state.reused.add(file);
      return false;
    }
    state.reused.delete(file);
    state.files.delete(file);
    (state.pending ??= new Map()).set(file, { route, extra: more });
    return true;
  });
}

/**
 * The dataset a page of a route handed through `incrementalPages` renders from: under `npm run build`, a stand-in
 * recording its reads for the page's fingerprint; otherwise the dataset itself.
 */
export function pageDataset(route: string, params: Params): Dataset {
  const dataset = getDataset();
  const state = incrementalState();
  if (!state) return dataset;
  const file = outputFile(routePath(route, params));
  if (!state.pending?.has(file)) throw new Error(`incremental: ${file} is rendered, but ${route} did not hand it through incrementalPages`);
  const reads = new Set<string>();
  (state.reads ??= new Map()).set(file, reads);
  return readingDataset(dataset, reads);
}

/**
 * After rendering: the fingerprint of each page rendered, from its reads (sorted, as the manifest keeps them). A page
 * handed to Astro but never rendered gets none, so the next build renders it.
 */
export function settlePages(state: IncrementalState): void {
  const dataset = getDataset();
  for (const [file, { route, extra }] of state.pending ?? []) {
    const reads = state.reads?.get(file);
    if (!reads || Array.isArray(reads)) continue;
    const keys = [...reads].sort();
    state.reads!.set(file, keys);
    state.files.set(file, `${route}|${readsPrint(dataset, keys, extra)}`);
  }
  state.pending?.clear();
}
