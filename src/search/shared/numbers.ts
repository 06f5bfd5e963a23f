/**
 * Figures as people write them: 105,423 人次 is "105423", "105,423", "10.5万" or "10.54万"; 639,000 人 is "63.9万" or
 * "64万"; 87.49% is "87.49%" or "87.49". The index gives each figure of 10,000 or more a token for every way it rounds
 * in 万 (and 亿), and the query turns a number written in 万 into the same token; plain numbers are words of their
 * own. A result then links to the row of the figure the query names (`#obs-<id>`). Runs in the browser and at
 * build time; numbers are read as src/data/figures.ts reads them (which imports nothing).
 */
import { writtenNumbers } from '../../data/figures';

/** Every number token starts with this; nothing else on the site does (pair tokens start with "yq"). */
export const NUMBER_MARK = 'yn';

/** Units readers write large figures in, with their size. */
const UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
/** Decimals readers round a figure in 万 or 亿 to: 11万, 10.5万, 10.54万. */
const DECIMALS = [0, 1, 2];


/** A number with its unit of 万 or 亿 as a query's words are split at it ("10.5万人" → "10.5万", "人"); read by `queryNumbers`. */
export const UNIT_NUMBER = /(\d[\d,]*(?:\.\d+)?)\s*([万亿])/gu;

/** The token for a figure written in a unit: "10.5" in 万 → "ynw10d5" (w for 万, y for 亿, d for the point). */
export function numberToken(digits: string, unit: string): string {
  const [whole, fraction = ''] = digits.replace(/,/g, '').split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${NUMBER_MARK}${unit === '亿' ? 'y' : 'w'}${String(Number(whole))}${trimmed ? `d${trimmed}` : ''}`;
}

/** The tokens a figure is found by in 万 and 亿: 105423 → ynw11, ynw10d5, ynw10d54. None below 10,000. */
export function figureTokens(value: number): string[] {
  const tokens = new Set<string>();
  for (const [unit, size] of Object.entries(UNITS)) {
    if (Math.abs(value) < size) continue;
    for (const d of DECIMALS) tokens.add(numberToken((value / size).toFixed(d), unit));
  }
  return [...tokens];
}

/** A number in a query: the value it stands for, and how far a figure may lie from it and still be what was meant. */
export interface QueryNumber {
  value: number;
  tolerance: number;
}

/** The numbers of a query: "10.5万" is 105,000 ± 500 (what rounds to it), "87.49%" is 87.49 ± 0.005. */
export function queryNumbers(query: string): QueryNumber[] {
  return writtenNumbers(query).map(({ digits, unit, value }) => {
    const decimals = digits.split('.')[1]?.length ?? 0;
    return { value, tolerance: ((unit ? UNITS[unit] : 1) * 10 ** -decimals) / 2 };
  });
}

/** A figure on a page: its observation's id (the row is `#obs-<id>`) and its value. */
export interface PageFigure {
  id: string;
  value: number;
}

/** Figures as one metadata value ("id=value id=value"), and back. Ids hold no spaces or "=". */
export const writeFigures = (figures: PageFigure[]) => figures.map((f) => `${f.id}=${f.value}`).join(' ');
export function readFigures(meta: string | undefined): PageFigure[] {
  return (meta ?? '')
    .split(' ')
    .map((pair) => pair.match(/^([^=]+)=(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/))
    .filter((m) => m !== null)
    .map(([, id, value]) => ({ id, value: Number(value) }));
}

/** The first of a page's figures that a number of the query names, if any. */
export function figureNamed(figures: PageFigure[], numbers: QueryNumber[]): PageFigure | undefined {
  // A hair over half a unit: 10.45万 is 104,500, which rounds to 10.5万 (and floating point must not decide it).
  return figures.find((f) => numbers.some((n) => Math.abs(f.value - n.value) <= n.tolerance * (1 + 1e-9)));
}
