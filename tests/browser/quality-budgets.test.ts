/**
 * Budgets measured in Chromium (tests/support/page-loads.ts): the JavaScript each kind of page really loads (gzip),
 * and that no page asks another host for anything. Here one page of each template (the fullest: for chart pages the
 * one with the most charts), every home and search page and a sample of text pages; every page in tests/sweep/
 * (`npm run test:full`).
 */
import { pageFamily, samplePages, templatePages } from '../support/site-pages';
import { pageLoadChecks } from '../support/page-loads';

pageLoadChecks((all) => [
  ...templatePages(all),
  ...all.filter((p) => ['home', 'search'].includes(pageFamily(p.url))),
  ...samplePages(all).filter((p) => pageFamily(p.url) === 'text'),
]);
