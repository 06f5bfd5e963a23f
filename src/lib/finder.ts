/**
 * The finder's data shape and matching. Runs in the browser (bundled into Finder.astro), so it imports nothing:
 * Traditional forms and a Traditional→Simplified character fold are computed at build time (finder-index.ts).
 */

export interface FinderLink {
  name: string;
  href: string;
}

export interface FinderGroup extends FinderLink {
  /** Where it serves, e.g. "洛阳市孟津县". */
  place: string;
  lead?: FinderLink;
  referral: string;
}

export interface FinderEntry {
  type: 'institution' | 'group' | 'region';
  name: string;
  href: string;
  /** Kind and place, e.g. "乡镇卫生院 · 洛阳市孟津县". */
  context: string;
  /** Simplified names and aliases, normalised. */
  keys: string[];
  /** Traditional forms of the keys, normalised. */
  tw: string[];
  /** Ids of the groups it belongs to (institution), is (group) or that serve it (region). */
  groups: string[];
  /** For an institution: ids of the groups it leads. */
  leads?: string[];
}

export interface FinderData {
  /** Traditional (and variant) character → Simplified, for every character in the keys that differs. */
  fold: Record<string, string>;
  groups: Record<string, FinderGroup>;
  entries: FinderEntry[];
}

/** Lowercase, without spaces or punctuation, so "麻屯 镇" and "麻屯镇。" match "麻屯镇卫生院". */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A query with each Traditional character folded to its Simplified form. */
export function foldQuery(query: string, fold: Record<string, string>): string {
  return [...normalise(query)].map((ch) => fold[ch] ?? ch).join('');
}

// Generic words a resident may add or leave out: "小浪底镇医院" should still find 小浪底镇卫生院.
const GENERIC = /(社区卫生服务中心|社区卫生服务站|卫生服务中心|中心卫生院|卫生院|卫生室|卫生所|医院|分院|医共体|医疗集团|共同体|街道|镇|乡|村|社区|县|市|区)+$/u;

/** The distinctive part of a query: "小浪底镇卫生院" → "小浪底". Empty when nothing distinctive is left. */
export function coreOf(query: string): string {
  const core = query.replace(GENERIC, '');
  return core.length >= 2 ? core : '';
}

const TYPE_ORDER: Record<FinderEntry['type'], number> = { institution: 0, group: 1, region: 2 };

/**
 * How well an entry matches: 5 exact; 4 the name without its generic ending ("孟津县" → 孟津, "小浪底镇卫生院" → 小浪底);
 * 3 prefix; 2 contains; 1 contains the query's distinctive part; 0 not at all.
 */
export function scoreEntry(entry: FinderEntry, folded: string, raw: string): number {
  if (!folded) return 0;
  const core = coreOf(folded);
  let best = 0;
  const test = (key: string, q: string) => {
    if (!q) return;
    if (key === q) best = Math.max(best, 5);
    else if (coreOf(key) === q) best = Math.max(best, 4);
    else if (key.startsWith(q)) best = Math.max(best, 3);
    else if (key.includes(q)) best = Math.max(best, 2);
  };
  for (const key of entry.keys) {
    test(key, folded);
    if (best < 1 && core && key.includes(core)) best = 1;
  }
  for (const key of entry.tw) test(key, raw);
  return best;
}

/** Entries matching a query in Simplified or Traditional characters, best first. */
export function searchFinder(data: FinderData, query: string, limit = 12): FinderEntry[] {
  const raw = normalise(query);
  const folded = foldQuery(query, data.fold);
  return data.entries
    .map((entry) => ({ entry, score: scoreEntry(entry, folded, raw) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || TYPE_ORDER[a.entry.type] - TYPE_ORDER[b.entry.type] || a.entry.name.length - b.entry.name.length || a.entry.name.localeCompare(b.entry.name, 'zh-CN'))
    .slice(0, limit)
    .map((m) => m.entry);
}
