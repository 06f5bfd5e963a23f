/**
 * A chart figure as its components render it (ChartFigure.astro, StaticChart.astro through ./static-chart-html.ts): whether it can be
 * drawn, the stage's reserved height, the texts the drawn chart reads out, the key, and every row of the build-time
 * chart with its SVG already written. The components only place what this returns.
 */
import type { ChartFigureData, ChartSpec } from '../data/series';
import { chartLayout, chartStageClasses, drawableFromZero, patternDefs, trackSvg } from './chart-layout';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

/** One entry of a chart's key: a marker (line charts) or a swatch (bars, ticks, the open end, the target line). */
export interface ChartKeyItem {
  /** `marker` draws `symbol` in `className`; `swatch` draws a box of `className`. */
  shape: 'marker' | 'swatch';
  className: string;
  symbol?: string;
  label: string;
}

export interface StaticChartView {
  label: string;
  key: ChartKeyItem[];
  /** The patterns and fades the bars refer to, as SVG. */
  defs: string;
  rows: { label: string; bars: { shape: string; track: string; value: string }[] }[];
}

export interface ChartFigureView {
  id: string;
  title: string;
  summary: string;
  /** Bars of negative changes are left to the table: nothing is drawn then. */
  drawable: boolean;
  /** The drawn chart's reserved height (a class per screen width), or '' for a chart not drawn in the browser. */
  stageClass: string;
  /** What the browser's chart element is given: the spec and the texts it reads out, as JSON attributes. */
  interactive?: { spec: string; texts: string; label: string };
  /** The build-time chart (present when drawable). */
  static?: StaticChartView;
}

const MARKER = { baseline: '■', actual: '●', target: '▲' } as const;

/** The key above a chart (ONS: key above, horizontal text): each kind's mark and name, the open end and the target line when drawn. */
export function chartKey(spec: ChartSpec): ChartKeyItem[] {
  const items: ChartKeyItem[] = spec.series.map((s) => {
    if (spec.type === 'line') return { shape: 'marker', className: `marker marker-${s.kind}`, symbol: MARKER[s.kind], label: s.label };
    if (s.marker) return { shape: 'swatch', className: 'swatch swatch-tick', label: t('chart.targetMarker') };
    return { shape: 'swatch', className: `swatch swatch-${s.kind}`, label: s.label };
  });
  const hasOpen = spec.type === 'bar' && spec.series.some((s) => !s.marker && s.open.some(Boolean));
  if (hasOpen) items.push({ shape: 'swatch', className: 'swatch swatch-open', label: t('chart.openEndKey') });
  if (spec.reference) items.push({ shape: 'swatch', className: 'swatch swatch-reference', label: spec.reference.label });
  return items;
}

/** The bar chart drawn at build time: one row per category, each value written beside its bar. */
export function staticChartView(chart: ChartFigureData): StaticChartView {
  const { spec } = chart;
  const layout = chartLayout(spec);
  const id = `static-${chart.key}`.replace(/[^\w-]/g, '');
  // A series' name is written before a value when the row can hold more than one kind of figure.
  const named = spec.series.length > 1;
  return {
    label: tf('chart.staticLabel', { title: chart.title }),
    key: chartKey(spec),
    defs: patternDefs(id),
    rows: layout.rows.map((row) => ({
      label: row.lines.join(''),
      bars: row.figures.map((f) => ({
        shape: f.shape,
        track: trackSvg(f, id, layout.reference?.at),
        value: named || f.kind !== 'actual' ? `${f.series} ${f.text}` : f.text,
      })),
    })),
  };
}

/** Everything a chart figure shows; `interactive` charts are drawn by Chart.js over the build-time one. */
export function chartFigureView(chart: ChartFigureData, interactive: boolean): ChartFigureView {
  const drawable = drawableFromZero(chart.spec);
  const label = tf(chart.spec.type === 'line' ? 'chart.canvasLine' : 'chart.canvas', { title: chart.title });
  return {
    id: `chart-${chart.key}`,
    title: chart.title,
    summary: chart.summary,
    drawable,
    // The drawn chart lies over the build-time one in a stage whose height is fixed before anything draws (phone and
    // desktop apart): nothing moves when Chart.js arrives (no layout shift).
    stageClass: interactive ? chartStageClasses(chart.spec).join(' ') : '',
    ...(interactive ? { interactive: { spec: JSON.stringify(chart.spec), texts: JSON.stringify({ label, point: t('chart.point') }), label } } : {}),
    ...(drawable ? { static: staticChartView(chart) } : {}),
  };
}
