/**
 * The names' readings kept from one build of the finder to the next (src/finder/readings-cache.ts): a build that takes
 * the last build's readings writes the finder a build without them writes, byte for byte, after a county and a village
 * clinic are renamed; the renamed names read anew (their Traditional forms and pinyin as OpenCC and pinyin-pro give
 * them); a file written by other code is not used; and each shard's fingerprint changes with its text, and only then.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { generateNationalDataset } from '../../scripts/bench/national-data';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import { indexDataset } from '../../src/data/dataset';
import { buildFinderData, buildFinderShards, buildSoundShards, type NameReadings } from '../../src/finder/shards';
import { readReadings, writeReadings } from '../../src/finder/readings-cache';
import { shardFor } from '../../src/finder/match';
import { finderFiles, type FinderFile } from '../../src/finder/files';
import { GENERATED } from '../../src/integrations/generated-files';

const dir = mkdtempSync(join(tmpdir(), 'yigongti-finder-readings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateNationalDataset(dir, 0.002, resolve('.'));
const load = () => indexDataset(validateDataset(readSourceFiles(dir)).entries);
const labels = { institutionKind: (k: string) => k, groupKind: (k: string) => k, regionKind: (k: string) => k };
const converters = [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' })];
const noOpenCC = () => {
  throw new Error('OpenCC loaded for a name whose readings were kept');
};

/** Everything the finder's files are made of, as text. */
const files = (data: ReturnType<typeof buildFinderData>) => {
  const { index, shards } = buildFinderShards(data);
  const sound = buildSoundShards(data);
  return JSON.stringify([data, index, [...shards], sound.index, [...sound.shards]]);
};

const editJson = (file: string, edit: (rows: { id: string; name: string; kind: string }[]) => void) => {
  const rows = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  edit(rows);
  writeFileSync(join(dir, file), JSON.stringify(rows, null, 2));
};

describe('finder readings kept between builds', () => {
  const before = load();
  const known = new Map<string, NameReadings>();
  const first = buildFinderData(before, labels, converters, known);

  it('makes the same finder from kept readings, without loading OpenCC', () => {
    const kept = new Map(known);
    expect(files(buildFinderData(before, labels, noOpenCC, kept))).toBe(files(first));
  });

  it('reads a renamed county and village clinic anew, and writes what a build without kept readings writes', () => {
    let county = '';
    let clinic = '';
    editJson('data/regions/regions.json', (regions) => {
      const r = regions.find((x) => x.kind === 'county')!;
      r.name = county = `鑫${r.name}`;
    });
    const institutionFile = readSourceFiles(dir).data.institutions[0].path;
    editJson(institutionFile, (rows) => {
      const v = rows.find((x) => x.kind === 'village-clinic')!;
      v.name = clinic = `龙${v.name}`;
    });
    const after = load();
    const stale = new Map(known);
    const incremental = buildFinderData(after, labels, () => converters, stale);
    const fresh = buildFinderData(after, labels, converters);
    expect(files(incremental)).toBe(files(fresh));
    expect(files(incremental)).not.toBe(files(first));

    // Expected readings from OpenCC and pinyin-pro themselves.
    for (const name of [county, clinic]) {
      const entry = incremental.entries.find((e) => e.name === name)!;
      expect(entry, name).toBeDefined();
      expect(entry.keys).toEqual([name]);
      expect(entry.py).toEqual([(pinyin(name, { toneType: 'none', type: 'array', v: true }) as string[]).join(' ')]);
      expect(entry.tw).toContain(converters[0](name));
      expect(stale.has(name)).toBe(true);
    }
    // The county's new character is folded, and the county is found by its new name in its shard.
    expect(incremental.fold['鑫']).toBeUndefined();
    expect(incremental.fold['龍']).toBe('龙');
    const { index, shards } = buildFinderShards(incremental);
    const choice = shardFor(index, county)!;
    expect(shards.get(choice.gram)!.entries.map((e) => e.name)).toContain(county);
  });

  it('keeps readings in a file used only by the same code', () => {
    const file = join(dir, 'readings.json');
    writeReadings(file, 'code-a', first, known);
    const read = readReadings(file, 'code-a');
    expect(read.size).toBe(new Set(first.entries.flatMap((e) => e.keys)).size);
    expect(files(buildFinderData(before, labels, noOpenCC, read))).toBe(files(first));
    expect(readReadings(file, 'code-b').size).toBe(0);
    writeFileSync(file, '{"version":1,');
    expect(readReadings(file, 'code-a').size).toBe(0);
    expect(readReadings(join(dir, 'missing.json'), 'code-a').size).toBe(0);
  });

  it('ignores a kept file whose readings are not what this code writes, instead of failing the build', () => {
    const file = join(dir, 'odd-readings.json');
    for (const names of [[null], [['资中县', '資中縣', [], 'zizhongxian']], [['资中县', ['資中縣'], [], 7]], [{ key: '资中县' }]]) {
      writeFileSync(file, JSON.stringify({ version: 1, code: 'code-a', names }));
      expect(readReadings(file, 'code-a').size).toBe(0);
    }
  });

  it('fingerprints each shard by what it is made of: a shard whose text changed with the renames has a new fingerprint, the others keep theirs', () => {
    const byPath = (files: FinderFile[]) => new Map(files.map(([path, make, print]) => [path, { text: make(), print: print?.() }]));
    const was = byPath(finderFiles(before));
    const now = byPath(finderFiles(load()));
    let changed = 0;
    let kept = 0;
    for (const [path, file] of now) {
      const old = was.get(path);
      if (!file.print || !old) continue;
      // Under the finder's set in the manifest, so a build whose inputs stand takes the shard with the set.
      expect(file.print.startsWith(`${GENERATED.find((set) => set.folder === 'finder/')!.route}|`), path).toBe(true);
      if (file.text === old.text) kept++;
      else changed++;
      expect(file.print === old.print, path).toBe(file.text === old.text);
    }
    expect(changed).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });
});
