/**
 * The site works under its own Content-Security-Policy (tests/support/csp.ts): one page of each kind of what pages
 * load (scripts, stylesheets, inline styles, custom elements), the fullest page of each template first; every template
 * page, every sample page and every chart page in tests/sweep/quality-csp-more-pages.test.ts (npm run test:full).
 */
import { describe, expect, it } from 'vitest';
import { isEmbed, pageFamily, samplePages, templatePages, builtPages } from '../support/site-pages';
import { cspChecks, loadSignature } from '../support/csp';
import { openTab } from '../support/page-pool';

/** Home and search (the pages a reader types into), then one page of each template, one page per signature. */
function pagesToTry() {
  const all = builtPages();
  const candidates = [...all.filter((p) => ['home', 'search'].includes(pageFamily(p.url))), ...templatePages(all), ...samplePages(all)];
  const bySignature = new Map(candidates.reverse().map((p) => [loadSignature(p), p]));
  return [...new Map([...bySignature.values()].map((p) => [p.url, p])).values()];
}

describe('the site under its Content-Security-Policy', () => {
  const pages = pagesToTry();
  const env = cspChecks(pages);

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
});
