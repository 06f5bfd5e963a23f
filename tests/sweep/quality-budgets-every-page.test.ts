/**
 * The full budget sweep (`npm run test:full`, tests/support/page-loads.ts): every home, chart and search page is
 * loaded, plus a sample of text pages (which load no JavaScript but /prefs.js, whatever their data). `npm test` loads
 * one page of each template (tests/browser/quality-csp.test.ts).
 */
import { pageFamily, samplePages } from '../support/site-pages';
import { pageLoadChecks } from '../support/page-loads';

pageLoadChecks((all) => [...all.filter((p) => pageFamily(p.url) !== 'text'), ...samplePages(all).filter((p) => pageFamily(p.url) === 'text')]);
