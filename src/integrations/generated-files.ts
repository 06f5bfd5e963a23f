/**
 * Files the site serves that are not pages: the open-data downloads under /data/ (src/downloads/registry.ts) and the
 * finder's shards under /finder/ (src/finder/files.ts). They are written in one pass after Astro has rendered the
 * pages (astro:build:done), outside Astro's page pipeline, and served from the same functions in `npm run dev`.
 *
 * Under incremental publishing (src/publishing/incremental.ts) each set is handled as a route: when the set has an
 * `inputs` fingerprint equal to the one the published site was built with, every file it made then is linked from
 * dist/ and nothing is made; otherwise its files are made, and each whose content is the one published is linked
 * instead of written. Every file's fingerprint goes into the manifest, as a route's file's would.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../data/dataset';
import { getDataset } from '../data/current';
import { downloadFiles } from '../downloads/files';
import { FINDER_ROUTE, finderFiles, finderInputs } from '../finder/files';
import { incrementalState, reusedRoute } from '../publishing/incremental';
import { reuse } from '../publishing/incremental-integration';
import { publicSite } from '../publishing/site-address';

/** One set of generated files, made whole from one set of inputs. */
export interface GeneratedSet {
  /** Its name in the manifest (its files' fingerprints start with it). */
  route: string;
  /** The folder of the site its files are in (`finder/`): a dev request under it is looked up in the set. */
  folder: string;
  /** Everything the files are made from besides code (a superset will do), or undefined to fingerprint each file by its content only. */
  inputs?: (dataset: Dataset, site: URL | undefined) => unknown;
  /**
   * Every file, by path under the site (`finder/index.json`), with its content made on demand, and optionally its
   * fingerprint in the manifest, taken from its inputs (otherwise it is fingerprinted by its content once made).
   */
  files: (dataset: Dataset, site: URL | undefined) => Iterable<[string, () => Content, (() => string)?]>;
}

export const GENERATED: readonly GeneratedSet[] = [
  {
    route: '/data/[...file]',
    folder: 'data/',
    // Each download is fingerprinted by its inputs (its rows' inputs, src/downloads/registry.ts), its size kept in the
    // manifest: a download whose inputs stand is neither made nor measured, in the pages that print its size or here.
    files: (dataset, site) => downloadFiles(dataset, site),
  },
  {
    route: FINDER_ROUTE,
    folder: 'finder/',
    inputs: (dataset) => finderInputs(dataset),
    files: (dataset) => finderFiles(dataset),
  },
];

/**
 * A file's content: text, bytes, or text in pieces that joined are the file (a download's rows, made as they are read:
 * never joined in a build, and read once).
 */
export type Content = string | Uint8Array | Iterable<string>;

const isText = (content: Content): content is string | Uint8Array => typeof content === 'string' || content instanceof Uint8Array;

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

function digest(content: Content): string {
  const hash = createHash('sha256');
  if (isText(content)) hash.update(content);
  else for (const piece of content) hash.update(piece);
  return hash.digest('base64url').slice(0, 27);
}

/** Writes a file, a piece-wise one in batches of about a megabyte (a national table is hundreds of MB: never one string). */
function write(path: string, content: Content): void {
  if (isText(content)) return writeFileSync(path, content);
  const fd = openSync(path, 'w');
  try {
    let batch: string[] = [];
    let length = 0;
    for (const piece of content) {
      batch.push(piece);
      length += piece.length;
      if (length >= 1 << 20) {
        writeSync(fd, batch.join(''));
        batch = [];
        length = 0;
      }
    }
    if (batch.length) writeSync(fd, batch.join(''));
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes every generated file into the built site `out`, or links it from the published site where an incremental
 * build may (see above). Returns how many files were written.
 */
export function writeGenerated(out: string, dataset: Dataset, site: URL | undefined, sets: readonly GeneratedSet[] = GENERATED): number {
  const state = incrementalState();
  const base = state?.base;
  let written = 0;
  const made = new Set<string>();
  for (const set of sets) {
    const { inputs } = set;
    // Recorded in every build (a full one too, for the next); reused only when the published site has them.
    const reused = inputs && reusedRoute(set.route, () => inputs(dataset, site));
    if (reused && base) {
      for (const file of reused) reuse(join(base.dir, file), join(out, file), made);
      continue;
    }
    for (const [file, make, inputs] of set.files(dataset, site)) {
      const target = join(out, file);
      let content: Content | undefined;
      if (state) {
        const print = inputs ? inputs() : `${set.route}|${digest((content = make()))}`;
        state.files.set(file, print);
        if (base && base.files[file] === print && base.has(file)) {
          state.reused.add(file);
          reuse(join(base.dir, file), target, made);
          continue;
        }
        state.reused.delete(file);
      }
      // Pieces are read once: those read for the fingerprint are made again to be written.
      if (content === undefined || !isText(content)) content = make();
      const folder = dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true }), made.add(folder);
      write(target, content);
      written++;
    }
  }
  return written;
}

/** Each set's files of one dataset, kept for the dev server until the data changes. */
const served = new WeakMap<Dataset, Map<GeneratedSet, Map<string, () => Content>>>();

/** The content of a generated file in `npm run dev` (`finder/index.json`), or undefined when there is none. */
export function generatedFile(path: string, dataset: Dataset, site: URL | undefined, sets: readonly GeneratedSet[] = GENERATED): string | Uint8Array | undefined {
  const set = sets.find((s) => path.startsWith(s.folder));
  if (!set) return undefined;
  let bySet = served.get(dataset);
  if (!bySet) served.set(dataset, (bySet = new Map()));
  let files = bySet.get(set);
  if (!files) bySet.set(set, (files = new Map([...set.files(dataset, site)].map(([file, make]) => [file, make]))));
  const content = files.get(path)?.();
  return content === undefined || isText(content) ? content : [...content].join('');
}

export function generatedFilesIntegration(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'yigongti-generated-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = publicSite(config.site);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          let path: string;
          try {
            path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\//, '');
          } catch {
            return next();
          }
          const type = TYPES[/\.([a-z]+)$/.exec(path)?.[1] ?? ''];
          if (!type || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
          const content = generatedFile(path, getDataset(), site);
          if (content === undefined) return next();
          response.statusCode = 200;
          response.setHeader('content-type', type);
          response.end(request.method === 'HEAD' ? undefined : content);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const written = writeGenerated(fileURLToPath(dir), getDataset(), site);
        logger.info(`${written} downloads and finder files written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
