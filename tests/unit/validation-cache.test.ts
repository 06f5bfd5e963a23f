/**
 * `npm run build` validates only the files that changed since the last build (src/data/validate/cache.ts): what each
 * file's own check found is kept by its bytes, and what spans files (references, duplicate ids, the rules) is checked
 * whole each time. Run on a copy of the project's data: with a cache, cold or warm, validation finds exactly what it
 * finds without one; an edit that keeps a file's size and modification time is still seen; a reference or duplicate
 * across an unchanged file and a changed one is still reported, with the unchanged file and field named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset, type Problem } from '../../src/data/validate';
import { ValidationCache } from '../../src/data/validate/cache';

const now = new Date('2026-12-07T12:00:00Z');
let root: string;
let cacheDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'yigongti-check-cache-'));
  for (const folder of ['data', 'content', 'public']) cpSync(folder, join(root, folder), { recursive: true });
  cacheDir = join(root, '.check-cache');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const run = (cache?: ValidationCache) => validateDataset(readSourceFiles(root), cache ? { now, cache } : { now });
const cacheOf = (code = 'code') => new ValidationCache(join(cacheDir, 'data'), code);
const dataFiles = () => Object.values(readSourceFiles(root).data).flatMap((list) => list ?? []).length;
const where = (problems: Problem[]) => problems.map((p) => [p.file, p.entry, p.field, p.en]);

/** Rewrites a file with `edit` applied, keeping its modification time (and, with an edit of the same length, its size). */
function editKeepingTime(path: string, edit: (text: string) => string) {
  const file = join(root, path);
  const { atime, mtime, size } = statSync(file);
  const text = edit(readFileSync(file, 'utf8'));
  writeFileSync(file, text);
  utimesSync(file, atime, mtime);
  return { size, after: statSync(file).size };
}

describe('the validation cache', () => {
  it('finds what validation without it finds, cold and warm, and hands over the same entries as JSON', () => {
    const plain = run();
    expect(plain.problems).toEqual([]);
    const cold = cacheOf();
    const first = run(cold);
    expect(cold.hits).toBe(0);
    expect(first.problems).toEqual(plain.problems);
    expect(first.entries).toEqual(plain.entries);
    const warm = cacheOf();
    const second = run(warm);
    expect([warm.hits, warm.misses]).toEqual([dataFiles(), 0]);
    expect(second.entries).toEqual(plain.entries);
    // The handoff's text of each data collection, copied from the files' cached texts, is the entries' JSON.
    const files = readSourceFiles(root).data;
    const target = join(root, 'handoff.json');
    for (const [name, list] of Object.entries(files)) {
      expect(warm.writeCollection(target, (list ?? []).map((f) => f.path)), name).toBe(true);
      expect(JSON.parse(readFileSync(target, 'utf8')), name).toEqual(plain.entries[name as keyof typeof plain.entries]);
    }
  });

  it('hands the Astro process exactly the validated entries, also when a cache file changed after validation', async () => {
    const { writeHandoff } = await import('../../src/data/read-sources');
    const plain = run();
    run(cacheOf());
    const warm = cacheOf();
    const files = readSourceFiles(root);
    const validated = validateDataset(files, { now, cache: warm });
    // Another build's prune removed one cache file, and another was cut short, after this run validated from them.
    const names = readdirSync(join(cacheDir, 'data'));
    rmSync(join(cacheDir, 'data', names[0]));
    writeFileSync(join(cacheDir, 'data', names[1]), readFileSync(join(cacheDir, 'data', names[1]), 'utf8').slice(0, -10));
    const paths = new Map(Object.entries(files.data).map(([name, list]) => [name, (list ?? []).map((f) => f.path)]));
    const handoff = join(root, 'handoff');
    writeHandoff(handoff, { entries: validated.entries, origins: validated.origins, fileDates: new Map() }, (name, target) => paths.has(name) && warm.writeCollection(target, paths.get(name)!));
    for (const name of Object.keys(plain.entries)) {
      expect(JSON.parse(readFileSync(join(handoff, `${name}.json`), 'utf8')), name).toEqual(plain.entries[name as keyof typeof plain.entries]);
    }
  });

  it('sees an edit that keeps the file\'s size and modification time, and names the file and field', () => {
    run(cacheOf());
    const { size, after } = editKeepingTime('data/groups/gaomi-2021-gaokang-group.json', (t) => t.replace('"lead": "gaomi-people-hospital"', '"lead": "gaomi-people-hospitax"'));
    expect(after).toBe(size);
    const cache = cacheOf();
    const { problems } = run(cache);
    expect(cache.misses).toBe(1);
    expect(where(problems)).toContainEqual(['data/groups/gaomi-2021-gaokang-group.json', expect.any(String), 'lead', expect.stringContaining('gaomi-people-hospitax')]);
    expect(problems).toEqual(run().problems);
    // A schema problem the same way (an enum value misspelt, same length).
    editKeepingTime('data/groups/gaomi-2021-gaokang-group.json', (t) => t.replace('"kind": "county"', '"kind": "cou ty"'));
    const schema = run(cacheOf()).problems;
    expect(where(schema)).toContainEqual(['data/groups/gaomi-2021-gaokang-group.json', expect.any(String), 'kind', expect.any(String)]);
    expect(schema).toEqual(run().problems);
  });

  it('keeps reporting a problem of an unchanged file, from the cache', () => {
    editKeepingTime('data/groups/gaomi-2021-gaokang-group.json', (t) => t.replace('"kind": "county"', '"kind": "cou ty"'));
    const first = run(cacheOf()).problems;
    expect(first.length).toBeGreaterThan(0);
    const warm = cacheOf();
    expect(run(warm).problems).toEqual(first);
    expect(warm.misses).toBe(0);
  });

  it('checks references and duplicate ids across files whole: an unchanged file pointing at an entry deleted elsewhere, an id added elsewhere twice', () => {
    run(cacheOf());
    const institutions = 'data/institutions/gaomi-2021-gaokang-group.json';
    const list = JSON.parse(readFileSync(join(root, institutions), 'utf8')) as { id: string }[];
    const lead = list.find((i) => i.id === 'gaomi-people-hospital')!;
    writeFileSync(join(root, institutions), JSON.stringify(list.filter((i) => i !== lead), null, 2));
    const cache = cacheOf();
    const missing = run(cache).problems;
    expect(cache.misses).toBe(1);
    // The group's file did not change and came from the cache; its reference to the deleted hospital is reported there.
    expect(where(missing)).toContainEqual(['data/groups/gaomi-2021-gaokang-group.json', expect.any(String), 'lead', expect.stringContaining('gaomi-people-hospital')]);
    expect(missing).toEqual(run().problems);
    // Put back, and the same hospital also added to another county's file: a duplicate id, named in the later file.
    writeFileSync(join(root, institutions), JSON.stringify(list, null, 2));
    const other = 'data/institutions/zizhong-2024-yigongti.json';
    writeFileSync(join(root, other), JSON.stringify([...JSON.parse(readFileSync(join(root, other), 'utf8')), lead], null, 2));
    const twice = run(cacheOf()).problems;
    expect(where(twice)).toContainEqual([other, 'gaomi-people-hospital', 'id', expect.stringContaining(institutions)]);
    expect(twice).toEqual(run().problems);
  });

  it('is not used by other code, nor when its files are damaged, and drops the files no longer read', () => {
    run(cacheOf());
    const other = cacheOf('other code');
    run(other);
    expect(other.hits).toBe(0);
    other.prune();
    expect(readdirSync(join(cacheDir, 'data'))).toHaveLength(dataFiles());
    for (const name of readdirSync(join(cacheDir, 'data'))) writeFileSync(join(cacheDir, 'data', name), '{"problems":[]');
    const damaged = cacheOf('other code');
    expect(run(damaged).entries).toEqual(run().entries);
    expect(damaged.hits).toBe(0);
  });
});
