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
import { CHART_DARK as DARK, KIND_COLOUR, OPEN_TAIL } from '../../views/palette';
import type { ChartTexts } from './element';
import { fill } from '../../i18n/fill';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

const INK = '#1a1a1a';
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

export function drawChart(host: HTMLElement, spec: ChartSpec, texts: ChartTexts): Chart {
  const canvas = host.querySelector('canvas')!;
  const box = canvas.parentElement!;
  const readout = host.querySelector<HTMLElement>('[data-chart-readout]');
  const horizontal = spec.orientation === 'horizontal';
  const fontSize = Math.round(parseFloat(getComputedStyle(host).fontSize) || 16);
  const rows = spec.categories.length;
  const narrow = box.clientWidth < 480;
  // On a phone, long place names go on two or more short lines instead of being cut off at the edge.
  const labels = spec.categories.map((lines) => (narrow && horizontal ? lines.flatMap((line) => line.match(/.{1,5}/gu) ?? [line]) : lines));
  const perRow = horizontal ? Math.max(1, spec.series.length) * fontSize * 1.6 + fontSize : 0;
  // CSSOM, not a style attribute: the Content-Security-Policy forbids inline styles in markup, not this.
  box.style.height = `${Math.round(horizontal ? rows * perRow + fontSize * 5 : fontSize * 20)}px`;

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
      categoryPercentage: 0.85,
      barPercentage: 0.9,
    };
  });

  const valueAxis = horizontal ? 'x' : 'y';
  // Room for the longest label beside a bar (each carries its period), up to half the width; CJK text is ~1em a character.
  const longest = Math.max(0, ...spec.series.flatMap((s) => s.texts.map((text) => [...(spec.series.length > 1 ? `${s.label} ${text ?? ''}` : (text ?? ''))].length)));
  const labelRoom = Math.min(box.clientWidth * 0.5, longest * fontSize * 0.85 + 12);
  const top = Math.max(...spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null)), spec.reference?.value ?? 0);
  const tail = top * OPEN_TAIL;
  const hasOpenUp = spec.type === 'bar' && spec.series.some((s) => !s.marker && s.open.includes('up'));
  const max = top + (hasOpenUp ? tail : 0);
  /** Where the label of a bar goes: past its open end when the bar runs on. */
  const openUp = (d: number, i: number) => spec.type === 'bar' && !spec.series[d].marker && spec.series[d].open[i] === 'up';
  const tick = (v: number | string) => `${Number(v).toLocaleString('en-US')}${spec.unit === '%' ? '%' : ''}`;

  /** Every value written beside its bar or above its point, with its kind: colour is never needed to read it. */
  const directLabels: Plugin = {
    id: 'ygDirectLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `${fontSize * 0.85}px ${getComputedStyle(host).fontFamily}`;
      ctx.fillStyle = INK;
      spec.series.forEach((s, d) => {
        const meta = chart.getDatasetMeta(d);
        meta.data.forEach((el, i) => {
          const text = s.texts[i];
          if (!text || s.values[i] === null) return;
          const label = spec.series.length > 1 ? `${s.label} ${text}` : text;
          let { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          if (openUp(d, i)) {
            const end = chart.scales[valueAxis].getPixelForValue(s.values[i]! + tail);
            if (horizontal) x = end;
            else y = end;
          }
          if (horizontal) {
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            ctx.fillText(label, x + 6, y);
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            ctx.fillText(label, x, y - (spec.type === 'line' || s.marker ? 12 : 6));
          }
        });
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
      ctx.font = `600 ${fontSize * 0.85}px ${getComputedStyle(host).fontFamily}`;
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
      layout: { padding: { top: spec.reference ? fontSize * 1.8 : fontSize * 0.5, right: horizontal ? labelRoom : fontSize * (narrow ? 6.5 : 8), left: 4, bottom: 4 } },
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
          ticks: { color: INK, font: { size: fontSize * 0.85 }, autoSkip: false },
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
    plugins: [openEnds, directLabels, referenceLine],
  };

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
