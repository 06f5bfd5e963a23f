/**
 * Parts of pages written as strings (src/views/static-chart-html.ts, source-cite-html.ts, html.ts): what a browser parses from them
 * is the chart the view describes, whatever characters an editor's labels hold.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { staticChartHtml } from '../../src/views/static-chart-html';
import type { StaticChartView } from '../../src/views/chart-figure';

const chart: StaticChartView = {
  label: '甲县"医共体" <县域> & 乙县',
  key: [
    { shape: 'marker', className: 'marker marker-actual', symbol: '●', label: '实际' },
    { shape: 'swatch', className: 'swatch open', label: "目标 'open' & <更多>" },
  ],
  defs: '<pattern id="p"><rect width="8" height="8"/></pattern>',
  rows: [
    { label: '2023年 <上半年>', bars: [{ shape: 'bar', track: '<rect x="0" width="40%"/>', value: '实际 89.4%（2023年）' }] },
    { label: '', bars: [] },
  ],
};

describe('the build-time chart as one string', () => {
  it('escapes labels and values as text and attributes, and keeps the SVG the view wrote as SVG', () => {
    const html = staticChartHtml(chart);
    const doc = parse(html);
    const figure = doc.querySelector('.static-chart')!;
    expect(figure.getAttribute('aria-label')).toBe(chart.label);
    expect(figure.getAttribute('role')).toBe('img');
    expect([...doc.querySelectorAll('.chart-key li')].map((li) => li.text.trim())).toEqual(['● 实际', "目标 'open' & <更多>"]);
    expect(doc.querySelectorAll('.chart-key span.marker-actual[aria-hidden="true"]')).toHaveLength(1);
    expect(doc.querySelector('.static-defs pattern')).not.toBeNull();
    expect([...doc.querySelectorAll('.static-label')].map((l) => l.text)).toEqual(['2023年 <上半年>', '']);
    expect(doc.querySelector('.static-bar')!.getAttribute('data-shape')).toBe('bar');
    expect(doc.querySelector('.static-track rect')!.getAttribute('width')).toBe('40%');
    expect(doc.querySelector('.static-value')!.text).toBe('实际 89.4%（2023年）');
  });

  it('writes attributes and text the way Astro writes them, so pages stay byte for byte what they were', () => {
    const html = staticChartHtml(chart);
    expect(html).toContain('aria-label="甲县&#34;医共体&#34; <县域> &#38; 乙县"');
    expect(html).toContain('<div class="static-label">2023年 &lt;上半年&gt;</div>');
    expect(html).toContain("目标 &#39;open&#39; &amp; &lt;更多&gt; </li>");
    expect(html.startsWith('<div class="static-chart" role="img" aria-label=')).toBe(true);
  });
});

describe('a source as one string', () => {
  it('links the document and quotes the excerpt, escaped as Astro escapes them; the excerpt left out when asked', async () => {
    const { sourceCiteHtml } = await import('../../src/views/source-cite-html');
    const cite = { href: '/documents/a/?x=1&y=2', title: '关于<推进>“医共体”建设的通知', date: '2024年5月1日', section: '第三条', excerpt: '牵头医院 & 成员单位' };
    const html = sourceCiteHtml(cite);
    const doc = parse(html);
    expect(doc.querySelector('a')!.getAttribute('href')).toBe(cite.href);
    expect(doc.querySelector('a')!.text).toBe(cite.title);
    expect(doc.querySelector('q.excerpt')!.text).toBe(cite.excerpt);
    expect(doc.querySelector('.source')!.text).toBe(`\n来源：${cite.title}（2024年5月1日），第三条：${cite.excerpt} `);
    expect(html).toContain('href="/documents/a/?x=1&#38;y=2"');
    expect(parse(sourceCiteHtml(cite, false)).querySelector('q')).toBeNull();
    // An absolute address with & is written as Astro writes it: unescaped.
    expect(sourceCiteHtml({ ...cite, href: 'https://example.org/a?x=1&y=2' })).toContain('href="https://example.org/a?x=1&y=2"');
  });
});
