/**
 * Draws a ChartSpec with Chart.js, registering only the parts used (bars, lines, points, two scales, tooltips).
 * Colours are set here (UK Analysis Function palette); colour is never the only carrier: targets are hatched,
 * baselines dotted, every value is written beside its bar or point, and the key above the chart names each kind.
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
import type { ChartSpec, ObservationKind } from '../../lib/series';
import { CHART_DARK as DARK, KIND_COLOUR } from '../../lib/palette';
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
  const max = Math.max(...spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null)), spec.reference?.value ?? 0);
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
          const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          if (horizontal) {
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            ctx.fillText(label, x + 6, y);
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            ctx.fillText(label, x, y - (spec.type === 'line' ? 12 : 6));
          }
        });
      });
      ctx.restore();
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
      layout: { padding: { top: spec.reference ? fontSize * 1.8 : fontSize * 0.5, right: fontSize * (narrow ? 6.5 : 8), left: 4, bottom: 4 } },
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
    plugins: [directLabels, referenceLine],
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
