/**
 * The built site as the quality gates see it: every HTML page in dist/ (the search index's files excluded),
 * its URL, and which budget family it belongs to. Generic over whatever pages exist.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The built site under test; QUALITY_DIST points the gates at another build (e.g. the national-scale one). */
export const DIST = resolve(process.env.QUALITY_DIST ?? 'dist');

export interface BuiltPage {
  /** Path inside dist/, with forward slashes: `groups/x/index.html`. */
  file: string;
  /** The address a reader uses: `/groups/x/` (or `/404.html`). */
  url: string;
}

/** Files under `dir`, relative, forward slashes, sorted. */
export function filesUnder(dir = DIST): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split(sep).join('/'))
    .sort();
}

export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return '/' + file.slice(0, -'index.html'.length);
  return '/' + file;
}

/** Every built page, excluding the search index's files. */
export function builtPages(dir = DIST): BuiltPage[] {
  return filesUnder(dir)
    .filter((f) => f.endsWith('.html') && !f.startsWith('search-index/'))
    .map((file) => ({ file, url: urlOfFile(file) }));
}

export function readDist(file: string, dir = DIST): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** Bytes over the wire with gzip at zlib's default level, as static hosts typically serve it. */
export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes).length;
}

/**
 * Which budget a page falls under. Home and search have their own; the indicator and data pages (charts) get the
 * chart budget; every other page, including any new section, is a text page: no JavaScript except /prefs.js.
 */
export type PageFamily = 'text' | 'home' | 'search' | 'chart';

/** Sections whose pages may carry charts. */
export const CHART_SECTIONS = ['indicators', 'data', 'embed'];

export function pageFamily(url: string): PageFamily {
  // The guide carries the same finder as the home page, and its budget.
  if (url === '/' || url === '/guide/') return 'home';
  const section = url.split('/')[1] ?? '';
  if (section === 'search') return 'search';
  if (CHART_SECTIONS.includes(section)) return 'chart';
  return 'text';
}

/** Top-level section of a page: '' for home, else the first path segment (`groups`). */
export function sectionOf(url: string): string {
  return url === '/' ? '' : (url.split('/')[1] ?? '').replace(/\.html$/, '');
}

/**
 * A few representative pages: the section index and the first detail page of each section, plus home and 404.
 * Used where running every page would be slow (keyboard walks, large-text mode, request recording).
 */
export function samplePages(pages = builtPages().filter((p) => !isEmbed(p.url))): BuiltPage[] {
  const picked = new Map<string, BuiltPage>();
  for (const p of pages) {
    const depth = p.url.split('/').filter(Boolean).length;
    const key = `${sectionOf(p.url)}:${Math.min(depth, 2)}`;
    if (!picked.has(key)) picked.set(key, p);
  }
  return [...picked.values()];
}

/** Embed views (`/embed/…`) are widgets framed by other sites: no site chrome, no share tags, no reading settings. */
export const isEmbed = (url: string) => url.startsWith('/embed/');

/** The page templates: every `.astro` file under src/pages, as the route it serves (`groups/[id]/referral`). */
export function templateRoutes(pagesDir = resolve('src/pages')): string[] {
  return (readdirSync(pagesDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.astro'))
    .map((e) => join(e.parentPath, e.name).slice(pagesDir.length + 1).split(sep).join('/').replace(/\.astro$/, '').replace(/(^|\/)index$/, ''))
    .sort();
}

/**
 * The route a built page came from, as Astro picks it: of the routes matching its address, the one whose segments
 * are most specific from the left (a fixed name before `[param]`, `[param]` before `[...rest]`).
 */
export function routeOf(url: string, routes: string[]): string | undefined {
  const parts = url.replace(/^\/|\/$/g, '').replace(/\.html$/, '').split('/').filter(Boolean);
  const rank = (segment: string) => (segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0);
  const matches = (route: string) => {
    const segments = route.split('/').filter(Boolean);
    if (segments.length && segments[segments.length - 1].startsWith('[...')) return parts.length >= segments.length - 1 && segments.slice(0, -1).every((s, i) => rank(s) > 0 || s === parts[i]);
    return segments.length === parts.length && segments.every((s, i) => rank(s) > 0 || s === parts[i]);
  };
  const score = (route: string) => route.split('/').filter(Boolean).map(rank);
  return routes.filter(matches).sort((a, b) => {
    const [x, y] = [score(a), score(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 3) !== (y[i] ?? 3)) return (x[i] ?? 3) - (y[i] ?? 3);
    return 0;
  })[0];
}

/**
 * One page of each template (each `.astro` page of src/pages): the one with the most HTML, so the template is tried
 * with as much of what it can show as the site has. Where the quality gates take a page per template, not every page
 * (`npm test`'s accessibility check; `npm run test:full` sweeps every page).
 */
export function templatePages(pages = builtPages(), routes = templateRoutes()): BuiltPage[] {
  const fullest = new Map<string, { page: BuiltPage; size: number }>();
  for (const page of pages) {
    const route = routeOf(page.url, routes);
    if (route === undefined) continue;
    const size = readDist(page.file).length;
    if (!fullest.has(route) || size > fullest.get(route)!.size) fullest.set(route, { page, size });
  }
  return [...fullest.values()].map((f) => f.page).sort((a, b) => a.url.localeCompare(b.url));
}
