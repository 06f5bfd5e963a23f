/**
 * The words the search index and the search box share for Chinese text.
 *
 * Pagefind segments Chinese with jieba when it indexes and with the browser's Intl.Segmenter when it searches; the two
 * cut differently ("麻屯镇卫生院" is 麻|屯|镇|卫生|院 on one side and may be 麻屯|镇|卫生院 on the other) and a query word
 * only matches the start of an indexed word, so a name inside a longer word is lost. Here both sides use the same,
 * segmenter-free unit instead: every pair of neighbouring Han characters, written as one plain Latin word (`yq` and
 * eight letters) that neither segmenter can split. The build adds these words to each page's index
 * (src/integrations/index-html.ts); the search page turns a query into the same words (src/components/search/).
 * Runs in the browser too, so it imports nothing.
 */

/** Every pair token starts with this; nothing else on the site does. */
export const TOKEN_MARK = 'yq';
/** A pair token: the mark and two four-letter character codes. */
export const PAIR_TOKEN = /yq[a-z]{8}/g;
/** The second half of a run's last token, so a single character also matches at the end of a run. */
const RUN_END = 'zzzz';
const HAN_RUN = /\p{Script=Han}+/gu;
/** Words Pagefind indexes on its own and finds by itself: Latin letters and numbers such as "DRG", "105,423", "87.49". */
const PLAIN_WORD = /[\p{Script=Latin}\p{N}]+(?:[.,][\p{Script=Latin}\p{N}]+)*/gu;

/** Four lowercase letters for one character (base 26 of its code point; every Han code point fits below "zzzz"). */
export function charCode(ch: string): string {
  let n = ch.codePointAt(0) ?? 0;
  let code = '';
  for (let i = 0; i < 4; i++) {
    code = String.fromCharCode(97 + (n % 26)) + code;
    n = Math.floor(n / 26);
  }
  return code;
}

/** The token for two neighbouring characters. */
export function pairToken(a: string, b: string): string {
  return TOKEN_MARK + charCode(a) + charCode(b);
}

/**
 * The tokens to index for a text: one per pair of neighbouring Han characters, and one for the last character of
 * each run (so a one-character query, searched as a prefix, finds it wherever it stands).
 */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) tokens.push(TOKEN_MARK + charCode(chars[i]) + (i + 1 < chars.length ? charCode(chars[i + 1]) : RUN_END));
  }
  return tokens;
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
 * A (Simplified, normalised) query as the terms to search: each pair of neighbouring Han characters, a lone Han
 * character as a prefix of the pairs it begins, and each Latin word or number as Pagefind's own word.
 */
export function queryTerms(query: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const add = (search: string, text: string) => terms.has(search) || terms.set(search, { search, text });
  for (const run of query.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) add(TOKEN_MARK + charCode(chars[0]), chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) add(pairToken(chars[i], chars[i + 1]), chars[i] + chars[i + 1]);
  }
  for (const word of query.replace(HAN_RUN, ' ').match(PLAIN_WORD) ?? []) add(word.toLowerCase(), word);
  return [...terms.values()];
}

/** The parts of a query a reader would recognise: its Han runs and its Latin words and numbers, longest first. */
export function queryParts(query: string): string[] {
  const parts = [...(query.match(HAN_RUN) ?? []), ...(query.replace(HAN_RUN, ' ').match(PLAIN_WORD) ?? [])];
  return [...new Set(parts)].sort((a, b) => b.length - a.length);
}

/** Page text as a reader sees it: Pagefind's stored content without the pair tokens and segment marks. */
export function readableContent(content: string): string {
  const cut = content.search(PAIR_TOKEN);
  return (cut >= 0 ? content.slice(0, cut) : content)
    .replace(/\u200B/g, '')
    .replace(/(\p{Script=Han})\. /gu, '$1 ') // the full stop Pagefind adds where a block of Chinese text ends
    .replace(/\s+/g, ' ')
    .trim();
}
