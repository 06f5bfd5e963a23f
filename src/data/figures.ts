/**
 * Reading numbers the way Chinese sources write them, so that a figure's excerpt can be checked
 * against its value: 105423, 105,423, 63.9万, 87.49%, 五大, 两办八中心, 双提升.
 */

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parses a whole Chinese numeral below 10,000 ("十三" → 13, "二十" → 20, "一百零五" → 105, "一百五" → 150, "两" → 2):
 * digits and units in the order a numeral is written, units falling. Anything else ("十三五", "百千", "三五") is not
 * one numeral: undefined.
 */
export function parseChineseNumeral(run: string): number | undefined {
  const chars = [...run];
  if (!chars.length) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000;
  let zero = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch in CHINESE_DIGITS) {
      const d = CHINESE_DIGITS[ch];
      if (digit !== undefined) return undefined; // two digits in a row: 三五 is a range, not a numeral
      if (d === 0) {
        if (zero || i === 0) return chars.length === 1 ? 0 : undefined;
        zero = true;
        continue;
      }
      digit = d;
    } else if (ch in CHINESE_UNITS) {
      const unit = CHINESE_UNITS[ch];
      if (unit >= lastUnit) return undefined;
      // A bare unit is a numeral only as 十 at the start (十三); 百 and 千 need their digit (一百, 三千).
      if (digit === undefined && !(unit === 10 && i === 0)) return undefined;
      total += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      zero = false;
    } else return undefined;
  }
  if (digit !== undefined) {
    // 一百五 is 150: a last digit right after a unit counts in the unit below it; after 零 it is ones (一百零五).
    total += lastUnit < 10_000 && !zero && chars.length > 1 && chars[chars.length - 2] in CHINESE_UNITS ? (digit * lastUnit) / 10 : digit;
  }
  return total;
}

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Full-width digits and point (１０５，４２３．５) as ASCII, as readers and some sources type them. */
const halfWidthDigits = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');

/** A number written in Arabic digits, as sources, pages and readers write it: 105423, 105,423, 63.9万, 87.49. */
export interface WrittenNumber {
  /** The digits as written, without thousands commas: "63.9". */
  digits: string;
  /** 万 or 亿 when written after the digits. */
  unit?: '万' | '亿';
  /** The digits' number (63.9). */
  number: number;
  /** The number with its unit applied (639000). */
  value: number;
}

/**
 * Every number written in Arabic digits in a text, with its unit of 万 or 亿: the one reader behind checking an
 * excerpt (`numbersInText`), reading a search query and indexing a page's figures (src/search/shared/numbers.ts).
 * Thousands commas count only in groups of three (1,234,567), so "1,2" is two numbers.
 */
export function writtenNumbers(text: string): WrittenNumber[] {
  const found: WrittenNumber[] = [];
  for (const m of halfWidthDigits(text).matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万|亿)?/g)) {
    const digits = m[1].replace(/,/g, '') + (m[2] ?? '');
    const number = Number(digits);
    const unit = m[3] as WrittenNumber['unit'];
    found.push({ digits, number, value: unit ? number * MULTIPLIERS[unit] : number, ...(unit ? { unit } : {}) });
  }
  return found;
}

/** Full-width digits and signs (９２．３％, １０５，４２３, －５) as ASCII. */
const halfWidthSigns = (text: string) => text.replace(/[０-９．，％－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const FIELD_NUMBER = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(%|万|亿)?$/;

/**
 * A field that holds one number as a staff member types it, in the editor's form or an imported cell: 105423, 105,423,
 * 92.3%, full-width digits, and (where `multipliers` allows) 10.5万. Undefined for any other text, which check then
 * names as typed. The number is the figure as written: 92.3% is 92.3.
 */
export function readNumberField(text: string, accept: { percent?: boolean; multipliers?: boolean } = {}): number | undefined {
  const m = halfWidthSigns(text.trim()).replace(/\s+/g, '').match(FIELD_NUMBER);
  if (!m) return undefined;
  const [, digits, mark] = m;
  if (mark === '%' && accept.percent === false) return undefined;
  const base = Number(digits.replace(/,/g, ''));
  if (mark !== '万' && mark !== '亿') return base;
  return accept.multipliers === false ? undefined : Number((base * MULTIPLIERS[mark]).toPrecision(12));
}

/**
 * What may follow a number written in Chinese for it to count: a measure word, a unit of time or money, or the words of
 * a numbered slogan as sources write them (“五大中心”, “六统一”, “四不变、五转变”, “两办八中心”). Inside other words a
 * numeral character is part of the word: 统一, 一体化, 进一步, 老百姓, 千方百计, 十分.
 */
const COUNTED = /^(?:[个家所人名位项次条类种级大批张床年月日天周岁倍成户座支队台辆套组件份期轮场届部章节款层片村乡镇县市省元万亿%％]|小时|季度|中心|统一|不变|转变|下沉|提升|办|室|自主权|输出|服务|机制|体系|制度|平台|工程|行动|目标|任务|措施|方面)/;
/** Before a numeral, 第 makes it an ordinal (第一, 第三方); before 一, these make it part of a word (统一, 唯一, 之一, 进一步, 同一, 万一). */
const ORDINAL_BEFORE = /第$/;
const WORD_BEFORE_ONE = /[统唯之进同万专逐划单]$/;

/** Adjacent digits written together for "one or two", "three to five" (一两次, 三五天): both ends count. */
const RANGE_PAIR = /^[一两二三四五六七八九][两二三四五六七八九]$/;

/**
 * Every number written in a text, with 万/亿 applied: Arabic digits (105423, 105,423, 63.9万), and Chinese numerals
 * only as whole numerals standing as numbers (not 百 in 老百姓, 千 in 千方百计, 一 inside 统一 or 一体化).
 */
export function numbersInText(text: string): number[] {
  const normalised = halfWidthDigits(text);
  const found: number[] = [];
  for (const n of writtenNumbers(normalised)) {
    found.push(n.number);
    if (n.unit) found.push(n.value);
  }
  for (const m of normalised.matchAll(/[零〇一二两三四五六七八九十百千]+/g)) {
    const run = m[0];
    const before = normalised.slice(0, m.index);
    const after = normalised.slice(m.index! + run.length);
    if (ORDINAL_BEFORE.test(before) || (run[0] === '一' && WORD_BEFORE_ONE.test(before))) continue;
    const counted = COUNTED.test(after);
    const multiplier = /^[万亿]/.test(after) ? MULTIPLIERS[after[0]] : undefined;
    if (RANGE_PAIR.test(run) && counted) {
      for (const ch of run) found.push(CHINESE_DIGITS[ch]);
      continue;
    }
    const n = parseChineseNumeral(run);
    if (n === undefined) continue;
    // A single character (一, 十, 五) is a number only where a number stands: before what it counts. A longer whole
    // numeral (一百二十, 十三) is one wherever it is.
    if ([...run].length === 1 && !counted) continue;
    found.push(n);
    if (multiplier) found.push(n * multiplier);
  }
  // 双 ("a pair") is 2 when it stands alone: 双提升 is two improvements. Not inside a numeral run, where it means nothing.
  for (const _ of normalised.matchAll(/(?<![零〇一二两三四五六七八九十百千])双(?![零〇一二两三四五六七八九十百千])/g)) found.push(2);
  return found;
}

/** True when the excerpt writes the value in some form a reader would recognise. */
export function excerptContainsValue(excerpt: string, value: number): boolean {
  return numbersInText(excerpt).some((n) => Math.abs(n - value) <= 1e-9 * Math.max(1, Math.abs(value)));
}

/**
 * How the source wrote a figure's magnitude: the number its excerpt writes with 万 or 亿 for `value` ("63.9万" in
 * "有效签约人数63.9万人" for 639000), its digits as written (thousands grouped); undefined when the excerpt writes the
 * value in plain digits too, or only otherwise (in Chinese numerals, or not at all), where a page writes the number in
 * digits. The reader behind it is writtenNumbers, which check uses to hold the excerpt to the value.
 */
export function writtenMagnitude(excerpt: string, value: number): string | undefined {
  const same = (n: number) => Math.abs(n - value) <= 1e-9 * Math.max(1, Math.abs(value));
  const written = writtenNumbers(excerpt).filter((n) => same(n.value));
  if (written.some((n) => !n.unit)) return undefined;
  const found = written.find((n) => n.unit);
  if (!found) return undefined;
  const [whole, fraction] = found.digits.split('.');
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}${found.unit}`;
}
