/**
 * Readers' words for what pages say otherwise (data/synonyms/, src/schemas/synonym.ts): a query is also searched with
 * a group's other words in place of the one it holds (签约率 → 签约覆盖率, 慢病住院率 → 慢性病住院率). The build writes
 * the groups into the index's entry (src/search/build/integration.ts); the search page reads them from there. Runs in
 * the browser; imports nothing.
 */

/** A word found in a query, where it stands, and the words that may stand in its place. */
interface Found {
  at: number;
  word: string;
  others: string[];
}

/** Each word of each group, longest first, with the other words of its group. */
function lexicon(groups: readonly (readonly string[])[]): [string, string[]][] {
  const byWord = new Map<string, Set<string>>();
  for (const words of groups) for (const w of words) for (const o of words) if (o !== w) (byWord.get(w) ?? byWord.set(w, new Set()).get(w)!).add(o);
  return [...byWord].map(([w, o]) => [w, [...o]] as [string, string[]]).sort((a, b) => b[0].length - a[0].length);
}

/** The words of the groups a query holds, left to right, longest first where two overlap. */
function wordsIn(query: string, words: [string, string[]][]): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < query.length; ) {
    const hit = words.find(([w]) => query.startsWith(w, i));
    if (hit) {
      found.push({ at: i, word: hit[0], others: hit[1] });
      i += hit[0].length;
    } else i++;
  }
  return found;
}

/**
 * The query written with other words of the groups, at most `limit`, fewest replacements first: each word replaced on
 * its own by each of its others, then every word replaced at once (by each word's first other, then its second …).
 * A replacement stands apart (spaces around it), so it is searched as a word of its own: 签约率 → "签约 覆盖率".
 * Words for which `keep` is true stay as they are.
 */
export function queryVariants(query: string, groups: readonly (readonly string[])[], limit = 6, keep: (word: string) => boolean = () => false): string[] {
  if (!groups.length) return [];
  const found = wordsIn(query, lexicon(groups)).filter((f) => !keep(f.word));
  if (!found.length) return [];
  const write = (choice: (f: Found, k: number) => string | undefined) => {
    let out = '';
    let last = 0;
    found.forEach((f, k) => {
      const other = choice(f, k);
      out += query.slice(last, f.at) + (other === undefined ? f.word : ` ${other} `);
      last = f.at + f.word.length;
    });
    return (out + query.slice(last)).replace(/\s+/g, ' ').trim();
  };
  const variants = new Set<string>();
  const widest = Math.max(...found.map((f) => f.others.length));
  // All replaced at once first when there are several words (我在横水镇怎么转到县医院 needs 转诊 and 县人民医院 both),
  // then each on its own (基层门诊量占比 needs only 门急诊 for 门诊量).
  if (found.length > 1) variants.add(write((f) => f.others[0]));
  for (let n = 0; n < widest; n++) found.forEach((_, k) => variants.add(write((f, j) => (j === k ? f.others[n] : undefined))));
  variants.delete(query);
  return [...variants].filter((v) => v && v !== query.trim()).slice(0, limit);
}
