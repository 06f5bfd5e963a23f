/**
 * The whole regression set (tests/support/search-queries.ts) through the search page's engine, in-process over the
 * built dist/ (tests/support/search-engine-node.ts: `fetch` answers from dist's files), so all 250 queries run in
 * seconds: the right page in the first three results, nothing for what the site does not cover, and every fresh
 * query's index files within what the 150 KiB budget leaves after the engine's scripts (search-budget.test.ts holds
 * those, in Chromium, for one query of each kind).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { engineOver, type NodeEngine } from '../support/search-engine-node';
import { DIST } from '../support/site-pages';
import { NOTHING_TO_FIND, SEARCH_REGRESSION } from '../support/search-queries';

const KIB = 1024;
/** Scripts and the index entry (search-budget.test.ts ENGINE_BUDGET) and, for Traditional input, the fold. */
const ENGINE = 30 * KIB;
const FOLD = 35 * KIB;
const FIRST_SEARCH = 150 * KIB;

let fresh: () => Promise<NodeEngine>;
beforeAll(async () => {
  ({ fresh } = await engineOver(DIST));
});

describe('the regression set', () => {
  it('has at least 200 queries, at least 30 that must find nothing, and three of every kind', () => {
    expect(SEARCH_REGRESSION.length).toBeGreaterThanOrEqual(200);
    expect(NOTHING_TO_FIND.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(SEARCH_REGRESSION.map((q) => q.kind));
    for (const kind of kinds) expect(SEARCH_REGRESSION.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    for (const kind of ['everyday indicator', 'sentence', 'typo', 'traditional', 'pinyin', 'multi-word', 'number', 'short name'] as const) expect(kinds.has(kind), kind).toBe(true);
  });
});

describe('the engine answers each query of the set on a fresh page', () => {
  it.each(SEARCH_REGRESSION)('$kind: $query → $page', async ({ query, page, kind, also }) => {
    const found = await (await fresh()).search(query);
    const wanted = [page, ...(also ?? [])];
    const first = found.urls.slice(0, 3);
    // A name mistyped by sound: its results (corrected), or at least the name offered.
    const offered = kind === 'homophone' ? found.suggestions.slice(0, 3) : [];
    expect([...first, ...offered].some((url) => wanted.includes(url)), `first: ${first.join(' ')} offered: ${offered.join(' ')}`).toBe(true);
    if (kind === 'typo') expect(found.corrected, 'a typo is corrected').toBeTruthy();
    const fold = /[\u3400-\u9fff]/u.test(query) && kind === 'traditional' ? FOLD : 0;
    expect(found.bytes, `${(found.bytes / KIB).toFixed(1)} KiB: ${found.fetched.join(' ')}`).toBeLessThanOrEqual(FIRST_SEARCH - ENGINE - fold);
  });

  it.each(NOTHING_TO_FIND)('finds nothing for %s', async (query) => {
    const found = await (await fresh()).search(query);
    expect(found.urls).toEqual([]);
    expect(found.corrected).toBeUndefined();
  });
});
