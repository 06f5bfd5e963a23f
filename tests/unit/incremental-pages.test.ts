/**
 * Which pages an incremental build renders (src/publishing/incremental-reads.ts `incrementalPages`), run in-process as
 * the routes run it: a page is reused while every key it read reads the same. The manifest keeps each key's
 * fingerprint, so the next build hashes each key once and compares; the pages it then renders, and the manifest it
 * writes (each page's fingerprint and keys), must be those of hashing every page's keys together, and the manifest
 * that of a full build of the same data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasOwnPage, type Dataset } from '../../src/data/dataset';
import { incrementalPages, inputPrint, pageDataset, settlePages } from '../../src/publishing/incremental-reads';
import { manifestReads } from '../../src/publishing/incremental-integration';
import { outputFile, routePath, type IncrementalState, type Manifest } from '../../src/publishing/incremental';
import { institutionPage } from '../../src/views/institution';
import { regionPage } from '../../src/views/region';
import { fixtureSite } from './indicators-fixture';
import { datasetOf } from '../fixtures/dataset';

const SITE = 'https://example.org/';

afterEach(() => {
  globalThis.__yigongtiIncremental = undefined;
  globalThis.__yigongtiDataset = undefined;
});

/** The dynamic routes of this test: institutions' and regions' pages, each with its view. */
const routes = (dataset: Dataset): [string, string[], (d: Dataset, id: string) => unknown][] => [
  ['/institutions/[id]/', dataset.institutions.filter(hasOwnPage).map((i) => i.id), (d, id) => institutionPage(d, id, SITE)],
  ['/regions/[id]/', dataset.regions.map((r) => r.id), (d, id) => regionPage(d, id, SITE)],
];

interface Built {
  rendered: string[];
  manifest: { files: Record<string, string>; reads: NonNullable<Manifest['reads']> };
}

/** One build of `dataset` as `npm run build` runs the routes, on top of the manifest of the last one (if any). */
function build(dataset: Dataset, last?: Built['manifest'], keyPrints = true): Built {
  globalThis.__yigongtiDataset = { generation: globalThis.__yigongtiDataGeneration ?? 0, dataset };
  const readsIndex = last && (keyPrints ? last.reads : { ...last.reads, prints: undefined });
  const base: IncrementalState['base'] = last && { dir: '/published', files: last.files, has: () => true, readsIndex };
  const state: IncrementalState = { code: 'code', base, files: new Map(), pages: new Set(), reused: new Set() };
  globalThis.__yigongtiIncremental = state;
  const rendered: string[] = [];
  for (const [route, ids, view] of routes(dataset)) {
    for (const path of incrementalPages(route, ids.map((id) => ({ params: { id } })))) {
      view(pageDataset(route, path.params), path.params.id);
      rendered.push(outputFile(routePath(route, path.params)));
    }
  }
  settlePages(state);
  return { rendered, manifest: { files: Object.fromEntries(state.files), reads: manifestReads(state, (key) => inputPrint(dataset, key))! } };
}

/** Each page's keys by name, with each key's fingerprint: what a manifest says, whatever order its list is in. */
function described(manifest: Built['manifest']) {
  const { keys, files, prints } = manifest.reads;
  return {
    files: manifest.files,
    keys: Object.fromEntries(Object.entries(files).map(([file, at]) => [file, at.map((i) => keys[i])])),
    prints: Object.fromEntries(keys.map((key, i) => [key, prints![i]])),
    unread: keys.filter((_, i) => !Object.values(files).some((at) => at.includes(i))),
  };
}

const entries = (d: Dataset) => ({
  regions: [...d.regions],
  institutions: [...d.institutions],
  groups: [...d.groups],
  indicators: [...d.indicators],
  observations: [...d.observations],
  documents: [...d.documents],
});

describe('pages an incremental build renders', () => {
  const first = fixtureSite();
  const renamed = datasetOf({ ...entries(first), institutions: first.institutions.map((i) => (i.id === 'other' ? { ...i, name: '乙县第一医院' } : i)) });
  const deleted = datasetOf({ ...entries(first), institutions: first.institutions.filter((i) => i.id !== 'other') });

  it('are those whose keys read differently, the same as hashing each page\'s keys together; its manifest is a full build\'s', () => {
    const full = build(first);
    expect(full.rendered.length).toBeGreaterThan(3);
    const incremental = build(renamed, full.manifest);
    expect(incremental.rendered).toContain('institutions/other/index.html');
    expect(incremental.rendered).not.toContain('institutions/hosp/index.html');
    expect(incremental.rendered.length).toBeLessThan(full.rendered.length);
    // Hashing every page's keys together (an older manifest, without the keys' fingerprints) renders the same pages.
    expect(build(renamed, full.manifest, false).rendered).toEqual(incremental.rendered);
    expect(described(incremental.manifest)).toEqual(described(build(renamed).manifest));
    // Nothing changed: nothing rendered, the manifest handed on as it was.
    const again = build(renamed, incremental.manifest);
    expect(again.rendered).toEqual([]);
    expect(described(again.manifest)).toEqual(described(incremental.manifest));
  });

  it('after a deletion, keeps no key only the gone page read, and the next build on that manifest is right too', () => {
    const full = build(first);
    const incremental = build(deleted, full.manifest);
    expect(incremental.manifest.files['institutions/other/index.html']).toBeUndefined();
    const scratch = build(deleted);
    expect(described(incremental.manifest)).toEqual(described(scratch.manifest));
    expect(described(incremental.manifest).unread).toEqual([]);
    expect(incremental.manifest.reads.keys.length).toBeLessThan(full.manifest.reads.keys.length);
    // Built again on the renumbered manifest, with the institution back under another name.
    const back = build(renamed, incremental.manifest);
    expect(back.rendered).toContain('institutions/other/index.html');
    expect(back.rendered).not.toContain('institutions/hosp/index.html');
    expect(described(back.manifest)).toEqual(described(build(renamed).manifest));
  });
});
