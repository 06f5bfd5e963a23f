/**
 * Builds the Pagefind search index into the output folder once Astro has written every page. Institution, group and
 * region pages (nearly all of the site at national size) are indexed from the short records the build wrote to
 * /search/records.json (src/lib/search-records.ts), not from their HTML: crawling 47,000 pages with their Han pair
 * tokens took Pagefind past 9 GB and 30 minutes. The other pages (documents, updates, guide, glossary, indicators,
 * lists) are indexed from a copy that carries the pair tokens search matches on (./index-html.ts); the pages on disk
 * stay as built. records.json is removed once indexed: it is build input, not part of the site.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { pageForIndex, recordForIndex } from './index-html';
import type { SearchRecord } from '../lib/search-records';
import { t } from '../i18n/zh-CN';

/** Where the build writes the search records (src/pages/search/records.json.ts). */
const RECORDS = 'search/records.json';

/** Directories: pages that list the site's groups, institutions and regions (their lists are not indexed). */
const DIRECTORIES = new Set(['/', '/groups/', '/institutions/', '/regions/', '/about/']);

/** Pages handed to Pagefind at once. */
const IN_FLIGHT = 8;

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

function htmlFiles(dir: string): string[] {
  // Sorted: Pagefind's output depends on the order pages are added, and readdir order differs between file systems.
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** "groups/x/index.html" → "/groups/x/", as the site serves it (trailingSlash: 'always'). */
function urlOf(site: string, file: string): string {
  const path = relative(site, file).split(sep).join('/');
  return '/' + path.replace(/(^|\/)index\.html$/, '$1');
}

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'yigongti-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
          if (!index) fail('createIndex', errors);
          const started = Date.now();
          const recordsFile = join(site, RECORDS);
          const records: SearchRecord[] = existsSync(recordsFile) ? JSON.parse(readFileSync(recordsFile, 'utf8')) : [];
          const byRecord = new Set(records.map((r) => r.url));
          const all = htmlFiles(site);
          const built = new Set(all.map((file) => urlOf(site, file)));
          const missing = records.filter((r) => !built.has(r.url)).map((r) => `no page for search record ${r.url}`);
          if (missing.length) fail('records', missing);
          // Pages a record stands for are not read at all; the rest are read and rewritten one by one.
          const files = all.filter((file) => !byRecord.has(urlOf(site, file)));
          // A few items in flight at once, so preparing the next one here overlaps Pagefind indexing the last one.
          let nextRecord = 0;
          let nextFile = 0;
          let htmlPages = 0;
          const worker = async () => {
            for (let record = records[nextRecord++]; record; record = records[nextRecord++]) {
              const added = await index.addCustomRecord(recordForIndex(record));
              if (added.errors.length) fail(`addCustomRecord ${record.url}`, added.errors);
            }
            for (let file = files[nextFile++]; file; file = files[nextFile++]) {
              const html = readFileSync(file, 'utf8');
              if (!html.includes('data-pagefind-body')) continue;
              const url = urlOf(site, file);
              const added = await index.addHTMLFile({ url, content: pageForIndex(html, t('site.name'), { directory: DIRECTORIES.has(url) }) });
              if (added.errors.length) fail(`addHTMLFile ${file}`, added.errors);
              htmlPages++;
            }
          };
          await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) fail('writeFiles', written.errors);
          rmSync(recordsFile, { force: true });
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          logger.info(`indexed ${records.length + htmlPages} pages in ${seconds} s (${records.length} from records, ${htmlPages} from HTML)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
