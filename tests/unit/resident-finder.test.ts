import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { residentSite } from '../fixtures/resident-site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFinderData, buildFinderShards, buildSoundShards, buildSoundTable } from '../../src/finder/shards';
import { coreOf, findPlaces, foldQuery, latinQuery, normalise, searchFinder, shardFile, soundShardFile, soundShardFor, type FinderFiles, type FinderIndex } from '../../src/finder/match';
import { loadDataset } from '../../src/data/read-sources';
import { finderCoverage } from '../../src/views/finder';

const labels = { institutionKind: (k: string) => k, groupKind: (k: string) => k, regionKind: (k: string) => k };
const data = buildFinderData(residentSite(), labels, [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' })]);
const names = (query: string) => searchFinder(data, query).map((e) => e.name);

describe('finder data', () => {
  it('holds each institution with its Traditional forms, its groups and the groups it leads', () => {
    const matun = data.entries.find((e) => e.name === '麻屯镇卫生院')!;
    expect(matun).toMatchObject({ type: 'institution', href: '/institutions/matun/', groups: ['first'], leads: [] });
    expect(matun.tw).toContain('麻屯鎮衛生院');
    const people = data.entries.find((e) => e.name === '孟津县人民医院')!;
    expect(people.leads).toEqual(['first']);
    expect(people.keys).toContain('县人民医院');
  });

  it('links each group to its lead and its referral guide', () => {
    expect(data.groups.first).toMatchObject({
      href: '/groups/first/',
      lead: { name: '孟津县人民医院', href: '/institutions/people/' },
      referral: '/groups/first/referral/',
      place: '洛阳市孟津县',
    });
    expect(data.groups.urban.lead).toBeUndefined();
  });

  it('gives a region the groups serving it, covered territory included', () => {
    expect(data.entries.find((e) => e.name === '孟津县')!.groups).toEqual(['first', 'second']);
    expect(data.entries.find((e) => e.name === '偃师区')!.groups).toEqual(['urban']);
  });

  it('folds Traditional and variant characters back to Simplified', () => {
    expect(data.fold['鎮']).toBe('镇');
    expect(data.fold['衛']).toBe('卫');
    expect(data.fold['衞']).toBe('卫');
  });
});

describe('finder matching', () => {
  it('finds a township health centre by the township alone', () => {
    expect(names('小浪底')[0]).toBe('小浪底镇卫生院');
  });

  it('finds by Traditional characters, mixed scripts and Hong Kong variants', () => {
    expect(names('麻屯鎮衛生院')).toEqual(['麻屯镇卫生院']);
    expect(names('麻屯鎮卫生院')).toEqual(['麻屯镇卫生院']);
    expect(names('麻屯鎮衞生院')).toEqual(['麻屯镇卫生院']);
    expect(names('孟津縣')[0]).toBe('孟津县');
  });

  it('finds by an alias and despite a different generic word', () => {
    expect(names('会盟镇卫生院')).toEqual(['会盟卫生院']);
    expect(names('小浪底镇医院')).toEqual(['小浪底镇卫生院']);
    expect(names('孟津区')[0]).toBe('孟津县');
  });

  it('ranks an exact name above names that merely contain it', () => {
    expect(names('孟津县人民医院')[0]).toBe('孟津县人民医院');
    expect(names('孟津')[0]).toBe('孟津县');
  });

  it('ignores spaces and punctuation and finds nothing for nonsense or an empty query', () => {
    expect(names(' 麻屯 镇。')).toEqual(['麻屯镇卫生院']);
    expect(names('北京协和')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('镇卫生院').length).toBeGreaterThan(0);
  });

  it('keeps the helpers honest', () => {
    expect(normalise('A 麻屯，镇')).toBe('a麻屯镇');
    expect(foldQuery('麻屯鎮', { 鎮: '镇' })).toBe('麻屯镇');
    expect(coreOf('小浪底镇卫生院')).toBe('小浪底');
    expect(coreOf('镇卫生院')).toBe('');
  });

  it('limits the number of results', () => {
    expect(searchFinder(data, '卫生院', 2)).toHaveLength(2);
  });
});

/**
 * Pinyin, initials and homophone typos, on the site's own data, answered as the browser answers them (one small shard
 * per lookup). Expected places are read from data/ by id; the queries are what a resident types.
 */
describe('finding by pinyin, initials and sound (the site’s data)', () => {
  const dataset = loadDataset(process.cwd());
  const site = buildFinderData(dataset, labels, [Converter({ from: 'cn', to: 'tw' })]);
  const chars = buildFinderShards(site);
  const sound = buildSoundShards(site);
  const sounds = buildSoundTable(site);
  const index: FinderIndex = { ...chars.index, sound: sound.index };
  const fetched: string[] = [];
  const files: FinderFiles = {
    index: async () => index,
    shard: async (file, missing) => {
      fetched.push(file);
      const shard = [...chars.shards].find(([g]) => shardFile(g) === file)?.[1] ?? [...sound.shards].find(([p]) => soundShardFile(p) === file)?.[1];
      if (!shard && !missing) throw new Error(`no shard ${file}`);
      return shard ?? { groups: {}, entries: [] };
    },
    sounds: async () => (fetched.push('sounds'), sounds),
  };
  const find = async (query: string) => {
    fetched.length = 0;
    const answer = await findPlaces(files, query, 10);
    return { ...answer, names: answer.found.map((e) => e.name), shards: fetched.filter((f) => f !== 'sounds').length };
  };

  // Names as the editors wrote them in data/.
  const json = (file: string) => JSON.parse(readFileSync(join('data', file), 'utf8')) as { id: string; name: string }[];
  const mengjin = json('institutions/mengjin-2020-yigongti-plan.json');
  const named = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)!.name;
  const songzhuang = named(mengjin, 'mengjin-songzhuang-health-centre');
  const xiaolangdi = named(mengjin, 'mengjin-xiaolangdi-health-centre');
  const matun = named(mengjin, 'mengjin-matun-health-centre');
  const people = named(mengjin, 'mengjin-people-hospital');
  const zizhong = named(json('regions/regions.json'), 'zizhong');

  it('finds a place by its full pinyin, with or without spaces, capitals or the generic ending', async () => {
    for (const [query, expected] of [
      ['songzhuang', songzhuang],
      ['Song Zhuang', songzhuang],
      ['songzhuangzhen', songzhuang],
      ['xiaolangdi', xiaolangdi],
      ["xiao'langdi", xiaolangdi],
      ['matunzhenweishengyuan', matun],
      ['zizhong', zizhong],
    ]) {
      const { names, shards, bySound } = await find(query);
      expect(names[0], query).toBe(expected);
      expect(shards, query).toBe(1);
      expect(bySound, query).toBe(false);
    }
  });

  it('finds a place by the initials of its name', async () => {
    for (const [query, expected] of [
      ['szz', songzhuang],
      ['SZWSY', songzhuang],
      ['xld', xiaolangdi],
      ['mtz', matun],
      ['mjxrmyy', people],
    ]) {
      const { names, shards } = await find(query);
      expect(names, query).toContain(expected);
      expect(shards, query).toBe(1);
    }
    expect((await find('xld')).names[0]).toBe(xiaolangdi);
  });

  it('finds a place typed with characters that sound the same (a pinyin keyboard’s wrong candidate)', async () => {
    for (const [query, expected] of [
      ['小狼底', xiaolangdi],
      ['小狼底镇', xiaolangdi],
      ['小狼底鎮医院', xiaolangdi],
      ['宋庄', songzhuang],
      ['宋庄镇卫生院', songzhuang],
      ['麻豚镇', matun],
      ['子中县', zizhong],
    ]) {
      const { names, bySound, shards } = await find(query);
      expect(names[0], query).toBe(expected);
      expect(bySound, query).toBe(true);
      expect(shards, query).toBeLessThanOrEqual(2);
    }
  });

  it('finds Chinese by its characters first, exactly or by the beginning of a name, without asking for sounds', async () => {
    for (const [query, expected] of [
      [songzhuang, songzhuang],
      ['送庄', songzhuang],
      ['小浪底', xiaolangdi],
      [people.slice(0, 5), people],
    ]) {
      const { names, bySound } = await find(query);
      expect(names[0], query).toBe(expected);
      expect(bySound, query).toBe(false);
      expect(fetched, query).not.toContain('sounds');
    }
  });

  it('finds nothing for places not in the data, nonsense letters or a single letter', async () => {
    for (const query of ['球溪', 'qiuxi', 'qx', 'zzzzq', 's', 'x', '北京协和']) {
      expect((await find(query)).names, query).toEqual([]);
    }
    expect(latinQuery('s')).toBe('s');
    expect(soundShardFor(index.sound, 's')).toBeUndefined();
  });
});

describe('the no-match answer', () => {
  const dataset = loadDataset(process.cwd());
  const regions = JSON.parse(readFileSync('data/regions/regions.json', 'utf8')) as { id: string; name: string; kind: string }[];

  it('lists the counties the site covers, each linked to its page, and no province or city', () => {
    const { counties, total } = finderCoverage(dataset);
    // Linyi's plan assigns none of its districts to a group, so the city is what the answer can point to.
    for (const id of ['zizhong', 'mengjin', 'gaomi', 'yiliang', 'linyi']) {
      const region = regions.find((r) => r.id === id)!;
      expect(counties, id).toContainEqual(expect.objectContaining({ name: region.name, href: `/regions/${id}/` }));
    }
    for (const r of regions.filter((r) => r.kind === 'province' || (r.kind === 'prefecture' && r.id !== 'linyi'))) expect(counties.map((c) => c.name)).not.toContain(r.name);
    expect(counties.find((c) => c.href === '/regions/mengjin/')!.place).toBe('河南省洛阳市');
    expect(total).toBe(counties.length);
  });

  it('gives only the number when there are too many to list', () => {
    const all = finderCoverage(dataset);
    expect(finderCoverage(dataset, all.total - 1)).toEqual({ counties: [], total: all.total, hotlineSource: '国家卫生健康委；出处未核实', villageClinics: all.villageClinics });
    expect(finderCoverage(dataset, all.total).counties).toHaveLength(all.total);
  });
});
