/**
 * The search index written incrementally (issue 29): after an edit of each kind an editor makes, an index written
 * with the last build's cache and the published index to reuse (as `npm run build` writes it,
 * src/search/build/integration.ts `writeSiteSearchIndex`) is byte for byte the index a full build writes of the same
 * data, and it makes only the shards holding a changed page's entries. On a generated national dataset, in-process:
 * each page's HTML is a stub (the index only checks that the page exists).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateNationalDataset } from '../../scripts/bench/national-data';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import type { Entries } from '../../src/data/validate/problems';
import { indexDataset, type Dataset } from '../../src/data/dataset';
import { searchPaths } from '../../src/search/build/documents';
import { writeSearchIndex, writeSiteSearchIndex } from '../../src/search/build/integration';
import { SearchCache, readSearchCache } from '../../src/search/build/cache';
import { pageNumbers } from '../../src/search/build/page-numbers';
import { INDEX_DIR, INDEX_ENTRY, type IndexEntry } from '../../src/search/shared/index-layout';
import type { SearchDocument } from '../../src/search/build/documents';
import { changeFigure, deleteInstitution, moveMember, renameCounty, type Edit } from '../support/dataset-edits';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
const temporary = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `search-incremental-${name}-`));
  roots.push(dir);
  return dir;
};

/** Stub pages, one at each path any site of a test has, made once. */
const stubs = temporary('pages');
const made = new Set<string>();

/**
 * A built site's folder: a stub page at each of `paths` (each folder of the stubs linked in, so that a site costs a few
 * links; the index only checks that each document's page exists).
 */
function site(paths: Iterable<string>): string {
  for (const path of paths) {
    if (made.has(path)) continue;
    made.add(path);
    mkdirSync(join(stubs, path), { recursive: true });
    writeFileSync(join(stubs, path, 'index.html'), '<!doctype html><title>页</title>');
  }
  const dir = temporary('site');
  for (const name of readdirSync(stubs)) symlinkSync(join(stubs, name), join(dir, name));
  return dir;
}

const entryOf = (dir: string): IndexEntry => JSON.parse(readFileSync(join(dir, INDEX_ENTRY), 'utf8'));
const folder = (dir: string) => join(dir, INDEX_DIR, entryOf(dir).version);

/** The index of `dir` is byte for byte that of `expected`: the entry, the same file names, the same bytes. */
function expectSameIndex(dir: string, expected: string, label: string): void {
  expect(readFileSync(join(dir, INDEX_ENTRY), 'utf8'), label).toBe(readFileSync(join(expected, INDEX_ENTRY), 'utf8'));
  const names = readdirSync(folder(expected)).sort();
  expect(readdirSync(folder(dir)).sort(), label).toEqual(names);
  const different = names.filter((name) => !readFileSync(join(folder(dir), name)).equals(readFileSync(join(folder(expected), name))));
  expect(different, label).toEqual([]);
}

/** One edit of each kind (scripts/bench/scale.ts makes the same ones at scale). */
function edits(entries: Entries): Edit[] {
  const figure = entries.observations.find((o) => o.kind === 'actual') ?? entries.observations[0];
  const [from, to] = entries.groups.filter((g) => g.kind === 'county' && g.members.length > 1);
  const urban = entries.groups.find((g) => g.kind === 'urban' && g.members.length > 1) ?? entries.groups.find((g) => g.members.length > 1)!;
  return [
    renameCounty(entries, 'a name used on many pages (a county renamed)'),
    changeFigure(figure, 'a figure'),
    moveMember(from, to, 'last', 'a roster change (a member moved to another group)'),
    deleteInstitution(urban.members.at(-1)!.institution, 'a deleted institution'),
    { kind: 'an update edited (MDX)', apply: (e) => void (e.updates[0].body = `${e.updates[0].body}\n\n中心的电话另行公布。\n`) },
    {
      kind: 'an institution added',
      apply: (e) => {
        const model = e.institutions.find((i) => i.id === urban.members[0].institution)!;
        e.institutions.push({ ...structuredClone(model), id: `${model.id}-new`, name: `${model.name}分院`, aliases: [] });
        e.groups.find((g) => g.id === urban.id)!.members.push({ institution: `${model.id}-new` });
      },
    },
  ];
}

/** Lets the worker answer vitest between builds: a worker busy for a minute (a loaded CI machine) fails a green run. */
const breathe = () => new Promise((done) => setImmediate(done));

// The generated national dataset at 3/1000, for the first two parts (the generator writes the same files every time).
const generated = temporary('data');
generateNationalDataset(generated, 0.003, resolve('.'));
const entries = validateDataset(readSourceFiles(generated)).entries;

/** A site with its index as a build writes it from scratch, and that build's result. */
interface Built {
  dir: string;
  written: ReturnType<typeof writeSiteSearchIndex>;
}

/**
 * The first publication: a full build's index of the generated data, and the cache it left in `root`. Made once, for
 * the single edits and the chain of edits alike.
 */
const published = (() => {
  let made: (Built & { root: string }) | undefined;
  return () => {
    if (made) return made;
    const dataset = indexDataset(structuredClone(entries));
    const dir = site(searchPaths(dataset));
    const cache = new SearchCache(undefined, 'code');
    const written = writeSiteSearchIndex(dir, dataset, undefined, cache);
    const root = temporary('cache');
    cache.save(root);
    return (made = { dir, written, root });
  };
})();

/** Full builds by the data they index: one build serves every test that reaches the same data (a single roster change, and the chain's first step). */
const fullBuilds = new Map<string, Built>();
function fullBuild(data: Entries, dataset: Dataset): Built {
  const key = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  let built = fullBuilds.get(key);
  if (!built) {
    const dir = site(searchPaths(dataset));
    built = { dir, written: writeSiteSearchIndex(dir, dataset) };
    fullBuilds.set(key, built);
  }
  return built;
}

/** Where a build's index is, as the next build reuses it. */
const reuseOf = (built: Built) => ({ dir: join(built.dir, INDEX_DIR, built.written.files.version), files: built.written.files.files });

describe('the search index written incrementally, on a national dataset at 3/1000', () => {
  for (const edit of edits(entries)) {
    it(`${edit.kind}: writes what a full build writes, making only the pages and shards that changed`, async () => {
      const { written: first, root } = published();
      const changed = structuredClone(entries);
      edit.apply(changed);
      const after: Dataset = indexDataset(structuredClone(changed));
      const paths = searchPaths(after);
      const whole = fullBuild(changed, after);
      await breathe();
      const again = site(paths);
      const cache = readSearchCache(root, 'code');
      const written = writeSiteSearchIndex(again, after, reuseOf(published()), cache);
      expectSameIndex(again, whole.dir, edit.kind);
      // Only the pages whose document changed were made. (At this size, 64 shards, the pages a roster change, a new
      // name or a removal renumbers hold terms in every shard; a figure or a text holds a few.)
      expect(cache.misses, edit.kind).toBeLessThan(paths.length / 4);
      expect(written.linked, edit.kind).toBeGreaterThan(0);
      // Only the changed pages' terms were added to the index, and the changed shards patched from the published ones,
      // unless the change moved BM25's average length (every score with it: at this size, 160 pages, a name on many
      // pages or a page come or gone does) or the shard count.
      const stands = whole.written.state.average === first.state.average && whole.written.shards === first.shards;
      if (stands || /figure|roster|update/.test(edit.kind)) expect(written.patched, edit.kind).toBe(true);
      if (/figure|update/.test(edit.kind)) expect(written.changed, edit.kind).toBeLessThan(written.shards);
    });
  }
});

describe('incremental indexes chained, each on the last (an editor publishing one change after another)', () => {
  it("writes after each of several edits what a full build of the same data writes, each build from the last one's index and cache", async () => {
    // The first publication: a full build, and the cache it left.
    const first = published();
    let at: Built = first;
    let root = first.root;
    const current = structuredClone(entries);
    const kinds = edits(entries);
    // A roster change, a figure, a deleted institution, a county renamed, an update: in turn, each on top of the last,
    // each published from the index and the cache the publication before it left (not the first's).
    const order = ['roster', 'figure', 'deleted', 'county', 'update'].map((word) => kinds.find((k) => k.kind.includes(word))!);
    let patched = 0;
    for (const [step, edit] of order.entries()) {
      await breathe();
      edit.apply(current);
      const after = indexDataset(structuredClone(current));
      const paths = searchPaths(after);
      const full = fullBuild(current, after);
      const dir = site(paths);
      const cache = readSearchCache(root, 'code');
      at = { dir, written: writeSiteSearchIndex(dir, after, reuseOf(at), cache) };
      expectSameIndex(dir, full.dir, `step ${step + 1}: ${edit.kind}`);
      expect(cache.misses, edit.kind).toBeLessThan(paths.length / 4);
      expect(at.written.linked, edit.kind).toBeGreaterThan(0);
      if (at.written.patched) patched++;
      root = temporary('chain-cache');
      cache.save(root);
    }
    // The chain went through the patching path (a figure and a roster change always do: see above), where what the
    // cache carries over (the postings' total, the characters, the common terms) could drift from build to build.
    expect(patched).toBeGreaterThanOrEqual(2);
  });
});

describe('a page removed from a site of many pages', () => {
  // Short pages, a name of two characters each (three terms: its characters and their pair), so that a change's
  // shards are a few of many: 4,000 pages make 16 shards (src/search/build/integration.ts: 16 for 9,600 to 19,200
  // postings), as 6,000 did, at two thirds of the cost.
  const words = [...'医疗卫生共同体县镇村乡院所站室中心人民妇幼保健疾病预防控制药品耗材采购医保支付总额结余留用双向转诊上下远程会诊胸痛卒中创伤危重孕产妇新生儿救治急诊影像心电检验病理消毒供应'];
  const pages: [string, SearchDocument][] = Array.from({ length: 4000 }, (_, i) => {
    const text = `${words[i % words.length]}${words[Math.floor(i / words.length) % words.length]}`;
    return [`/pages/p${i}/`, { title: text, kind: 'guide', region: `县${i % 7}`, name: text, text: [{ text }] }];
  });
  const paths = pages.map(([path]) => path);
  const numbers = pageNumbers(paths);
  /** Whether the page after the i-th starts a run (its number is not the next). */
  const lastOfRun = (i: number) => i + 1 < numbers.length && numbers[i + 1] !== numbers[i] + 1;

  /** The first publication and the cache it left, made once, by the first test that needs it. */
  let publication: { root: string; reuse: { dir: string; files: Record<string, string> } } | undefined;
  const publish = () => {
    if (publication) return publication;
    const root = temporary('cache');
    const first = site(paths);
    const made = new SearchCache(undefined, 'code');
    const written = writeSearchIndex(first, pages.map(([path, document]) => ({ path, document })), { cache: made });
    made.save(root);
    return (publication = { root, reuse: { dir: join(first, INDEX_DIR, written.files.version), files: written.files.files } });
  };

  const removing = async (gone: number) => {
    const published = publish();
    await breathe();
    const rest = pages.filter((_, i) => i !== gone);
    const full = site(rest.map(([path]) => path));
    writeSearchIndex(full, rest.map(([path, document]) => ({ path, document })));
    await breathe();
    const again = site(rest.map(([path]) => path));
    const written = writeSearchIndex(again, rest.map(([path, document]) => ({ path, document })), { cache: readSearchCache(published.root, 'code'), reuse: published.reuse });
    expectSameIndex(again, full, `page ${gone} removed`);
    expect(written.patched).toBe(true);
    return written;
  };

  it('writes what a full build writes when the page removed is inside a run (the rest of the run is renumbered)', async () => {
    const gone = numbers.findIndex((_, i) => i > 1000 && !lastOfRun(i) && !lastOfRun(i + 1));
    const written = await removing(gone);
    expect(written.shards).toBeGreaterThanOrEqual(16);
  });

  it('makes only its own shards when it ends its run', async () => {
    const gone = numbers.findIndex((_, i) => i > 1000 && lastOfRun(i));
    const written = await removing(gone);
    expect(written.changed).toBeLessThan(written.shards / 4);
  });

  it('writes what a full build writes when the page removed starts a run (the runs after it are renumbered)', async () => {
    await removing(numbers.findIndex((n, i) => i > 1000 && n !== numbers[i - 1] + 1));
  });
});
