/**
 * How a chart's figures are drawn, decided once for every way the site draws them: the static chart on pages without
 * JavaScript (StaticChart.astro), the downloadable SVG (chartSvg below) and, for the same rules, Chart.js (draw.ts).
 * A bound ("> 90%") is never a clean bar ending at 90: its bar runs on into a fading open end; a target is a marker
 * across the scale, never a bar among actual figures; every label names its period (series.ts writes it in).
 */
import type { ChartFigureData, ChartSeries, ChartSpec, ObservationKind } from '../data/series';
import { CHART_DARK, KIND_COLOUR, OPEN_TAIL } from './palette';
import { t } from '../i18n/zh-CN';
import { chartScale } from './chart-scale';

export { OPEN_TAIL };

export interface DrawnFigure {
  kind: ObservationKind;
  /** The series' name (实际, 目标, 基线). */
  series: string;
  /** The label written beside it: value, qualifier, unit and period. */
  text: string;
  /** `bar`: solid to the value; `open`: solid to the bound, then a fading open end; `marker`: a tick at the value. */
  shape: 'bar' | 'open' | 'marker';
  /** Where the value (or bound) falls, 0–1 of the scale. */
  at: number;
  /** For open ends: the fading part runs from `fadeFrom` to `fadeTo` (0–1 of the scale); the arrow points `open`. */
  fadeFrom?: number;
  fadeTo?: number;
  open?: 'up' | 'down';
}

export interface ChartLayout {
  /** The value at the right end of the scale. */
  max: number;
  rows: { name: string; lines: string[]; figures: DrawnFigure[] }[];
  reference?: { at: number; label: string };
}

/**
 * The height a drawn chart takes, reserved before it draws (no layout shift), as two classes of src/styles/charts.css:
 * `chart-phone-N` below 40rem and `chart-wide-N` above, N in em, rounded up to a step of 4 (16–120). On a phone every bar
 * chart is drawn across with each place's name above its bars (draw.ts); on a desktop names stand left of the bars.
 * Each height holds the keyboard hint, the read-out line, the axis and every row.
 */
export const STAGE_STEP = 4;
export const STAGE_MIN = 16;
export const STAGE_MAX = 120;
/** Characters of a place name on one line above its bars on a 320 px phone. */
const PHONE_LINE_CHARS = 18;
const bucket = (em: number) => Math.min(STAGE_MAX, Math.max(STAGE_MIN, Math.ceil(em / STAGE_STEP) * STAGE_STEP));

export function chartStageClasses(spec: ChartSpec): [string, string] {
  const rows = spec.categories.length;
  const series = Math.max(1, spec.series.length);
  const reference = spec.reference ? 1.8 : 0.5;
  const nameLines = Math.max(1, ...spec.categories.map((lines) => Math.ceil([...lines.join('')].length / PHONE_LINE_CHARS)));
  const phone = spec.type === 'line' ? 7 + 20 : 3.2 + 3.4 + 2.5 + reference + rows * (series * 1.8 + 2 * nameLines * 1.1 + 0.8);
  const wide = spec.type === 'line' || spec.orientation === 'vertical' ? 3.5 + 20 : 1.6 + 1.9 + 2.5 + reference + rows * (series * 1.6 + 1) + 1;
  return [`chart-phone-${bucket(phone)}`, `chart-wide-${bucket(wide)}`];
}

/** Whether the chart can be drawn from zero (bars of negative changes are left to the table). */
export function drawableFromZero(spec: ChartSpec): boolean {
  return spec.series.every((s) => s.values.every((v) => v === null || v >= 0));
}

function shapeOf(s: ChartSeries, i: number): DrawnFigure['shape'] {
  if (s.marker) return 'marker';
  return s.open[i] ? 'open' : 'bar';
}

/** Where every figure of a chart is drawn, on one scale from zero with headroom past the longest open end. */
export function chartLayout(spec: ChartSpec): ChartLayout {
  // The same axis as the chart Chart.js draws (chart-scale.ts); the tail as a share of the width.
  const scale = chartScale(spec);
  const max = scale.max;
  const at = (v: number) => Math.round((Math.max(0, v) / max) * 10000) / 10000;
  const tail = scale.tail / max;
  return {
    max,
    rows: spec.categories.map((lines, i) => ({
      name: spec.categoryNames[i] ?? lines.join(''),
      lines,
      figures: spec.series
        .filter((s) => s.values[i] !== null)
        .map((s): DrawnFigure => {
          const shape = shapeOf(s, i);
          const figure: DrawnFigure = { kind: s.kind, series: s.label, text: s.texts[i] ?? '', shape, at: at(s.values[i]!) };
          if (shape !== 'open') return figure;
          const open = s.open[i]!;
          // "≥ / >": the bar reaches the bound and runs on; "≤ / <": it fades out before the bound it cannot pass.
          return open === 'up'
            ? { ...figure, open, fadeFrom: figure.at, fadeTo: Math.min(1, figure.at + tail) }
            : { ...figure, open, fadeFrom: Math.max(0, figure.at - tail), fadeTo: figure.at };
        }),
    })),
    ...(spec.reference ? { reference: { at: at(spec.reference.value), label: spec.reference.label } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The chart as a standalone SVG file, for download: title, summary, bars, and a credit line naming source and licence.

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Lines of at most `width` characters (CJK text breaks anywhere), so long titles and names wrap inside the image. */
export function wrapText(text: string, width: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.length ? lines : [''];
}

export interface ChartCredit {
  /** "来源：医共体公开信息（网址）" */
  source: string;
  /** "许可：CC BY 4.0" */
  licence: string;
}

const WIDTH = 880;
const FONT = 15;
const LABEL_W = 200;
const BAR_X = LABEL_W + 16;
const BAR_W = 380;
const ROW_GAP = 10;
const BAR_H = 22;

/** The chart as one SVG document (fixed size; text as text), for download and for the PNG drawn from it. */
export function chartSvg(chart: ChartFigureData, credit: ChartCredit): string {
  const layout = chartLayout(chart.spec);
  const id = chart.key.replace(/[^\w-]/g, '');
  const parts: string[] = [];
  let y = 34;
  const text = (x: number, yy: number, s: string, attrs = '') => `<text x="${x}" y="${yy}"${attrs}>${escapeXml(s)}</text>`;
  for (const line of wrapText(chart.title, 52)) {
    parts.push(text(24, y, line, ' font-size="20" font-weight="700"'));
    y += 28;
  }
  for (const line of wrapText(chart.summary, 56)) {
    parts.push(text(24, y, line, ' font-size="14" fill="#333"'));
    y += 21;
  }
  y += 12;
  // The key: each kind as drawn, and the open end and national target explained.
  const keyItems: string[] = [];
  let kx = 24;
  const keyEntry = (swatch: string, label: string) => {
    keyItems.push(`<g transform="translate(${kx},${y})">${swatch}${text(30, 13, label, ` font-size="${FONT - 1}"`)}</g>`);
    kx += 40 + [...label].length * (FONT - 1) + 16;
  };
  for (const s of chart.spec.series) {
    keyEntry(s.marker ? `<rect x="10" y="0" width="4" height="16" fill="${KIND_COLOUR[s.kind]}" stroke="${CHART_DARK}"/>` : `<rect width="24" height="16" fill="${fillOf(s.kind, id)}" stroke="${CHART_DARK}"/>`, s.label);
  }
  if (layout.rows.some((r) => r.figures.some((f) => f.shape === 'open'))) keyEntry(`<rect width="24" height="16" fill="url(#${id}-fade)"/>`, t('chart.openEndKey'));
  if (layout.reference) keyEntry(`<line x1="12" x2="12" y1="0" y2="16" stroke="${CHART_DARK}" stroke-width="2" stroke-dasharray="4 3"/>`, layout.reference.label);
  parts.push(...keyItems);
  y += 34;
  const plotTop = y;
  const x = (share: number) => BAR_X + share * BAR_W;
  for (const row of layout.rows) {
    const rowH = Math.max(row.figures.length * (BAR_H + 6), wrapText(row.name, 12).length * 19) + ROW_GAP;
    wrapText(row.name, 12).forEach((line, n) => parts.push(text(LABEL_W, y + 16 + n * 19, line, ` font-size="${FONT}" font-weight="600" text-anchor="end"`)));
    row.figures.forEach((f, n) => {
      const top = y + n * (BAR_H + 6);
      parts.push(figureSvg(f, x, top, id));
      const labelX = x(f.shape === 'open' && f.open === 'up' ? f.fadeTo! : f.at) + 8;
      const label = chart.spec.series.length > 1 || f.kind !== 'actual' ? `${f.series} ${f.text}` : f.text;
      parts.push(text(labelX, top + 16, label, ` font-size="${FONT - 1}"`));
    });
    y += rowH;
    parts.push(`<line x1="24" x2="${WIDTH - 24}" y1="${y - ROW_GAP / 2}" y2="${y - ROW_GAP / 2}" stroke="#d8dde1"/>`);
  }
  if (layout.reference) {
    const rx = x(layout.reference.at);
    parts.push(`<line x1="${rx}" x2="${rx}" y1="${plotTop - 4}" y2="${y}" stroke="${CHART_DARK}" stroke-width="2" stroke-dasharray="5 3"/>`);
  }
  y += 24;
  parts.push(text(24, y, credit.source, ' font-size="13" fill="#333"'));
  y += 20;
  parts.push(text(24, y, credit.licence, ' font-size="13" fill="#333"'));
  const height = y + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif" fill="#1a1a1a">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<desc>${escapeXml(chart.summary)}</desc>`,
    `<defs>${patternDefs(id)}</defs>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

function fillOf(kind: ObservationKind, id: string): string {
  return kind === 'actual' ? KIND_COLOUR.actual : `url(#${id}-${kind})`;
}

/** Hatching for targets, dots for baselines, and the fade of an open end (the actual colour into white). */
export function patternDefs(id: string): string {
  return [
    `<pattern id="${id}-target" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${KIND_COLOUR.target}"/><rect width="2.5" height="8" fill="${CHART_DARK}"/></pattern>`,
    `<pattern id="${id}-baseline" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${KIND_COLOUR.baseline}"/><circle cx="4" cy="4" r="1.6" fill="${CHART_DARK}"/></pattern>`,
    `<linearGradient id="${id}-fade"><stop offset="0" stop-color="${KIND_COLOUR.actual}" stop-opacity="0.75"/><stop offset="1" stop-color="${KIND_COLOUR.actual}" stop-opacity="0"/></linearGradient>`,
    `<linearGradient id="${id}-fade-down" x1="1" x2="0"><stop offset="0" stop-color="${KIND_COLOUR.actual}" stop-opacity="0.75"/><stop offset="1" stop-color="${KIND_COLOUR.actual}" stop-opacity="0"/></linearGradient>`,
  ].join('');
}

/**
 * One figure as SVG elements in a box from `top`, BAR_H high: a bar, a bar with a fading open end and an arrow, or a
 * target marker (a thick tick with a triangle above it). `x` maps 0–1 of the scale to a coordinate.
 */
export function figureSvg(f: DrawnFigure, x: (share: number) => number, top: number, id: string, height = BAR_H): string {
  const mid = top + height / 2;
  if (f.shape === 'marker') {
    const mx = x(f.at);
    return `<g data-shape="marker"><line x1="${mx}" x2="${mx}" y1="${top}" y2="${top + height}" stroke="${CHART_DARK}" stroke-width="5"/><line x1="${mx}" x2="${mx}" y1="${top + 1}" y2="${top + height - 1}" stroke="${KIND_COLOUR.target}" stroke-width="3"/><path d="M${mx - 6} ${top - 1}L${mx + 6} ${top - 1}L${mx} ${top + 7}Z" fill="${KIND_COLOUR.target}" stroke="${CHART_DARK}"/></g>`;
  }
  const fill = fillOf(f.kind, id);
  if (f.shape === 'bar') return `<rect data-shape="bar" x="${x(0)}" y="${top}" width="${x(f.at) - x(0)}" height="${height}" fill="${fill}" stroke="${CHART_DARK}"/>`;
  const from = x(f.fadeFrom!);
  const to = x(f.fadeTo!);
  const solid = `<path d="M${x(0)} ${top}H${from}V${top + height}H${x(0)}Z" fill="${fill}" stroke="${CHART_DARK}"/>`;
  const fade = `<rect x="${from}" y="${top}" width="${to - from}" height="${height}" fill="url(#${id}-${f.open === 'up' ? 'fade' : 'fade-down'})"/>`;
  // The arrow points the way the true value lies: past the bound for "> / ≥", back below it for "< / ≤".
  const arrow =
    f.open === 'up'
      ? `<path d="M${to - 8} ${top + 3}L${to} ${mid}L${to - 8} ${top + height - 3}" fill="none" stroke="${CHART_DARK}" stroke-width="2.5"/>`
      : `<path d="M${to} ${top}V${top + height}" stroke="${CHART_DARK}" stroke-width="2" stroke-dasharray="3 2"/><path d="M${to - 2} ${top + 3}L${to - 10} ${mid}L${to - 2} ${top + height - 3}" fill="none" stroke="${CHART_DARK}" stroke-width="2.5"/>`;
  return `<g data-shape="open" data-open="${f.open}">${solid}${fade}${arrow}</g>`;
}

const pct = (share: number) => `${Math.round(share * 10000) / 100}%`;

/**
 * One figure inside a page's static chart track (an <svg> as wide as the row, 1.3em high): the same shapes as
 * figureSvg, placed in percentages so the track stretches with the page; arrows are drawn in pixels at their spot.
 */
export function trackSvg(f: DrawnFigure, id: string, reference?: number): string {
  const fill = fillOf(f.kind, id);
  const line = reference === undefined ? '' : `<line x1="${pct(reference)}" x2="${pct(reference)}" y1="0" y2="100%" stroke="${CHART_DARK}" stroke-width="2" stroke-dasharray="5 3"/>`;
  let shape: string;
  if (f.shape === 'marker') {
    shape = `<g data-shape="marker"><line x1="${pct(f.at)}" x2="${pct(f.at)}" y1="0" y2="100%" stroke="${CHART_DARK}" stroke-width="6"/><line x1="${pct(f.at)}" x2="${pct(f.at)}" y1="1" y2="100%" stroke="${KIND_COLOUR.target}" stroke-width="3"/></g>`;
  } else if (f.shape === 'bar') {
    shape = `<rect data-shape="bar" x="0" y="0" height="100%" width="${pct(f.at)}" fill="${fill}" stroke="${CHART_DARK}" stroke-width="1"/>`;
  } else {
    const up = f.open === 'up';
    const arrow = up
      ? `<svg x="${pct(f.fadeTo!)}" y="0" width="1" height="100%" overflow="visible"><path d="M-9 3L-1 10.5L-9 18" fill="none" stroke="${CHART_DARK}" stroke-width="2.5"/></svg>`
      : `<line x1="${pct(f.at)}" x2="${pct(f.at)}" y1="0" y2="100%" stroke="${CHART_DARK}" stroke-width="2" stroke-dasharray="3 2"/><svg x="${pct(f.at)}" y="0" width="1" height="100%" overflow="visible"><path d="M-3 3L-11 10.5L-3 18" fill="none" stroke="${CHART_DARK}" stroke-width="2.5"/></svg>`;
    shape =
      `<g data-shape="open" data-open="${f.open}">` +
      `<rect x="0" y="0" height="100%" width="${pct(f.fadeFrom!)}" fill="${fill}" stroke="${CHART_DARK}" stroke-width="1"/>` +
      `<rect x="${pct(f.fadeFrom!)}" y="0" height="100%" width="${pct(f.fadeTo! - f.fadeFrom!)}" fill="url(#${id}-${up ? 'fade' : 'fade-down'})"/>` +
      arrow +
      '</g>';
  }
  return shape + line;
}
