/**
 * Link checker over dist/: every internal href/src (pages, assets, #anchors, the canonical link, sitemap and RSS
 * entries, CSS url()s) must resolve to a built file, and page links must end in a slash (trailingSlash: 'always').
 */
import { describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { DIST, builtPages, filesUnder, readDist } from '../support/site-pages';

const SITE = new URL(process.env.SITE_URL || 'http://localhost:4321');
const BASE = 'http://site.invalid';

/** Attributes that point at another resource. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data', 'component-url', 'renderer-url', 'before-hydration-url'];

interface Broken {
  from: string;
  link: string;
  why: string;
}

const parsed = new Map<string, HTMLElement>();
function parsedPage(file: string): HTMLElement {
  let root = parsed.get(file);
  if (!root) {
    root = parse(readDist(file), { comment: false, blockTextElements: { script: true, style: true } });
    parsed.set(file, root);
  }
  return root;
}

const anchorsOf = new Map<string, Set<string>>();
function anchorsIn(file: string): Set<string> {
  let ids = anchorsOf.get(file);
  if (!ids) {
    ids = new Set<string>();
    for (const el of parsedPage(file).querySelectorAll('[id], a[name]')) ids.add(el.getAttribute('id') ?? el.getAttribute('name') ?? '');
    anchorsOf.set(file, ids);
  }
  return ids;
}

/** The dist/ file an internal path is served from, or a reason it is not. */
function resolvePath(pathname: string): { file?: string; why?: string } {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { why: 'malformed percent-encoding' };
  }
  const onDisk = join(DIST, path);
  if (path.endsWith('/')) {
    const index = join(path, 'index.html').slice(1);
    return existsSync(join(DIST, index)) ? { file: index } : { why: 'no page at this address' };
  }
  if (existsSync(onDisk) && statSync(onDisk).isFile()) return { file: path.slice(1) };
  if (existsSync(join(onDisk, 'index.html'))) return { why: 'page link without trailing slash (trailingSlash is "always")' };
  return { why: 'no file at this address' };
}

/** Checks one reference found in `from` (a dist/ file path, whose URL is `fromUrl`). */
function check(ref: string, from: string, fromUrl: string, broken: Broken[]): void {
  const raw = ref.trim();
  if (!raw) return void broken.push({ from, link: ref, why: 'empty link' });
  let url: URL;
  try {
    url = new URL(raw, BASE + fromUrl);
  } catch {
    broken.push({ from, link: ref, why: 'not a valid URL' });
    return;
  }
  // Absolute links to the site's own address (canonical, sitemap, RSS) are checked as internal ones.
  if (url.origin === SITE.origin) url = new URL(url.pathname + url.search + url.hash, BASE);
  if (url.origin !== BASE) return; // another host, mailto:, tel:, data: — not ours to resolve
  if (raw === '#') return void broken.push({ from, link: ref, why: 'bare "#" link goes nowhere' });
  const target = raw.startsWith('#') ? { file: from } : resolvePath(url.pathname);
  if (!target.file) return void broken.push({ from, link: ref, why: target.why! });
  const hash = url.hash.slice(1);
  if (hash && !hash.startsWith(':~:') && target.file.endsWith('.html')) {
    let id: string;
    try {
      id = decodeURIComponent(hash);
    } catch {
      id = hash;
    }
    if (!anchorsIn(target.file).has(id)) broken.push({ from, link: ref, why: `no element with id "${id}" on ${target.file}` });
  }
}

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0])
    .filter(Boolean);
}

describe('links in the built site', () => {
  const pages = builtPages();

  it('finds the built site', () => {
    expect(pages.length, 'dist/ has no pages: run npm run build').toBeGreaterThan(0);
  });

  it('every internal link, asset and #anchor on every page resolves', () => {
    const broken: Broken[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const el of parsedPage(page.file).querySelectorAll('*')) {
        for (const attr of URL_ATTRIBUTES) {
          const value = el.getAttribute(attr);
          if (value === undefined) continue;
          // <base href>, microdata and <object data-*> aside, only link-like attributes matter.
          if (attr === 'data' && el.tagName !== 'OBJECT') continue;
          checked++;
          check(value, page.file, page.url, broken);
        }
        for (const u of srcsetUrls(el.getAttribute('srcset') ?? '')) {
          checked++;
          check(u, page.file, page.url, broken);
        }
      }
    }
    expect(checked).toBeGreaterThan(pages.length); // every page has at least its navigation
    expect(broken, report(broken)).toEqual([]);
  });

  it('sitemap, RSS and stylesheet references resolve', () => {
    const broken: Broken[] = [];
    for (const file of filesUnder()) {
      if (file.startsWith('search-index/')) continue;
      if (file.endsWith('.xml')) {
        const xml = readDist(file);
        for (const m of xml.matchAll(/<(loc|link)>([^<]+)<\/\1>/g)) check(m[2].replace(/&amp;/g, '&'), file, '/' + file, broken);
      } else if (file.endsWith('.css')) {
        const css = readDist(file);
        for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
          if (!m[2].startsWith('data:')) check(m[2], file, '/' + file, broken);
        }
      }
    }
    expect(broken, report(broken)).toEqual([]);
  });
});

function report(broken: Broken[]): string {
  const shown = broken.slice(0, 50).map((b) => `  ${b.from}: ${b.link} — ${b.why}`);
  return `${broken.length} broken link(s):\n${shown.join('\n')}${broken.length > 50 ? `\n  … and ${broken.length - 50} more` : ''}`;
}
