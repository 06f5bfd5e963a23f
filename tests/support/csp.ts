/**
 * The site under its own Content-Security-Policy, page by page (tests/browser/quality-csp.test.ts on one page of each
 * kind of what pages load, tests/sweep/ on more): served with the headers of src/publishing/site-files/_headers and
 * used the way a reader would (type into the finder or the search box), a page must (1) raise no CSP violation and
 * (2) end up showing the same thing as when served without headers, so a blocked script or style cannot pass
 * silently. Every page also carries the policy in a <meta http-equiv> (experimental.csp in astro.config.mjs), so the
 * run without headers is the site on a host that ignores _headers: it must raise no violation either.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'node-html-parser';
import { VIEWPORTS } from './browser';
import { siteBrowser } from './built-site';
import { serveSite, type SiteServer } from './server';
import { DIST, pageFamily, readDist, type BuiltPage } from './site-pages';
import { siteHeaders } from './security-headers';
import { openPage, scrollThrough, withTabs } from './page-pool';
import { recordLoad, type Load } from './page-loads';

/** What a reader types into a page's own search box (the finder on home, the search page). */
const QUERY = '资中';

interface Outcome {
  violations: string[];
  text: string;
  drawnCanvases: number;
  definedElements: number;
  /** For a page with its own search box: whether typing into it changed what the page shows. */
  reacted?: boolean;
}

/**
 * Waits until the main content has stopped changing: no chart still loading, no list still busy (search results), and
 * the text the same for 600 ms. Up to 20 s: the two loads of a page compared below must both have finished, and on a
 * loaded machine (load 9 on 2 cores in CI) a chart or the search index can take seconds, where a 6 s cap compared one
 * load finished with the other not.
 */
async function settled(page: Page): Promise<void> {
  let last = '';
  let stableSince = Date.now();
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    await page.waitForTimeout(100);
    const { text, busy } = await page.evaluate(() => ({
      text: document.querySelector('main')?.innerText ?? '',
      busy: !!document.querySelector('yg-chart[data-state="loading"], [aria-busy="true"]'),
    }));
    if (text !== last || busy) (last = text), (stableSince = Date.now());
    else if (Date.now() - stableSince >= 600) return;
  }
}

async function use(page: Page, base: string, url: string): Promise<Outcome> {
  const violations: string[] = [];
  const onConsole = (m: { text(): string }) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  };
  page.on('console', onConsole);
  try {
    await openPage(page, base + url);
    const box = page.locator('main input[type="search"], main input[type="text"]').first();
    const hasBox = (await box.count()) > 0;
    const before = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
    if (hasBox) {
      await box.focus();
      await box.pressSequentially(QUERY, { delay: 30 });
    }
    await scrollThrough(page);
    await settled(page);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __cspViolations: string[] };
      const canvases = [...document.querySelectorAll('canvas')].filter((c) => {
        const ctx = c.getContext('2d');
        if (!ctx || !c.width || !c.height) return false;
        return ctx.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);
      });
      const custom = [...document.querySelectorAll('*')].filter((el) => el.localName.includes('-') && customElements.get(el.localName));
      return {
        violations: w.__cspViolations ?? [],
        text: document.querySelector('main')?.innerText ?? '',
        drawnCanvases: canvases.length,
        definedElements: custom.length,
      };
    });
    return { ...seen, violations: [...violations, ...seen.violations], reacted: hasBox ? seen.text !== before : undefined };
  } finally {
    page.off('console', onConsole);
  }
}

/** Where two texts part, with a little context. */
function difference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const at = Math.max(0, i - 30);
  return `at character ${i}:\n      with:    …${a.slice(at, i + 80)}\n      without: …${b.slice(at, i + 80)}`;
}

/**
 * What a page loads and runs, as the policy sees it: its scripts, stylesheets, inline styles, custom elements and
 * anything it asks another host for. Two pages alike in these meet the policy alike.
 */
export function loadSignature(page: BuiltPage): string {
  const doc = parse(readDist(page.file));
  const scripts = doc.querySelectorAll('script').map((s) => s.getAttribute('src') ?? `inline ${s.getAttribute('type') ?? 'script'}`);
  const styles = doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href'));
  const inline = [doc.querySelectorAll('style').length > 0, doc.querySelectorAll('[style]').length > 0];
  const elements = new Set(doc.querySelectorAll('*').map((e) => e.tagName.toLowerCase()).filter((t) => t.includes('-')));
  const foreign = new Set(doc.querySelectorAll('[src], link[href]').map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '').filter((u) => /^(https?:)?\/\//.test(u)));
  return JSON.stringify([scripts.sort(), styles.sort(), inline, [...elements].sort(), [...foreign].sort()]);
}

/**
 * The pages' servers (with and without the policy's headers) and Chromium, and the check of `pages` under the policy.
 * With `measured`, the run without headers of each page is also measured for the JavaScript budgets
 * (tests/support/page-loads.ts: `recordLoad`) into `measured.loads`, and each of `measured.more` not among `pages` is
 * used once the same way, to be measured: one page load serves both checks.
 */
export function cspChecks(pages: BuiltPage[], measured?: { loads: Load[]; more: BuiltPage[] }): { readonly browser: Browser; readonly strict: SiteServer; readonly open: SiteServer } {
  const env = {} as { browser: Browser; strict: SiteServer; open: SiteServer };
  const problems: string[] = [];
  let drawn = 0;
  beforeAll(async () => {
    [env.browser, env.strict, env.open] = await Promise.all([siteBrowser(), serveSite(DIST, siteHeaders()), serveSite(DIST)]);
    const tried = new Set(pages.map((p) => p.url));
    const visits = [...pages.map((p) => ({ ...p, underPolicy: true })), ...(measured?.more ?? []).filter((p) => !tried.has(p.url)).map((p) => ({ ...p, underPolicy: false }))];
    const prepared = new WeakSet<Page>();
    await withTabs(env.browser, visits, { viewport: VIEWPORTS.phone }, async (page, { url, underPolicy }) => {
      if (!prepared.has(page)) {
        prepared.add(page);
        await page.addInitScript(() => {
          const w = window as unknown as { __cspViolations: string[] };
          w.__cspViolations = [];
          document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
        });
      }
      const withoutHeaders = async () => {
        if (!measured) return use(page, env.open.url, url);
        const { load, used } = await recordLoad(page, new URL(env.open.url).origin, url, () => use(page, env.open.url, url));
        measured.loads.push(load);
        return used;
      };
      if (!underPolicy) return void (await withoutHeaders());
      const withPolicy = await use(page, env.strict.url, url);
      const without = await withoutHeaders();
      for (const v of new Set(withPolicy.violations)) problems.push(`${url}: ${v}`);
      for (const v of new Set(without.violations)) problems.push(`${url} (no headers, <meta> policy only): ${v}`);
      if (withPolicy.text !== without.text) problems.push(`${url}: shows different text under the policy ${difference(withPolicy.text, without.text)}`);
      if (withPolicy.drawnCanvases !== without.drawnCanvases) problems.push(`${url}: ${withPolicy.drawnCanvases} chart(s) drawn under the policy, ${without.drawnCanvases} without`);
      // The finder (home) and search answer as you type; a plain form elsewhere (the 404 page's) does not.
      if (withPolicy.reacted === false && ['home', 'search'].includes(pageFamily(url))) problems.push(`${url}: typing "${QUERY}" into its search box changed nothing under the policy`);
      drawn += withPolicy.drawnCanvases;
      if (withPolicy.definedElements !== without.definedElements) problems.push(`${url}: ${withPolicy.definedElements} custom element(s) defined under the policy, ${without.definedElements} without`);
    });
    measured?.loads.sort((a, b) => a.url.localeCompare(b.url));
  }, 15 * 60_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.strict?.close();
    await env.open?.close();
  });
  it(`${pages.length} pages raise no CSP violation and behave as they do without the policy`, () => {
    expect(pages.some((p) => p.url === '/')).toBe(true);
    expect(problems, `${problems.length} problem(s) under the CSP:\n  ${problems.join('\n  ')}`).toEqual([]);
    // Not vacuous: where the site has chart pages, charts were drawn under the policy.
    if (pages.some((p) => /<yg-chart|<canvas/.test(readDist(p.file)))) expect(drawn, 'no chart was drawn').toBeGreaterThan(0);
    console.log(`CSP: ${pages.length} pages used under the policy, ${drawn} chart(s) drawn`);
  });

  return env;
}
