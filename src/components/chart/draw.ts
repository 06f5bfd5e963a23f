/**
 * Draws a ChartSpec with Chart.js, registering only the parts used (bars, lines, points, two scales, tooltips).
 * Colours are set here (UK Analysis Function palette); colour is never the only carrier: targets are hatched,
 * baselines dotted, every value is written beside its bar or point, and the key above the chart names each kind.
 * The same drawing rules as the static chart (src/views/chart-layout.ts): a bound ("> 90%") fades past its value with an
 * arrow, never a clean bar ending at it; targets in a bar chart are markers (a tick), not bars among actual figures.
 * The canvas is focusable: arrow keys move through the values, each shown as a tooltip and read out in a live region.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import type { ChartSpec, ObservationKind } from '../../data/series';
import { CHART_DARK as DARK, KIND_COLOUR } from '../../views/palette';
import type { ChartTexts } from './element';
import { chartScale } from '../../views/chart-scale';
import { fill } from '../../i18n/fill';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

const INK = '#1a1a1a';
/** One formatter for every tick: toLocaleString builds a new one per call, and Chart.js asks for each tick's text
 * many times while it lays out the axes (about 130 ms of a phone's first draw, measured at 4× CPU slow-down). */
const GROUPED = new Intl.NumberFormat('en-US');
const GRID = '#c9d1d8';

/** Hatching for targets, dots for baselines, solid for actual figures. */
function pattern(kind: ObservationKind): CanvasPattern | string {
  const colour = KIND_COLOUR[kind];
  if (kind === 'actual') return colour;
  const tile = document.createElement('canvas');
  const size = 10 * Math.max(1, Math.round(window.devicePixelRatio || 1));
  tile.width = tile.height = size;
  const ctx = tile.getContext('2d')!;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = DARK;
  ctx.strokeStyle = DARK;
  ctx.lineWidth = size / 5;
  if (kind === 'target') {
    ctx.beginPath();
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.moveTo(-size / 2, size / 2);
    ctx.lineTo(size / 2, -size / 2);
    ctx.moveTo(size / 2, size * 1.5);
    ctx.lineTo(size * 1.5, size / 2);
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 6, 0, Math.PI * 2);
    ctx.fill();
  }
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

const POINT_STYLE: Record<ObservationKind, 'rect' | 'circle' | 'triangle'> = { baseline: 'rect', actual: 'circle', target: 'triangle' };

/** Lets the browser paint and handle input before the next piece of work (a task each, none long). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((done) => setTimeout(done, 0));
}

/** Measures and lays out the chart, then, in a task of its own, has Chart.js draw it. */
export async function drawChart(host: HTMLElement, spec: ChartSpec, texts: ChartTexts): Promise<Chart> {
  const canvas = host.querySelector('canvas')!;
  const box = canvas.parentElement!;
  const readout = host.querySelector<HTMLElement>('[data-chart-readout]');
  const fontSize = Math.round(parseFloat(getComputedStyle(host).fontSize) || 16);
  const rows = spec.categories.length;
  const series = Math.max(1, spec.series.length);
  const narrow = box.clientWidth < 480;
  // On a phone every bar chart runs across, each place's name written above its bars over the chart's whole width:
  // names never cut at the edge, values never squeezed. The full name is in the tooltip, the read-out and the table.
  const horizontal = spec.orientation === 'horizontal' || (narrow && spec.type === 'bar');
  const namesAbove = narrow && horizontal;
  const family = getComputedStyle(host).fontFamily;
  const measure = document.createElement('canvas').getContext('2d')!;
  const widthOf = (text: string, size: number, weight = '') => {
    measure.font = `${weight} ${size}px ${family}`;
    return measure.measureText(text).width;
  };
  /** Text broken into lines no wider than `room` px, character by character (Chinese has no spaces to break at). */
  const wrap = (text: string, room: number, size: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const ch of text) {
      if (line && widthOf(line + ch, size) > room) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    return line ? [...lines, line] : lines;
  };
  const nameSize = fontSize * 0.85;
  // Upright bars: each name wraps to its band's width, at most three lines, the last cut with "…" (full text on hover,
  // focus and in the table). Names above bars are drawn by a plugin, so the axis carries none.
  const band = (box.clientWidth * 0.8) / Math.max(1, rows);
  const labels = spec.categories.map((lines) => {
    if (namesAbove) return [''];
    if (horizontal) return lines;
    const wrapped = lines.flatMap((line) => wrap(line, Math.max(band - 4, nameSize * 2), nameSize));
    return wrapped.length > 3 ? [...wrapped.slice(0, 2), `${wrapped[2]!.slice(0, -1)}…`] : wrapped;
  });
  // The box's height is the stage's, fixed by CSS before drawing; bars take what the rows leave after names and axis.
  const nameLines = namesAbove ? spec.categories.map((lines) => wrap(lines.join(''), box.clientWidth - 8, nameSize)) : [];
  const nameHeight = nameSize * 1.25;
  const axisRoom = fontSize * 2.5 + (spec.reference ? fontSize * 1.8 : fontSize * 0.5);
  const rowRoom = (box.clientHeight - axisRoom) / Math.max(1, rows);
  const mostLines = Math.max(1, ...nameLines.map((l) => l.length));
  const barThickness = namesAbove ? Math.max(fontSize * 0.7, Math.min(fontSize * 1.8, (rowRoom - 2 * mostLines * nameHeight - 6) / series / 1.15)) : undefined;

  const datasets = spec.series.map((s): ChartDataset<'bar' | 'line', (number | null)[]> => {
    const colour = KIND_COLOUR[s.kind];
    if (spec.type === 'line') {
      return {
        type: 'line',
        label: s.label,
        data: s.values,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 3,
        borderDash: s.kind === 'actual' ? [] : [8, 5],
        pointStyle: POINT_STYLE[s.kind],
        pointRadius: 7,
        pointHoverRadius: 10,
        pointBorderColor: DARK,
        spanGaps: true,
        showLine: s.values.filter((v) => v !== null).length > 1,
      };
    }
    if (s.marker) {
      // A target is a tick across the category, not a bar beside the actual figure.
      return {
        type: 'line',
        label: s.label,
        data: s.values,
        indexAxis: horizontal ? 'y' : 'x',
        showLine: false,
        pointStyle: 'line',
        rotation: horizontal ? 90 : 0,
        pointRadius: fontSize * 1.1,
        pointHoverRadius: fontSize * 1.3,
        borderColor: colour,
        backgroundColor: colour,
        pointBorderWidth: 5,
        pointHoverBorderWidth: 6,
      } as ChartDataset<'line', (number | null)[]>;
    }
    return {
      type: 'bar',
      label: s.label,
      data: s.values,
      backgroundColor: pattern(s.kind),
      borderColor: s.kind === 'actual' ? colour : DARK,
      borderWidth: 1.5,
      maxBarThickness: fontSize * 2.2,
      ...(barThickness ? { barThickness } : {}),
      categoryPercentage: 0.85,
      barPercentage: 0.9,
    };
  });

  const valueAxis = horizontal ? 'x' : 'y';
  const valueSize = fontSize * 0.85;
  // On a phone a value is written without its period ("> 90%"), which the tooltip, read-out and table give in full.
  const shortText = (text: string) => (narrow ? text.replace(/\s*[（(].*$/u, '') : text);
  const valueLabel = (d: number, i: number) => {
    const s = spec.series[d]!;
    const text = shortText(s.texts[i] ?? '');
    // A target or baseline always says so, even alone in its chart.
    return spec.series.length > 1 || s.kind !== 'actual' ? `${s.label} ${text}` : text;
  };
  // Room for the longest value beside a bar, measured, up to 45% of the width (the rest is for the bars).
  const longest = Math.max(0, ...spec.series.flatMap((s, d) => s.texts.map((_, i) => widthOf(valueLabel(d, i), valueSize))));
  const labelRoom = Math.min(box.clientWidth * 0.45, longest + 12);
  // The same axis as the SVG drawn at build time (src/views/chart-scale.ts).
  const { tail, max } = chartScale(spec);
  /** Where the label of a bar goes: past its open end when the bar runs on. */
  const openUp = (d: number, i: number) => spec.type === 'bar' && !spec.series[d].marker && spec.series[d].open[i] === 'up';
  const tick = (v: number | string) => `${GROUPED.format(Number(v))}${spec.unit === '%' ? '%' : ''}`;

  /** Every value written beside its bar or above its point, with its kind: colour is never needed to read it. */
  const directLabels: Plugin = {
    id: 'ygDirectLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `${valueSize}px ${family}`;
      spec.series.forEach((s, d) => {
        const meta = chart.getDatasetMeta(d);
        meta.data.forEach((el, i) => {
          if (!s.texts[i] || s.values[i] === null) return;
          const label = valueLabel(d, i);
          const w = ctx.measureText(label).width;
          let { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          if (openUp(d, i)) {
            const end = chart.scales[valueAxis].getPixelForValue(s.values[i]! + tail);
            if (horizontal) x = end;
            else y = end;
          }
          // Never over an axis or past the edge: kept inside the plotting area and the canvas, on a white ground.
          let left: number;
          let middle: number;
          if (horizontal) {
            left = Math.max(chartArea.left + 2, Math.min(x + 6, chart.width - w - 2));
            middle = y;
          } else {
            left = Math.max(chartArea.left + 2, Math.min(x - w / 2, chart.width - w - 2));
            middle = Math.max(chartArea.top - fontSize * 0.3, y - (spec.type === 'line' || s.marker ? 12 : 6) - valueSize / 2);
          }
          ctx.fillStyle = 'rgba(255,255,255,0.85)';
          ctx.fillRect(left - 2, middle - valueSize * 0.65, w + 4, valueSize * 1.3);
          ctx.fillStyle = INK;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(label, left, middle);
        });
      });
      ctx.restore();
    },
  };

  /** On a phone, each place's name above its bars, across the chart's whole width. */
  const namesOverBars: Plugin = {
    id: 'ygNamesAbove',
    afterDatasetsDraw(chart) {
      if (!namesAbove) return;
      const { ctx } = chart;
      const scale = chart.scales.y;
      const groupHalf = ((barThickness ?? fontSize) * series * 1.1) / 2;
      ctx.save();
      ctx.font = `600 ${nameSize}px ${family}`;
      ctx.fillStyle = INK;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      nameLines.forEach((lines, i) => {
        const bottom = scale.getPixelForValue(i) - groupHalf - 3;
        lines.forEach((line, n) => ctx.fillText(line, 4, bottom - (lines.length - 1 - n) * nameHeight));
      });
      ctx.restore();
    },
  };

  /**
   * Open ends: a "≥ / >" bar runs on past its bound in a fade with an arrow; a "≤ / <" bar fades out before its bound,
   * which is marked with a dashed line and an arrow pointing back. Never a clean bar ending at the bound.
   */
  const openEnds: Plugin = {
    id: 'ygOpenEnds',
    afterDatasetsDraw(chart) {
      if (spec.type !== 'bar') return;
      const { ctx } = chart;
      const scale = chart.scales[valueAxis];
      spec.series.forEach((s, d) => {
        if (s.marker) return;
        chart.getDatasetMeta(d).data.forEach((el, i) => {
          const open = s.open[i];
          const value = s.values[i];
          if (!open || value === null) return;
          const { x, y, width, height } = el.getProps(['x', 'y', 'width', 'height'], true) as { x: number; y: number; width: number; height: number };
          const bound = scale.getPixelForValue(value);
          const far = scale.getPixelForValue(open === 'up' ? value + tail : Math.max(0, value - tail));
          const thick = horizontal ? height : width;
          const across = horizontal ? y - thick / 2 : x - thick / 2;
          ctx.save();
          const gradient = horizontal ? ctx.createLinearGradient(bound, 0, far, 0) : ctx.createLinearGradient(0, bound, 0, far);
          if (open === 'up') {
            gradient.addColorStop(0, `${KIND_COLOUR[s.kind]}cc`);
            gradient.addColorStop(1, `${KIND_COLOUR[s.kind]}00`);
          } else {
            // Fade the bar out before the bound: white over its last stretch.
            gradient.addColorStop(0, 'rgba(255,255,255,0.95)');
            gradient.addColorStop(1, 'rgba(255,255,255,0)');
          }
          ctx.fillStyle = gradient;
          if (horizontal) ctx.fillRect(Math.min(bound, far), across, Math.abs(far - bound), thick);
          else ctx.fillRect(across, Math.min(bound, far), thick, Math.abs(far - bound));
          ctx.strokeStyle = DARK;
          ctx.lineWidth = 2.5;
          const tip = open === 'up' ? far : bound;
          const back = open === 'up' ? -8 : -8;
          const mid = across + thick / 2;
          const spread = Math.min(thick / 2 - 2, 9);
          ctx.beginPath();
          if (horizontal) {
            const t = open === 'up' ? tip : tip - 3;
            const dir = open === 'up' ? back : -back;
            ctx.moveTo(t + dir, mid - spread);
            ctx.lineTo(t, mid);
            ctx.lineTo(t + dir, mid + spread);
          } else {
            const t = open === 'up' ? tip : tip + 3;
            const dir = open === 'up' ? -back : back;
            ctx.moveTo(mid - spread, t + dir);
            ctx.lineTo(mid, t);
            ctx.lineTo(mid + spread, t + dir);
          }
          ctx.stroke();
          if (open === 'down') {
            ctx.setLineDash([3, 2]);
            ctx.beginPath();
            if (horizontal) {
              ctx.moveTo(bound, across);
              ctx.lineTo(bound, across + thick);
            } else {
              ctx.moveTo(across, bound);
              ctx.lineTo(across + thick, bound);
            }
            ctx.stroke();
          }
          ctx.restore();
        });
      });
    },
  };

  /** The national target as a dashed line with its label written on it. */
  const referenceLine: Plugin = {
    id: 'ygReference',
    afterDatasetsDraw(chart) {
      if (!spec.reference) return;
      const { ctx, chartArea } = chart;
      const scale = chart.scales[valueAxis];
      const at = scale.getPixelForValue(spec.reference.value);
      ctx.save();
      ctx.strokeStyle = DARK;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      if (horizontal) {
        ctx.moveTo(at, chartArea.top - 4);
        ctx.lineTo(at, chartArea.bottom);
      } else {
        ctx.moveTo(chartArea.left, at);
        ctx.lineTo(chartArea.right, at);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = INK;
      ctx.font = `600 ${fontSize * 0.85}px ${family}`;
      ctx.textBaseline = 'bottom';
      if (horizontal) {
        ctx.textAlign = at > (chartArea.left + chartArea.right) / 2 ? 'right' : 'left';
        ctx.fillText(spec.reference.label, at, chartArea.top - 6);
      } else {
        ctx.textAlign = 'right';
        ctx.fillText(spec.reference.label, chartArea.right, at - 4);
      }
      ctx.restore();
    },
  };

  const config: ChartConfiguration<'bar' | 'line', (number | null)[], string[]> = {
    type: spec.type,
    data: { labels, datasets },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      // Omit empty cells from bar spacing, so a place with only a target gets one full-width bar.
      skipNull: true,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: spec.reference ? fontSize * 1.8 : fontSize * 0.5, right: horizontal ? labelRoom : Math.min(labelRoom / 2, fontSize * (narrow ? 3 : 8)), left: 4, bottom: 4 } },
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        [valueAxis]: {
          beginAtZero: spec.type === 'bar',
          suggestedMax: max,
          grace: '5%',
          grid: { color: GRID },
          border: { color: DARK },
          ticks: { color: INK, font: { size: fontSize * 0.8 }, callback: tick },
          title: { display: spec.unit !== '%', text: spec.unit, color: INK, font: { size: fontSize * 0.8 } },
        },
        [horizontal ? 'y' : 'x']: {
          grid: { display: false },
          border: { color: DARK },
          ticks: { display: !namesAbove, color: INK, font: { size: nameSize }, autoSkip: false },
        },
      },
      plugins: {
        tooltip: {
          backgroundColor: '#fff',
          titleColor: INK,
          bodyColor: INK,
          borderColor: DARK,
          borderWidth: 1,
          titleFont: { size: fontSize * 0.85 },
          bodyFont: { size: fontSize * 0.85 },
          displayColors: false,
          callbacks: {
            title: (items) => spec.categoryNames[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => {
              const s = spec.series[item.datasetIndex];
              return `${s.label}：${s.texts[item.dataIndex] ?? ''}（${s.periods[item.dataIndex] ?? ''}）`;
            },
          },
        },
      },
    },
    plugins: [openEnds, directLabels, namesOverBars, referenceLine],
  };

  await nextTask();
  const chart = new Chart(canvas, config);

  // Keyboard: the values in reading order (category by category), skipping empty cells.
  const points = spec.categories.flatMap((_, index) =>
    spec.series.flatMap((s, datasetIndex) => (s.values[index] === null ? [] : [{ datasetIndex, index }])),
  );
  let current = -1;
  const show = (n: number) => {
    current = (n + points.length) % points.length;
    const active = points[current];
    const el = chart.getDatasetMeta(active.datasetIndex).data[active.index];
    const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
    chart.setActiveElements([active]);
    chart.tooltip?.setActiveElements([active], { x, y });
    chart.update();
    const s = spec.series[active.datasetIndex];
    if (readout) {
      readout.textContent = fill(texts.point, {
        category: spec.categoryNames[active.index],
        series: s.label,
        value: s.texts[active.index] ?? '',
        period: s.periods[active.index] ?? '',
      });
    }
  };
  const clear = () => {
    current = -1;
    chart.setActiveElements([]);
    chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.update();
  };
  canvas.addEventListener('keydown', (event) => {
    if (!points.length) return;
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in step) show(current < 0 ? (step[event.key] > 0 ? 0 : points.length - 1) : current + step[event.key]);
    else if (event.key === 'Home') show(0);
    else if (event.key === 'End') show(points.length - 1);
    else if (event.key === 'Escape') clear();
    else return;
    event.preventDefault();
  });
  canvas.addEventListener('focus', () => {
    if (current < 0 && points.length) show(0);
  });
  canvas.addEventListener('blur', clear);
  return chart;
}
