/**
 * Lighthouse (mobile preset) on the home page, a group, an indicator and search, served from dist/ the way a
 * production host serves it (gzip, the headers of src/publishing/site-files/_headers). Prints the four category scores.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveBuilt } from './serve';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseRow {
  page: string;
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that cost points, for the notes. */
  failing: string[];
}

/** The first page of a section, preferring one that contains `prefer`. */
function firstPage(dist: string, section: string, prefer?: RegExp): string | undefined {
  const dir = join(dist, section);
  if (!existsSync(dir)) return undefined;
  const ids = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
  const pick = (prefer && ids.find((id) => prefer.test(readFileSync(join(dir, id, 'index.html'), 'utf8')))) ?? ids[0];
  return pick && `/${section}/${pick}/`;
}

export async function runLighthouse(dist = resolve('dist')): Promise<LighthouseRow[]> {
  const pages: [string, string | undefined][] = [
    ['home', '/'],
    ['group', firstPage(dist, 'groups')],
    ['indicator', firstPage(dist, 'indicators', /<yg-chart|<canvas/)],
    ['search', existsSync(join(dist, 'search/index.html')) ? '/search/' : undefined],
  ];
  const server = await serveBuilt(dist);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const [page, path] of pages) {
      if (!path) {
        console.log(`  ${page}: no such page in dist/, skipped`);
        continue;
      }
      const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits } = result.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as LighthouseRow['scores'];
      const failing = Object.values(categories)
        .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0).map((ref) => audits[ref.id]))
        .filter((a) => a && a.score !== null && a.score < 1)
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      rows.push({ page, url: path, scores, failing });
      console.log(`  ${page.padEnd(9)} ${path.padEnd(40)} ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(' · ')}`);
      if (failing.length) console.log(`            not full marks: ${failing.join(', ')}`);
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  return rows;
}
