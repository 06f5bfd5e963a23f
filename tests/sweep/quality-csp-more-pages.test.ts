/**
 * The site under its Content-Security-Policy on more pages (`npm run test:full`, tests/support/csp.ts): one page of
 * each template, the sample pages and every page that draws a chart. `npm test` takes one page of each kind of what
 * pages load (tests/browser/quality-csp.test.ts).
 */
import { describe } from 'vitest';
import { builtPages, pageFamily, readDist, samplePages, templatePages } from '../support/site-pages';
import { cspChecks } from '../support/csp';

const all = builtPages();
const charts = all.filter((p) => pageFamily(p.url) === 'chart' && /<yg-chart|<canvas/.test(readDist(p.file)));
const pages = [...new Map([...all.filter((p) => pageFamily(p.url) !== 'text' && pageFamily(p.url) !== 'chart'), ...templatePages(all), ...samplePages(all), ...charts].map((p) => [p.url, p])).values()];

describe('the site under its Content-Security-Policy, more pages', () => {
  cspChecks(pages);
});
