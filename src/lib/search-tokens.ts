/**
 * The words the search index and the search box share for Chinese text.
 *
 * Pagefind segments Chinese with jieba when it indexes and with the browser's Intl.Segmenter when it searches; the two
 * cut differently ("麻屯镇卫生院" is 麻|屯|镇|卫生|院 on one side and may be 麻屯|镇|卫生院 on the other) and a query word
 * only matches the start of an indexed word, so a name inside a longer word is lost. Here both sides use units no
 * segmenter decides: single Han characters (the indexed copy of a page has a space between neighbouring characters,
 * so Pagefind indexes each one as a word), and every pair of neighbouring characters, written as one plain word of
 * letters and digits (`yq` and two three-symbol character codes) that neither segmenter can split. The build adds the
 * pairs to each page's index (src/integrations/index-html.ts); the search page turns a query into the same words
 * (src/components/search/). Numbers written in 万 or 亿 are a token of their own (src/lib/search-numbers.ts). Runs in
 * the browser too, so it imports nothing but that.
 */
import { UNIT_NUMBER, numberToken } from './search-numbers';

/** Every pair token starts with this; nothing else on the site does. */
export const TOKEN_MARK = 'yq';
/** A pair token: the mark and two three-symbol character codes. */
export const PAIR_TOKEN = /yq[0-9a-z]{6}/g;
/** Characters from the start of CJK Extension A get three base-36 symbols: up to U+E9FF, every Han character in the BMP. */
const CODE_BASE = 0x3400;
const CODE_SPAN = 36 ** 3;
const HAN_RUN = /\p{Script=Han}+/gu;
/** Words Pagefind indexes on its own and finds by itself: Latin letters and numbers such as "DRG", "105,423", "87.49". */
const PLAIN_WORD = /[\p{Script=Latin}\p{N}]+(?:[.,][\p{Script=Latin}\p{N}]+)*/gu;

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

/** Text as the index should see it: a space between neighbouring Han characters, so each is a word of its own. */
export function spacedHan(text: string): string {
  return text.replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, '$1 ');
}

/**
 * Question words and particles readers wrap names in ("请问…是…吗", "…有哪些…"). They say nothing about which page is
 * wanted, yet as pairs they match section headings such as "哪些病在家门口看", so a query is cut at them.
 */
const STOP_PHRASES = /请问|我想|有哪些|我要|想去|想问|怎么办|怎么|怎样|如何|哪些|哪个|哪家|哪里|哪儿|在哪|什么|是不是|是否|有没有|能不能|能否|可不可以|可以|多少|属于|[的吗呢吧啊了]/gu;

/** A query's Han runs and other words, with question words and particles taken out (unless nothing else is left). */
export function meaningfulQuery(query: string): string {
  const cut = query.replace(STOP_PHRASES, ' ');
  return /[\p{Script=Han}\p{Script=Latin}\p{N}]/u.test(cut) ? cut : query;
}

/** One thing a query asks for, searched on its own; a page's score adds up over the terms it matches. */
export interface QueryTerm {
  /** What is passed to Pagefind. */
  search: string;
  /** The query text it stands for, for highlighting. */
  text: string;
}

/**
 * A (Simplified, normalised) query as the terms to search: each pair of neighbouring Han characters as its token, a
 * lone Han character (or one without a code) as itself, and each Latin word or number as Pagefind's own word.
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

/*
 * A stored page is mostly single characters, each followed by a space and Pagefind's zero-width space, and the search
 * page reads up to forty per query: replacing every one of those gaps through a \p{Script=Han} pattern took 10–40 ms
 * for a long page. So gaps between the common characters (CJK Unified Ideographs and Extension A) go first, through a
 * plain character class, and the exact pattern only sees the few left; whitespace is only rewritten where it is not
 * already a single space. The results are the same.
 */
const COMMON_HAN = '[\u3400-\u4DBF\u4E00-\u9FFF]';
const COMMON_SPACE_GAP = new RegExp(`(${COMMON_HAN}) (?=${COMMON_HAN})`, 'g');
const SPACE_GAP = /(\p{Script=Han}) (?=\p{Script=Han})/gu;
const COMMON_WHITESPACE_GAP = new RegExp(`(${COMMON_HAN})[ \\t\\r\\n]+(?=${COMMON_HAN})`, 'g');
const WHITESPACE_GAP = /(\p{Script=Han})[ \t\r\n]+(?=\p{Script=Han})/gu;
/** Runs of whitespace that are not already one space (replacing those with " " is `\s+` → " "). */
const LOOSE_SPACE = /\s{2,}|[^\S ]/g;
const LOOSE_BLANK = /[ \t\r\n]{2,}|[\t\r\n]/g;

/** Page text as a reader sees it: Pagefind's stored content without the pair tokens, spacing and segment marks. */
export function readableContent(content: string): string {
  const cut = content.search(PAIR_TOKEN);
  return (cut >= 0 ? content.slice(0, cut) : content)
    .replaceAll('\u200B', '')
    .replace(LOOSE_BLANK, ' ')
    .replace(/(\p{Script=Han})\. /gu, '$1\u2002') // the full stop Pagefind adds where a block of Chinese text ends
    .replace(COMMON_SPACE_GAP, '$1')
    .replace(SPACE_GAP, '$1')
    .replace(/\u2002/g, ' ')
    .trim();
}

/** A word of the query every result must hold: its text, and the Pagefind terms that make it up. */
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

/** Searchable page text: Pagefind's stored content without pair tokens or the spaces between Han characters. */
export function searchableContent(content: string): string {
  // Spaces go before tokens do: text on either side of a run of tokens must not join up.
  return content
    .replaceAll('\u200B', '')
    .replace(COMMON_WHITESPACE_GAP, '$1')
    .replace(WHITESPACE_GAP, '$1')
    .replace(PAIR_TOKEN, ' ')
    .replace(LOOSE_SPACE, ' ');
}
