/**
 * The value axis of a chart, one rule for the SVG drawn at build time (chart-layout.ts) and the chart Chart.js draws in
 * the browser (src/components/chart/draw.ts): from zero to the largest figure or target, with room past it for an open
 * end's fade ("≥ 90%" runs on) and for a target line at the top. Runs in the browser; imports only the palette.
 */
import type { ChartSpec } from '../data/series';
import { OPEN_TAIL } from './palette';

/** Headroom over the largest figure, so a target line at the top is not drawn on the chart's edge. */
const HEADROOM = 0.04;

export interface ChartScale {
  /** The largest figure or target. */
  top: number;
  /** The end of the axis. */
  max: number;
  /** How far an open end's fade runs past its bound, in the chart's unit. */
  tail: number;
}

export function chartScale(spec: ChartSpec): ChartScale {
  const top = Math.max(...spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null)), spec.reference?.value ?? 0) || 1;
  const openUp = spec.type === 'bar' && spec.series.some((s) => !s.marker && s.open.includes('up'));
  return { top, max: top * (1 + (openUp ? OPEN_TAIL : 0) + HEADROOM), tail: top * OPEN_TAIL };
}
