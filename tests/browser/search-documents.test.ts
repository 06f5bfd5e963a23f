/**
 * The search documents (src/search/build/documents.ts) against the built site: the data/ of this project, its built
 * pages in dist/. The index is made from documents, never from the pages, so this holds the two to one meaning: every
 * page with a searchable area has a document and every document a page, under the page's own <title>, h1, kind and
 * region. Catches a template whose title or heading changes without its view's document.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/data/read-sources';
import { searchDocuments } from '../../src/search/build/documents';
import { t } from '../../src/i18n/zh-CN';
import { DIST, builtPages, readDist } from '../support/site-pages';

const documents = [...searchDocuments(loadDataset(process.cwd()))];
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const textOf = (html: string) => unescape(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
/** Letters and digits only: what a reader reads, whatever the markup, spacing and punctuation between. */
const letters = (text: string) => (text.match(/[\p{L}\p{N}]/gu) ?? []).join('');
/** Institution, group and region pages have short records of their words, not their text (src/search/build/records.ts). */
const isRecord = (path: string) => /^\/(institutions|groups|regions)\/[^/]+\/$/.test(path);

describe('search documents of the built site', () => {
  it('stand for exactly the pages with a searchable area, and nothing is left in dist/ for the index to read', () => {
    const searchable = builtPages()
      .filter((page) => readDist(page.file).includes('data-search-body'))
      .map((page) => page.url)
      .sort();
    expect(documents.map((d) => d.path).sort()).toEqual(searchable);
    expect(existsSync(join(DIST, 'search/records.json'))).toBe(false);
    expect(existsSync(join(DIST, 'search/lexicon.json'))).toBe(false);
  });

  it.each(documents.map((d) => [d.path, d.document] as const))("%s: title, name and filters are the page's", (path, document) => {
    const html = readDist(`${path.slice(1)}index.html`);
    expect(document.title).toBe(unescape(html.match(/<title>([^<]*)<\/title>/)![1]).replace(/ \| 医共体公开信息$/, ''));
    expect(document.name).toBe(textOf(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)![1]));
    const kind = html.match(/data-search-filter="kind" data-search-meta="kind">([^<]*)</)?.[1];
    expect(document.kind ? t(`search.kind.${document.kind}`) : undefined).toBe(kind);
    const region = html.match(/data-search-filter="region" data-search-meta="region">([^<]*)</)?.[1];
    expect(document.region).toBe(region && unescape(region));
  });

  it.each(documents.filter((d) => !isRecord(d.path)).map((d) => [d.path, d.document] as const))('%s: says only what the page shows', (path, document) => {
    const main = letters(unescape(readDist(`${path.slice(1)}index.html`).match(/<main[^>]*>([\s\S]*?)<\/main>/)![1].replace(/<[^>]+>/g, ' ')));
    const unseen = document.text.filter((block) => !main.includes(letters(block.text))).map((block) => block.text);
    expect(unseen).toEqual([]);
  });
});
