/**
 * The site's search index end to end: a small built site in a temporary folder, indexed by the build step
 * (src/search/build/integration.ts) and read back by the search page's reader (src/search/browser/index-reader.ts)
 * with `fetch` reading the folder.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { writeSearchIndex } from '../../src/search/build/integration';
import { STORED_TEXT } from '../../src/search/build/index-html';
import { gunzipText, openIndex, type SearchIndex } from '../../src/search/browser/index-reader';
import { createEngine } from '../../src/search/browser/engine';
import { INDEX_DIR, INDEX_ENTRY, PREFIX_LENGTH, shardOf, shardPath, type IndexEntry } from '../../src/search/shared/index-layout';
import { pairToken } from '../../src/search/shared/tokens';
import type { SearchRecord } from '../../src/search/build/records';

const SITE = '测试站';

/** A page as src/layouts/BaseLayout.astro renders it: the searchable area with its hidden filter values. */
function pageHtml(title: string, body: string, filters: { kind?: string; region?: string } = {}): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><title>${title} | ${SITE}</title></head><body>` +
    `<header class="site-header" data-search-ignore="all"><nav>首页 转诊指南</nav></header>` +
    `<main id="main" class="wrap" data-search-body>` +
    (filters.kind ? `<span hidden data-search-filter="kind" data-search-meta="kind">${filters.kind}</span>` : '') +
    (filters.region ? `<span hidden data-search-filter="region" data-search-meta="region">${filters.region}</span>` : '') +
    body +
    `</main><footer class="site-footer" data-search-ignore="all">本站内容根据公开文件整理</footer></body></html>`
  );
}

type Files = Record<string, string>;

/** The small site: path → content. */
const PAGES: Files = {
  'index.html': pageHtml('首页', '<h1>医共体公开信息</h1><p>本站整理各地公开信息。</p><ul><li>双向转诊指南</li></ul>'),
  'guide/referral/index.html': pageHtml('双向转诊', '<h1>双向转诊</h1><p>县里的规定在此说明。</p>', { kind: '指南', region: '孟津县' }),
  'guide/other/index.html': pageHtml('看病须知', '<h1>看病须知</h1><p>实行双向转诊的规定。</p>', { kind: '指南', region: '资中县' }),
  'documents/plan/index.html': pageHtml('孟津县方案', '<h1>孟津县方案</h1><p>全县推行双向转诊。</p>', { kind: '文件', region: '孟津县' }),
  'documents/apart/index.html': pageHtml('转院说明', '<h1>转院说明</h1><p>可以转</p><p>诊疗另行安排。</p>', { kind: '文件' }),
  'updates/a/index.html': pageHtml('动态甲', '<h1>动态甲</h1><p>mengjin 消息</p>', { kind: '动态' }),
  'updates/b/index.html': pageHtml('动态乙', '<h1>动态乙</h1><p>mengjinxian 消息</p>', { kind: '动态' }),
  'updates/c/index.html': pageHtml('动态丙', '<h1>动态丙</h1><p>DR 检查</p>', { kind: '动态' }),
  'updates/d/index.html': pageHtml('动态丁', '<h1>动态丁</h1><p>DRG 付费</p>', { kind: '动态' }),
  'institutions/matun/index.html': pageHtml('麻屯镇卫生院', '<h1>麻屯镇卫生院</h1><p>页面上的文字。</p>', { kind: '机构', region: '孟津县' }),
  '404.html': '<html><head><title>找不到页面</title></head><body><p>双向转诊</p></body></html>',
};

const RECORD: SearchRecord = {
  url: '/institutions/matun/',
  title: '麻屯镇卫生院 · 孟津县',
  kind: '机构',
  region: '孟津县',
  name: '麻屯镇卫生院',
  aliases: ['麻屯卫生院'],
  hidden: [],
  spelled: ['matunzhenweishengyuan'],
  figures: [],
  lines: ['麻屯镇卫生院（乡镇卫生院）河南省洛阳市孟津县', '开展双向转诊'],
};

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Writes a site into a new temporary folder and returns the folder. */
function writeSite(files: Files, records?: SearchRecord[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  roots.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (records) {
    mkdirSync(join(dir, 'search'), { recursive: true });
    writeFileSync(join(dir, 'search/records.json'), JSON.stringify(records));
  }
  return dir;
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
  let counts: { records: number; htmlPages: number };
  let index: SearchIndex;
  /** The urls of some results, in order. */
  const urls = (results: { id: string }[]) => Promise.all(results.map(async (r) => (await index.page(r.id)).url));

  beforeAll(async () => {
    dir = writeSite(PAGES, [RECORD]);
    counts = writeSearchIndex(dir, SITE);
    index = await open(dir);
  });

  it('indexes the records and the pages with a searchable area, once each', () => {
    expect(counts).toEqual({ records: 1, htmlPages: Object.keys(PAGES).length - 2 });
    expect(index.entry.pages).toBe(counts.records + counts.htmlPages);
  });

  it('finds by a pair exactly the pages holding it', async () => {
    const { results, unfilteredResultCount } = await index.search(pair('转', '诊'));
    // Not the page where 转 and 诊 end and start two blocks, nor the page without a searchable area, nor the home
    // page, whose list is not indexed.
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
    expect(recordPage).toMatchObject({ url: RECORD.url, title: RECORD.title, text: RECORD.lines.join('。') });
    expect(recordPage.hidden).toContain('麻屯卫生院');
    expect(JSON.stringify(recordPage)).not.toMatch(/yq[0-9a-z]{6}/);
    // The record stands for its page: the page's own HTML is not read.
    expect((await index.search(pair('页', '面'))).results).toEqual([]);
  });

  it('finds a page by its whole name: a heading, a record\'s name or alias, however spaced', async () => {
    const url = async (ids: string[]) => Promise.all(ids.map(async (id) => (await index.page(id)).url));
    expect(await url(await index.named('孟津县方案'))).toEqual(['/documents/plan/']);
    expect(await url(await index.named('麻屯镇卫生院'))).toEqual([RECORD.url]);
    expect(await url(await index.named(' 麻屯 卫生院 '))).toEqual([RECORD.url]);
    // Not by a part of a name.
    expect(await index.named('麻屯镇')).toEqual([]);
  });

  it('counts the pages of each kind and region', () => {
    // Hand-counted from PAGES and RECORD: the record's page counts once, as the record; pages without a value not at all.
    expect(index.entry.filters).toEqual({ kind: { 机构: 1, 指南: 2, 文件: 2, 动态: 4 }, region: { 孟津县: 3, 资中县: 1 } });
    expect([...index.entry.kinds].sort()).toEqual(Object.keys(index.entry.filters.kind).sort());
    expect([...index.entry.regions].sort()).toEqual(Object.keys(index.entry.filters.region).sort());
  });

  it('removes the records once indexed, and keeps one version folder', () => {
    expect(existsSync(join(dir, 'search/records.json'))).toBe(false);
    expect(readdirSync(join(dir, INDEX_DIR))).toEqual([index.entry.version]);
  });
});

describe('a term on more pages than a list keeps', () => {
  // Twelve pages say 转诊: three in their heading (the best), nine in a paragraph; half in each county and kind.
  const LONGEST = 3;
  const files: Files = {};
  for (let n = 0; n < 12; n++) {
    const region = n % 2 ? '资中县' : '孟津县';
    const kind = n % 3 ? '文件' : '指南';
    const body = n < 3 ? `<h1>转诊说明${n}</h1><p>第${n}页。</p>` : `<h1>第${n}页</h1><p>这里也讲转诊和别的事情，篇幅更长一些。${n === 11 ? '麻屯转诊点设在镇上。' : ''}</p>`;
    files[`documents/d${n}/index.html`] = pageHtml(`第${n}页`, body, { kind, region });
  }
  let index: SearchIndex;
  const urls = (results: { id: string }[]) => Promise.all(results.map(async (r) => (await index.page(r.id)).url));
  const expected = (keep: (n: number) => boolean) => [...Array(12).keys()].filter(keep).map((n) => `/documents/d${n}/`).sort();

  beforeAll(async () => {
    const dir = writeSite(files);
    writeSearchIndex(dir, SITE, { longestList: LONGEST });
    index = await open(dir);
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
    served.unshift(writeSite({ 'search-index.json': JSON.stringify({ ...index.entry, common: {} }) }));
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
    dir = writeSite({ ...PAGES, 'documents/long/index.html': pageHtml('长文件', `<h1>长文件</h1><p>${filler}</p><p>最后说到${late}。</p>`, { kind: '文件' }) });
    writeSearchIndex(dir, SITE);
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
  it('refuses a record whose page is missing, and leaves the site as it was', () => {
    const dir = writeSite(PAGES, [RECORD, { ...RECORD, url: '/institutions/gone/' }]);
    expect(() => writeSearchIndex(dir, SITE)).toThrow(/\/institutions\/gone\//);
    expect(existsSync(join(dir, 'search/records.json'))).toBe(true);
    expect(existsSync(join(dir, INDEX_ENTRY))).toBe(false);
  });

  it('names the same input with the same version and changed text with another', () => {
    const first = writeSite(PAGES, [RECORD]);
    const second = writeSite(PAGES, [RECORD]);
    writeSearchIndex(first, SITE);
    writeSearchIndex(second, SITE);
    expect(entryOf(first)).toEqual(entryOf(second));
    // Again in the same folder: the same version, the old folder replaced.
    writeFileSync(join(first, 'search/records.json'), JSON.stringify([RECORD]));
    writeSearchIndex(first, SITE);
    expect(entryOf(first).version).toBe(entryOf(second).version);
    expect(readdirSync(join(first, INDEX_DIR))).toEqual([entryOf(first).version]);

    const changedPage = writeSite({ ...PAGES, 'guide/other/index.html': PAGES['guide/other/index.html'].replace('的规定', '的办法') }, [RECORD]);
    writeSearchIndex(changedPage, SITE);
    expect(entryOf(changedPage).version).not.toBe(entryOf(first).version);
    const changedRecord = writeSite(PAGES, [{ ...RECORD, lines: [...RECORD.lines, '新增一行'] }]);
    writeSearchIndex(changedRecord, SITE);
    expect(entryOf(changedRecord).version).not.toBe(entryOf(first).version);
  });

  it('spreads more postings over more shards, each of them small', async () => {
    const small = writeSite(PAGES, [RECORD]);
    writeSearchIndex(small, SITE);
    expect(entryOf(small).shards).toBe(1);

    // Many pages of varied text: tens of thousands of postings.
    const chars = [...'医疗卫生共同体县镇村乡院所站室中心人民妇幼保健疾病预防控制药品耗材采购医保支付总额结余留用双向转诊上下远程会诊心电影像检验病理消毒供应信息平台家庭签约服务团队慢病管理高血压糖尿病随访健康教育'];
    const texts: string[] = [];
    for (let i = 0; i < 400; i++) {
      let text = '';
      for (let k = 0; k < 40; k++) text += chars[(i * 7 + k * k * 13 + k * i) % chars.length];
      texts.push(text);
    }
    const site = (n: number): Files =>
      Object.fromEntries(texts.slice(0, n).map((text, i) => [`pages/p${i}/index.html`, pageHtml(`页${i}`, `<h1>第${i}页</h1><p>${text}</p>`, { kind: '指南' })]));
    const fewer = writeSite(site(100));
    writeSearchIndex(fewer, SITE);
    const many = site(400);
    const large = writeSite(many);
    writeSearchIndex(large, SITE);
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
    const holding = Object.keys(many).filter((_, i) => texts[i].includes(a + b)).map((path) => `/${path.replace(/index\.html$/, '')}`);
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
