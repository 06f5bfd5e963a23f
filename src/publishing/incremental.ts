/**
 * Incremental publishing (issue 29): a build renders only the pages and generated files whose inputs changed since the
 * last published dist/, and takes every other file from that dist/ as it is.
 *
 * Every dynamic page route hands its paths through `incrementalPages` (./incremental-reads.ts): a page is fingerprinted
 * by what its view read of the dataset (and an MDX entry's data and body). A route whose files are made from one
 * value (the charts' SVG) hands them through `incrementalPaths(route, paths, madeOf)`, fingerprinted by that value.
 * Each fingerprint is kept per output file in a manifest. Everything else a
 * page shows is code or settings (layouts, components, styles, UI strings, SITE_URL, the feedback address): their
 * fingerprint (`codeFingerprint` in ./incremental-build.ts) is the manifest's `code`, and any change there makes the
 * next build a full one. A path whose fingerprint is the one the last published dist/ was built with, and whose file
 * dist/ still has, is not returned to Astro; the build links that file from dist/ into the new site instead
 * (./incremental-integration.ts). Routes without getStaticPaths (home, lists, feeds, the search records) are rendered
 * every time: they are few and most depend on the whole dataset.
 *
 * Outside `npm run build` (npm run dev, a bare `astro build`) no state is set and both return every path without
 * computing anything.
 */
import { createHash } from 'node:crypto';
import { entryPrints } from '../data/entry-prints';

/** Bumped whenever the manifest's shape or the meaning of a fingerprint changes: an older manifest is then ignored. */
export const MANIFEST_VERSION = 3;

/**
 * What the last build recorded of the site it made: the code fingerprint, and for every file a dynamic route wrote
 * (relative to the site root, `groups/x/index.html`, `data/observations.csv`) the fingerprint of what it is made of.
 * It is kept beside dist/, never inside it (./incremental-build.ts, `MANIFEST_FILE`): it is build state, not a file
 * for readers, and a site built incrementally must be byte for byte a full build's.
 */
export interface Manifest {
  version: number;
  code: string;
  files: Record<string, string>;
  /**
   * The search index it holds: its version and each file's content key (src/search/build/integration.ts
   * `IndexFiles`), so the next build links the files it would write the same instead of writing them.
   */
  search?: { version: string; files: Record<string, string> };
  /**
   * For a route made whole from one set of inputs (`incrementalRoute`), the fingerprint of those inputs: while it
   * stands, the route's files (those of `files` recorded under the route) are reused without being made.
   */
  routes?: Record<string, string>;
  /**
   * The size in bytes of each file fingerprinted by its inputs rather than its content (the downloads under /data/,
   * whose sizes pages print): while a file's inputs stand, its size is known without making it.
   */
  sizes?: Record<string, number>;
  /**
   * The sizes in bytes (CSV, JSON) of each download row made from inputs of its own (a figure's row), by a hash of
   * those inputs (src/downloads/registry.ts `Rows`): a table whose inputs changed in one row is measured again in
   * that row only.
   */
  rows?: Record<string, [number, number]>;
  /**
   * What each page was rendered from (./incremental-reads.ts): the keys of its reads, each once in `keys`, and for
   * each page (by file) the positions of its keys there, in their sorted order.
   */
  reads?: {
    keys: string[];
    files: Record<string, number[]>;
    /**
     * Each key's fingerprint in the build that wrote the manifest (the start of `inputPrint`'s, `KEY_PRINT_LENGTH`
     * characters), in the order of `keys`: the next build tells which keys read differently by hashing each key once,
     * and reuses a page whose keys all read the same without hashing the page's keys together again.
     */
    prints?: string[];
  };
  /** The dist/ folder it describes (device, inode, change time), so a dist/ replaced by other means is never taken for it. */
  dist?: { dev: number; ino: number; ctimeMs: number };
}

/** The state of one build, shared between the routes' getStaticPaths and the integration (one process). */
export interface IncrementalState {
  code: string;
  /** The last published site and its manifest, when this build may reuse it. */
  base?: {
    dir: string;
    files: Record<string, string>;
    has: (file: string) => boolean;
    search?: Manifest['search'];
    routes?: Manifest['routes'];
    sizes?: Manifest['sizes'];
    rows?: Manifest['rows'];
    /** The keys each page of the last published site was rendered from, as its manifest keeps them (./incremental-reads.ts). */
    readsIndex?: Manifest['reads'];
  };
  /** Every file the dynamic routes make in this build, with its fingerprint. */
  files: Map<string, string>;
  /** CPU seconds spent choosing which pages to render (./incremental-reads.ts `incrementalPages`), for the build log. */
  deciding?: number;
  /** Every page path the dynamic routes make (`/groups/x/`), rendered or reused: the sitemap lists them all. */
  pages: Set<string>;
  /** Files taken from the last published site as they are. */
  reused: Set<string>;
  /** The search index this build wrote (set by src/search/build/integration.ts), and how many of its files were linked. */
  search?: Manifest['search'];
  searchLinked?: number;
  /** The input fingerprints of the routes made by `incrementalRoute`. */
  routes?: Map<string, string>;
  /** The sizes of the files fingerprinted by their inputs (`Manifest['sizes']`). */
  sizes?: Map<string, number>;
  /** The keys of the download rows of this build (`Manifest['rows']`), and the sizes of those measured in it. */
  rowKeys?: Set<string>;
  rowSizes?: Map<string, [number, number]>;
  /** The pages handed to Astro to render (./incremental-reads.ts `incrementalPages`), with their route and other inputs. */
  pending?: Map<string, { route: string; extra: string }>;
  /** What each page read: recording while it renders (a Set), then its keys' positions in `keys`, in their sorted order. */
  reads?: Map<string, Set<string> | readonly number[]>;
  /** The pages rendering or rendered whose reads are not yet fingerprinted. */
  open?: Set<string>;
  /** Every key a page read or was reused by, each once (the manifest's `reads.keys`), and each one's position. */
  keys?: { list: string[]; at: Map<string, number> };
  /**
   * For each key of the last published site's manifest, by its position there, whether it reads the same now
   * (1), differently (2), or is not yet known (0).
   */
  same?: Uint8Array;
}

declare global {
  // eslint-disable-next-line no-var
  var __yigongtiIncremental: IncrementalState | undefined;
}

/** The build's state, when it runs under `npm run build` (set by the integration); undefined otherwise. */
export const incrementalState = (): IncrementalState | undefined => globalThis.__yigongtiIncremental;

type Params = Record<string, string | number | undefined>;

/**
 * The address a route makes for its params: `/groups/[id]/` with id x → `/groups/x/`; `/data/[...file]` with file
 * `a/b.csv` → `/data/a/b.csv`.
 */
export function routePath(route: string, params: Params): string {
  return route.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      if (rest) return '';
      throw new Error(`incremental: no value for [${name}] in ${route}`);
    }
    return String(value);
  }).replace(/\/{2,}/g, '/');
}

/** The file a path is written to (build.format 'directory'): pages (ending in /) as index.html, endpoints as named. */
export function outputFile(path: string): string {
  const relative = path.replace(/^\//, '');
  return path.endsWith('/') ? `${relative}index.html` : relative;
}

/** What makes a value's fingerprint impossible to take (a function, a class instance, a loop): the file is then always rebuilt. */
class Unhashable extends Error {}

/**
 * Writes a value out unambiguously, to be hashed once (one hash call per page, not one per value): every value is
 * tagged with its type, strings and keys with their length. Plain objects in their key order (the same code makes
 * them in the same order), Maps and Sets in their order, Dates, URLs and byte arrays (by their own hash) by value. A
 * function, a class instance or a loop throws Unhashable. An entry the check handed over is written as its print
 * (src/data/entry-prints.ts): its JSON text's hash, known without writing it out.
 */
function write(value: unknown, stack: Set<object>): string {
  if (value === null) return 'N';
  switch (typeof value) {
    case 'undefined':
      return 'U';
    case 'boolean':
      return value ? 'T' : 'F';
    case 'number':
      return `n${Object.is(value, -0) ? '-0' : String(value)};`;
    case 'bigint':
      return `b${value};`;
    case 'string':
      return `s${value.length}:${value}`;
    case 'object':
      break;
    default:
      throw new Unhashable(typeof value);
  }
  const object = value as object;
  // An entry handed over by the check is written as its print (src/data/entry-prints.ts), made from its JSON text.
  const entry = entryPrints().get(object);
  if (entry !== undefined) return `h${entry};`;
  if (stack.has(object)) throw new Unhashable('a loop');
  stack.add(object);
  let out: string;
  if (Array.isArray(object)) {
    out = `a${object.length}:`;
    for (const item of object) out += write(item, stack);
  } else if (object instanceof Map) {
    out = `m${object.size}:`;
    for (const [k, v] of object) out += write(k, stack) + write(v, stack);
  } else if (object instanceof Set) {
    out = `e${object.size}:`;
    for (const item of object) out += write(item, stack);
  } else if (object instanceof Date) {
    out = `d${object.getTime()};`;
  } else if (object instanceof URL) {
    out = `u${object.href.length}:${object.href}`;
  } else if (ArrayBuffer.isView(object)) {
    const bytes = new Uint8Array(object.buffer, object.byteOffset, object.byteLength);
    out = `y${bytes.length}:${createHash('sha256').update(bytes).digest('base64url')}`;
  } else {
    const proto = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) throw new Unhashable(proto?.constructor?.name ?? 'an object');
    const keys = Object.keys(object);
    out = `o${keys.length}:`;
    for (const key of keys) out += `${key.length}:${key}${write((object as Record<string, unknown>)[key], stack)}`;
  }
  stack.delete(object);
  return out;
}

/** The fingerprint of a value (base64url), or undefined when it holds something that cannot be fingerprinted. */
export function fingerprint(value: unknown): string | undefined {
  let text: string;
  try {
    text = write(value, new Set());
  } catch (error) {
    if (error instanceof Unhashable) return undefined;
    throw error;
  }
  return createHash('sha256').update(text).digest('base64url').slice(0, 27);
}

declare global {
  // eslint-disable-next-line no-var
  var __yigongtiFingerprints: WeakMap<object, string | undefined> | undefined;
}

/**
 * The fingerprint of an object that never changes once made (one of the dataset's lists), computed once per object
 * and process: the downloads and the finder both read the nation's institutions. Kept on the global object, like
 * the dataset (the pages and the integrations are separate module instances).
 */
export function fingerprintOnce(value: object): string | undefined {
  const known = (globalThis.__yigongtiFingerprints ??= new WeakMap());
  if (!known.has(value)) known.set(value, fingerprint(value));
  return known.get(value);
}

/**
 * What the getStaticPaths of a route that makes its files' content in getStaticPaths returns under incremental
 * publishing (the charts' SVG files): the paths whose file must be written (all of them without a usable last build).
 * `madeOf(path)` is the file's content, or everything it is made of that is not code. Each path's fingerprint is
 * recorded for the next build. Pages are fingerprinted by what they read instead (./incremental-reads.ts
 * `incrementalPages`), so that their views are made only for the pages rendered.
 */
export function incrementalPaths<T extends { params: Params }>(route: string, paths: readonly T[], madeOf: (path: T) => unknown): T[] {
  const state = incrementalState();
  if (!state) return [...paths];
  return paths.filter((path) => {
    const address = routePath(route, path.params);
    const file = outputFile(address);
    // A value that cannot be fingerprinted gets a fingerprint of its own, so the file is rendered again next time too.
    const print = `${route}|${fingerprint(madeOf(path)) ?? `unhashable-${Math.random()}`}`;
    state.files.set(file, print);
    if (address.endsWith('/')) state.pages.add(address);
    const base = state.base;
    if (base && base.files[file] === print && base.has(file)) {
      state.reused.add(file);
      return false;
    }
    state.reused.delete(file);
    return true;
  });
}

/**
 * For a set of files all made from one set of inputs, and made dearly (the finder's shards: every name of the country,
 * converted and cut): `inputs` is everything they are made from besides code, a superset will do. Records the inputs'
 * fingerprint for the next build. When it is the one the last published site was built with, and that site still has
 * every file the route made then, those files are recorded as reused and returned: the caller links them and makes
 * nothing. Otherwise (or outside `npm run build`) undefined: the caller makes the files and compares each.
 */
export function reusedRoute(route: string, inputs: () => unknown): string[] | undefined {
  const state = incrementalState();
  if (!state) return undefined;
  const print = fingerprint(inputs());
  if (print === undefined) return undefined;
  (state.routes ??= new Map()).set(route, print);
  const base = state.base;
  if (base?.routes?.[route] !== print) return undefined;
  const files = Object.entries(base.files).filter(([, made]) => made.startsWith(`${route}|`));
  if (!files.length || !files.every(([file]) => base.has(file))) return undefined;
  for (const [file, made] of files) {
    state.files.set(file, made);
    state.reused.add(file);
    if (file === 'index.html' || file.endsWith('/index.html')) state.pages.add(`/${file.slice(0, -'index.html'.length)}`);
  }
  return files.map(([file]) => file);
}
