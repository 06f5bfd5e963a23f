/**
 * Budgets read from the built files: text pages carry no script but /prefs.js, no page carries inline
 * event handlers or javascript: links, and a group page's HTML+CSS stays small. (JS bytes actually loaded per
 * kind of page are measured in the browser: tests/browser/quality-csp.test.ts, on the CSP check's page loads.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { DIST, builtPages, gzipSize, pageFamily, readDist } from '../support/site-pages';

const KB = 1024;
const GROUP_PAGE_HTML_CSS_GZIP = 30 * KB;
/** Script types the browser does not run. */
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

const pages = builtPages().map((p) => ({ ...p, root: parse(readDist(p.file), { comment: false }) }));

describe('budgets in the built files', () => {
  it('text pages ship no JavaScript other than /prefs.js', () => {
    const textPages = pages.filter((p) => pageFamily(p.url) === 'text');
    expect(textPages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const { url, root } of textPages) {
      for (const script of root.querySelectorAll('script')) {
        const src = script.getAttribute('src');
        if (src === '/prefs.js' || DATA_SCRIPT.test(script.getAttribute('type') ?? '')) continue;
        problems.push(`${url}: ${src ? `<script src="${src}">` : `inline <script> (${script.text.trim().slice(0, 60)}…)`}`);
      }
      for (const el of root.querySelectorAll('astro-island')) problems.push(`${url}: island ${el.getAttribute('component-url')}`);
      for (const el of root.querySelectorAll('link[rel="modulepreload"]')) problems.push(`${url}: modulepreload ${el.getAttribute('href')}`);
    }
    expect(problems, `${problems.length} script(s) on text pages:\n  ${problems.slice(0, 40).join('\n  ')}`).toEqual([]);
  });

  it('no page carries inline event handlers or javascript: links (they would need unsafe-inline)', () => {
    const problems: string[] = [];
    for (const { url, root } of pages) {
      for (const el of root.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          if (/^on[a-z]+$/i.test(name)) problems.push(`${url}: <${el.tagName.toLowerCase()} ${name}="${value.slice(0, 40)}">`);
          if (/^(href|src|action|formaction)$/i.test(name) && /^\s*javascript:/i.test(value)) problems.push(`${url}: ${name}="${value.slice(0, 40)}"`);
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('no page embeds anything from another host (scripts, styles, images, frames, fonts)', () => {
    const site = new URL(process.env.SITE_URL || 'http://localhost:4321').origin;
    const problems: string[] = [];
    const foreign = (value: string | undefined) => !!value && /^(https?:)?\/\//i.test(value.trim()) && new URL(value.trim(), site).origin !== site;
    for (const { url, root } of pages) {
      for (const el of root.querySelectorAll('script[src], img[src], iframe[src], audio[src], video[src], source[src], embed[src], object[data], input[src]')) {
        const value = el.getAttribute('src') ?? el.getAttribute('data');
        if (foreign(value)) problems.push(`${url}: <${el.tagName.toLowerCase()}> ${value}`);
      }
      for (const el of root.querySelectorAll('link[href]')) {
        const rel = (el.getAttribute('rel') ?? '').toLowerCase();
        // canonical/alternate name addresses; only links the browser fetches count.
        if (/stylesheet|icon|preload|modulepreload|prefetch|manifest|dns-prefetch|preconnect/.test(rel) && foreign(el.getAttribute('href'))) {
          problems.push(`${url}: <link rel="${rel}"> ${el.getAttribute('href')}`);
        }
      }
      for (const el of root.querySelectorAll('[srcset]')) {
        if (el.getAttribute('srcset')!.split(',').some((part) => foreign(part.trim().split(/\s+/)[0]))) problems.push(`${url}: srcset ${el.getAttribute('srcset')}`);
      }
    }
    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
  });

  it(`a group page's HTML and CSS together stay within ${GROUP_PAGE_HTML_CSS_GZIP / KB} KB gzip`, () => {
    const groupPages = pages.filter((p) => /^\/groups\/[^/]+\/$/.test(p.url));
    expect(groupPages.length, 'no group pages built').toBeGreaterThan(0);
    const cssSize = new Map<string, number>();
    const over: string[] = [];
    for (const { url, file, root } of groupPages) {
      let total = gzipSize(readFileSync(join(DIST, file)));
      for (const link of root.querySelectorAll('link[rel="stylesheet"]')) {
        const href = link.getAttribute('href')!;
        if (!cssSize.has(href)) cssSize.set(href, gzipSize(readFileSync(join(DIST, href.split(/[?#]/)[0]))));
        total += cssSize.get(href)!;
      }
      if (total > GROUP_PAGE_HTML_CSS_GZIP) over.push(`${url}: ${(total / KB).toFixed(1)} KB`);
    }
    expect(over, `group pages over budget:\n  ${over.join('\n  ')}`).toEqual([]);
  });
});
