/**
 * How charts draw figures (src/views/chart-layout.ts), for the static chart on pages and the downloadable SVG: a bound
 * ("> 90%") is drawn open past its value, never as a clean bar ending at it; a target is a marker, not a bar; every
 * label carries its period. Expected texts come from the fixture's figures.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/schemas';
import { comparisonChart, subjectChart, type ChartFigureData } from '../../src/data/series';
import { chartLayout, chartSvg, figureSvg, trackSvg, wrapText } from '../../src/views/chart-layout';
import { fixtureSite, visitRate } from './indicators-fixture';

const dataset = fixtureSite();
const of = (subject?: string) => dataset.observations.filter((o) => o.indicator === 'visit-rate' && (!subject || o.subject.id === subject));
const credit = { source: '来源：医共体公开信息（http://localhost:4321/indicators/visit-rate/）', licence: '许可：CC BY 4.0' };
const figuresOf = (chart: ChartFigureData) => chartLayout(chart.spec).rows.flatMap((r) => r.figures.map((f) => ({ row: r.name, ...f })));

/** A chart of one subject's figures, with the qualifier of each figure changed to the one given. */
function withQualifier(qualifier: Observation['qualifier']) {
  const figures = of('county-c').map((o) => (o.id === 'c-rate-2024' ? { ...o, qualifier } : o));
  return subjectChart(dataset, visitRate, figures)!;
}

describe('open-ended figures', () => {
  const chart = comparisonChart(dataset, visitRate, of())!;
  const drawn = figuresOf(chart);
  const bound = drawn.find((f) => f.row === '甲县')!;

  it('are drawn open past their bound, labelled with the bound and its period', () => {
    expect(bound.shape).toBe('open');
    expect(bound.open).toBe('up');
    expect(bound.text).toBe('> 90%（2024年上半年）');
    // The solid part ends at the bound, the fade runs on past it: never a bar ending cleanly at 90.
    expect(bound.fadeFrom).toBe(bound.at);
    expect(bound.fadeTo!).toBeGreaterThan(bound.at);
    const svg = trackSvg(bound, 'x');
    expect(svg).toContain('data-open="up"');
    expect(svg).toContain('url(#x-fade)');
  });

  it('stay distinct from the national target line at the same value', () => {
    const layout = chartLayout(chart.spec);
    expect(layout.reference!.at).toBe(bound.at);
    expect(bound.fadeTo!).toBeGreaterThan(layout.reference!.at);
  });

  it('exact figures are plain bars ending at their value', () => {
    const exact = drawn.filter((f) => f.row !== '甲县');
    expect(exact.map((f) => [f.row, f.shape, f.text])).toEqual([
      ['乙县', 'bar', '92.5%（2024年上半年）'],
      ['丙县', 'bar', '84.5%（2024年8月）'],
    ]);
    const layout = chartLayout(chart.spec);
    expect(exact[0].at).toBeCloseTo(92.5 / layout.max, 3);
    expect(trackSvg(exact[0], 'x')).toMatch(/data-shape="bar"[^>]*width="[\d.]+%"/);
  });

  it.each([
    ['more-than', 'up'],
    ['at-least', 'up'],
    ['less-than', 'down'],
    ['at-most', 'down'],
  ] as const)('a figure given as %s is drawn open %s', (qualifier, direction) => {
    const f = figuresOf(withQualifier(qualifier)).find((x) => x.text.includes('2024年8月'))!;
    expect(f.text).toMatch(/^[<>≤≥] 84\.5%（2024年8月）$/);
    expect(f.shape).toBe('open');
    expect(f.open).toBe(direction);
    // Up: the fade starts at the bound; down: it ends there (the value lies somewhere below).
    if (direction === 'up') expect([f.fadeFrom, f.fadeTo! > f.at]).toEqual([f.at, true]);
    else expect([f.fadeTo, f.fadeFrom! < f.at]).toEqual([f.at, true]);
  });

  it.each([['about'], [undefined]] as const)('a figure given as %s is a plain bar', (qualifier) => {
    const f = figuresOf(withQualifier(qualifier)).find((x) => x.text.includes('2024年8月'))!;
    expect(f.shape).toBe('bar');
  });
});

describe('targets', () => {
  const chart = subjectChart(dataset, visitRate, of('county-c'))!;
  const drawn = figuresOf(chart);

  it('are markers, never bars among actual figures; actual figures stay bars', () => {
    expect(drawn.map((f) => [f.kind, f.shape])).toEqual([
      ['actual', 'bar'],
      ['actual', 'bar'],
      ['target', 'marker'],
    ]);
    const target = drawn.find((f) => f.kind === 'target')!;
    expect(trackSvg(target, 'x')).toContain('data-shape="marker"');
    expect(trackSvg(target, 'x')).not.toContain('<rect');
    expect(figureSvg(target, (s) => s * 100, 0, 'x')).not.toContain('<rect');
  });

  it('carry their period, as every label does', () => {
    expect(drawn.map((f) => f.text)).toEqual(['80%（2023年）', '84.5%（2024年8月）', '90%（2025年）']);
  });
});

describe('the chart as an SVG file', () => {
  const chart = comparisonChart(dataset, visitRate, of())!;
  const svg = chartSvg(chart, credit);

  it('is one SVG document with the title, summary, source and licence', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`<title>${chart.title}</title>`);
    for (const line of wrapText(chart.title, 52)) expect(svg).toContain(line);
    expect(svg).toContain(credit.licence);
    expect(svg).toContain('许可：CC BY 4.0');
  });

  it('draws the same decisions as the page: one open end, plain bars, each label with its period', () => {
    expect(svg.match(/data-shape="open"/g)).toHaveLength(1);
    expect(svg.match(/data-shape="bar"/g)).toHaveLength(2);
    for (const text of ['&gt; 90%（2024年上半年）', '92.5%（2024年上半年）', '84.5%（2024年8月）']) expect(svg).toContain(text);
  });

  it('escapes text from the data', () => {
    const hostile = { ...chart, title: '<script>alert(1)</script> & "x"' };
    const out = chartSvg(hostile, credit);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
  });
});

describe('one value axis for the build-time SVG and the drawn chart', () => {
  it('ends past the largest figure by the open tail only when a bar runs on, and the SVG places figures on that axis', async () => {
    const { chartScale } = await import('../../src/views/chart-scale');
    const { OPEN_TAIL } = await import('../../src/views/palette');
    const base = { type: 'bar' as const, unit: '%', categories: [['甲'], ['乙']], categoryNames: ['甲', '乙'] };
    const closed = { ...base, series: [{ label: '实际', kind: 'actual' as const, values: [80, 92], texts: ['80%', '92%'], open: [undefined, undefined] }] };
    const open = { ...base, series: [{ label: '实际', kind: 'actual' as const, values: [80, 92], texts: ['80%', '> 92%'], open: [undefined, 'up' as const] }] };
    // 92 is the largest figure: the axis ends 4% past it, and past the open tail too when "> 92%" runs on.
    expect(chartScale(closed as never).max).toBeCloseTo(92 * 1.04);
    expect(chartScale(open as never).max).toBeCloseTo(92 * (1 + OPEN_TAIL + 0.04));
    const layout = chartLayout(open as never);
    expect(layout.max).toBe(chartScale(open as never).max);
    expect(layout.rows[1].figures[0].at).toBeCloseTo(92 / layout.max, 3);
  });
});

describe('a chart figure as its components render it (src/views/chart-figure.ts)', () => {
  it('hands the build-time chart its key, one row per place and each value as the page writes it', async () => {
    const { chartFigureView } = await import('../../src/views/chart-figure');
    const chart = comparisonChart(dataset, visitRate, of())!;
    const view = chartFigureView(chart, false);
    expect(view.stageClass).toBe('');
    expect(view.interactive).toBeUndefined();
    const rows = view.static!.rows;
    expect(rows.map((r) => r.label)).toEqual(chartLayout(chart.spec).rows.map((r) => r.lines.join('')));
    expect(rows.flatMap((r) => r.bars.map((b) => b.value))).toEqual(expect.arrayContaining(['> 90%（2024年上半年）', '92.5%（2024年上半年）']));
    expect(rows.flatMap((r) => r.bars).find((b) => b.shape === 'open')!.track).toContain('data-open="up"');
    // The key names the open end and the national target line, because this chart draws both.
    const key = view.static!.key.map((k) => k.label);
    expect(key).toContain('开口：来源只给出界限');
    expect(key).toContain(chart.spec.reference!.label);
  });

  it('names the series before a target figure, and reserves the drawn chart its height when interactive', async () => {
    const { chartFigureView } = await import('../../src/views/chart-figure');
    const chart = subjectChart(dataset, visitRate, of('county-c'))!;
    const view = chartFigureView(chart, true);
    const values = view.static!.rows.flatMap((r) => r.bars.map((b) => b.value));
    expect(values.some((v) => v.startsWith('目标 ') && v.includes('90%（2025年）'))).toBe(true);
    expect(view.stageClass).toMatch(/^chart-phone-\d+ chart-wide-\d+$/);
    expect(JSON.parse(view.interactive!.spec)).toEqual(chart.spec);
    expect(JSON.parse(view.interactive!.texts).label).toContain(chart.title);
  });

  it('draws nothing for bars of negative changes (the table says them)', async () => {
    const { chartFigureView } = await import('../../src/views/chart-figure');
    const chart = comparisonChart(dataset, visitRate, of())!;
    const negative = { ...chart, spec: { ...chart.spec, series: chart.spec.series.map((s) => ({ ...s, values: s.values.map((v) => (v === null ? v : -v)) })) } };
    const view = chartFigureView(negative, true);
    expect(view.drawable).toBe(false);
    expect(view.static).toBeUndefined();
  });
});
