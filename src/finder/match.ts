/**
 * The finder's data shape, matching and shard choice. Runs in the browser (bundled into Finder.astro). Names and
 * queries are normalised, folded and heard by the one engine for names the site search uses too
 * (src/search/shared/names.ts); Traditional forms, the fold and the readings are made at build time (src/finder/shards.ts
 * with src/search/build/name-readings.ts).
 *
 * The browser never loads every entry: it loads /finder/index.json (the fold and which n-grams have shards), then the
 * one shard of a character or short n-gram of the query (`shardFor`). Every entry a query can match contains the
 * query's distinctive part, so the shard of any n-gram of that part holds all of them.
 */

import { distinctivePart, foldCharacters, normaliseName, readingsOf, syllablesOf as syllables } from '../search/shared/names';

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
  /**
   * Toneless pinyin of each key, one token per character, space-separated ("song zhuang wei sheng yuan" for
   * 送庄卫生院): latin input matches its letters or initials, Chinese input the sound of its characters (homophones).
   */
  py: string[];
  /** Ids of the groups it belongs to (institution), is (group) or that serve it (region). */
  groups: string[];
  /** For an institution: ids of the groups it leads. */
  leads?: string[];
  /** For an institution: ids of the groups it belongs to only by a reading of the source (据报道推断), not by its words. */
  inferred?: string[];
  /** For a village clinic: the township health centre that manages it; `href` is that centre's page. */
  centre?: FinderLink;
}

export interface FinderData {
  /** Traditional (and variant) character → Simplified, for every character in the keys that differs. */
  fold: Record<string, string>;
  groups: Record<string, FinderGroup>;
  entries: FinderEntry[];
}

/** One shard: the entries whose folded names contain one n-gram, and the groups they refer to. */
export interface FinderShard {
  groups: Record<string, FinderGroup>;
  entries: FinderEntry[];
}

/** /finder/index.json: the fold, and which n-grams have a shard. */
export interface FinderIndex {
  fold: Record<string, string>;
  /** Longest n-gram indexed. */
  maxLevel: number;
  /** N-grams whose shard holds every entry containing them, with that number of entries. */
  complete: Record<string, number>;
  /**
   * N-grams in more entries than a shard may hold, with that number: their shard holds only the best matches for the
   * n-gram typed alone, and the n-grams one character longer that extend them are indexed in turn.
   */
  partial: Record<string, number>;
  /** The shards of pinyin prefixes, for latin input and for homophones (`soundShardFor`). */
  sound: SoundIndex;
}

/**
 * Shards of pinyin prefixes: a prefix of letters keys every entry whose full pinyin or initials begin with it. A prefix
 * in more entries than a shard may hold is split into the prefixes one letter longer, as the n-grams are. Only the
 * split prefixes are listed (thousands of shards at national size would make this index the biggest download); a
 * prefix with no shard file has no entry.
 */
export interface SoundIndex {
  /** Longest prefix indexed. */
  maxLength: number;
  /** Prefixes whose own shard holds only a sample; their entries are in the shards one letter longer. */
  partial: string[];
}

/** Which shard answers a query; `partial` when no shard holds every match (a generic query such as "卫生院"). */
export interface ShardChoice {
  gram: string;
  partial: boolean;
}

/** The shard's file under /finder/: the n-gram's UTF-16 code units in hex, so any character makes a safe file name. */
export function shardFile(gram: string): string {
  return Array.from({ length: gram.length }, (_, i) => gram.charCodeAt(i).toString(16)).join('-');
}

/**
 * The distinct substrings of `text` with `n` UTF-16 code units. Code units, not characters: the build and the browser
 * cut names and queries the same way, and a rare character outside the BMP (𬌗) is simply two units.
 */
export function ngrams(text: string, n: number): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n));
  return [...grams];
}

/**
 * The smallest shard holding every entry a query can match, or undefined when no entry can match (a character or
 * n-gram no name contains). Short n-grams first; a longer one only where every shorter one is partial.
 */
export function shardFor(index: FinderIndex, query: string): ShardChoice | undefined {
  const folded = foldQuery(query, index.fold);
  if (!folded) return undefined;
  // Every match contains this: the whole query, or its distinctive part when matching falls back to it.
  const part = coreOf(folded) || folded;
  const has = (counts: Record<string, number>, g: string) => Object.prototype.hasOwnProperty.call(counts, g);
  let sample: string | undefined;
  const smallest = (grams: string[], counts: Record<string, number>) => grams.reduce((a, b) => (counts[b] < counts[a] ? b : a));
  for (let n = 1; n <= Math.min(part.length, index.maxLevel); n++) {
    const grams = ngrams(part, n);
    if (grams.some((g) => !has(index.complete, g) && !has(index.partial, g))) return undefined;
    const complete = grams.filter((g) => has(index.complete, g));
    if (complete.length) return { gram: smallest(complete, index.complete), partial: false };
    sample = smallest(grams, index.partial);
  }
  return sample === undefined ? undefined : { gram: sample, partial: true };
}

/** The file of a pinyin prefix's shard under /finder/ (prefixes are letters and digits only). */
export function soundShardFile(prefix: string): string {
  return `py-${prefix}`;
}

/** Fewest letters a latin query needs: one letter would match a twentieth of the country. */
export const MIN_LETTERS = 2;

/** A query typed in latin letters ("songzhuang", "szz", "Song Zhuang", "lü" as "lv"), as its letters; else undefined. */
export function latinQuery(query: string): string | undefined {
  const letters = normalise(query).replace(/ü/g, 'v');
  return /^[a-z0-9]+$/.test(letters) && /[a-z]/.test(letters) ? letters : undefined;
}

/** A key's pinyin as letters: in full ("songzhuangweishengyuan") and as initials ("szwsy"), `count` syllables of it. */
export function soundStrings(py: string, count?: number): [full: string, initials: string] {
  const tokens = py.split(' ').slice(0, count);
  const letters = (t: string) => t.replace(/[^a-z0-9]/g, '');
  return [tokens.map(letters).join(''), tokens.map((t) => letters(t).slice(0, 1)).join('')];
}

const splitSets = new WeakMap<SoundIndex, Set<string>>();

/**
 * The pinyin shard holding every entry whose pinyin or initials begin with `letters` (its file may not exist: then
 * nothing begins so); undefined below `MIN_LETTERS`.
 */
export function soundShardFor(index: SoundIndex, letters: string): ShardChoice | undefined {
  if (letters.length < MIN_LETTERS) return undefined;
  let split = splitSets.get(index);
  if (!split) splitSets.set(index, (split = new Set(index.partial)));
  for (let n = 1; n <= Math.min(letters.length, index.maxLength); n++) {
    const prefix = letters.slice(0, n);
    if (!split.has(prefix)) return { gram: prefix, partial: false };
  }
  return { gram: letters.slice(0, index.maxLength), partial: true };
}

/**
 * The syllables of a Chinese query's distinctive part (宋庄镇 → song zhuang), for matching names that sound the same;
 * undefined when a character has no known sound.
 */
export function syllablesOf(folded: string, readings: Map<string, string>): string[] | undefined {
  const found = syllables(coreOf(folded) || folded, readings);
  return found?.length ? found : undefined;
}

/**
 * How well an entry sounds like a query, on the same scale as `scoreEntry`: 5 the whole name; 4 the name without its
 * generic ending ("songzhuang", "送庄" for 送庄卫生院); 3 its beginning; 0 not at all. `sound` is latin letters (full
 * pinyin or initials) or the syllables of a Chinese query.
 */
export function scoreSound(entry: FinderEntry, sound: string | string[]): number {
  let best = 0;
  entry.py.forEach((py, k) => {
    const coreLength = [...coreOf(entry.keys[k] ?? '')].length || undefined;
    if (typeof sound === 'string') {
      const whole = soundStrings(py);
      const core = soundStrings(py, coreLength);
      if (whole.includes(sound)) best = Math.max(best, 5);
      else if (core.includes(sound)) best = Math.max(best, 4);
      else if (whole.some((s) => s.startsWith(sound))) best = Math.max(best, 3);
    } else {
      const tokens = py.split(' ');
      const starts = sound.every((s, i) => tokens[i] === s);
      if (!starts) return;
      if (tokens.length === sound.length) best = Math.max(best, 5);
      else if (coreLength === sound.length) best = Math.max(best, 4);
      else best = Math.max(best, 3);
    }
  });
  return best;
}

/** Entries that sound like a query (latin letters or a Chinese query's syllables), best first. */
export function searchBySound(data: FinderData, sound: string | string[], limit = 12): FinderEntry[] {
  return ranked(data.entries.map((entry) => ({ entry, score: scoreSound(entry, sound) })), limit);
}

/**
 * What the finder shows for a Chinese query when characters alone found no name that begins like it: names beginning
 * with its characters first, then names that sound like it (a homophone typo, 小狼底 for 小浪底), then the rest.
 */
export function withSoundMatches(byChars: FinderEntry[], charScore: (e: FinderEntry) => number, bySound: FinderEntry[], limit: number): FinderEntry[] {
  const begins = byChars.filter((e) => charScore(e) >= 3);
  const rest = byChars.filter((e) => charScore(e) < 3);
  // The same entry comes from two shards as two objects: one per kind, page and name.
  const seen = new Set<string>();
  const firstTime = (e: FinderEntry) => {
    const key = `${e.type} ${e.href} ${e.name}`;
    return !seen.has(key) && !!seen.add(key);
  };
  return [...begins, ...bySound, ...rest].filter(firstTime).slice(0, limit);
}

/** A name or query as the finder compares it (src/search/shared/names.ts): "麻屯 镇。" matches "麻屯镇卫生院". */
export const normalise = normaliseName;

/** A query normalised, each Traditional character folded to its Simplified form. */
export function foldQuery(query: string, fold: Record<string, string>): string {
  return foldCharacters(normalise(query), fold);
}

/** The distinctive part of a name or query (src/search/shared/names.ts): "小浪底镇卫生院" → "小浪底"; empty when nothing is. */
export const coreOf = distinctivePart;

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
  return ranked(data.entries.map((entry) => ({ entry, score: scoreEntry(entry, folded, raw) })), limit);
}

/** Matches best first: by score, then institutions before groups before regions, shorter names first. */
function ranked(scored: { entry: FinderEntry; score: number }[], limit: number): FinderEntry[] {
  return scored
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || TYPE_ORDER[a.entry.type] - TYPE_ORDER[b.entry.type] || a.entry.name.length - b.entry.name.length || a.entry.name.localeCompare(b.entry.name, 'zh-CN'))
    .slice(0, limit)
    .map((m) => m.entry);
}

/** The finder's built files, fetched by the browser (Finder.astro) or read from memory (tests). */
export interface FinderFiles {
  index(): Promise<FinderIndex>;
  /** A shard by file name; `missing`: a file that does not exist is an empty shard (pinyin prefixes nothing has). */
  shard(file: string, missing?: boolean): Promise<FinderShard>;
  /** /finder/sounds.json: syllable → characters. */
  sounds(): Promise<Record<string, string>>;
}

export interface FinderAnswer {
  found: FinderEntry[];
  /** The fold and the groups the found entries refer to. */
  data: FinderData;
  /** Some matches may be missing (a query too common for a full shard). */
  partial: boolean;
  /** Found by sound alone (a homophone typo). */
  bySound: boolean;
}

const NO_SHARD: FinderShard = { groups: {}, entries: [] };

/**
 * One query's matches, from one small shard (two for a homophone): latin input by its pinyin or initials; Chinese input
 * by characters, and by sound when no name begins with its characters (小狼底 → 小浪底, 宋庄 → 送庄).
 */
export async function findPlaces(files: FinderFiles, query: string, limit: number): Promise<FinderAnswer> {
  const index = await files.index();
  const soundShard = async (letters: string) => {
    const choice = soundShardFor(index.sound, letters);
    return { shard: choice ? await files.shard(soundShardFile(choice.gram), true) : NO_SHARD, partial: !!choice?.partial };
  };
  const letters = latinQuery(query);
  if (letters) {
    const { shard, partial } = await soundShard(letters);
    const data = { fold: index.fold, ...shard };
    return { found: searchBySound(data, letters, limit), data, partial, bySound: false };
  }
  const choice = shardFor(index, query);
  const shard = choice ? await files.shard(shardFile(choice.gram)) : NO_SHARD;
  const data: FinderData = { fold: index.fold, ...shard };
  const byChars = searchFinder(data, query, limit);
  const folded = foldQuery(query, index.fold);
  const charScore = (e: FinderEntry) => scoreEntry(e, folded, normalise(query));
  const syllables = byChars.some((e) => charScore(e) >= 3) ? undefined : syllablesOf(folded, readingsOf(await files.sounds()));
  if (!syllables) return { found: byChars, data, partial: !!choice?.partial, bySound: false };
  const sound = await soundShard(syllables.join(''));
  const bySound = searchBySound({ fold: index.fold, ...sound.shard }, syllables, limit);
  return {
    found: withSoundMatches(byChars, charScore, bySound, limit),
    data: { fold: index.fold, groups: { ...shard.groups, ...sound.shard.groups }, entries: [] },
    partial: !!choice?.partial || sound.partial,
    bySound: !byChars.length && bySound.length > 0,
  };
}
