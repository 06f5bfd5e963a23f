/** The built search index (src/search/shared/index-layout.ts) read from dist/, for tests that ask what it holds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DIST } from './site-pages';
import { INDEX_ENTRY, POSTING, shardOf, shardPath, type IndexEntry } from '../../src/search/shared/index-layout';

export function indexEntry(): IndexEntry {
  return JSON.parse(readFileSync(join(DIST, INDEX_ENTRY), 'utf8'));
}

const readGzipJson = <T>(path: string): T => JSON.parse(gunzipSync(readFileSync(join(DIST, path))).toString('utf8'));

/** The numbers of the pages holding a term, as its own list keeps them (exactly: no prefix matching). */
export function pagesWithTerm(term: string, entry = indexEntry()): number[] {
  const shard = readGzipJson<Record<string, number[] | number>>(shardPath(entry.version, shardOf(term, entry.shards)));
  const list = shard[term];
  const pages: number[] = [];
  if (!Array.isArray(list)) return pages;
  for (let i = 0, page = 0; i < list.length; i += POSTING) pages.push((page += list[i]));
  return pages;
}
