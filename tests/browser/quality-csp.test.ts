/**
 * The site works under its own Content-Security-Policy: pages are served with the headers of src/publishing/site-files/_headers,
 * used the way a reader would (type into the finder or the search box), and must (1) raise no CSP violation and
 * (2) end up showing the same thing as when served without headers — so a blocked script or style cannot pass
 * silently. Every page also carries the policy in a <meta http-equiv> (experimental.csp in astro.config.mjs), so
 * the run without headers is the site on a host that ignores _headers: it must raise no violation either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORTS } from '../support/browser';
import { siteBrowser } from '../support/built-site';
import { serveSite, type SiteServer } from '../support/server';
import { DIST, builtPages, pageFamily, readDist, samplePages, type BuiltPage } from '../support/site-pages';
import { siteHeaders } from '../support/security-headers';
import { openPage, scrollThrough, withTabs } from '../support/page-pool';

/** What a reader types into a page's own search box (the finder on home, the search page). */
const QUERY = '资中';

let browser: Browser;
let strict: SiteServer;
let open: SiteServer;

beforeAll(async () => {
  [browser, strict, open] = await Promise.all([siteBrowser(), serveSite(DIST, siteHeaders()), serveSite(DIST)]);
});
afterAll(async () => {
  await browser?.close();
  await strict?.close();
  await open?.close();
});

interface Outcome {
  violations: string[];
  text: string;
  drawnCanvases: number;
  definedElements: number;
  /** For a page with its own search box: whether typing into it changed what the page shows. */
  reacted?: boolean;
}

/** Waits until the main content has stopped changing. */
async function settled(page: Page): Promise<void> {
  let last = '';
  let stableSince = Date.now();
  const end = Date.now() + 6000;
  while (Date.now() < end) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
    if (now !== last) (last = now), (stableSince = Date.now());
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

function pagesToTry(): BuiltPage[] {
  const all = builtPages();
  const interactive = all.filter((p) => pageFamily(p.url) !== 'text');
  // Every home/search page, up to 5 pages that draw charts, and a sample of the rest.
  const chart = interactive.filter((p) => pageFamily(p.url) === 'chart' && /<yg-chart|<canvas/.test(readDist(p.file))).slice(0, 5);
  const picked = new Map([...interactive.filter((p) => pageFamily(p.url) !== 'chart'), ...chart, ...samplePages(all)].map((p) => [p.url, p]));
  return [...picked.values()];
}

describe('the site under its Content-Security-Policy', () => {
  it('pages raise no CSP violation and behave as they do without the policy', async () => {
    const pages = pagesToTry();
    expect(pages.some((p) => p.url === '/')).toBe(true);
    const problems: string[] = [];
    let drawn = 0;
    await withTabs(browser, pages, { viewport: VIEWPORTS.desktop }, async (page, { url }) => {
      await page.addInitScript(() => {
        const w = window as unknown as { __cspViolations: string[] };
        w.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
      });
      const withPolicy = await use(page, strict.url, url);
      const without = await use(page, open.url, url);
      for (const v of new Set(withPolicy.violations)) problems.push(`${url}: ${v}`);
      for (const v of new Set(without.violations)) problems.push(`${url} (no headers, <meta> policy only): ${v}`);
      if (withPolicy.text !== without.text) problems.push(`${url}: shows different text under the policy ${difference(withPolicy.text, without.text)}`);
      if (withPolicy.drawnCanvases !== without.drawnCanvases) problems.push(`${url}: ${withPolicy.drawnCanvases} chart(s) drawn under the policy, ${without.drawnCanvases} without`);
      // The finder (home) and search answer as you type; a plain form elsewhere (the 404 page's) does not.
      if (withPolicy.reacted === false && ['home', 'search'].includes(pageFamily(url))) problems.push(`${url}: typing "${QUERY}" into its search box changed nothing under the policy`);
      drawn += withPolicy.drawnCanvases;
      if (withPolicy.definedElements !== without.definedElements) problems.push(`${url}: ${withPolicy.definedElements} custom element(s) defined under the policy, ${without.definedElements} without`);
    });
    expect(problems, `${problems.length} problem(s) under the CSP:\n  ${problems.join('\n  ')}`).toEqual([]);
    // Not vacuous: where the site has chart pages, charts were drawn under the policy.
    if (pages.some((p) => /<yg-chart|<canvas/.test(readDist(p.file)))) expect(drawn, 'no chart was drawn').toBeGreaterThan(0);
    console.log(`CSP: ${pages.length} pages used under the policy, ${drawn} chart(s) drawn`);
  }, 10 * 60_000);

  it.each([
    ['with the headers of src/publishing/site-files/_headers', () => strict.url],
    ['by its <meta> alone, on a host that sends no headers', () => open.url],
  ])('the policy really is applied %s (an inline script is refused)', async (_, base) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(base() + '/');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    await context.close();
    expect(ran).toBe(false);
    expect(messages.some((m) => /Content Security Policy/.test(m))).toBe(true);
  });
});
