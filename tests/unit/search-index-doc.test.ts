/**
 * What the search index takes of a built page (docOfPage, src/search/build/index-html.ts): the title without the site
 * name, the text a result shows, its terms weighted by heading level, its names weighted by length, and nothing from
 * outside the searchable area. Expected terms are worked out here from the page's runs of text with the shared
 * tokenizer (src/search/shared/tokens.ts), never read back from the function under test.
 */
import { describe, expect, it } from 'vitest';
import { docOfPage, storedPage, type IndexDoc } from '../../src/search/build/index-html';
import { indexTokens, pairToken } from '../../src/search/shared/tokens';
import { nameField, nameWeight } from '../../src/search/build/names';
import { indicatorForms } from '../../src/search/build/aliases';
import { figureTokens, readFigures } from '../../src/search/shared/numbers';
import { wordKey } from '../../src/search/shared/index-layout';

const SITE = '医共体公开信息';

const page = `<!doctype html><html lang="zh-CN"><head><title>麻屯镇卫生院 · 孟津县第一医疗卫生共同体 | ${SITE}</title></head><body>
<header data-search-ignore="all"><nav>首页 医共体</nav></header>
<main data-search-body><span hidden data-search-filter="kind" data-search-meta="kind">机构</span><span hidden data-search-filter="region" data-search-meta="region">洛阳市</span>
<h1>麻屯镇卫生院</h1><p>属于<a href="/g/">孟津县第一医疗卫生共同体</a>，实行双向转诊。</p>
<aside data-search-ignore>相关链接</aside>
<h2>怎样转诊：上转</h2><p>先到<strong>镇</strong>卫生院看。</p><script>var x = "脚本";</script></main>
<footer data-search-ignore="all">本站内容根据公开文件整理</footer></body></html>`;

/** The runs of text the page above shows, with their weights (h1 7, h2 6, the rest 1). */
const runs: [string, number][] = [
  ['麻屯镇卫生院', 7],
  ['属于孟津县第一医疗卫生共同体，实行双向转诊。', 1],
  ['怎样转诊：上转', 6],
  ['先到镇卫生院看。', 1],
];

/** A text's terms: each Han character, each pair token, each Latin word or number (as the index keys it). */
const termsOf = (text: string) => [
  ...(text.match(/\p{Script=Han}/gu) ?? []),
  ...indexTokens(text),
  ...(text.replace(/\p{Script=Han}+/gu, ' ').match(/[\p{Script=Latin}\p{N}]+(?:[.,][\p{Script=Latin}\p{N}]+)*/gu) ?? []).map(wordKey),
];

/** Every term of some weighted runs with its summed weight. */
function weighted(list: [string, number][]): Map<string, number> {
  const terms = new Map<string, number>();
  for (const [text, weight] of list) for (const term of termsOf(text)) terms.set(term, (terms.get(term) ?? 0) + weight);
  return terms;
}

const doc = docOfPage(page, '/institutions/matun/', SITE)!;
const of = (html: string, options: { directory?: boolean } = {}) =>
  docOfPage(`<html><head><title>页 | ${SITE}</title></head><body><main data-search-body>${html}</main></body></html>`, '/x/', SITE, options)!;
/** Whether any of a text's terms is among a doc's terms. */
const holdsAny = (d: IndexDoc, text: string) => termsOf(text).some((term) => d.terms.has(term));

describe('a built page as the search index takes it', () => {
  it('titles the result with the page title without the site name, and takes kind and region from the filters', () => {
    expect(doc).toMatchObject({ url: '/institutions/matun/', title: '麻屯镇卫生院 · 孟津县第一医疗卫生共同体', kind: '机构', region: '洛阳市' });
    expect(of('<h1>双向转诊</h1>').title).toBe('页');
    const untitled = docOfPage('<html><body><main data-search-body><h1>双向\n  转诊</h1></main></body></html>', '/y/', SITE)!;
    expect(untitled.title).toBe('双向转诊');
    expect(untitled.kind).toBeUndefined();
  });

  it('shows the text of the searchable area, a block at a time', () => {
    expect(doc.text).toBe(runs.map(([text]) => text).join(' '));
  });

  it('weighs heading terms by heading level and body terms 1, across inline elements', () => {
    expect(doc.terms).toEqual(weighted(runs));
    expect(doc.length).toBe(runs.reduce((n, [text]) => n + termsOf(text).length, 0));
    // "镇" in <strong> still pairs with its neighbours.
    expect(doc.terms.get(pairToken('到', '镇')!)).toBe(1);
    expect(doc.terms.get(pairToken('镇', '卫')!)).toBe(7 + 1);
    // Every heading level has its weight; a level below h3 too.
    const levels = of('<h3>甲乙</h3><h4>丙丁</h4><h6>戊己</h6><p>庚辛</p>');
    expect(levels.terms).toEqual(weighted([['甲乙', 5], ['丙丁', 4], ['戊己', 2], ['庚辛', 1]]));
    // Latin words and numbers count as words of their own, lower case and without thousands commas.
    expect(of('<p>DRG 付费 105,423 人次</p>').terms).toEqual(weighted([['DRG 付费 105,423 人次', 1]]));
    expect(of('<p>DRG 付费 105,423 人次</p>').terms.get('105423')).toBe(1);
  });

  it('files the name and section names (before a "：") with the weights of their lengths', () => {
    for (const token of indexTokens('麻屯镇卫生院')) expect(doc.names.get(token)).toBe(nameWeight('name', 6));
    for (const token of indexTokens('怎样转诊')) expect(doc.names.get(token)).toBe(nameWeight('part', 4));
    // After the "：" is no name; nor is body text.
    expect(doc.names.has(pairToken('上', '转')!)).toBe(false);
    expect(doc.names.has(pairToken('属', '于')!)).toBe(false);
    expect([...doc.names.keys()].sort()).toEqual([...new Set([...indexTokens('麻屯镇卫生院'), ...indexTokens('怎样转诊')])].sort());
  });

  it('gives a term in several names the weight of the heaviest, not their sum', () => {
    // 孟津 is in the page name (12 characters, light) and a section name (3 characters, heavier).
    const both = of('<h1>孟津县妇幼保健院概况介绍</h1><h2>孟津县</h2><h3>孟津县：简介</h3>');
    expect(nameWeight('part', 3)).toBeGreaterThan(nameWeight('name', 12));
    expect(both.names.get(pairToken('孟', '津')!)).toBe(nameWeight('part', 3));
    expect(both.names.get(pairToken('保', '健')!)).toBe(nameWeight('name', 12));
    const short = of('<h1>双向转诊</h1><h2>转诊流程</h2>');
    expect(short.names.get(pairToken('转', '诊')!)).toBe(nameWeight('name', 4));
    expect(short.names.get(pairToken('流', '程')!)).toBe(nameWeight('part', 4));
  });

  it('leaves out scripts, filter values, data-search-ignore and everything outside the searchable area', () => {
    for (const outside of ['脚本', '首页', '公开文件', '机构', '洛阳市', '相关链接']) {
      expect(holdsAny(doc, outside), outside).toBe(false);
      expect(doc.text, outside).not.toContain(outside);
    }
    expect(doc.text).not.toContain('var x');
  });

  it('shows no whitespace between Han characters (line breaks in the HTML), and still pairs them', () => {
    const broken = of('<p>麻屯镇\n    卫生院 DRG 付费\n改革</p><p>甲</p><p>乙</p>');
    expect(broken.text).toBe('麻屯镇卫生院 DRG 付费改革 甲 乙');
    expect(broken.terms.get(pairToken('镇', '卫')!)).toBe(1);
    expect(broken.terms.get(pairToken('费', '改')!)).toBe(1);
    // Blocks are apart: their edges pair nothing.
    expect(broken.terms.has(pairToken('甲', '乙')!)).toBe(false);
    const heading = of('<h1>麻屯镇\n  卫生院</h1><h2>双向\n  转诊：上转</h2>');
    for (const token of indexTokens('麻屯镇卫生院')) expect(heading.names.get(token)).toBe(nameWeight('name', 6));
    expect(heading.names.get(pairToken('向', '转')!)).toBe(nameWeight('part', 4));
  });

  it('gives nothing for a page without a searchable area', () => {
    expect(docOfPage('<html><body><p>没有正文标记</p></body></html>', '/z/', SITE)).toBeUndefined();
  });

  it("indexes a directory's prose but not its lists", () => {
    const html =
      '<h1>医共体名录</h1><p>本页列出各地医共体。</p>' +
      '<ul><li><h2>麻屯镇卫生院</h2></li></ul><ol><li>小浪底镇</li></ol><table><tr><td>会盟镇</td></tr></table><dl><dt>偃师区</dt><dd>银山分院</dd></dl>';
    const directory = of(html, { directory: true });
    expect(directory.text).toBe('医共体名录 本页列出各地医共体。');
    expect(directory.terms).toEqual(weighted([['医共体名录', 7], ['本页列出各地医共体。', 1]]));
    expect([...directory.names.keys()].sort()).toEqual([...new Set(indexTokens('医共体名录'))].sort());
    // The same page as any other page: its lists are text too.
    const plain = of(html);
    for (const listed of ['麻屯镇卫生院', '小浪底镇', '会盟镇', '偃师区', '银山分院']) {
      expect(holdsAny(directory, listed), listed).toBe(false);
      expect(plain.text).toContain(listed);
      for (const token of indexTokens(listed)) expect(plain.terms.has(token), listed).toBe(true);
    }
    expect(plain.names.get(pairToken('卫', '生')!)).toBe(nameWeight('part', 6));
  });

  it('lets an indicator page answer to what readers call its figure, without showing it', () => {
    const name = '基层医疗卫生机构诊疗人次占比';
    const forms = indicatorForms(name);
    expect(forms.length).toBeGreaterThan(0);
    const indicator = of(`<span hidden data-search-filter="kind">指标</span><h1>${name}</h1><p>定义见文件。</p>`);
    expect(indicator.kind).toBe('指标');
    expect(indicator.hidden.split(' 。 ')).toEqual(forms);
    for (const form of forms) {
      expect(indicator.text).not.toContain(form);
      for (const term of termsOf(form)) expect(indicator.terms.has(term), term).toBe(true);
    }
    // The same heading on a page of another kind answers to nothing more.
    const other = of(`<span hidden data-search-filter="kind">指南</span><h1>${name}</h1><p>定义见文件。</p>`);
    expect(other.hidden).toBe('');
    for (const form of forms) for (const token of indexTokens(form).filter((t) => !indexTokens(name).includes(t))) expect(other.terms.has(token)).toBe(false);
  });

  it("lists its figures' rows with the numbers they show, and is found by them in 万", () => {
    const table = of(
      '<table><tr id="obs-o1"><th>孟津县</th><td>2023年</td><td class="num">105,423 人次</td></tr>' +
        '<tr id="obs-o2"><th>麻屯镇</th><td class="num">80–90%</td></tr><tr><td class="num">639,000</td></tr></table>',
    );
    const expected = [
      { id: 'o1', value: 105423 },
      { id: 'o2', value: 80 },
      { id: 'o2', value: 90 },
    ];
    expect(table.figures).toEqual(expected);
    expect(readFigures(storedPage(table).figures)).toEqual(expected);
    expect(figureTokens(105423).length).toBeGreaterThan(0);
    for (const token of figureTokens(105423)) expect(table.terms.get(token), token).toBe(1);
    // A row without an id is no figure: its number is a word, not a figure in 万.
    expect(table.terms.get('639000')).toBe(1);
    for (const token of figureTokens(639000)) expect(table.terms.has(token), token).toBe(false);
  });
});

describe('a page as a result reads it', () => {
  it('holds what the result shows and no terms', () => {
    const stored = storedPage(doc);
    expect(stored).toEqual({ url: doc.url, title: doc.title, kind: '机构', region: '洛阳市', text: doc.text });
    expect(JSON.stringify(stored)).not.toMatch(/yq[0-9a-z]{6}/);
    expect(storedPage(of('<p>甲</p>'))).toEqual({ url: '/x/', title: '页', text: '甲' });
  });
});

describe('how much names count', () => {
  it('counts a short name fully and a long one less, and a section name half a page name', () => {
    expect(nameWeight('name', 3)).toBe(nameWeight('name', 4));
    expect(nameWeight('name', 8)).toBeLessThan(nameWeight('name', 4));
    expect(nameWeight('part', 4)).toBe(nameWeight('name', 4) / 2);
    expect(nameField('name', 99)).toBe('name40');
  });
});
