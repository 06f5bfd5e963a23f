/**
 * The editor's list searched on the server (GET /api/entries with parameters): a staff member's browser gets one page
 * of what matches and how many match, never the whole country's entries. Expected values come from the project's data
 * files and from the whole list (GET /api/entries without parameters), not from the search itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleEntriesApi, type ApiContext } from '../../src/editor/api';
import { SEARCH_LIMIT_MAX } from '../../src/editor/api/entry-search';

let root: string;
interface Item {
  kind: string;
  id: string;
  label: string;
  regions: string[];
}
interface Page {
  matched: number;
  items: Item[];
  total: number;
  kinds: unknown[];
  counties: { id: string; kind: string }[];
}
let all: Item[];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'editor-search-'));
  for (const folder of ['data', 'content']) cpSync(folder, join(root, folder), { recursive: true });
  all = (await call('', '')).json.items;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function call(...params: string[]) {
  const query = new URLSearchParams(params.filter(Boolean).join('&'));
  const ctx: ApiContext = { method: 'GET', path: '/api/entries', query, body: null, user: null, root, onWrite: async () => {} };
  return handleEntriesApi(ctx) as Promise<{ status: number; json: any }>;
}
const page = async (...params: string[]) => {
  const answer = await call(...params);
  expect(answer.status).toBe(200);
  return answer.json as Page;
};

/** Institutions as the data files hold them. */
const institutions = () =>
  readdirSync('data/institutions')
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join('data/institutions', f), 'utf8')) as { id: string; name: string; region: string }[]);

describe('the editor list, a page at a time', () => {
  it('finds by characters of the name, counting every match but sending only the page asked for', async () => {
    const expected = institutions().filter((i) => i.name.includes('卫生院'));
    expect(expected.length).toBeGreaterThan(5);
    const found = await page('q=卫生院', 'kind=institutions', 'limit=5');
    expect(found.matched).toBe(expected.length);
    expect(found.items).toHaveLength(5);
    for (const item of found.items) {
      expect(item.kind).toBe('institutions');
      expect(expected.map((i) => i.id)).toContain(item.id);
    }
    expect(found.total).toBe(all.length);
    // The kinds and counties the first screen filters by come only when it asks for them.
    expect(found.counties).toBeUndefined();
    const screen = await page('limit=0', 'with=counties');
    expect(screen.items).toHaveLength(0);
    expect(screen.kinds.length).toBeGreaterThan(5);
    expect(screen.counties.length).toBeGreaterThan(3);
  });

  it('pages through the matches without losing or repeating one', async () => {
    const whole = await page('q=卫生院', 'limit=1000');
    const pages: Item[] = [];
    for (let offset = 0; offset < whole.matched; offset += 7) pages.push(...(await page('q=卫生院', `offset=${offset}`, 'limit=7')).items);
    expect(pages.map((i) => `${i.kind}:${i.id}`)).toEqual(whole.items.map((i) => `${i.kind}:${i.id}`));
  });

  it('finds by the pinyin initials of a name and by several words at once', async () => {
    const zizhong = all.filter((i) => i.kind === 'regions' && i.label.startsWith('资中'));
    expect(zizhong.length).toBeGreaterThan(0);
    const found = await page('q=zz', 'kind=regions', 'limit=1000');
    for (const region of zizhong) expect(found.items.map((i) => i.id)).toContain(region.id);
    // Two words: both must be found (the name of one institution of 资中 with its own place word).
    const expected = all.filter((i) => i.label.includes('资中') && i.label.includes('医院'));
    expect((await page('q=资中 医院', 'limit=1000')).items.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());
    expect((await page('q=资中　医院', 'limit=1000')).matched).toBe(expected.length);
  });

  it('keeps to a county when asked, and puts a county first for a picker without leaving the others out', async () => {
    const county = (await page('limit=0', 'with=counties')).counties.find((c) => c.kind === 'county' && all.some((i) => i.kind === 'institutions' && i.regions.includes(c.id)))!;
    const inCounty = all.filter((i) => i.kind === 'institutions' && i.regions.includes(county.id));
    const only = await page('kind=institutions', `county=${county.id}`, 'limit=1000');
    expect(only.items.map((i) => i.id)).toEqual(inCounty.map((i) => i.id));
    const near = await page('kind=institutions', `near=${county.id}`, 'limit=1000');
    const everyInstitution = all.filter((i) => i.kind === 'institutions');
    expect(near.matched).toBe(everyInstitution.length);
    expect(near.items.slice(0, inCounty.length).map((i) => i.id)).toEqual(inCounty.map((i) => i.id));
    expect(new Set(near.items.map((i) => i.id))).toEqual(new Set(everyInstitution.map((i) => i.id)));
  });

  it('names the entries a form holds, in its order, and leaves out a reference to no entry', async () => {
    const [a, b] = [all.find((i) => i.kind === 'groups')!, all.find((i) => i.kind === 'institutions')!];
    const named = await page(`ids=${b.kind}:${b.id},groups:no-such-group,${a.kind}:${a.id}`);
    expect(named.items.map((i) => i.label)).toEqual([b.label, a.label]);
    expect(named.matched).toBe(2);
  });

  it('never sends more than its most at once, and reads a malformed address as the defaults', async () => {
    const big = await page(`limit=${SEARCH_LIMIT_MAX * 100}`);
    expect(big.items.length).toBe(Math.min(SEARCH_LIMIT_MAX, all.length));
    for (const params of [['limit=-3'], ['offset=abc'], ['limit=1.5', 'offset=-1'], ['kind=,,,'], ['county=']]) {
      const answer = await page(...params);
      expect(answer.matched, params.join('&')).toBe(all.length);
      expect(answer.items.length).toBeLessThanOrEqual(60);
    }
  });
});
