/**
 * The build-time half of the one engine for names (src/search/shared/names.ts is the browser's half): names in pinyin
 * and in Traditional characters, for the finder's shards (src/finder/shards.ts) and the search index (records and the
 * index's entry), and the readings table both search boxes hear a homophone by (/finder/sounds.json). pinyin-pro (a
 * maintained dictionary with words, so 重庆 reads chong qing) and OpenCC are too heavy for the browser (139 KB and
 * 497 KB): they run here, and the browser gets small tables.
 */
import { pinyin } from 'pinyin-pro';
import { Converter } from 'opencc-js';
import { ConverterFactory } from 'opencc-js/core';
import hongKongVariants from 'opencc-js/dict/HKVariantsRev';
import taiwanVariants from 'opencc-js/dict/TWVariantsRev';
import traditionalCharacters from 'opencc-js/dict/TSCharacters';
import fromTaiwan from 'opencc-js/from/tw';
import toSimplified from 'opencc-js/to/cn';

/**
 * A text's toneless pinyin, one token per character: "送庄卫生院" → ["song", "zhuang", "wei", "sheng", "yuan"]. A
 * character without a reading stays as it is ("_" for one that reads as nothing).
 */
export function readingTokens(text: string): string[] {
  const chars = [...text];
  if (!chars.length) return [];
  const tokens = pinyin(text, { toneType: 'none', type: 'array', v: true }) as string[];
  // pinyin-pro gives one token per character; should a version ever group characters, read them one by one.
  const aligned = tokens.length === chars.length ? tokens : chars.map((ch) => (pinyin(ch, { toneType: 'none', v: true }) as string) || ch);
  return aligned.map((t) => t.toLowerCase().replace(/\s+/g, '') || '_');
}

/** A name in pinyin without tones, in full and as initials: 小浪底镇卫生院 → xiaolangdizhenweishengyuan, xldzwsy. */
export function pinyinForms(name: string): string[] {
  const han = name.match(/\p{Script=Han}+/gu)?.join('') ?? '';
  if (!han) return [];
  const syllables = readingTokens(han);
  return [syllables.join(''), syllables.map((s) => s[0]).join('')];
}

/** Converts Simplified text to a Traditional standard. */
export type ToTraditional = (text: string) => string;

declare global {
  /**
   * The converters, made once per process and kept on the global object: the finder's route (bundled by Vite) and the
   * search index's integration are separate module instances, and loading the dictionaries takes seconds.
   */
  // eslint-disable-next-line no-var
  var __yigongtiTraditional: ToTraditional[] | undefined;
}

/**
 * OpenCC's Traditional standards a reader may type in: Taiwan's, Hong Kong's (the variants some keyboards produce,
 * 衞 for 衛) and OpenCC's own; made once, on first use (each takes a moment to load its dictionaries).
 */
export function traditionalConverters(): ToTraditional[] {
  globalThis.__yigongtiTraditional ??= [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' }), Converter({ from: 'cn', to: 't' })];
  return globalThis.__yigongtiTraditional;
}

/**
 * Traditional (Taiwan's, Hong Kong's, OpenCC's) → Simplified, as OpenCC converts a query: its Taiwan and Hong Kong
 * variant dictionaries and Traditional→Simplified characters and phrases.
 */
export const traditionalToSimplified: (text: string) => string = ConverterFactory([hongKongVariants], ...fromTaiwan, ...toSimplified);

/**
 * The fold of a search index (src/search/shared/index-layout.ts `foldPath`): each Traditional or variant character that
 * OpenCC turns into a character the index holds, with that character. The search page folds a query by it, character
 * by character, as the finder folds a name (src/search/shared/names.ts `foldCharacters`): a few KB where OpenCC's
 * dictionaries were 32 KB. A Traditional character whose Simplified form is on no page could find nothing either way,
 * so it is not listed.
 */
export function foldTable(characters: Iterable<string>, convert: readonly ToTraditional[] = traditionalConverters()): Record<string, string> {
  const held = new Set(characters);
  const candidates = new Set<string>();
  // Every character OpenCC's dictionaries turn into another, and the Traditional forms of the characters held.
  for (const dict of [traditionalCharacters, taiwanVariants, hongKongVariants]) {
    for (const entry of dict.split('|')) {
      const from = entry.split(' ')[0];
      if (from && [...from].length === 1) candidates.add(from);
    }
  }
  for (const ch of held) for (const to of convert) for (const form of to(ch)) candidates.add(form);
  const table: Record<string, string> = {};
  for (const form of [...candidates].sort()) {
    if (!/^\p{Script=Han}$/u.test(form)) continue;
    const simplified = traditionalToSimplified(form);
    if (simplified !== form && held.has(simplified)) table[form] = simplified;
  }
  return table;
}

/**
 * The readings table (/finder/sounds.json): toneless syllable → characters with that reading, so the browser hears a
 * Chinese query (小狼底 → xiao lang di) without pinyin-pro: the 6,763 characters of GB 2312 (what a pinyin keyboard
 * offers first) and every character given (the site's names). Each character under its commonest reading (pinyin-pro's
 * default).
 */
export function soundTable(characters: Iterable<string>): Record<string, string> {
  const chars = new Set<string>();
  const gb2312 = new TextDecoder('gb18030');
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = gb2312.decode(new Uint8Array([hi, lo]));
      if (/^\p{Script=Han}$/u.test(ch)) chars.add(ch);
    }
  }
  for (const ch of characters) if (/^\p{Script=Han}$/u.test(ch)) chars.add(ch);
  const table: Record<string, string> = {};
  for (const ch of chars) {
    const syllable = (pinyin(ch, { toneType: 'none', v: true }) as string).toLowerCase();
    if (/^[a-z]+$/.test(syllable)) table[syllable] = (table[syllable] ?? '') + ch;
  }
  return table;
}
