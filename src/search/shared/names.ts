/**
 * One engine for names, shared by the residents' finder (src/finder/) and the site search (src/search/): how a name or
 * a query is normalised, which words at a name's end are generic, how Traditional characters fold to Simplified, and
 * how characters sound. Runs in the browser (both search boxes bundle it), so it imports nothing; what needs
 * dictionaries (pinyin-pro, OpenCC) runs at build time in src/search/build/name-readings.ts and reaches the browser
 * as small tables: a fold (Traditional → Simplified) and the readings (/finder/sounds.json).
 */

/**
 * A name or query as both engines compare it: full-width letters and digits as plain ones (NFKC), lower case, without
 * spaces, punctuation or symbols, so "麻屯 镇。", "麻屯镇" and "ＭＡＴＵＮ" compare as typed.
 */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Generic words a resident may add or leave out at a name's end (小浪底镇医院 for 小浪底镇卫生院, 孟津 for 孟津县),
 * longest first.
 */
export const GENERIC_ENDINGS = ['社区卫生服务中心', '社区卫生服务站', '卫生服务中心', '中心卫生院', '卫生院', '卫生室', '卫生所', '医院', '分院', '医共体', '医疗集团', '共同体', '街道', '镇', '乡', '村', '社区', '县', '市', '区'] as const;

const GENERIC = new RegExp(`(${GENERIC_ENDINGS.join('|')})+$`, 'u');

/** The places a name's last character may name (孟津县, 孟津区, 孟津镇 are three places, not three spellings of one). */
export const PLACE_WORDS = new Set(['省', '市', '县', '区', '镇', '乡', '村']);

/** A name's distinctive part: "小浪底镇卫生院" → "小浪底". Empty when fewer than two characters are left. */
export function distinctivePart(name: string): string {
  const core = name.replace(GENERIC, '');
  return core.length >= 2 ? core : '';
}

/** A text with each character in `fold` (Traditional or variant → Simplified, made at build time) replaced. */
export function foldCharacters(text: string, fold: Readonly<Record<string, string>>): string {
  return [...text].map((ch) => fold[ch] ?? ch).join('');
}

/** Character → toneless syllable (xiao, lang, di). */
export type Readings = Map<string, string>;

/**
 * The readings file (/finder/sounds.json, `{ syllable: characters }`, written by src/search/build/name-readings.ts) as a
 * map from character to its syllable; a character listed under two syllables keeps the first.
 */
export function readingsOf(sounds: Readonly<Record<string, string>>): Readings {
  const table: Readings = new Map();
  for (const [syllable, chars] of Object.entries(sounds)) for (const ch of chars) if (!table.has(ch)) table.set(ch, syllable);
  return table;
}

/**
 * A text's syllables (宋庄 → song zhuang), a letter or digit standing for itself; undefined when a character has no
 * known reading.
 */
export function syllablesOf(text: string, readings: Readings): string[] | undefined {
  const syllables: string[] = [];
  for (const ch of text) {
    const s = readings.get(ch) ?? (/^[a-z0-9]$/.test(ch) ? ch : undefined);
    if (!s) return undefined;
    syllables.push(s);
  }
  return syllables;
}

/** A text's syllables run together (梦津县 → mengjinxian), or undefined when a character has no known reading. */
export function spell(text: string, readings: Readings): string | undefined {
  return syllablesOf(text, readings)?.join('');
}
