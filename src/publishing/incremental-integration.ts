/**
 * The Astro side of incremental publishing (./incremental.ts). Under `npm run build` (the job file named by
 * YIGONGTI_INCREMENTAL, ./incremental-build.ts) it sets up the state the routes' getStaticPaths consult, and once Astro
 * has written the pages it rendered, links every file it did not render from the last published dist/ into the new
 * site, before the integrations after it (the sitemap, the search index) read the site: they see it whole. The search
 * index links its own unchanged files (src/search/build/integration.ts). Last of all, `incrementalReport` writes the
 * new manifest for the build script, which publishes it with dist/.
 *
 * `wholeSiteSitemap` wraps @astrojs/sitemap, which lists the pages Astro rendered in this build: it is handed every
 * page the dynamic routes make instead, rendered or reused, so its sitemap is a full build's.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_VERSION, incrementalState, type IncrementalState, type Manifest } from './incremental';
import { KEY_PRINT_LENGTH, inputPrint, settlePages } from './incremental-reads';
import { getDataset } from '../data/current';
import { INCREMENTAL_ENV, manifestText, parseManifest, type BuildReport, type IncrementalJob } from './incremental-build';

/**
 * Links (or, across devices, copies) a file from the last published site, unless this build rendered one there (a
 * path two routes make is Astro's to resolve, not ours); `made` holds the folders known to exist, so each is made
 * once, not once per file. A linked file is never written again: nothing writes into a reused file.
 */
export function reuse(from: string, to: string, made: Set<string>): void {
  const folder = dirname(to);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw error;
    if (!existsSync(to)) copyFileSync(from, to);
  }
}

/**
 * The pages' keys as the manifest keeps them: each key once, each page's as positions, in their sorted order, with each
 * key's fingerprint. Keys no page of this build read (those of pages gone) are left out.
 */
export function manifestReads(state: IncrementalState, printOf: (key: string) => string): Manifest['reads'] | undefined {
  if (!state.reads?.size || !state.keys) return undefined;
  const pages: [string, number[]][] = [];
  const used = new Uint8Array(state.keys.list.length);
  for (const file of [...state.reads.keys()].sort()) {
    const read = state.reads.get(file)!;
    if (!Array.isArray(read) || !state.files.has(file)) continue;
    pages.push([file, read as number[]]);
    for (const at of read as number[]) used[at] = 1;
  }
  // Positions renumbered over the keys kept (their order, and so each page's, is unchanged).
  const renumbered = new Int32Array(used.length);
  const keys: string[] = [];
  for (let at = 0; at < used.length; at++) if (used[at]) renumbered[at] = keys.push(state.keys.list[at]) - 1;
  const whole = keys.length === used.length;
  const files: Record<string, number[]> = {};
  for (const [file, read] of pages) files[file] = whole ? read : read.map((at) => renumbered[at]);
  return { keys, files, prints: keys.map((key) => printOf(key).slice(0, KEY_PRINT_LENGTH)) };
}

/**
 * The sizes of this build's download rows (`Manifest['rows']`): measured in this build, or known from the last one
 * (a row whose table's size was reused was not measured again). A row whose size is known neither way is left out
 * (the next build that needs it measures it).
 */
export function manifestRows(state: IncrementalState): Manifest['rows'] | undefined {
  if (!state.rowKeys?.size) return undefined;
  const rows: NonNullable<Manifest['rows']> = {};
  for (const key of [...state.rowKeys].sort()) {
    const sizes = state.rowSizes?.get(key) ?? state.base?.rows?.[key];
    if (sizes) rows[key] = sizes;
  }
  return rows;
}

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export function incrementalIntegration(): AstroIntegration {
  let job: IncrementalJob | undefined;
  let bundled: number | undefined;
  let generated: number | undefined;
  return {
    name: 'yigongti-incremental',
    hooks: {
      'astro:config:setup': ({ command }) => {
        const file = process.env[INCREMENTAL_ENV];
        globalThis.__yigongtiIncremental = undefined;
        if (command !== 'build' || !file) return;
        job = JSON.parse(readFileSync(file, 'utf8')) as IncrementalJob;
        // The published site's manifest, read once, here (the build script checked its head only), and used only while
        // it still describes dist/ (a build published since would have replaced both).
        const manifest = job.base && parseManifest(readFileSync(job.base.manifest, 'utf8'));
        const dist = job.base && statSync(job.base.dir, { throwIfNoEntry: false });
        const describes = !!manifest?.dist && !!dist && manifest.dist.dev === dist.dev && manifest.dist.ino === dist.ino && manifest.dist.ctimeMs === dist.ctimeMs;
        const base = job.base && describes && manifest!.version === MANIFEST_VERSION && manifest!.code === job.code ? { dir: job.base.dir, ...manifest! } : undefined;
        const state: IncrementalState = {
          code: job.code,
          base: base && { dir: base.dir, files: base.files, has: (f) => existsSync(join(base.dir, f)), search: base.search, routes: base.routes, sizes: base.sizes, rows: base.rows, readsIndex: base.reads },
          files: new Map(),
          pages: new Set(),
          reused: new Set(),
        };
        globalThis.__yigongtiIncremental = state;
      },
      // The Astro process's CPU seconds when its bundles are built (the client's is built last) and when its pages are
      // written, for the build log.
      'astro:build:setup': ({ vite, target }) => {
        if (target === 'client') (vite.plugins ??= []).push({ name: 'yigongti-cpu', closeBundle: () => void (bundled = cpuSeconds()) });
      },
      'astro:build:generated': () => void (generated = cpuSeconds()),
      'astro:build:done': ({ dir, logger }) => {
        const state = incrementalState();
        if (!job || !state) return;
        const out = fileURLToPath(dir);
        const started = process.cpuUsage();
        const made = new Set<string>();
        for (const file of state.reused) reuse(join(state.base!.dir, file), join(out, file), made);
        const { user, system } = process.cpuUsage(started);
        logger.info(`linked ${state.reused.size} unchanged files from the published site (CPU ${((user + system) / 1e6).toFixed(1)} s; choosing the pages to render: CPU ${(state.deciding ?? 0).toFixed(1)} s)`);
        if (bundled !== undefined && generated !== undefined) {
          logger.info(`CPU of the Astro process: ${bundled.toFixed(1)} s to start and bundle, ${(generated - bundled).toFixed(1)} s to render the pages`);
        }
      },
    },
  };
}

/**
 * Writes the manifest of the site built, with what was reused, for the build script (`npm run build`): after every
 * integration that writes files (the search index records its own in the state), so last in the list.
 */
export function incrementalReport(): AstroIntegration {
  return {
    name: 'yigongti-incremental-report',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const state = incrementalState();
        const out = process.env[INCREMENTAL_ENV] && (JSON.parse(readFileSync(process.env[INCREMENTAL_ENV]!, 'utf8')) as IncrementalJob).out;
        if (!state || !out) return;
        const started = process.cpuUsage();
        settlePages(state);
        const dataset = getDataset();
        const reads = manifestReads(state, (key) => inputPrint(dataset, key));
        const { user, system } = process.cpuUsage(started);
        logger.info(`${state.reads?.size ?? 0} pages fingerprinted by their reads: ${reads?.keys.length ?? 0} inputs (the last pages: CPU ${((user + system) / 1e6).toFixed(1)} s)`);
        const rows = manifestRows(state);
        const files = Object.fromEntries([...state.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        const searchReused = state.searchLinked ?? 0;
        const manifest: Manifest = {
          version: MANIFEST_VERSION,
          code: state.code,
          files,
          ...(state.search ? { search: state.search } : {}),
          ...(state.routes?.size ? { routes: Object.fromEntries(state.routes) } : {}),
          ...(reads ? { reads } : {}),
          ...(state.sizes?.size ? { sizes: Object.fromEntries([...state.sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) } : {}),
          ...(rows ? { rows } : {}),
        };
        writeFileSync(`${out}.manifest`, manifestText(manifest));
        const report: BuildReport = { reused: state.reused.size + searchReused, searchReused };
        writeFileSync(out, JSON.stringify(report));
      },
    },
  };
}

/**
 * @astrojs/sitemap sorts its addresses with `localeCompare(b, 'en', { numeric: true })`, which makes a collator per
 * comparison: 4.5 s of CPU for 53,000 pages, nearly all the sitemap's cost. Handed them already in that order (by one
 * collator), its sort (V8's TimSort) passes over them once; the sitemap is the same, whatever order it is handed.
 */
const sitemapOrder = new Intl.Collator('en', { numeric: true });

/**
 * @astrojs/sitemap, handed every page of the site (./incremental.ts `pages`) rather than the ones rendered this build,
 * in its own order (`sitemapOrder`).
 */
export function wholeSiteSitemap(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': (options) => {
        const state = incrementalState();
        const rendered = new Set(options.pages.map((p) => p.pathname));
        const reused = state ? [...state.pages].map((path) => path.replace(/^\//, '')).filter((p) => !rendered.has(p)).map((pathname) => ({ pathname })) : [];
        // The sitemap sorts the pages' full addresses, which share the site's address as their start.
        const all = [...options.pages, ...reused].sort((a, b) => sitemapOrder.compare(a.pathname.replace(/^\//, ''), b.pathname.replace(/^\//, '')));
        return done({ ...options, pages: all });
      },
    },
  };
}
