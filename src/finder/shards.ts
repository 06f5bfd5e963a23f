/**
 * Builds the finder's entries from the dataset, and cuts them into shards (served under /finder/). Build time only.
 *
 * Shards are keyed by n-grams of the names: every character of a name keys the entry into that character's shard.
 * A character in more entries than a shard may hold (镇, 卫, 院 …) gets no full shard; the entry goes instead into the
 * shards of the two-character n-grams it forms with its neighbours, and so on up to `maxLevel`. A query then reads
 * the smallest full shard among the n-grams of its distinctive part (`shardFor` in finder.ts), which holds every
 * entry that can match it. Only queries made of nothing but the commonest n-grams ("卫生院") fall back to a sample.
 */
import type { FinderData, FinderEntry, FinderGroup, FinderIndex, FinderShard, SoundIndex } from './match';
import { coreOf, ngrams, normalise, soundStrings } from './match';
import { groupsIn, hasOwnPage, membershipsOf, pathOf, type Dataset } from '../data/dataset';
import { referralHref } from '../views/referral';
import { readingTokens, soundTable, type ToTraditional } from '../search/build/name-readings';

/** Labels the index needs, passed in so this module stays free of the UI dictionary. */
export interface FinderLabels {
  institutionKind: (kind: string) => string;
  groupKind: (kind: string) => string;
  regionKind: (kind: string) => string;
}

/** Converts Simplified text to Traditional (src/search/build/name-readings.ts `traditionalConverters` at build time; identity in tests). */
export type { ToTraditional };

/** Most groups a region's result lists (a county has one to three; a province's page lists its hundreds). */
const REGION_GROUPS = 10;

/**
 * One normalised name's readings, a pure function of the name and the code (OpenCC, pinyin-pro): its Traditional forms,
 * the fold they give (Traditional or variant character, then its Simplified one, pair after pair, in the order they
 * are folded) and its pinyin. Kept from one build to the next (src/finder/readings-cache.ts), so that a build whose
 * names mostly stand neither loads OpenCC nor reads the names again.
 */
export interface NameReadings {
  tw: string[];
  fold: string[];
  py: string;
}

/** A name's readings (`NameReadings`), with the Traditional standards readers type in. */
export function readingsOfKey(key: string, converters: readonly ToTraditional[]): NameReadings {
  const found = new Set<string>();
  const fold: string[] = [];
  const simplified = [...key];
  for (const convert of converters) {
    const traditional = [...normalise(convert(key))];
    if (traditional.join('') !== key) found.add(traditional.join(''));
    // Character by character, so a mixed or variant query ("麻屯鎮卫生院", "衞") folds back to Simplified.
    if (traditional.length === simplified.length) traditional.forEach((ch, i) => ch !== simplified[i] && fold.push(ch, simplified[i]));
  }
  return { tw: [...found], fold, py: pinyinOfKey(key) };
}

/**
 * The finder's entries. `converters` are the Traditional standards (or a function that loads them, called only for a
 * name `known` lacks); `known` holds names' readings from an earlier build, and gets those made here.
 */
export function buildFinderData(dataset: Dataset, labels: FinderLabels, converters: readonly ToTraditional[] | (() => readonly ToTraditional[]), known: Map<string, NameReadings> = new Map()): FinderData {
  const fold: Record<string, string> = {};
  // Village clinic names repeat across the country (新村, 红旗村): each name read once, its fold applied once.
  const read = new Map<string, NameReadings>();
  const readingsOf = (key: string): NameReadings => {
    let readings = read.get(key);
    if (readings) return readings;
    readings = known.get(key);
    if (!readings) {
      if (typeof converters === 'function') converters = converters();
      known.set(key, (readings = readingsOfKey(key, converters)));
    }
    for (let i = 0; i < readings.fold.length; i += 2) fold[readings.fold[i]] = readings.fold[i + 1];
    read.set(key, readings);
    return readings;
  };
  const keysOf = (names: readonly string[]) => {
    const keys = [...new Set(names.map(normalise).filter(Boolean))];
    return { keys, tw: [...new Set(keys.flatMap((key) => readingsOf(key).tw))], py: keys.map((key) => readingsOf(key).py) };
  };
  const places = new Map<string, string>();
  /** Where a region is, without its province: "洛阳市孟津县". */
  const placeOf = (regionId: string): string => {
    let place = places.get(regionId);
    if (place === undefined) {
      const path = pathOf(dataset, regionId);
      place = (path.length > 1 ? path.slice(1) : path).map((r) => r.name).join('');
      places.set(regionId, place);
    }
    return place;
  };
  const institutionHref = (id: string) => `/institutions/${id}/`;

  const groups: Record<string, FinderGroup> = {};
  for (const g of dataset.groups) {
    const lead = g.lead ? dataset.institution.get(g.lead) : undefined;
    groups[g.id] = {
      name: g.name,
      href: `/groups/${g.id}/`,
      place: placeOf(g.region),
      lead: lead && { name: lead.name, href: institutionHref(lead.id) },
      referral: referralHref(g.id),
    };
  }

  const entries: FinderEntry[] = [];
  for (const inst of dataset.institutions) {
    const memberships = membershipsOf(dataset, inst.id);
    const base = { type: 'institution' as const, name: inst.name, context: `${labels.institutionKind(inst.kind)} · ${placeOf(inst.region)}`, ...keysOf([inst.name, ...inst.aliases]) };
    if (hasOwnPage(inst)) {
      const inferred = memberships.filter((m) => m.inference).map((m) => m.group.id);
      entries.push({ ...base, href: institutionHref(inst.id), groups: memberships.map((m) => m.group.id), leads: memberships.filter((m) => m.role === 'lead').map((m) => m.group.id), ...(inferred.length ? { inferred } : {}) });
      continue;
    }
    // A village clinic has no page: the result names its township health centre, links there, and shows its groups.
    const centre = inst.belongsTo ? dataset.institution.get(inst.belongsTo) : undefined;
    const viaGroups = centre ? membershipsOf(dataset, centre.id) : memberships;
    entries.push({
      ...base,
      href: centre ? institutionHref(centre.id) : viaGroups.length ? `/groups/${viaGroups[0].group.id}/` : '/institutions/',
      groups: viaGroups.map((m) => m.group.id),
      ...(centre ? { centre: { name: centre.name, href: institutionHref(centre.id) } } : {}),
    });
  }
  for (const g of dataset.groups) {
    entries.push({ type: 'group', name: g.name, href: `/groups/${g.id}/`, context: `${labels.groupKind(g.kind)} · ${placeOf(g.region)}`, ...keysOf([g.name]), groups: [g.id] });
  }
  for (const r of dataset.regions) {
    entries.push({
      type: 'region',
      name: r.name,
      href: `/regions/${r.id}/`,
      context: r.parent ? `${labels.regionKind(r.kind)} · ${placeOf(r.parent)}` : labels.regionKind(r.kind),
      ...keysOf([r.name, ...r.aliases]),
      // A province has hundreds: the result shows the first few and links to the region's page, which lists them all.
      groups: groupsIn(dataset, r.id).slice(0, REGION_GROUPS).map((g) => g.id),
    });
  }
  return { fold, groups, entries };
}

/**
 * A key's toneless pinyin, one token per character, as the one engine for names reads it
 * (src/search/build/name-readings.ts): "送庄卫生院" → "song zhuang wei sheng yuan".
 */
export function pinyinOfKey(key: string): string {
  return readingTokens(key).join(' ');
}

/** /finder/sounds.json: the readings table (src/search/build/name-readings.ts) over GB 2312 and every character of the names. */
export function buildSoundTable(data: FinderData): Record<string, string> {
  return soundTable(data.entries.flatMap((e) => e.keys.flatMap((key) => [...key])));
}

export interface ShardLimits {
  /** Most entries a full shard holds; an n-gram in more entries is split into longer n-grams. */
  maxEntries: number;
  /** Entries kept in a split n-gram's sample shard (the best matches for the n-gram typed alone). */
  sample: number;
  /** Longest n-gram indexed. */
  maxLevel: number;
}

/** Sized so a shard stays under 50 KB gzip at national size (tests/unit/finder-shards.test.ts measures it). */
export const SHARD_LIMITS: ShardLimits = { maxEntries: 600, sample: 40, maxLevel: 4 };

/** Pinyin shards: as many entries; prefixes up to 24 letters (a long name's whole pinyin), then a sample. */
export const SOUND_LIMITS: ShardLimits = { maxEntries: 600, sample: 40, maxLevel: 24 };

const TYPE_RANK: Record<FinderEntry['type'], number> = { institution: 0, group: 1, region: 2 };

/**
 * The part of each entry's rank in a sample that is not its score: institutions first, then shorter names, then its
 * position (the last six digits), one number below 1e11.
 */
function tieBreaks(entries: readonly FinderEntry[]): Float64Array {
  if (entries.length >= 1e6) throw new Error('finder: more than a million entries; widen the ranks');
  return Float64Array.from(entries, (e, i) => TYPE_RANK[e.type] * 1e10 + Math.min(e.name.length, 9999) * 1e6 + i);
}

export function buildFinderShards(data: FinderData, limits: ShardLimits = SHARD_LIMITS): { index: FinderIndex; shards: Map<string, FinderShard> } {
  const { fold, entries } = data;
  const foldText = (text: string) => [...text].map((ch) => fold[ch] ?? ch).join('');
  // Each entry's names as a folded query is compared with them: Simplified keys, and Traditional keys folded back.
  const names = entries.map((e) => [...new Set([...e.keys, ...e.tw.map(foldText)])]);
  const cores = entries.map((e) => e.keys.map(coreOf));
  const index: FinderIndex = { fold, maxLevel: limits.maxLevel, complete: {}, partial: {}, sound: { maxLength: 0, partial: [] } };

  /** An entry's n-grams at one level: all of them at level 1, then only those whose two shorter n-grams were split. */
  const grams = new Set<string>();
  const gramsOf = (i: number, level: number, split: Set<string> | undefined): Set<string> => {
    grams.clear();
    for (const name of names[i]) {
      for (const g of ngrams(name, level)) if (!split || (split.has(g.slice(1)) && split.has(g.slice(0, -1)))) grams.add(g);
    }
    return grams;
  };
  /**
   * A sample's order, as searchFinder ranks entries for the n-gram typed alone (exact, core, prefix, contains; then
   * institutions first, shorter names first), packed in one number whose last six digits are the entry's position.
   */
  const ties = tieBreaks(entries);
  const rankFor = (i: number, gram: string): number => {
    const keys = entries[i].keys;
    let score = 2;
    for (let k = 0; k < keys.length && score < 5; k++) {
      if (keys[k] === gram) score = 5;
      else if (score < 4 && cores[i][k] === gram) score = 4;
      else if (score < 3 && keys[k].startsWith(gram)) score = 3;
    }
    return (5 - score) * 1e11 + ties[i];
  };

  const members = splitUntilSmall(entries.length, gramsOf, limits, rankFor, (gram, size, partial) => {
    if (partial) index.partial[gram] = size;
    else index.complete[gram] = size;
  });
  return { index, shards: shardsOf(data, members) };
}

/**
 * Shards of pinyin prefixes, keyed `py-<letters>`: every entry whose full pinyin or initials begin with the prefix.
 * Like the n-grams, a prefix in more than `maxEntries` entries is split into the prefixes one letter longer, and its
 * own shard keeps a sample (names that are the prefix exactly first). Latin input and homophones both read one shard.
 */
export function buildSoundShards(data: FinderData, limits: ShardLimits = SOUND_LIMITS): { index: SoundIndex; shards: Map<string, FinderShard> } {
  const { entries } = data;
  const strings = entries.map((e) => [...new Set(e.py.flatMap((py) => soundStrings(py)).filter(Boolean))]);
  const index: SoundIndex = { maxLength: limits.maxLevel, partial: [] };
  const ties = tieBreaks(entries);
  const rankFor = (i: number, prefix: string): number => (strings[i].includes(prefix) ? 0 : 1e11) + ties[i];

  const prefixes = new Set<string>();
  const prefixesOf = (i: number, length: number, split: Set<string> | undefined): Set<string> => {
    prefixes.clear();
    for (const s of strings[i]) if (s.length >= length && (!split || split.has(s.slice(0, length - 1)))) prefixes.add(s.slice(0, length));
    return prefixes;
  };
  const members = splitUntilSmall(entries.length, prefixesOf, limits, rankFor, (prefix, _size, partial) => {
    if (partial) index.partial.push(prefix);
  });
  return { index, shards: shardsOf(data, members) };
}

/**
 * Puts entries under keys one level longer each round (n-grams of their names, or pinyin prefixes) until every key
 * holds at most `limits.maxEntries`. A key over the limit keeps a sample of its best `limits.sample` entries (by
 * `rankFor`, whose last six digits are the entry's position) and is split further in the next round, where `keysOf`
 * offers only keys under split ones. `onKey` hears each key's size and whether it was split.
 */
function splitUntilSmall(
  count: number,
  keysOf: (i: number, level: number, split: Set<string> | undefined) => Iterable<string>,
  limits: ShardLimits,
  rankFor: (i: number, key: string) => number,
  onKey: (key: string, size: number, partial: boolean) => void,
): Map<string, number[]> {
  const members = new Map<string, number[]>();
  let split: Set<string> | undefined;
  // The entries that can have keys at this level: all at first, then those under a split key (a longer key extends a
  // split one the entry has), in order.
  let active = Array.from({ length: count }, (_, i) => i);
  for (let level = 1; level <= limits.maxLevel; level++) {
    const found = new Map<string, number[]>();
    for (const i of active) {
      for (const key of keysOf(i, level, split)) {
        const list = found.get(key);
        if (list) list.push(i);
        else found.set(key, [i]);
      }
    }
    const partial = new Set<string>();
    const under = new Uint8Array(count);
    for (const [key, list] of found) {
      const over = list.length > limits.maxEntries;
      onKey(key, list.length, over);
      if (!over) members.set(key, list);
      else {
        partial.add(key);
        for (const i of list) under[i] = 1;
        // The best `sample` ranks, in order, kept as the list is read (a common key's list is most of the country).
        const best: number[] = [];
        for (const i of list) {
          const rank = rankFor(i, key);
          if (best.length >= limits.sample) {
            if (!best.length || rank >= best[best.length - 1]) continue;
            best.pop();
          }
          let at = best.length;
          while (at > 0 && best[at - 1] > rank) at--;
          best.splice(at, 0, rank);
        }
        members.set(key, best.map((rank) => rank % 1e6));
      }
    }
    if (!partial.size) break;
    split = partial;
    active = active.filter((i) => under[i] === 1);
  }
  return members;
}

/** One shard per key: its entries, and the groups they name. */
function shardsOf(data: FinderData, members: Map<string, number[]>): Map<string, FinderShard> {
  const shards = new Map<string, FinderShard>();
  // Each entry's groups that the data describes, looked up once however many shards hold the entry.
  const described = data.entries.map((e) => e.groups.filter((id) => Object.prototype.hasOwnProperty.call(data.groups, id) && data.groups[id]));
  for (const [key, list] of members) {
    const shard: FinderShard = { groups: {}, entries: list.map((i) => data.entries[i]) };
    for (const i of list) for (const id of described[i]) shard.groups[id] = data.groups[id];
    shards.set(key, shard);
  }
  return shards;
}
