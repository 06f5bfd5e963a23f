/**
 * A figure's period, one meaning in one place: how it is written in data (2024, 2024-H1, 2024-Q3, 2024-08,
 * 2019-11/2024-08, ../2024-08; the schema's pattern is PERIOD_PATTERN in src/schemas/observation.ts), whether it exists,
 * when it starts and ends, which periods may be compared, and how it reads on a page.
 */
import type { Observation } from '../schemas';
import { isRealDate } from '../schemas/common';
import { PERIOD_PATTERN } from '../schemas/observation';
import { formatDate } from '../views/format';

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day one part of a period covers, as YYYY-MM-DD (so that days compare as text). */
function partDays(part: string): { first: string; last: string } {
  const [y, rest, day] = part.split('-');
  const year = Number(y);
  if (!rest) return { first: `${y}-01-01`, last: `${y}-12-31` };
  if (day) return { first: part, last: part };
  const half = rest.match(/^H([12])$/);
  if (half) return half[1] === '1' ? { first: `${y}-01-01`, last: `${y}-06-30` } : { first: `${y}-07-01`, last: `${y}-12-31` };
  const quarter = rest.match(/^Q([1-4])$/);
  const [from, to] = quarter ? [Number(quarter[1]) * 3 - 2, Number(quarter[1]) * 3] : [Number(rest), Number(rest)];
  return { first: `${y}-${pad(from)}-01`, last: `${y}-${pad(to)}-${pad(lastDay(year, to))}` };
}

/** The last day a period covers, as YYYY-MM-DD, so periods of any shape sort in time ("2024-H1" → 2024-06-30). */
export function periodEndDate(period: string): string {
  return partDays(period.includes('/') ? period.split('/')[1] : period).last;
}

/**
 * What is wrong with a well-formed period, if anything: a day that does not exist, or a span that ends before it
 * starts. A plain function rather than a zod refinement, which would make every figure's check ~30× slower.
 */
export function periodProblem(text: string): string | undefined {
  if (!PERIOD_PATTERN.test(text)) return undefined;
  const parts = text.split('/').filter((p) => p !== '..');
  const unreal = parts.find((p) => p.length === 10 && !isRealDate(p));
  if (unreal) return `时期中的日期 ${unreal} 不存在 / the date ${unreal} in the period does not exist`;
  if (parts.length === 2 && partDays(parts[1]).first < partDays(parts[0]).first)
    return `时期的结束 ${parts[1]} 早于开始 ${parts[0]} / the period ends (${parts[1]}) before it starts (${parts[0]})`;
  return undefined;
}

/**
 * The first day of a period's last part (`2024-08` → 2024-08-01; `2019-11/2024-08` → 2024-08-01): an actual figure
 * cannot be for a period whose last part starts after today. Undefined for a text that is not a period.
 */
export function periodLastStart(text: string): string | undefined {
  if (!PERIOD_PATTERN.test(text)) return undefined;
  const parts = text.split('/');
  return partDays(parts[parts.length - 1]).first;
}

/** The period class of rule 2: the year a period ends in, marked when the figure is cumulative (a span). */
export function periodClass(period: string): string {
  const span = period.includes('/');
  const end = span ? period.split('/')[1] : period;
  return `${span ? 'span:' : ''}${end.slice(0, 4)}`;
}

/** Whether two figures' periods may be compared (rule 2). */
export function comparablePeriods(a: Pick<Observation, 'period'>, b: Pick<Observation, 'period'>): boolean {
  return periodClass(a.period) === periodClass(b.period);
}

function formatPeriodPart(part: string): string {
  const half = part.match(/^(\d{4})-H([12])$/);
  if (half) return `${half[1]}年${half[2] === '1' ? '上半年' : '下半年'}`;
  const quarter = part.match(/^(\d{4})-Q([1-4])$/);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  return formatDate(part);
}

/** `2024-H1` → 2024年上半年; `2019-11/2024-08` → 2019年11月至2024年8月; `../2024-08` → 截至2024年8月. */
export function formatPeriod(period: string): string {
  if (!period.includes('/')) return formatPeriodPart(period);
  const [start, end] = period.split('/');
  if (start === '..') return `截至${formatPeriodPart(end)}`;
  return `${formatPeriodPart(start)}至${formatPeriodPart(end)}`;
}

/** Cuts text at the first top-level "；" or "，": what comes after is a caveat for the table, not the label. */
function firstClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '；' || ch === '，')) return text.slice(0, i);
  }
  return text;
}

/** The period of a figure in words, short enough for a sentence: the source's own label when it has one. */
export function periodText(o: Observation): string {
  return o.periodLabel ? firstClause(o.periodLabel) : formatPeriod(o.period);
}
