/**
 * Recording what a view reads of the dataset, for incremental publishing (src/publishing/incremental-reads.ts, which
 * fingerprints the reads). No Node or Astro imports: views import it.
 *
 * `readingDataset(dataset, reads)` is a stand-in for the dataset that records every read, as a key: `group` for the
 * whole list or index (iterating it, its size), `group x` for one entry of an index (`get` or `has`, found or not),
 * `indicatorIndex.facts x` for one entry of the indicator index. What such a read returns is covered whole by its key,
 * so a view may walk it freely (a roster row's institution, a membership's group). An input that is not the dataset's
 * own is read with `noteRead` under a kind registered with `registerInput` (the build's day, a group's downloads).
 */
import type { Dataset } from './dataset';

const RAW = Symbol('raw dataset');
const READS = Symbol('reads');

type Reading = Dataset & { [RAW]?: Dataset; [READS]?: Set<string> };

/** The dataset a stand-in records reads of (itself when it is not one). */
export function rawDataset(dataset: Dataset): Dataset {
  return (dataset as Reading)[RAW] ?? dataset;
}

/** The reads a stand-in records into, if it is one. */
export function readsOf(dataset: Dataset): Set<string> | undefined {
  return (dataset as Reading)[READS];
}

/** Records a read of an input that is not one of the dataset's own (a kind registered with `registerInput`). */
export function noteRead(dataset: Dataset, key: string): void {
  readsOf(dataset)?.add(key);
}

/** An index (a Map) of the dataset that records `name key` for a lookup and `name` for anything that sees it whole. */
function readingMap<K, V>(map: ReadonlyMap<K, V>, name: string, reads: Set<string>): ReadonlyMap<K, V> {
  const whole = () => {
    reads.add(name);
    return map;
  };
  return {
    get: (key: K) => {
      reads.add(`${name} ${String(key)}`);
      return map.get(key);
    },
    has: (key: K) => {
      reads.add(`${name} ${String(key)}`);
      return map.has(key);
    },
    get size() {
      return whole().size;
    },
    keys: () => whole().keys(),
    values: () => whole().values(),
    entries: () => whole().entries(),
    forEach: (fn, self) => whole().forEach(fn, self),
    [Symbol.iterator]: () => whole()[Symbol.iterator](),
  } as ReadonlyMap<K, V>;
}

/** An object of indexes (the indicator index): each Map a `readingMap` named `prefix.key`, anything else read whole. */
function readingObject(object: object, prefix: string, reads: Set<string>): object {
  const made = new Map<string, unknown>();
  return new Proxy(Object.create(null), {
    get(_, prop) {
      const value = (object as Record<string | symbol, unknown>)[prop];
      if (typeof prop !== 'string') return value;
      if (!made.has(prop)) {
        if (value instanceof Map) made.set(prop, readingMap(value, `${prefix}.${prop}`, reads));
        else reads.add(prefix);
      }
      return made.has(prop) ? made.get(prop) : value;
    },
  });
}

/**
 * A stand-in for the dataset that records into `reads` what is read of it (see above). The dataset is frozen, so the
 * stand-in wraps an empty object (a proxy of a frozen object must hand out its very values).
 */
export function readingDataset(dataset: Dataset, reads: Set<string>): Dataset {
  const raw = rawDataset(dataset);
  const made = new Map<string, unknown>();
  return new Proxy(Object.create(null), {
    get(_, prop) {
      if (prop === RAW) return raw;
      if (prop === READS) return reads;
      const value = (raw as unknown as Record<string | symbol, unknown>)[prop];
      if (typeof prop !== 'string') return value;
      let wrapped = made.get(prop);
      if (wrapped === undefined) {
        if (value instanceof Map) wrapped = readingMap(value, prop, reads);
        else if (prop === 'indicatorIndex') wrapped = readingObject(value as object, prop, reads);
        if (wrapped !== undefined) made.set(prop, wrapped);
      }
      if (wrapped !== undefined) return wrapped;
      reads.add(prop);
      return value;
    },
    has: (_, prop) => prop in raw,
    ownKeys: () => Reflect.ownKeys(raw),
    getOwnPropertyDescriptor: (_, prop) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(raw, prop);
      return descriptor && { ...descriptor, configurable: true };
    },
  }) as Dataset;
}

/** What a view made from a dataset, with what it read, to be handed again to any caller with the same key. */
export type Remembered<T> = WeakMap<Dataset, Map<string, { value: T; reads: Set<string> }>>;

/**
 * A value made once per dataset and key and shared (the indicator page's view, for its page, its embed and its SVG
 * files): made from a stand-in, so that each caller that records reads gets the reads it was made from.
 */
export function rememberReads<T>(cache: Remembered<T>, dataset: Dataset, key: string, make: (dataset: Dataset) => T): T {
  const raw = rawDataset(dataset);
  let byKey = cache.get(raw);
  if (!byKey) cache.set(raw, (byKey = new Map()));
  let made = byKey.get(key);
  if (!made) {
    const reads = new Set<string>();
    made = { value: make(readingDataset(raw, reads)), reads };
    byKey.set(key, made);
  }
  const into = readsOf(dataset);
  if (into) for (const read of made.reads) into.add(read);
  return made.value;
}

/** What a key of another kind than the dataset's own reads (`years 2020-06-23` → a number), to be fingerprinted. */
export type InputResolver = (dataset: Dataset, rest: string) => unknown;

declare global {
  // eslint-disable-next-line no-var
  var __yigongtiInputs: Map<string, InputResolver> | undefined;
}

/** The registered kinds, per process (the pages and the integrations are separate module instances). */
export const inputKinds = (): Map<string, InputResolver> => (globalThis.__yigongtiInputs ??= new Map());

/** Registers a kind of input that is not the dataset's own (the first word of its keys). */
export function registerInput(kind: string, resolve: InputResolver): void {
  inputKinds().set(kind, resolve);
}

