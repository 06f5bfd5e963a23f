/**
 * Budgets measured in Chromium (tests/support/page-loads.ts): the JavaScript each kind of page really loads (gzip),
 * and that no page asks another host for anything. Here one page of each template (the fullest: for chart pages the
 * one with the most charts) and every home and search page; every home, chart and search page and a sample of text
 * pages in tests/sweep/ (`npm run test:full`).
 */
import { pageFamily, templatePages } from '../support/site-pages';
import { pageLoadChecks } from '../support/page-loads';

pageLoadChecks((all) => [...templatePages(all), ...all.filter((p) => ['home', 'search'].includes(pageFamily(p.url)))]);
