/**
 * Combines the separate index searches for a query's terms (src/search/shared/tokens.ts) into one ranking. Requiring
 * every term would lose a reader's sentence ("我想去麻屯镇卫生院看病") has words no page holds
 * together, so each term is searched alone and a page's score is the sum of its term scores, scaled by how much of
 * the query it covers (the share of the terms' rarity it matches, squared): a page with all of 麻屯镇卫生院 outranks
 * one that only says 看病. Runs in the browser; imports nothing.
 */

/** One term's results, as the index returned them (src/search/browser/index-reader.ts). */
export interface TermResults {
  /** Pages holding the term among all pages, before the reader's filters (how rare the term is). */
  pagesWithTerm: number;
  /** The pages that match under the current filters, with the page's score for this term alone. */
  hits: { id: string; score: number }[];
}

export interface RankedPage {
  id: string;
  score: number;
  /** Share of the query's rarity this page matches, 0–1. */
  coverage: number;
}

/** BM25's inverse document frequency. */
export function rarity(totalPages: number, pagesWithTerm: number): number {
  return Math.log((totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5) + 1);
}

/**
 * Pages ranked by summed term score × coverage². A term no page holds counts against every page, as the rarest of
 * terms: a query whose pairs are mostly nowhere on the site (北京协和医院) must not be answered by its one common pair
 * (和医). Pages covering less than `minCoverage` of the query are dropped.
 */
export function rankPages(terms: TermResults[], totalPages: number, minCoverage = 0.3): RankedPage[] {
  const weights = terms.map((t) => rarity(totalPages, t.pagesWithTerm));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  const pages = new Map<string, { score: number; matched: number }>();
  terms.forEach((term, i) => {
    for (const hit of term.hits) {
      const page = pages.get(hit.id) ?? pages.set(hit.id, { score: 0, matched: 0 }).get(hit.id)!;
      page.score += hit.score;
      page.matched += weights[i];
    }
  });
  return [...pages]
    .map(([id, { score, matched }]) => ({ id, coverage: matched / total, score: score * (matched / total) ** 2 }))
    .filter((p) => p.coverage >= minCoverage)
    // Ties by id as plain text: localeCompare (ICU collation) was a tenth of a query's script at national size.
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whether a page holds every word of the query: each of a word's terms among the page's hits for that term. */
export function holdsEveryWord(id: string, words: { terms: string[] }[], hitsOf: (term: string) => Set<string> | undefined): boolean {
  return words.length > 0 && words.every((w) => w.terms.every((term) => hitsOf(term)?.has(id)));
}

/**
 * How much of a sentence a page's text holds: the characters of the query's Han runs that lie in pieces of three
 * characters or more found whole in the text (greedy, longest first, left to right), and the longest such piece.
 * "我想去麻屯镇卫生院看病" holds 麻屯镇卫生院 on its page; "北京协和医院" holds only 和医院 anywhere.
 */
export function sentenceCoverage(runs: string[], text: string): { share: number; longest: number } {
  let covered = 0;
  let longest = 0;
  let total = 0;
  for (const run of runs) {
    const chars = [...run];
    total += chars.length;
    for (let i = 0; i < chars.length; ) {
      let end = 0;
      for (let j = chars.length; j >= i + 3; j--) {
        if (text.includes(chars.slice(i, j).join(''))) {
          end = j;
          break;
        }
      }
      if (end) {
        covered += end - i;
        longest = Math.max(longest, end - i);
        i = end;
      } else i++;
    }
  }
  return { share: total ? covered / total : 0, longest };
}

/** A page answers a sentence when it holds a piece of four characters or more and most of the sentence in pieces. */
export const answersSentence = ({ share, longest }: { share: number; longest: number }) => longest >= 4 && share >= 0.6;
