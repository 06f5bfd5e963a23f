import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { pageForIndex } from '../../src/integrations/index-html';
import { indexTokens } from '../../src/lib/search-tokens';
import { nameField, nameFieldWeights, nameWeight } from '../../src/lib/search-names';

const page = `<!doctype html><html lang="zh-CN"><head><title>麻屯镇卫生院 · 孟津县第一医疗卫生共同体 | 医共体公开信息</title></head><body>
<header data-pagefind-ignore="all"><nav>首页 医共体</nav></header>
<main data-pagefind-body><span hidden data-pagefind-filter="kind" data-pagefind-meta="kind">机构</span>
<h1>麻屯镇卫生院</h1><p>属于<a href="/g/">孟津县第一医疗卫生共同体</a>，实行双向转诊。</p>
<h2>怎样转诊：上转</h2><p>先到<strong>镇</strong>卫生院看。</p><script>var x = "脚本";</script></main>
<footer data-pagefind-ignore="all">本站内容根据公开文件整理</footer></body></html>`;

const indexed = parse(pageForIndex(page, '医共体公开信息'));
const meta = (name: string) => indexed.querySelector(`[data-pagefind-meta="${name}"]`);
const block = (weight: number) => indexed.querySelector(`[data-pagefind-weight="${weight}"]`)?.text.split(' ') ?? [];

describe('the copy of a page Pagefind indexes', () => {
  it('titles the result with the page title without the site name', () => {
    expect(meta('title')?.text).toBe('麻屯镇卫生院 · 孟津县第一医疗卫生共同体');
    expect(meta('title')?.hasAttribute('data-pagefind-ignore')).toBe(true);
  });

  it('files the name under a field named after its length, and section names before a "：" likewise', () => {
    expect(meta(nameField('name', 6))?.text.split(' ')).toEqual(indexTokens('麻屯镇卫生院'));
    expect(meta(nameField('part', 4))?.text.split(' ')).toEqual(indexTokens('怎样转诊'));
  });

  it('adds the pair tokens of headings with their heading weight and of the rest with weight 1, across inline elements', () => {
    expect(block(7)).toEqual(indexTokens('麻屯镇卫生院'));
    expect(block(6)).toEqual(indexTokens('怎样转诊：上转'));
    expect(block(1)).toEqual(expect.arrayContaining(indexTokens('属于孟津县第一医疗卫生共同体，实行双向转诊。')));
    // "镇" in <strong> still pairs with its neighbours.
    expect(block(1)).toEqual(expect.arrayContaining(indexTokens('先到镇卫生院看')));
  });

  it('leaves out scripts, filter values and everything outside the searchable area', () => {
    const all = new Set([1, 6, 7].flatMap(block));
    for (const outside of ['脚本', '首页', '公开文件', '机构']) for (const token of indexTokens(outside)) expect(all.has(token), outside).toBe(false);
    expect(indexed.querySelector('[data-pagefind-filter="kind"]')?.hasAttribute('data-pagefind-ignore')).toBe(true);
  });

  it('spaces out the Han characters of the searchable area only, keeping metadata values as written', () => {
    expect(indexed.querySelector('h1')?.text).toBe('麻 屯 镇 卫 生 院');
    expect(indexed.querySelector('header')?.text).toContain('首页 医共体');
    expect(indexed.querySelector('[data-pagefind-filter="kind"]')?.text).toBe('机构');
    const titled = parse(pageForIndex('<html><body><main data-pagefind-body><h1 data-pagefind-meta="title">双向转诊</h1><p>上转下转</p></main></body></html>', '站'));
    expect(titled.querySelector('h1')?.text).toBe('双向转诊');
    expect(titled.querySelector('p')?.text).toBe('上 转 下 转');
  });

  it('leaves pages without a searchable area as they are', () => {
    const plain = '<html><body><p>没有正文标记</p></body></html>';
    expect(pageForIndex(plain, '医共体公开信息')).toBe(plain);
  });
});

describe('how much names count', () => {
  it('counts a short name fully and a long one less, and a section name half a page name', () => {
    expect(nameWeight('name', 3)).toBe(nameWeight('name', 4));
    expect(nameWeight('name', 8)).toBeLessThan(nameWeight('name', 4));
    expect(nameWeight('part', 4)).toBe(nameWeight('name', 4) / 2);
    expect(nameField('name', 99)).toBe('name40');
    expect(Object.keys(nameFieldWeights())).toContain('part40');
  });
});
