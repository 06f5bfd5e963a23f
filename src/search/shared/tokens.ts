/**
 * The words the search index and the search box share for Chinese text.
 *
 * A word segmenter cuts Chinese one way when a page is indexed and may cut it another way when a query is searched
 * ("麻屯镇卫生院" as 麻|屯|镇|卫生|院 or as 麻屯|镇|卫生院), and a name inside a longer word is then lost. So the index
 * and the query use units no segmenter decides: single Han characters, and every pair of neighbouring characters,
 * written as one plain word of letters and digits (`yq` and two three-symbol character codes). The index holds both
 * as terms of each page (src/search/build/index-doc.ts); the search page turns a query into the same terms
 * (src/search/browser/). Numbers written in 万 or 亿 are a token of their own (src/search/shared/numbers.ts). Runs in
 * the browser too, so it imports nothing but that.
 */
import { UNIT_NUMBER, numberToken } from './numbers';

/** Every pair token starts with this; nothing else on the site does. */
export const TOKEN_MARK = 'yq';
/** Characters from the start of CJK Extension A get three base-36 symbols: up to U+E9FF, every Han character in the BMP. */
const CODE_BASE = 0x3400;
const CODE_SPAN = 36 ** 3;
/** A run of Han characters; the index (src/search/build/index-doc.ts) cuts text with the same patterns. */
export const HAN_RUN = /\p{Script=Han}+/gu;
/** Latin words and numbers, each a term of its own: "DRG", "105,423", "87.49". */
export const PLAIN_WORD = /[\p{Script=Latin}\p{N}]+(?:[.,][\p{Script=Latin}\p{N}]+)*/gu;

/** Three base-36 symbols for a Han character of the BMP; undefined for the rare ones beyond (their pairs are not indexed). */
export function charCode(ch: string): string | undefined {
  const n = (ch.codePointAt(0) ?? 0) - CODE_BASE;
  return n >= 0 && n < CODE_SPAN ? n.toString(36).padStart(3, '0') : undefined;
}

/** The token for two neighbouring characters, if both have codes. */
export function pairToken(a: string, b: string): string | undefined {
  const ca = charCode(a);
  const cb = charCode(b);
  return ca && cb ? TOKEN_MARK + ca + cb : undefined;
}

/** The pair tokens to index for a text: one per pair of neighbouring Han characters. */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const token = pairToken(chars[i], chars[i + 1]);
      if (token) tokens.push(token);
    }
  }
  return tokens;
}

/**
 * Question words and particles readers wrap names in ("请问…是…吗", "…有哪些…"). They say nothing about which page is
 * wanted, yet as pairs they match section headings such as "哪些病在家门口看", so a query is cut at them.
 */
const STOP_PHRASES = /请问|我想|有哪些|我要|想去|想问|怎么办|怎么|怎样|如何|哪些|哪个|哪家|哪里|哪儿|在哪|什么|是不是|是否|有没有|能不能|能否|可不可以|可以|多少|属于|我们|我家|[的吗呢吧啊了我您你在]/gu;

/** A counting word after a number (470名医生, 3个中心): pages write the number without it (470, 医生). */
const COUNTING_WORD = /(\d)[名个位家所项台张例条]/gu;

/** A query's Han runs and other words, with question words, particles and counting words taken out (unless nothing else is left). */
export function meaningfulQuery(query: string): string {
  const cut = query.replace(STOP_PHRASES, ' ').replace(COUNTING_WORD, '$1 ');
  return /[\p{Script=Han}\p{Script=Latin}\p{N}]/u.test(cut) ? cut : query;
}

/** One thing a query asks for, searched on its own; a page's score adds up over the terms it matches. */
export interface QueryTerm {
  /** The index term searched (src/search/browser/index-reader.ts). */
  search: string;
  /** The query text it stands for, for highlighting. */
  text: string;
}

/**
 * A (Simplified, normalised) query as the terms to search: each pair of neighbouring Han characters as its token, a
 * lone Han character (or one without a code) as itself, and each Latin word or number as itself, in lower case.
 */
export function queryTerms(query: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const add = (search: string, text: string) => terms.has(search) || terms.set(search, { search, text });
  for (const [text, digits, unit] of query.matchAll(UNIT_NUMBER)) add(numberToken(digits, unit), text);
  query = query.replace(UNIT_NUMBER, ' ');
  for (const run of query.match(HAN_RUN) ?? []) {
    const chars = [...run];
    const paired = new Set<number>();
    for (let i = 0; i + 1 < chars.length; i++) {
      const token = pairToken(chars[i], chars[i + 1]);
      if (token) {
        add(token, chars[i] + chars[i + 1]);
        paired.add(i).add(i + 1);
      }
    }
    chars.forEach((ch, i) => paired.has(i) || add(ch, ch));
  }
  for (const word of query.replace(HAN_RUN, ' ').match(PLAIN_WORD) ?? []) add(word.toLowerCase(), word);
  return [...terms.values()];
}

/** The pair terms of each Han run of a query, as queryTerms cuts it (numbers written in 万 or 亿 taken out first). */
export function runPairs(query: string): string[][] {
  return (query.replace(UNIT_NUMBER, ' ').match(HAN_RUN) ?? []).map(indexTokens);
}

/** The parts of a query a reader would recognise: its Han runs, its Latin words and numbers (10.5万 whole), longest first. */
export function queryParts(query: string): string[] {
  const numbers = query.match(UNIT_NUMBER) ?? [];
  query = query.replace(UNIT_NUMBER, ' ');
  const parts = [...numbers, ...(query.match(HAN_RUN) ?? []), ...(query.replace(HAN_RUN, ' ').match(PLAIN_WORD) ?? [])];
  return [...new Set(parts)].sort((a, b) => b.length - a.length);
}

/** A word of the query every result must hold: its text, and the index terms that make it up. */
export interface QueryWord {
  text: string;
  terms: string[];
}

/**
 * The words of a (meaningful) query, found with the index's help: a Han run is cut wherever two neighbouring
 * characters stand together on no page (去|麻屯镇卫生院, 北京|协|和医院), and each piece of two characters or more is
 * a word; a character left alone by such a cut (a verb, a particle) is not, but a run of one character is. Latin words
 * and numbers are words as typed. `known(term)` says whether any page holds a term.
 */
export function queryWords(query: string, known: (term: string) => boolean): QueryWord[] {
  const words: QueryWord[] = [];
  for (const [text, digits, unit] of query.matchAll(UNIT_NUMBER)) words.push({ text, terms: [numberToken(digits, unit)] });
  query = query.replace(UNIT_NUMBER, ' ');
  for (const run of query.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) {
      words.push({ text: run, terms: [run] });
      continue;
    }
    let piece: string[] = [chars[0]];
    let terms: string[] = [];
    const end = () => {
      if (piece.length >= 2) words.push({ text: piece.join(''), terms });
      terms = [];
    };
    for (let i = 0; i + 1 < chars.length; i++) {
      const token = pairToken(chars[i], chars[i + 1]);
      if (token && known(token)) {
        piece.push(chars[i + 1]);
        terms.push(token);
      } else {
        end();
        piece = [chars[i + 1]];
      }
    }
    end();
  }
  for (const word of query.replace(HAN_RUN, ' ').match(PLAIN_WORD) ?? []) words.push({ text: word, terms: [word.toLowerCase()] });
  return words;
}
