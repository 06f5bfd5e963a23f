/**
 * Reading numbers the way Chinese sources write them, so that a figure's excerpt can be checked
 * against its value: 105423, 105,423, 63.9万, 87.49%, 五大, 两办八中心, 双提升.
 */

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a run of Chinese numerals below 10,000 ("十三" → 13, "二十" → 20, "两" → 2). */
export function parseChineseNumeral(run: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of run) {
    if (ch in CHINESE_DIGITS) digit = CHINESE_DIGITS[ch];
    else if (ch in CHINESE_UNITS) {
      total += (digit ?? 1) * CHINESE_UNITS[ch];
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Every number written in a text, with 万/亿 applied, in Arabic or simple Chinese numerals. */
export function numbersInText(text: string): number[] {
  const normalised = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');
  const found: number[] = [];
  for (const m of normalised.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万|亿)?/g)) {
    const base = Number(m[1].replace(/,/g, '') + (m[2] ?? ''));
    found.push(base);
    if (m[3]) found.push(base * MULTIPLIERS[m[3]]);
  }
  for (const m of normalised.matchAll(/[零〇一二两三四五六七八九十百千]+(万|亿)?/g)) {
    const run = m[1] ? m[0].slice(0, -1) : m[0];
    const n = parseChineseNumeral(run);
    if (n === undefined) continue;
    found.push(n);
    if (m[1]) found.push(n * MULTIPLIERS[m[1]]);
  }
  // 双 ("a pair") is 2 when it stands alone: 双提升 is two improvements. Not inside a numeral run, where it means nothing.
  for (const _ of normalised.matchAll(/(?<![零〇一二两三四五六七八九十百千])双(?![零〇一二两三四五六七八九十百千])/g)) found.push(2);
  return found;
}

/** True when the excerpt writes the value in some form a reader would recognise. */
export function excerptContainsValue(excerpt: string, value: number): boolean {
  return numbersInText(excerpt).some((n) => Math.abs(n - value) <= 1e-9 * Math.max(1, Math.abs(value)));
}
