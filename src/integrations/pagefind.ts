/**
 * Builds the Pagefind search index into the output folder once Astro has written every page. Each page is indexed
 * from a copy that carries the Han pair tokens search matches on (./index-html.ts); the pages on disk stay as built.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { pageForIndex } from './index-html';
import { t } from '../i18n/zh-CN';

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
          // A few pages in flight at once, so preparing the next page here overlaps Pagefind indexing the last one.
          const files = htmlFiles(site);
          let next = 0;
          let pages = 0;
          const worker = async () => {
            for (let file = files[next++]; file; file = files[next++]) {
              const html = readFileSync(file, 'utf8');
              if (!html.includes('data-pagefind-body')) continue;
              const added = await index.addHTMLFile({ url: urlOf(site, file), content: pageForIndex(html, t('site.name')) });
              if (added.errors.length) fail(`addHTMLFile ${file}`, added.errors);
              pages++;
            }
          };
          await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) fail('writeFiles', written.errors);
          logger.info(`indexed ${pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
