/**
 * The finder's shards: a query answered from the one shard it loads finds exactly what a scan of every entry finds,
 * on the benchmark's generated country (village clinics included), and no shard outgrows its bound. At 1/500 of the
 * country (about 1,300 names): enough that the commonest characters (村, 卫, 生, 室) outgrow a shard of the site's
 * size and split, small enough to stay a unit test (the benchmark runs the sizes themselves: `npm run bench -- scale`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Converter } from 'opencc-js';
import { generateNationalDataset } from '../../scripts/bench/national-data';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import { indexDataset, membershipsOf } from '../../src/data/dataset';
import { pinyin } from 'pinyin-pro';
import { buildFinderData, buildFinderShards, buildSoundShards, buildSoundTable, SHARD_LIMITS, SOUND_LIMITS, type ShardLimits } from '../../src/finder/shards';
import { MIN_LETTERS, latinQuery, normalise, searchBySound, searchFinder, shardFor, soundShardFor, type FinderData, type FinderEntry } from '../../src/finder/match';

const dir = mkdtempSync(join(tmpdir(), 'yigongti-finder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateNationalDataset(dir, 0.002, resolve('.'));
const dataset = indexDataset(validateDataset(readSourceFiles(dir)).entries);
const labels = { institutionKind: (k: string) => k, groupKind: (k: string) => k, regionKind: (k: string) => k };
const toTw = Converter({ from: 'cn', to: 'tw' });
const full = buildFinderData(dataset, labels, [toTw]);
const ALL = 1e9;

/** Answers a query the way the browser does: the index picks one shard, the search runs on it alone. */
function fromShard(built: ReturnType<typeof buildFinderShards>, query: string, limit = ALL) {
  const choice = shardFor(built.index, query);
  if (!choice) return { partial: false, found: [] as FinderEntry[] };
  const shard = built.shards.get(choice.gram)!;
  const data: FinderData = { fold: built.index.fold, groups: shard.groups, entries: shard.entries };
  return { partial: choice.partial, found: searchFinder(data, query, limit) };
}

/** Lets vitest's worker answer its runner between full scans (a long synchronous loop times its messages out). */
const breather = () => new Promise((done) => setImmediate(done));

/** What a scan of every entry finds for a query: the expected answer, the same for every set of limits. */
const scans = new Map<string, string[]>();
const scanAll = (query: string) => {
  if (!scans.has(query)) scans.set(query, searchFinder(full, query, ALL).map((e) => `${e.name} ${e.href}`));
  return scans.get(query)!;
};

const villages = full.entries.filter((e) => e.centre);
const townships = dataset.institutions.filter((i) => i.kind === 'township-health-centre');
const hospitals = dataset.institutions.filter((i) => i.kind === 'general-hospital');
const pick = <T>(list: readonly T[], count: number) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / count)) === 0).slice(0, count);

/** What residents type: whole names, the place alone, the middle of a name, Traditional forms, other generic words. */
const queries = [
  ...pick(villages, 40).map((e) => e.name),
  ...pick(villages, 40).map((e) => e.name.replace('村卫生室', '村')),
  ...pick(villages, 20).map((e) => e.name.slice(1, 4)),
  ...pick(townships, 30).map((i) => i.name),
  ...pick(townships, 30).map((i) => i.name.replace('镇卫生院', '')),
  ...pick(townships, 20).map((i) => i.name.replace('卫生院', '医院')),
  ...pick(hospitals, 20).map((i) => i.name),
  ...pick(hospitals, 20).map((i) => i.name.slice(2)),
  ...pick(dataset.groups, 10).map((g) => g.name.slice(3, 9)),
  ...pick(dataset.regions, 20).map((r) => r.name),
  ...pick(townships, 20).map((i) => toTw(i.name)),
  ...pick(villages, 20).map((e) => toTw(e.name)),
  ...pick(villages, 10).map((e) => `${toTw(e.name.slice(0, 2))}${e.name.slice(2)}`),
  '安', '宁', '人民', '中医', ' 麻屯 镇。', '北京协和', 'zz', '卫生院', '村卫生室', '镇',
];

describe('finder shards', () => {
  const limitSets: [string, ShardLimits][] = [
    ['the site’s limits', SHARD_LIMITS],
    ['small shards, so most characters split into longer n-grams', { maxEntries: 40, sample: 15, maxLevel: 4 }],
    ['shards cut only at the first level', { maxEntries: 40, sample: 15, maxLevel: 1 }],
  ];

  it.each(limitSets)('a query finds the same entries from its shard as from every entry (%s)', async (_name, limits) => {
    const built = buildFinderShards(full, limits);
    let answeredWhole = 0;
    for (const query of queries) {
      await breather();
      const expected = scanAll(query);
      const { partial, found } = fromShard(built, query);
      const names = found.map((e) => `${e.name} ${e.href}`);
      if (partial) {
        // A query made only of n-grams too common for a full shard: a sample of true matches (the finder says there are more).
        expect(names.every((n) => expected.includes(n)), query).toBe(true);
      } else {
        expect(names, query).toEqual(expected);
        answeredWhole++;
        // The ten a resident sees, in the same order.
        expect(fromShard(built, query, 11).found, query).toEqual(searchFinder(full, query, 11));
      }
    }
    // Not vacuous: with longer n-grams to fall back on, specific names are answered whole.
    if (limits.maxLevel > 1) expect(answeredWhole).toBeGreaterThan(queries.length * 0.8);
  }, 240_000);

  it('answers a specific name whole even where every one of its characters is split', () => {
    const built = buildFinderShards(full, { maxEntries: 40, sample: 15, maxLevel: 4 });
    const village = villages.find((e) => [...e.name].every((ch) => ch in built.index.partial));
    if (!village) throw new Error('no village name has all its characters split');
    expect(shardFor(built.index, village.name)).toMatchObject({ partial: false });
    expect(fromShard(built, village.name).found.map((e) => e.name)).toContain(village.name);
  });

  it('finds a village clinic under its township health centre, with that centre’s groups and page', () => {
    const built = buildFinderShards(full);
    for (const clinic of pick(dataset.institutions.filter((i) => i.kind === 'village-clinic'), 30)) {
      const centre = dataset.institution.get(clinic.belongsTo!)!;
      const hit = fromShard(built, clinic.name).found.find((e) => e.centre?.name === centre.name);
      expect(hit, clinic.name).toBeDefined();
      expect(hit!.href).toBe(`/institutions/${centre.id}/`);
      expect(hit!.centre!.href).toBe(`/institutions/${centre.id}/`);
      expect(hit!.groups).toEqual(membershipsOf(dataset, centre.id).map((m) => m.group.id));
      expect(hit!.groups.length).toBeGreaterThan(0);
    }
  });

  it('keeps every shard within its bound, and a full shard of the heaviest entries under 50 KB gzip', () => {
    const built = buildFinderShards(full);
    for (const [gram, shard] of built.shards) {
      const bound = gram in built.index.partial ? SHARD_LIMITS.sample : SHARD_LIMITS.maxEntries;
      expect(shard.entries.length, gram).toBeLessThanOrEqual(bound);
      for (const e of shard.entries) for (const id of e.groups) expect(shard.groups[id], `${gram}: ${e.name} → ${id}`).toBeDefined();
    }
    // The heaviest entries (groups' long names, then hospitals and health centres) filling a shard to its limit.
    const heavy = [...full.entries].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length).slice(0, SHARD_LIMITS.maxEntries);
    const groups = Object.fromEntries(heavy.flatMap((e) => e.groups).map((id) => [id, full.groups[id]]));
    expect(heavy).toHaveLength(SHARD_LIMITS.maxEntries);
    expect(gzipSync(JSON.stringify({ groups, entries: heavy })).length).toBeLessThanOrEqual(50 * 1024);
  });

  it('needs no shard for a query whose characters no name has', () => {
    const built = buildFinderShards(full);
    for (const query of ['北京协和', 'zz', '😀', '   ']) expect(shardFor(built.index, query), query).toBeUndefined();
    expect(normalise('😀')).toBe('');
  });
});

/**
 * Pinyin shards: a latin query answered from the one shard its letters choose finds exactly what a scan of every entry
 * finds. Queries are spelled by pinyin-pro straight from the generated names (full, initials, a prefix), as typed.
 */
describe('finder pinyin shards', () => {
  const spell = (name: string) => pinyin(name, { toneType: 'none', type: 'array', v: true }) as string[];
  const named = [...pick(villages, 20), ...pick(full.entries.filter((e) => !e.centre), 20)];
  const latin = [
    ...named.map((e) => spell(e.name).join('')),
    ...named.map((e) => spell(e.name).map((s) => s[0]).join('')),
    ...named.map((e) => spell(e.name).slice(0, 2).join('')),
    ...named.map((e) => spell(e.name).map((s) => s[0]).join('').slice(0, 3)),
    'an', 'xi', 'xin', 'zz', 'qqqq',
  ];
  const limitSets: [string, ShardLimits][] = [
    ['the site’s limits', SOUND_LIMITS],
    ['small shards, so most prefixes split', { maxEntries: 40, sample: 15, maxLevel: 24 }],
    ['short prefixes only, then samples', { maxEntries: 40, sample: 15, maxLevel: 3 }],
  ];

  /** What a scan of every entry finds for a query's letters, the same for every set of limits. */
  const sounds = new Map<string, string[]>();

  it.each(limitSets)('a pinyin query finds the same entries from its shard as from every entry (%s)', async (_name, limits) => {
    const built = buildSoundShards(full, limits);
    let whole = 0;
    for (const query of latin) {
      await breather();
      const letters = latinQuery(query)!;
      if (!sounds.has(letters)) sounds.set(letters, searchBySound(full, letters, ALL).map((e) => `${e.name} ${e.href}`));
      const expected = sounds.get(letters)!;
      const choice = soundShardFor(built.index, letters)!;
      const shard = built.shards.get(choice.gram) ?? { groups: {}, entries: [] };
      const found = searchBySound({ fold: {}, ...shard }, letters, ALL).map((e) => `${e.name} ${e.href}`);
      if (choice.partial) expect(found.every((n) => expected.includes(n)), query).toBe(true);
      else {
        expect(found, query).toEqual(expected);
        whole++;
      }
    }
    if (limits.maxLevel > 3) expect(whole).toBeGreaterThan(latin.length * 0.9);
  }, 120_000);

  it('finds each named place by its full pinyin and by its initials', () => {
    const built = buildSoundShards(full);
    for (const e of named) {
      for (const query of [spell(e.name).join(''), spell(e.name).map((s) => s[0]).join('')]) {
        const shard = built.shards.get(soundShardFor(built.index, query)!.gram)!;
        expect(searchBySound({ fold: {}, ...shard }, query, ALL).map((x) => x.href), query).toContain(e.href);
      }
    }
  });

  it('keeps every pinyin shard within its bound, its index and the sound table small', () => {
    const built = buildSoundShards(full);
    const split = new Set(built.index.partial);
    for (const [prefix, shard] of built.shards) {
      expect(shard.entries.length, prefix).toBeLessThanOrEqual(split.has(prefix) ? SOUND_LIMITS.sample : SOUND_LIMITS.maxEntries);
      for (const e of shard.entries) for (const id of e.groups) expect(shard.groups[id], `${prefix}: ${e.name} → ${id}`).toBeDefined();
    }
    // One letter would match a twentieth of the country: the finder asks for more.
    expect(MIN_LETTERS).toBeGreaterThanOrEqual(2);
    for (const one of ['a', 'x', 's']) expect(soundShardFor(built.index, one)).toBeUndefined();
    // Only split prefixes are listed (at 1/100 of the country a few, so a few hundred at full size; none at 1/500).
    expect(gzipSync(JSON.stringify(built.index)).length).toBeLessThanOrEqual(2 * 1024);
    // What a homophone lookup downloads once: GB 2312 and the names' characters, each with its reading.
    expect(gzipSync(JSON.stringify(buildSoundTable(full))).length).toBeLessThanOrEqual(20 * 1024);
  });
});
