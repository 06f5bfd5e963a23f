/**
 * The site under its own Content-Security-Policy (tests/support/csp.ts): one page of each kind of what pages load
 * (scripts, stylesheets, inline styles, custom elements), the fullest page of each template first; every template
 * page, every sample page and every chart page in tests/sweep/quality-csp-more-pages.test.ts (npm run test:full).
 *
 * The same page loads measure the JavaScript budgets (tests/support/page-loads.ts): what each kind of page really loads
 * (gzip), and that no page asks another host for anything, on one page of each template (the fullest: for chart pages
 * the one with the most charts) and every home and search page. Each page is used without the policy's headers as a
 * reader would (scrolled to the end for lazy charts, a query typed into its search box), and that load is the one
 * measured; a page of the budgets' list that the CSP check does not try is loaded once, to be measured. Every home,
 * chart and search page and a sample of text pages in tests/sweep/quality-budgets-every-page.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { isEmbed, pageFamily, samplePages, templatePages, builtPages } from '../support/site-pages';
import { cspChecks, loadSignature } from '../support/csp';
import { loadChecks, reportLoads, type Load } from '../support/page-loads';
import { openTab } from '../support/page-pool';

/** Home and search (the pages a reader types into), then one page of each template, one page per signature. */
function pagesToTry() {
  const all = builtPages();
  const candidates = [...all.filter((p) => ['home', 'search'].includes(pageFamily(p.url))), ...templatePages(all), ...samplePages(all)];
  const bySignature = new Map(candidates.reverse().map((p) => [loadSignature(p), p]));
  return [...new Map([...bySignature.values()].map((p) => [p.url, p])).values()];
}

/** The pages whose loads the budgets check: one of each template, and every home and search page. */
function pagesToMeasure() {
  const all = builtPages();
  return [...templatePages(all), ...all.filter((p) => ['home', 'search'].includes(pageFamily(p.url)))];
}

const loads: Load[] = [];
const measured = pagesToMeasure();

describe('the site under its Content-Security-Policy', () => {
  const pages = pagesToTry();
  const env = cspChecks(pages, { loads, more: measured });

  it('tries an embed view and every page a reader types into', () => {
    expect(pages.some((p) => isEmbed(p.url))).toBe(true);
    for (const url of ['/', '/search/']) expect(pages.map((p) => p.url)).toContain(url);
  });

  it.each([
    ['with the headers of src/publishing/site-files/_headers', () => env.strict.url],
    ['by its <meta> alone, on a host that sends no headers', () => env.open.url],
  ])('the policy really is applied %s (an inline script is refused)', async (_, base) => {
    const { page, close } = await openTab(env.browser);
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(base() + '/');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    await close();
    expect(ran).toBe(false);
    expect(messages.some((m) => /Content Security Policy/.test(m))).toBe(true);
  });

  describe('what pages load in the browser (the JavaScript budgets)', () => {
    it(`measures every page of its list (${measured.length} pages) and every page tried under the policy`, () => {
      reportLoads(loads);
      const done = new Set(loads.map((l) => l.url));
      expect([...measured, ...pagesToTry()].map((p) => p.url).filter((url) => !done.has(url))).toEqual([]);
    });

    loadChecks(loads);
  });
});
