/** Formatting for pages: Chinese conventions for dates, numbers and periods. */
import { writtenMagnitude } from '../data/figures';

/** `2024-08-13` → 2024年8月13日; `2024-08` → 2024年8月; `2024` → 2024年. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年` + (m ? `${Number(m)}月` : '') + (d ? `${Number(d)}日` : '');
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** 105423 → "105,423"; 87.49 → "87.49". Grouping with commas, as Chinese official statistics do. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * A value with its unit: "105,423 人次", "87.49%", "是"; "63.9万人" where `written` gives the value as its source wrote
 * it with 万 or 亿 (writtenMagnitude).
 */
export function formatValue(value: number, unit: string, written?: string): string {
  if (unit === '%') return `${formatNumber(value)}%`;
  if (unit === '是/否') return value ? '是' : '否';
  return written ? `${written}${unit}` : `${formatNumber(value)} ${unit}`;
}

const QUALIFIER_PREFIX: Record<string, string> = {
  'at-least': '≥ ',
  'more-than': '> ',
  about: '约 ',
  'at-most': '≤ ',
  'less-than': '< ',
};

/**
 * A value with its qualifier: "≥ 65%", "约 470 人", and a range "1–2 个" when `high` is given. With the `excerpt` the
 * figure was reported in, a value the source wrote with 万 or 亿 is written so ("约 63.9万人", not "约 639,000 人"); a
 * range only when the source wrote both ends so.
 */
export function formatQualified(value: number, unit: string, qualifier?: string, high?: number, excerpt?: string): string {
  const written = (v: number) => (excerpt === undefined || unit === '%' || unit === '是/否' ? undefined : writtenMagnitude(excerpt, v));
  if (qualifier === 'range' && high !== undefined) {
    const [low, top] = [written(value), written(high)];
    return low && top ? `${low}–${top}${unit}` : `${formatNumber(value)}–${formatValue(high, unit)}`;
  }
  return (qualifier && qualifier in QUALIFIER_PREFIX ? QUALIFIER_PREFIX[qualifier] : '') + formatValue(value, unit, written(value));
}

const STATISTIC_PREFIX: Record<string, string> = { median: '中位数 ', mean: '平均 ', total: '合计 ', 'median-change': '中位数升降 ' };

/** A figure as formatFigure takes it: an observation, or its parts (`source.excerpt`: how its source wrote it). */
export interface FigureParts {
  value: number;
  qualifier?: string;
  valueHigh?: number;
  statistic?: string;
  source?: { excerpt?: string };
}

/**
 * A figure as every page, chart and download writes it: what kind of number it is, then the value with its qualifier:
 * "中位数 87.49%", "> 90%", "1–2 家", "105,423 人次"; in the source's magnitude where its excerpt wrote one: "63.9万人".
 */
export function formatFigure(o: FigureParts, unit: string): string {
  const excerpt = o.source?.excerpt;
  // A change (of a median) says which way it went: "上升 0.16 百分点", never a bare "0.16" read as a median itself.
  if (o.statistic === 'median-change' && o.value !== 0)
    return (o.value > 0 ? '上升 ' : '下降 ') + formatQualified(Math.abs(o.value), unit, o.qualifier, o.valueHigh === undefined ? undefined : Math.abs(o.valueHigh), excerpt);
  return (o.statistic ? (STATISTIC_PREFIX[o.statistic] ?? '') : '') + formatQualified(o.value, unit, o.qualifier, o.valueHigh, excerpt);
}

/**
 * A figure inside a sentence that already names the measure: "县域内就诊率中位数为 87.49%", not "…中位数为 中位数 87.49%".
 * The kind of number is left out only where the measure's own name says it; a change of a median keeps its words.
 */
export function formatFigureAfter(measure: string, o: FigureParts, unit: string): string {
  const word = o.statistic && o.statistic !== 'median-change' ? STATISTIC_PREFIX[o.statistic]?.trim() : undefined;
  if (word && measure.endsWith(word)) return formatQualified(o.value, unit, o.qualifier, o.valueHigh, o.source?.excerpt);
  return formatFigure(o, unit);
}

const STATISTIC_NAME: Record<string, string> = { median: '中位数', mean: '平均数', total: '合计', 'median-change': '中位数本身的升降（不是升降幅度的中位数）' };

/** What a median, mean or total is taken across, in words: "开展医共体建设的县（市、区）（9 个）的中位数"; undefined for a plain value. */
export function formatStatistic(o: { statistic?: string; across?: { label: string; count?: number } }): string | undefined {
  if (!o.statistic || o.statistic === 'value') return undefined;
  const across = o.across ? `各${o.across.label}${o.across.count ? `（${o.across.count} 个）` : ''}的` : '';
  return `${across}${STATISTIC_NAME[o.statistic]}，不是单一地方的数值`;
}

