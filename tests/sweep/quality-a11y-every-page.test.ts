/**
 * The full accessibility sweep (`npm run test:full`): axe-core's WCAG 2.0/2.1/2.2 A and AA rules on every built page
 * at phone and desktop width. `npm test` runs the same check on one page of each template
 * (tests/browser/quality-a11y.test.ts); this catches what only some data brings out (a long name, an empty list).
 */
import { describe, expect, it } from 'vitest';
import { builtSiteInBrowser } from '../support/built-site';
import { builtPages } from '../support/site-pages';
import { axeAtBothWidths, report } from '../support/axe';

const env = builtSiteInBrowser();

describe('accessibility of every page (axe, WCAG 2.2 AA)', () => {
  it('every page has no violations at 390 px and at 1280 px', async () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(0);
    const findings = await axeAtBothWidths(env.browser, env.server.url, pages);
    expect(findings, report(findings)).toEqual([]);
  }, 30 * 60_000);
});
