/**
 * The site's search index end to end: a small site's search documents, indexed into a temporary folder by the build
 * step (src/search/build/integration.ts) and read back by the search page's reader (src/search/browser/index-reader.ts)
 * with `fetch` reading the folder.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { writeSearchIndex, type IndexState } from '../../src/search/build/integration';
import { indexDoc } from '../../src/search/build/index-doc';
import { STORED_TEXT } from '../../src/search/build/index-doc';
import type { PathDocument, SearchDocument } from '../../src/search/build/documents';
import type { ResultKind } from '../../src/search/shared/kinds';
import { gunzipText, openIndex, type SearchIndex } from '../../src/search/browser/index-reader';
import { createEngine } from '../../src/search/browser/engine';
import { INDEX_DIR, INDEX_ENTRY, PREFIX_LENGTH, nameKey, pagePath, shardOf, shardPath, type IndexEntry } from '../../src/search/shared/index-layout';
import { pairToken } from '../../src/search/shared/tokens';
import { MadeTerms, SearchCache, readSearchCache, type CachedPage } from '../../src/search/build/cache';
import { RUN, RUN_SPAN, pageNumbers } from '../../src/search/build/page-numbers';

/** A page's search document (src/search/build/documents.ts) of a title, an h1 and paragraphs, with its filters. */
function pageDoc(title: string, h1: string | undefined, paragraphs: string[], filters: { kind?: ResultKind; region?: string } = {}): SearchDocument {
  return {
    title,
    ...filters,
    name: h1 ?? '',
    text: [...(h1 ? [{ text: h1, weight: 7 }] : []), ...paragraphs.map((text) => ({ text }))],
  };
}

/** A site: each page's path and its search document (a page with none is built but not indexed). */
type Site = Record<string, SearchDocument | null>;

/** The small site. */
const PAGES: Site = {
  // The home page, a directory: its prose only (its list is not indexed).
  '/': pageDoc('首页', '医共体公开信息', ['本站整理各地公开信息。']),
  '/guide/referral/': pageDoc('双向转诊', '双向转诊', ['县里的规定在此说明。'], { kind: 'guide', region: '孟津县' }),
  '/guide/other/': pageDoc('看病须知', '看病须知', ['实行双向转诊的规定。'], { kind: 'guide', region: '资中县' }),
  '/documents/plan/': pageDoc('孟津县方案', '孟津县方案', ['全县推行双向转诊。'], { kind: 'document', region: '孟津县' }),
  '/documents/apart/': pageDoc('转院说明', '转院说明', ['可以转', '诊疗另行安排。'], { kind: 'document' }),
  '/updates/a/': pageDoc('动态甲', '动态甲', ['mengjin 消息'], { kind: 'update' }),
  '/updates/b/': pageDoc('动态乙', '动态乙', ['mengjinxian 消息'], { kind: 'update' }),
  '/updates/c/': pageDoc('动态丙', '动态丙', ['DR 检查'], { kind: 'update' }),
  '/updates/d/': pageDoc('动态丁', '动态丁', ['DRG 付费'], { kind: 'update' }),
  '/search/': null,
};

/** An institution page's short document (src/search/build/records.ts). */
const RECORD_PATH = '/institutions/matun/';
const RECORD: SearchDocument = {
  title: '麻屯镇卫生院 · 孟津县',
  kind: 'institution',
  region: '孟津县',
  name: '麻屯镇卫生院',
  aliases: ['麻屯卫生院'],
  spelled: ['matunzhenweishengyuan'],
  text: [{ text: '麻屯镇卫生院（乡镇卫生院）河南省洛阳市孟津县。开展双向转诊' }],
};

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Builds a site's pages into a new temporary folder; returns the folder and the documents to index. */
function writeSite(site: Site, records: [string, SearchDocument][] = []): { dir: string; documents: PathDocument[] } {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  roots.push(dir);
  const documents: PathDocument[] = [];
  for (const [path, document] of [...records, ...Object.entries(site)]) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), '<!doctype html><title>页</title>');
    if (document) documents.push({ path, document });
  }
  return { dir, documents };
}

/** Indexes a site written by writeSite; returns its folder. */
function indexed(written: { dir: string; documents: PathDocument[] }, options: { longestList?: number } = {}): string {
  writeSearchIndex(written.dir, written.documents, options);
  return written.dir;
}

const entryOf = (dir: string): IndexEntry => JSON.parse(readFileSync(join(dir, INDEX_ENTRY), 'utf8'));

/** Folders whose index `fetch` serves; the entry comes from the last one opened, versioned files from any. */
const served: string[] = [];

/** The index of a folder as the search page opens it, with `fetch` reading the folder. */
async function open(dir: string): Promise<SearchIndex> {
  served.unshift(dir);
  return openIndex();
}

beforeAll(() => {
  vi.stubGlobal('fetch', async (path: string) => {
    const dirs = path === INDEX_ENTRY ? served.slice(0, 1) : served;
    const file = dirs.map((dir) => join(dir, path)).find((f) => existsSync(f) && statSync(f).isFile());
    return file ? new Response(readFileSync(file)) : new Response('not found', { status: 404 });
  });
});

afterAll(() => {
  vi.unstubAllGlobals();
});

const pair = (a: string, b: string) => pairToken(a, b)!;

describe('the search index of a small site', () => {
  let dir: string;
  let counts: { pages: number };
  let index: SearchIndex;
  /** The urls of some results, in order. */
  const urls = (results: { id: string }[]) => Promise.all(results.map(async (r) => (await index.page(r.id)).url));

  beforeAll(async () => {
    const written = writeSite(PAGES, [[RECORD_PATH, RECORD]]);
    dir = written.dir;
    counts = writeSearchIndex(dir, written.documents);
    index = await open(dir);
  });

  it('indexes every page with a search document, once each', () => {
    expect(counts).toMatchObject({ pages: Object.values(PAGES).filter(Boolean).length + 1 });
    expect(index.entry.pages).toBe(counts.pages);
  });

  it('finds by a pair exactly the pages holding it', async () => {
    const { results, unfilteredResultCount } = await index.search(pair('转', '诊'));
    // Not the page where 转 and 诊 end and start two blocks, nor the page without a document, nor the home page,
    // whose list is not indexed.
    expect((await urls(results)).sort()).toEqual(['/documents/plan/', '/guide/other/', '/guide/referral/', '/institutions/matun/']);
    expect(unfilteredResultCount).toBe(4);
    expect((await index.search(pair('无', '此'))).results).toEqual([]);
  });

  it('counts the pages holding a term before the filters, which narrow the results', async () => {
    const term = pair('转', '诊');
    const byKind = await index.search(term, { kind: '指南' });
    expect((await urls(byKind.results)).sort()).toEqual(['/guide/other/', '/guide/referral/']);
    expect(byKind.unfilteredResultCount).toBe(4);
    const byRegion = await index.search(term, { region: '孟津县' });
    expect((await urls(byRegion.results)).sort()).toEqual(['/documents/plan/', '/guide/referral/', '/institutions/matun/']);
    const both = await index.search(term, { kind: '指南', region: '孟津县' });
    expect(await urls(both.results)).toEqual(['/guide/referral/']);
    expect(both.unfilteredResultCount).toBe(4);
    // A value no page has matches nothing (not the pages without a value).
    expect((await index.search(pair('公', '开'))).results).toHaveLength(1);
    expect((await index.search(pair('公', '开'), { kind: '无此类' })).results).toEqual([]);
    expect((await index.search(pair('消', '息'))).results).toHaveLength(2);
    expect((await index.search(pair('消', '息'), { region: '无此地' })).results).toEqual([]);
  });

  it('ranks a page named by the term above one that only mentions it', async () => {
    const { results } = await index.search(pair('转', '诊'), { kind: '指南' });
    expect(await urls(results)).toEqual(['/guide/referral/', '/guide/other/']);
    expect(results[0].score).toBeGreaterThan(results[1].score);
  });

  it('finds longer Latin words by their start, the exact word first', async () => {
    expect('mengjin'.length).toBeGreaterThanOrEqual(PREFIX_LENGTH);
    const { results } = await index.search('mengjin');
    expect(await urls(results)).toEqual(['/updates/a/', '/updates/b/']);
    expect(results[0].score).toBeGreaterThan(results[1].score);
    expect(await urls((await index.search('MENG')).results)).toEqual(['/updates/a/', '/updates/b/']);
    expect(await urls((await index.search('mengjinxian')).results)).toEqual(['/updates/b/']);
    // Pinyin of a record's name, by its start.
    expect(await urls((await index.search('matun')).results)).toEqual(['/institutions/matun/']);
  });

  it('matches shorter Latin words only whole', async () => {
    expect(await urls((await index.search('dr')).results)).toEqual(['/updates/c/']);
    expect(await urls((await index.search('DRG')).results)).toEqual(['/updates/d/']);
    expect((await index.search('me')).results).toEqual([]);
  });

  it("gives a result's url, title and text, and no index terms", async () => {
    const [hit] = (await index.search(pair('方', '案'))).results;
    const page = await index.page(hit.id);
    expect(page).toEqual({ url: '/documents/plan/', title: '孟津县方案', kind: '文件', region: '孟津县', text: '孟津县方案 全县推行双向转诊。' });
    const [record] = (await index.search(pair('麻', '屯'))).results;
    const recordPage = await index.page(record.id);
    expect(recordPage).toMatchObject({ url: RECORD_PATH, title: RECORD.title, text: RECORD.text[0].text });
    expect(recordPage.hidden).toContain('麻屯卫生院');
    expect(JSON.stringify(recordPage)).not.toMatch(/yq[0-9a-z]{6}/);
    // Its document is all search knows of a page: the page's own HTML is not read.
    expect((await index.search('页')).results).toEqual([]);
  });

  it('finds a page by its whole name: a heading, a record\'s name or alias, however spaced', async () => {
    const url = async (ids: string[]) => Promise.all(ids.map(async (id) => (await index.page(id)).url));
    expect(await url(await index.named('孟津县方案'))).toEqual(['/documents/plan/']);
    expect(await url(await index.named('麻屯镇卫生院'))).toEqual([RECORD_PATH]);
    expect(await url(await index.named(' 麻屯 卫生院 '))).toEqual([RECORD_PATH]);
    // Not by a part of a name.
    expect(await index.named('麻屯镇')).toEqual([]);
  });

  it('counts the pages of each kind and region', () => {
    // Hand-counted from PAGES and RECORD: pages without a value not at all.
    expect(index.entry.filters).toEqual({ kind: { 机构: 1, 指南: 2, 文件: 2, 动态: 4 }, region: { 孟津县: 3, 资中县: 1 } });
    expect([...index.entry.kinds].sort()).toEqual(Object.keys(index.entry.filters.kind).sort());
    expect([...index.entry.regions].sort()).toEqual(Object.keys(index.entry.filters.region).sort());
  });

  it('keeps one version folder, and leaves nothing beside it', () => {
    expect(readdirSync(join(dir, INDEX_DIR))).toEqual([index.entry.version]);
    expect(readdirSync(dir).filter((name) => name.startsWith('search-index'))).toEqual(['search-index', 'search-index.json']);
  });
});

describe('a term on more pages than a list keeps', () => {
  // Twelve pages say 转诊: three in their heading (the best), nine in a paragraph; half in each county and kind.
  const LONGEST = 3;
  const files: Site = {};
  for (let n = 0; n < 12; n++) {
    const region = n % 2 ? '资中县' : '孟津县';
    const kind = n % 3 ? 'document' : 'guide';
    files[`/documents/d${n}/`] =
      n < 3 ? pageDoc(`第${n}页`, `转诊说明${n}`, [`第${n}页。`], { kind, region }) : pageDoc(`第${n}页`, `第${n}页`, [`这里也讲转诊和别的事情，篇幅更长一些。${n === 11 ? '麻屯转诊点设在镇上。' : ''}`], { kind, region });
  }
  let index: SearchIndex;
  const urls = (results: { id: string }[]) => Promise.all(results.map(async (r) => (await index.page(r.id)).url));
  const expected = (keep: (n: number) => boolean) => [...Array(12).keys()].filter(keep).map((n) => `/documents/d${n}/`).sort();

  beforeAll(async () => {
    index = await open(indexed(writeSite(files), { longestList: LONGEST }));
  });

  it('keeps its best pages and counts them all', async () => {
    const found = await index.search(pair('转', '诊'));
    expect(found.complete).toBe(false);
    expect(found.unfilteredResultCount).toBe(12);
    expect((await urls(found.results)).sort()).toEqual(expected((n) => n < 3));
  });

  it('gives every page of a region under a region filter', async () => {
    const found = await index.search(pair('转', '诊'), { region: '资中县' });
    expect(found.complete).toBe(true);
    expect((await urls(found.results)).sort()).toEqual(expected((n) => n % 2 === 1));
    const both = await index.search(pair('转', '诊'), { region: '孟津县', kind: '文件' });
    expect((await urls(both.results)).sort()).toEqual(expected((n) => n % 2 === 0 && n % 3 !== 0));
  });

  it('gives the best pages of a kind under a kind filter', async () => {
    const found = await index.search(pair('转', '诊'), { kind: '指南' });
    const guides = expected((n) => n % 3 === 0);
    const got = await urls(found.results);
    expect(got.length).toBe(Math.min(LONGEST, guides.length));
    expect(got.every((url) => guides.includes(url))).toBe(true);
  });

  it('still lets a search find a page outside the kept list by a rarer word beside it', async () => {
    const engine = await createEngine();
    const outcome = await engine.search('麻屯转诊', {});
    const found = await Promise.all(outcome.pages.map(async (p) => (await p.load()).url));
    expect(found).toEqual(['/documents/d11/']);
  });

  it('lists it in the entry with its count (a pair, not a lone character), so a query with a rarer term need not fetch it', () => {
    expect(index.entry.common[pair('转', '诊')]).toBe(12);
    expect(index.entry.common).not.toHaveProperty('转');
    expect(index.entry.common).not.toHaveProperty(pair('麻', '屯'));
  });

  it('finds the same pages without fetching it as with it', async () => {
    const queries = ['麻屯转诊', '转诊说明', '第3页转诊', '转诊甲乙', '转诊'];
    const found = async () => {
      const engine = await createEngine();
      return Promise.all(queries.map(async (q) => (await Promise.all((await engine.search(q, {})).pages.map(async (p) => (await p.load()).url))).sort()));
    };
    const skipping = await found();
    // The same index with no common terms listed: every term's list is fetched.
    const bare = writeSite({}).dir;
    writeFileSync(join(bare, INDEX_ENTRY), JSON.stringify({ ...index.entry, common: {} }));
    served.unshift(bare);
    try {
      expect(await found()).toEqual(skipping);
    } finally {
      served.shift();
    }
    expect(skipping[0]).toEqual(['/documents/d11/']);
    expect(skipping[1]).toEqual(expected((n) => n < 3));
  });

  it('keeps a search for the common word alone to pages that hold it', async () => {
    const engine = await createEngine();
    const outcome = await engine.search('转诊', {});
    const found = await Promise.all(outcome.pages.map(async (p) => (await p.load()).url));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((url) => expected(() => true).includes(url))).toBe(true);
  });
});

describe('a very long page', () => {
  const filler = '医共体建设持续推进，'.repeat(Math.ceil(STORED_TEXT / 10) + 100);
  const late = '县域医疗卫生次中心';
  let dir: string;

  beforeAll(async () => {
    dir = indexed(writeSite({ ...PAGES, '/documents/long/': pageDoc('长文件', '长文件', [filler, `最后说到${late}。`], { kind: 'document' }) }));
    await open(dir);
  });

  it('keeps only the start of its text in its result file, and says so', async () => {
    const index = await open(dir);
    const { results } = await index.search(pair('次', '中'));
    const page = await index.page(results[0].id);
    expect(page.url).toBe('/documents/long/');
    expect(page.cut).toBe(true);
    expect(page.text.length).toBeLessThanOrEqual(STORED_TEXT);
    expect(page.text).not.toContain(late);
    // A page of ordinary length keeps its whole text.
    const plan = await index.page((await index.search(pair('方', '案'))).results[0].id);
    expect(plan.cut).toBeUndefined();
    expect(plan.text).toContain('全县推行双向转诊');
  });

  it('is still found by a long word past the cut', async () => {
    await open(dir);
    const engine = await createEngine();
    const outcome = await engine.search(late, {});
    const found = await Promise.all(outcome.pages.map(async (p) => (await p.load()).url));
    expect(found).toEqual(['/documents/long/']);
  });
});

describe('writing the search index', () => {
  it('refuses a document whose page is missing, and leaves the site and its index as they were', () => {
    const written = writeSite(PAGES, [[RECORD_PATH, RECORD]]);
    const dir = indexed(written);
    const before = readFileSync(join(dir, INDEX_ENTRY), 'utf8');
    expect(() => writeSearchIndex(dir, [...written.documents, { path: '/institutions/gone/', document: RECORD }])).toThrow(/\/institutions\/gone\//);
    expect(readFileSync(join(dir, INDEX_ENTRY), 'utf8')).toBe(before);
    expect(readdirSync(join(dir, INDEX_DIR))).toEqual([JSON.parse(before).version]);
    expect(readdirSync(dir).filter((name) => name.startsWith('search-index'))).toEqual(['search-index', 'search-index.json']);
  });

  it('names the same input with the same version and changed text with another', () => {
    const written = writeSite(PAGES, [[RECORD_PATH, RECORD]]);
    const first = indexed(written);
    const second = indexed(writeSite(PAGES, [[RECORD_PATH, RECORD]]));
    expect(entryOf(first)).toEqual(entryOf(second));
    // Again in the same folder: the same version, the old folder replaced.
    writeSearchIndex(first, written.documents);
    expect(entryOf(first).version).toBe(entryOf(second).version);
    expect(readdirSync(join(first, INDEX_DIR))).toEqual([entryOf(first).version]);

    const changedPage = indexed(writeSite({ ...PAGES, '/guide/other/': pageDoc('看病须知', '看病须知', ['实行双向转诊的办法。'], { kind: 'guide', region: '资中县' }) }, [[RECORD_PATH, RECORD]]));
    expect(entryOf(changedPage).version).not.toBe(entryOf(first).version);
    const changedRecord = indexed(writeSite(PAGES, [[RECORD_PATH, { ...RECORD, text: [...RECORD.text, { text: '新增一行' }] }]]));
    expect(entryOf(changedRecord).version).not.toBe(entryOf(first).version);
  });

  it('spreads more postings over more shards, each of them small', async () => {
    const small = indexed(writeSite(PAGES, [[RECORD_PATH, RECORD]]));
    expect(entryOf(small).shards).toBe(1);

    // Many pages of varied text: tens of thousands of postings.
    const chars = [...'医疗卫生共同体县镇村乡院所站室中心人民妇幼保健疾病预防控制药品耗材采购医保支付总额结余留用双向转诊上下远程会诊心电影像检验病理消毒供应信息平台家庭签约服务团队慢病管理高血压糖尿病随访健康教育'];
    const texts: string[] = [];
    for (let i = 0; i < 400; i++) {
      let text = '';
      for (let k = 0; k < 40; k++) text += chars[(i * 7 + k * k * 13 + k * i) % chars.length];
      texts.push(text);
    }
    const site = (n: number): Site => Object.fromEntries(texts.slice(0, n).map((text, i) => [`/pages/p${i}/`, pageDoc(`页${i}`, `第${i}页`, [text], { kind: 'guide' })]));
    const fewer = indexed(writeSite(site(100)));
    const many = site(400);
    const large = indexed(writeSite(many));
    const entry = entryOf(large);
    expect(entry.pages).toBe(400);
    expect(entryOf(fewer).shards).toBeGreaterThan(1);
    expect(entry.shards).toBeGreaterThan(entryOf(fewer).shards);
    expect(Number.isInteger(Math.log2(entry.shards))).toBe(true);
    // A few KB each (about 4 KB gzip is the aim), and none much larger than the rest.
    const sizes = Array.from({ length: entry.shards }, (_, n) => statSync(join(large, shardPath(entry.version, n))).size);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    for (const size of sizes) {
      expect(size).toBeLessThan(8_000);
      expect(size).toBeLessThan(2 * mean);
    }
    // The reader finds a pair in the shard it hashes to, on exactly the pages holding it.
    const [a, b] = [...texts[0]];
    const holding = Object.keys(many).filter((_, i) => texts[i].includes(a + b));
    const index = await open(large);
    const { results, unfilteredResultCount } = await index.search(pair(a, b));
    expect(unfilteredResultCount).toBe(holding.length);
    expect((await Promise.all(results.map(async (r) => (await index.page(r.id)).url))).sort()).toEqual(holding.sort());
  });
});

describe('which shard a term is in', () => {
  const terms = ['医', pair('转', '诊'), pair('麻', '屯'), 'mengjin', 'drg', '105423', 'ynw10d5', 'a'];

  it('is the same every time and within the shard count', () => {
    for (const shards of [1, 2, 8, 64, 128]) {
      for (const term of terms) {
        const n = shardOf(term, shards);
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThan(shards);
        expect(shardOf(term, shards)).toBe(n);
      }
    }
    expect(shardOf(pair('转', '诊'), 1)).toBe(0);
  });

  it('puts Latin words sharing a start together, and spreads other terms', () => {
    expect(shardOf('mengjinxian', 128)).toBe(shardOf('mengjin', 128));
    expect(shardOf('meng', 128)).toBe(shardOf('mengjin', 128));
    const spread = new Set([...'医疗卫生共同体县镇村乡院所站室中心人民妇幼保健'].map((ch) => shardOf(ch, 64)));
    expect(spread.size).toBeGreaterThan(8);
  });
});

describe('reading an index file', () => {
  const text = JSON.stringify({ 医共体: [1, 2, 3, 4], title: '孟津县人民医院' });
  const bytes = (buffer: Uint8Array) => buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;

  it('inflates it with the browser\'s DecompressionStream', async () => {
    expect(typeof DecompressionStream).toBe('function');
    expect(await gunzipText(bytes(gzipSync(text)))).toBe(text);
  });

  it('inflates it the same in a browser without DecompressionStream (fflate)', async () => {
    const native = globalThis.DecompressionStream;
    // @ts-expect-error: a browser that lacks it
    delete globalThis.DecompressionStream;
    try {
      expect(typeof DecompressionStream).toBe('undefined');
      expect(await gunzipText(bytes(gzipSync(text)))).toBe(text);
    } finally {
      globalThis.DecompressionStream = native;
    }
  });

  it('passes through bytes a host already inflated', async () => {
    expect(await gunzipText(bytes(new TextEncoder().encode(text)))).toBe(text);
  });
});

describe('an index written again after a change: page numbers (src/search/build/page-numbers.ts)', () => {
  const changedPath = '/guide/other/';
  const changed = pageDoc('看病须知', '看病须知', ['实行分级诊疗的规定。'], { kind: 'guide', region: '资中县' });
  const removed = '/updates/c/';
  const added = '/updates/e/';
  const addedDoc = pageDoc('动态戊', '动态戊', ['新建胸痛中心'], { kind: 'update' });
  let before: { dir: string; state: IndexState; entry: IndexEntry; paths: string[] };
  let after: { dir: string; state: IndexState; entry: IndexEntry; paths: string[] };

  beforeAll(() => {
    const first = writeSite(PAGES, [[RECORD_PATH, RECORD]]);
    const { state } = writeSearchIndex(first.dir, first.documents);
    before = { dir: first.dir, state, entry: entryOf(first.dir), paths: first.documents.map((d) => d.path) };
    const next = writeSite({ ...PAGES, [changedPath]: changed, [removed]: null, [added]: addedDoc }, [[RECORD_PATH, RECORD]]);
    const written = writeSearchIndex(next.dir, next.documents);
    after = { dir: next.dir, state: written.state, entry: entryOf(next.dir), paths: next.documents.map((d) => d.path) };
  });

  const file = (side: { dir: string }, path: string) => readFileSync(join(side.dir, path));
  const pageFile = (side: { dir: string; entry: IndexEntry }, n: number) => file(side, pagePath(side.entry.version, n));
  const numberOf = (side: { state: IndexState }, path: string) => side.state.paths.indexOf(path);

  it('numbers pages in the order of their documents, each once, and counts the pages, not the numbers', () => {
    const numbers = before.paths.map((path) => numberOf(before, path));
    expect(numbers.every((n, i) => n >= 0 && (i === 0 || n > numbers[i - 1]))).toBe(true);
    expect(before.entry.pages).toBe(before.paths.length);
    expect(after.entry.pages).toBe(after.paths.length);
  });

  it("numbers a page by the pages alone: a page's number is the one a first index of the same pages gives it", () => {
    const again = writeSite({ ...PAGES, [changedPath]: changed, [removed]: null, [added]: addedDoc }, [[RECORD_PATH, RECORD]]);
    expect(writeSearchIndex(again.dir, again.documents).state.paths).toEqual(after.state.paths);
  });

  it("keeps an unchanged page's result file byte for byte where its number stands", () => {
    let kept = 0;
    for (const path of before.paths) {
      if (path === changedPath || path === removed || numberOf(after, path) !== numberOf(before, path)) continue;
      expect(pageFile(after, numberOf(after, path)).equals(pageFile(before, numberOf(before, path))), path).toBe(true);
      kept++;
    }
    // The pages before the removed one keep their numbers.
    expect(kept).toBeGreaterThanOrEqual(before.paths.indexOf(removed) - 1);
  });

  it('finds the changed and new pages by their new words, and the removed page no more', async () => {
    const index = await open(after.dir);
    const urlsOf = async (term: string) => Promise.all((await index.search(term)).results.map(async (r) => (await index.page(r.id)).url));
    expect(await urlsOf(pairToken('分', '级')!)).toEqual([changedPath]);
    expect(await urlsOf(pairToken('胸', '痛')!)).toEqual([added]);
    expect(await urlsOf('dr')).toEqual([]);
    expect((await urlsOf(pairToken('双', '向')!)).sort()).toEqual(['/documents/plan/', '/guide/referral/', RECORD_PATH].sort());
  });

  it('renumbers, for a page removed, only pages after it in its run, never those of later runs', () => {
    const paths = Array.from({ length: 2000 }, (_, i) => `/pages/p${i}/`);
    const all = pageNumbers(paths);
    // Runs: a new one starts where the numbers jump.
    const starts = all.flatMap((n, i) => (i === 0 || n !== all[i - 1] + 1 ? [i] : []));
    expect(starts.length).toBeGreaterThan(2000 / RUN / 2);
    expect(starts.length).toBeLessThan((2000 / RUN) * 2);
    expect(Math.max(...all)).toBeLessThan(4 * 2000 + RUN_SPAN);
    // Remove, in turn, a page that does not start a run: pages of other runs keep their numbers.
    const gone = starts[5] + 1;
    expect(starts).not.toContain(gone);
    const rest = pageNumbers(paths.filter((_, i) => i !== gone));
    const moved = paths.filter((_, i) => i !== gone).filter((_, i) => rest[i] !== all[i < gone ? i : i + 1]);
    const run = paths.slice(gone + 1, starts[6]);
    expect(moved).toEqual(run);
  });
});

describe('an index written again with the published index to reuse (incremental publishing)', () => {
  // Enough pages for many shards (16); one page changes a few words, and one in the middle of the order is removed.
  const chars = [...'医疗卫生共同体县镇村乡院所站室中心人民妇幼保健疾病预防控制药品耗材采购医保支付总额结余留用双向转诊上下远程会诊'];
  const site: Site = {};
  for (let i = 0; i < 150; i++) {
    let text = '';
    for (let k = 0; k < 120; k++) text += chars[(i * 7 + k * k * 13 + k * i) % chars.length];
    site[`/pages/p${i}/`] = pageDoc(`第${i}页`, undefined, [text], { kind: 'guide' });
  }
  const old = pageDoc('专页', undefined, ['胸痛'], { kind: 'guide' });
  const now = pageDoc('专页', undefined, ['卒中中心卒中'], { kind: 'guide' });

  /** Every file of a site's index folder: name → [bytes, inode]. */
  const filesOf = (dir: string) => {
    const folder = join(dir, INDEX_DIR, entryOf(dir).version);
    return new Map(readdirSync(folder).map((name) => [name, { bytes: readFileSync(join(folder, name)), ino: statSync(join(folder, name)).ino }]));
  };

  it('writes the same bytes as an index written from scratch, linking every file whose content it had already', () => {
    const first = writeSite({ ...site, '/special/': old });
    const published = writeSearchIndex(first.dir, first.documents);
    const before = filesOf(first.dir);
    const { '/pages/p75/': _gone, ...rest } = site;
    for (const [name, changed] of [['edit', { ...site, '/special/': now }], ['edit and removal', { ...rest, '/special/': now }]] as const) {
      const fresh = writeSite(changed);
      writeSearchIndex(fresh.dir, fresh.documents);
      const again = writeSite(changed);
      const reuse = { dir: join(first.dir, INDEX_DIR, published.files.version), files: published.files.files };
      const { linked } = writeSearchIndex(again.dir, again.documents, { reuse });
      // The same entry and the same files, byte for byte.
      expect(readFileSync(join(again.dir, INDEX_ENTRY), 'utf8'), name).toBe(readFileSync(join(fresh.dir, INDEX_ENTRY), 'utf8'));
      const [expected, got] = [filesOf(fresh.dir), filesOf(again.dir)];
      expect([...got.keys()].sort(), name).toEqual([...expected.keys()].sort());
      for (const [file, { bytes }] of expected) expect(got.get(file)!.bytes.equals(bytes), `${name}: ${file}`).toBe(true);
      // Linked: exactly the files whose bytes the published index had, under any name (a page renumbered keeps its file).
      const had = new Map([...before.values()].map(({ bytes, ino }) => [bytes.toString('base64'), ino]));
      const shared = [...expected].filter(([, { bytes }]) => had.has(bytes.toString('base64'))).map(([file]) => file);
      expect(linked, name).toBe(shared.length);
      for (const file of shared) expect(got.get(file)!.ino, `${name}: ${file}`).toBe(had.get(got.get(file)!.bytes.toString('base64')));
      // Of a few hundred pages, only the changed one's result file, the fold and the shards of its terms (and their
      // lists by kind) are new for an edit; a removal renumbers the pages after it, so every shard changes.
      if (name === 'edit') expect(expected.size - shared.length, name).toBeLessThanOrEqual(1 + 2 * [...indexDoc('/special/', now).terms.keys(), ...indexDoc('/special/', old).terms.keys()].length + 1);
    }
  });
});

describe("an index written with the last build's cache (incremental publishing)", () => {
  const site: Site = {
    ...PAGES,
    '/pages/a/': pageDoc('甲页', '双向转诊', ['县医院与乡镇卫生院之间的上下转诊。']),
    '/pages/b/': pageDoc('乙页', '远程会诊', ['远程心电与影像会诊覆盖每个乡镇。']),
  };
  const changed: Site = { ...site, '/pages/b/': pageDoc('乙页', '远程会诊', ['远程会诊覆盖全部村卫生室。']) };

  it('writes the same bytes as an index written without one, and makes again only the pages whose document changed', () => {
    const root = mkdtempSync(join(tmpdir(), 'search-cache-'));
    roots.push(root);
    const first = writeSite(site, [[RECORD_PATH, RECORD]]);
    const made = new SearchCache(undefined, 'code');
    writeSearchIndex(first.dir, first.documents, { cache: made });
    made.save(root);
    expect(made.misses).toBe(first.documents.length);

    const cache = readSearchCache(root, 'code');
    const fresh = writeSite(changed, [[RECORD_PATH, RECORD]]);
    writeSearchIndex(fresh.dir, fresh.documents);
    const again = writeSite(changed, [[RECORD_PATH, RECORD]]);
    writeSearchIndex(again.dir, again.documents, { cache });
    expect(readFileSync(join(again.dir, INDEX_ENTRY), 'utf8')).toBe(readFileSync(join(fresh.dir, INDEX_ENTRY), 'utf8'));
    const folder = (dir: string) => join(dir, INDEX_DIR, entryOf(dir).version);
    const names = readdirSync(folder(fresh.dir)).sort();
    expect(readdirSync(folder(again.dir)).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(folder(again.dir), name)).equals(readFileSync(join(folder(fresh.dir), name))), name).toBe(true);
    // Only the changed page was made again; every other page was taken as it was.
    expect(cache.misses).toBe(1);
    expect(cache.hits).toBe(first.documents.length - 1);
  });

  it('is not read when another code wrote it', () => {
    const root = mkdtempSync(join(tmpdir(), 'search-cache-'));
    roots.push(root);
    const first = writeSite(site);
    const made = new SearchCache(undefined, 'old code');
    writeSearchIndex(first.dir, first.documents, { cache: made });
    made.save(root);
    const cache = readSearchCache(root, 'new code');
    writeSearchIndex(writeSite(site).dir, first.documents, { cache });
    expect(cache.hits).toBe(0);
  });
});

describe("an index written with the last build's cache and the published index (incremental publishing)", () => {
  // 150 pages: 16 shards, of which a change to one page makes 4 to 10 again.
  const chars = [...'医疗卫生共同体县镇村乡院所站室中心人民妇幼保健疾病预防控制药品耗材采购医保支付总额结余留用双向转诊上下远程会诊'];
  const site: Site = {};
  for (let i = 0; i < 150; i++) {
    let text = '';
    for (let k = 0; k < 120; k++) text += chars[(i * 7 + k * k * 13 + k * i) % chars.length];
    site[`/pages/p${i}/`] = pageDoc(`第${i}页`, i % 3 ? `第${i}页` : undefined, [text], { kind: i % 2 ? 'guide' : 'document', region: `县${i % 5}` });
  }
  // Three short pages, whose terms are in a few of the shards.
  site['/pages/p7/'] = pageDoc('胸痛', '胸痛中心', ['胸痛'], { kind: 'guide', region: '县7' });
  site['/pages/p8/'] = pageDoc('卒中', '卒中中心', ['卒中'], { kind: 'guide', region: '县2' });
  site['/pages/p9/'] = pageDoc('创伤', '创伤中心', ['创伤'], { kind: 'guide', region: '县2' });
  const { '/pages/p75/': _gone, ...rest } = site;
  const cases: [string, Site][] = [
    ['a page whose words changed', { ...site, '/pages/p7/': pageDoc('胸痛', '胸痛中心', ['救治医疗'], { kind: 'guide', region: '县7' }) }],
    // The region only it is in, renamed: the region keeps its place in the entry's list.
    ['a region renamed', { ...site, '/pages/p7/': { ...site['/pages/p7/']!, region: '新县7' } }],
    ['a page moved to a new region', { ...site, '/pages/p8/': { ...site['/pages/p8/']!, region: '新县2' } }],
    ['a page moved to another region and kind', { ...site, '/pages/p8/': { ...site['/pages/p8/']!, kind: 'document', region: '县3' } }],
    ['a page renamed', { ...site, '/pages/p9/': { ...site['/pages/p9/']!, name: '急救站' } }],
    // As long as before, a word changed and a word said more often: only the terms whose postings differ.
    ['a word changed, the page as long', { ...site, '/pages/p9/': pageDoc('创伤', '创伤中心', ['创口'], { kind: 'guide', region: '县2' }) }],
    ['a word said more often', { ...site, '/pages/p8/': pageDoc('卒中', '卒中中心', ['卒卒'], { kind: 'guide', region: '县2' }) }],
    ['a page removed', rest],
  ];

  it('writes the same bytes as an index written from scratch, making only the shards that hold a changed page\'s entries', () => {
    // Published: the first build's index, and the cache it left.
    const root = mkdtempSync(join(tmpdir(), 'search-cache-'));
    roots.push(root);
    const first = writeSite(site);
    const made = new SearchCache(undefined, 'code');
    // Lists kept short, so that common terms (with lists by region and kind in other shards) are among a changed page's.
    const longestList = 50;
    const published = writeSearchIndex(first.dir, first.documents, { cache: made, longestList });
    made.save(root);
    const reuse = { dir: join(first.dir, INDEX_DIR, published.files.version), files: published.files.files };
    for (const [name, changed] of cases) {
      const fresh = writeSite(changed);
      writeSearchIndex(fresh.dir, fresh.documents, { longestList });
      const again = writeSite(changed);
      const cache = readSearchCache(root, 'code');
      const written = writeSearchIndex(again.dir, again.documents, { cache, reuse, longestList });
      expect(readFileSync(join(again.dir, INDEX_ENTRY), 'utf8'), name).toBe(readFileSync(join(fresh.dir, INDEX_ENTRY), 'utf8'));
      const folder = (dir: string) => join(dir, INDEX_DIR, entryOf(dir).version);
      const names = readdirSync(folder(fresh.dir)).sort();
      expect(readdirSync(folder(again.dir)).sort(), name).toEqual(names);
      for (const file of names) expect(readFileSync(join(folder(again.dir), file)).equals(readFileSync(join(folder(fresh.dir), file))), `${name}: ${file}`).toBe(true);
      // A change to one page makes the shards of its terms; a new region takes a place in the entry's list, so all are
      // made. (A removal renumbers the rest of its run: here 32 shards hold the long pages' terms, so all are made;
      // tests/unit/search-incremental.test.ts shows it on a site of many short pages.)
      // Only the changed pages' terms were added, the changed shards patched, unless a new region took a place.
      expect(written.patched, name).toBe(name !== 'a page moved to a new region');
      if (name === 'a page moved to a new region') expect(written.changed, name).toBe(written.shards);
      else if (name !== 'a page removed') expect(written.changed, name).toBeLessThan(written.shards);
    }
  });
});

describe('the search cache on disk', () => {
  it('gives the next build what this one kept, every part and awkward key included, and nothing it did not use', () => {
    const root = mkdtempSync(join(tmpdir(), 'yigongti-search-cache-'));
    try {
      const made = new SearchCache(undefined, 'code "quoted"');
      const terms = ['医共体', '孟津', '孟'];
      const weights = [1, 2.5, 3, 4, 0, 7];
      const page = { key: 'k1', length: 3, kind: 'group', region: '河南省', terms: new MadeTerms(terms, weights), texts: 2, wholeNames: ['孟津区'] };
      made.page('k1', () => page);
      made.page('k2 "odd"\n', () => ({ ...page, key: 'r2', kind: undefined, terms: new MadeTerms(['孟', '医'], [3, 4, 1, 0]) }));
      made.mdx('body with \u2028 and "quotes"', () => [{ text: '正文', heading: 2 }, { text: 'x' }]);
      made.fold(new Set(['醫', '療']), () => ({ 醫: '医', 療: '疗' }));
      const prints: Record<string, string> = { 'group a': 'print-of-group-a-long', 'group b': 'print-of-group-b-long', regions: 'print-of-regions-long' };
      made.reads('/groups/a/', ['group a', 'regions'], (key) => prints[key], 'k1');
      made.reads('/groups/b/', ['group b', 'regions'], (key) => prints[key], 'k2 "odd"\n');
      made.index({ version: 'v', paths: ['/a/', '/b/'], keys: ['k1', 'k2'], average: 1.5, shards: 2, kinds: ['group'], regions: ['河南省'], common: { 医: 2 } });
      made.save(root);

      const plain = (p: CachedPage | undefined) => p && { ...p, terms: Array.from({ length: p.terms.size }, (_, i) => [p.terms.term(i), p.terms.tf(i), p.terms.named(i)]) };
      const cache = readSearchCache(root, 'code "quoted"');
      expect(cache.priorIndex?.paths).toEqual(['/a/', '/b/']);
      expect(plain(cache.priorPage('k1'))).toEqual({ ...page, terms: [['医共体', 1, 2.5], ['孟津', 3, 4], ['孟', 0, 7]] });
      expect(plain(cache.priorPage('k2 "odd"\n'))).toEqual({ key: 'r2', length: 3, region: '河南省', texts: 2, wholeNames: ['孟津区'], terms: [['孟', 3, 4], ['医', 1, 0]] });
      // The pages holding a term are found by it.
      expect(cache.priorPage('k1')!.terms.positionsIn(new Map([['孟', 1], ['无', 1]]))).toEqual([2]);
      // Each key with the start of its fingerprint (96 bits: 16 characters).
      const { keys, prints: kept } = cache.priorReadKeys;
      const read = cache.priorReads('/groups/b/')!;
      expect(read.key).toBe('k2 "odd"\n');
      expect(Array.from(read.reads, (at) => [keys[at], kept[at]])).toEqual([['group b', 'print-of-group-b'], ['regions', 'print-of-regions']]);
      expect(cache.mdx('body with \u2028 and "quotes"', () => [])).toEqual([{ text: '正文', heading: 2 }, { text: 'x' }]);
      expect(cache.fold(new Set(['療', '醫']), () => ({}))).toEqual({ 醫: '医', 療: '疗' });
      // Another code's cache is not read.
      expect(readSearchCache(root, 'other code').priorPage('k1')).toBeUndefined();

      // The next build kept only what it used: one page, one document's reads.
      cache.page('k1', () => page);
      cache.sameReads('/groups/a/', cache.priorReads('/groups/a/')!);
      cache.save(root);
      const next = readSearchCache(root, 'code "quoted"');
      expect(plain(next.priorPage('k1'))).toEqual(plain(cache.priorPage('k1')));
      expect(next.priorPage('k2 "odd"\n')).toBeUndefined();
      expect(next.priorReads('/groups/b/')).toBeUndefined();
      expect(next.priorReadKeys.keys).toEqual(['group a', 'regions']);
      expect(Array.from(next.priorReads('/groups/a/')!.reads, (at) => next.priorReadKeys.keys[at])).toEqual(['group a', 'regions']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
