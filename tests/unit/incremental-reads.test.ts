/**
 * Pages fingerprinted by what they read (src/publishing/incremental-reads.ts) are complete: an incremental build reuses
 * a page while every key it read reads the same, so a view must show nothing it did not read through its stand-in.
 * For each view of each dynamic route (province lists and documents included, which only a larger site builds), and
 * each page's search document, on the project's data and on a generated national dataset, the view is made from a
 * recording stand-in; then for edits of each kind an editor makes (a name on many pages, a figure, a roster change, a
 * deleted institution, a document, an indicator, a general fact, a new update), every page whose reads print the same
 * in the edited dataset must have the very same view there. Each edit must also change some pages' prints, or the test
 * would prove nothing. (A read left unrecorded, of a region, a group, a document, a subject's figures or the updates,
 * fails the edits of its kind on both datasets: tried by hand, 2026-12-07.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateNationalDataset } from '../../scripts/bench/national-data';
import { HANDOFF_ENV, loadDataset, readSourceFiles, writeHandoff } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import type { Entries } from '../../src/data/validate/problems';
import { indexDataset, hasOwnPage, type Dataset } from '../../src/data/dataset';
import { readingDataset } from '../../src/data/reads';
import { readsPrint } from '../../src/publishing/incremental-reads';
import { groupPage, referralPage } from '../../src/views/group';
import { institutionPage } from '../../src/views/institution';
import { regionPage } from '../../src/views/region';
import { indicatorPage } from '../../src/views/indicators';
import { indicatorsIndex, TOPIC_ORDER } from '../../src/views/catalogue';
import { provinceDocumentPaths, provinceDocuments, provinceList, provinceListPaths } from '../../src/views/lists';
import { documentPage, updatePage } from '../../src/views/content';
import { searchDocumentOf, searchPaths } from '../../src/search/build/documents';
import { changeFigure, deleteInstitution, moveMember, renameCounty, type Edit } from '../support/dataset-edits';

const SITE = 'https://example.org/';

/** Every page of the dynamic routes, as the routes' pages make their views. */
function pages(dataset: Dataset): { name: string; view: (d: Dataset) => unknown }[] {
  return [
    ...dataset.groups.flatMap((g) => [
      { name: `group ${g.id}`, view: (d: Dataset) => groupPage(d, g.id, SITE) },
      { name: `referral ${g.id}`, view: (d: Dataset) => referralPage(d, g.id, SITE) },
    ]),
    ...dataset.institutions.filter(hasOwnPage).map((i) => ({ name: `institution ${i.id}`, view: (d: Dataset) => institutionPage(d, i.id, SITE) })),
    ...dataset.regions.map((r) => ({ name: `region ${r.id}`, view: (d: Dataset) => regionPage(d, r.id, SITE) })),
    ...dataset.indicators.map((i) => ({ name: `indicator ${i.id}`, view: (d: Dataset) => indicatorPage(d, i.id, SITE) })),
    ...[...dataset.indicatorIndex.indicatorsOfProvince.keys()].map((place) => ({ name: `place ${place}`, view: (d: Dataset) => indicatorsIndex(d, { place }) })),
    ...TOPIC_ORDER.map((topic) => ({ name: `topic ${topic}`, view: (d: Dataset) => indicatorsIndex(d, { topic }) })),
    // Province lists and documents are built only past a size (LIST_LIMIT, DOCUMENT_LIMIT) that neither dataset here
    // reaches: asked for with no limit, so every province's list view is tried all the same.
    ...(['groups', 'institutions'] as const).flatMap((kind) =>
      provinceListPaths(dataset, kind, 0).map((id) => ({ name: `list ${kind} ${id}`, view: (d: Dataset) => (kind === 'groups' ? provinceList(d, 'groups', id) : provinceList(d, 'institutions', id)) })),
    ),
    ...provinceDocumentPaths(dataset, 0).map((id) => ({ name: `documents of ${id}`, view: (d: Dataset) => provinceDocuments(d, id) })),
    ...dataset.documents.map((doc) => ({ name: `document ${doc.id}`, view: (d: Dataset) => documentPage(d, doc.id) })),
    ...dataset.updates.map((u) => ({ name: `update ${u.id}`, view: (d: Dataset) => updatePage(d, u.id) })),
    // The search documents, which an incremental build takes from the last one while their reads stand.
    ...searchPaths(dataset).map((path) => ({ name: `search document of ${path}`, view: (d: Dataset) => searchDocumentOf(d, path) })),
  ];
}

/** One edit of each kind an editor makes, on whatever the dataset holds. */
function edits(entries: Entries): Edit[] {
  const figure = entries.observations.find((o) => o.kind === 'actual' && o.subject.type === 'region') ?? entries.observations[0];
  const groupFigure = entries.observations.find((o) => o.subject.type === 'group');
  const movable = entries.groups.find((g) => g.members.length > 1)!;
  const other = entries.groups.find((g) => g !== movable && g.region === movable.region) ?? entries.groups.find((g) => g !== movable)!;
  return [
    renameCounty(entries, 'a county renamed'),
    changeFigure(figure, 'a figure'),
    ...(groupFigure ? [changeFigure(groupFigure, "a group's figure")] : []),
    moveMember(movable, other, 'first', 'a roster change'),
    deleteInstitution(movable.members.at(-1)!.institution, 'a deleted institution'),
    { kind: "a group's summary", apply: (e) => void (e.groups.find((g) => g.id === other.id)!.summary += '。') },
    { kind: "a document's date", apply: (e) => void (e.documents[0].data.date = '2019-01-02') },
    { kind: "an indicator's name", apply: (e) => void (e.indicators[0].name = `${e.indicators[0].name}（新）`) },
    ...(entries.references?.length ? [{ kind: 'a general fact', apply: (e: Entries) => void (e.references![0].label = `${e.references![0].label}（新）`) }] : []),
    {
      kind: 'a new update about a group',
      apply: (e) =>
        e.updates.push({ ...structuredClone(e.updates[0] ?? { id: 'x', data: {}, body: '' }), id: 'a-new-update', data: { ...(e.updates[0]?.data as object), title: '新的动态', date: '2026-12-01', groups: [other.id], regions: [other.region] } } as Entries['updates'][number]),
    },
  ];
}

/**
 * The dataset as the Astro process of `npm run build` has it: the entries handed over by the check, each known by its
 * print (src/data/entry-prints.ts), which keys read instead of the entry's content.
 */
function handedOver(entries: Entries): Dataset {
  const dir = mkdtempSync(join(tmpdir(), 'yigongti-handoff-'));
  const was = process.env[HANDOFF_ENV];
  try {
    writeHandoff(dir, { entries, origins: new Map(), fileDates: new Map() });
    process.env[HANDOFF_ENV] = dir;
    return loadDataset(dir);
  } finally {
    if (was === undefined) delete process.env[HANDOFF_ENV];
    else process.env[HANDOFF_ENV] = was;
    rmSync(dir, { recursive: true, force: true });
  }
}

function check(label: string, entries: Entries, load: (entries: Entries) => Dataset = indexDataset) {
  const dataset = load(entries);
  const list = pages(dataset);
  const recorded = list.map((page) => {
    const reads = new Set<string>();
    const shown = page.view(readingDataset(dataset, reads));
    const keys = [...reads].sort();
    return { ...page, keys, shown, print: readsPrint(dataset, keys) };
  });

  it(`${label}: a view made from the recording stand-in is the view made from the dataset`, () => {
    for (const page of recorded) expect(page.view(dataset), page.name).toEqual(page.shown);
    expect(recorded.filter((page) => page.keys.length === 0).map((page) => page.name)).toEqual([]);
  });

  for (const edit of edits(entries)) {
    it(`${label}: ${edit.kind}: every page whose reads print the same shows the same`, () => {
      const changed = structuredClone(entries);
      edit.apply(changed);
      const after = load(changed);
      let same = 0;
      let differ = 0;
      for (const page of recorded) {
        if (page.print !== readsPrint(after, page.keys)) {
          differ++;
          continue;
        }
        same++;
        let view: unknown;
        try {
          view = page.view(after);
        } catch (error) {
          view = error;
        }
        expect(view, `${page.name} shows something it did not read (${edit.kind})`).toEqual(page.shown);
      }
      expect(differ, `${edit.kind} changes what some page reads`).toBeGreaterThan(0);
      expect(same, `${edit.kind} leaves some page as it was`).toBeGreaterThan(0);
    });
  }
}

describe('pages fingerprinted by their reads', () => {
  check("the project's data", validateDataset(readSourceFiles(resolve('.'))).entries);

  const dir = mkdtempSync(join(tmpdir(), 'yigongti-reads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The generated country's shapes (village clinics, many members per group, generated documents) at its smallest
  // scale: the property holds page by page, so more pages of the same shapes would only repeat it.
  generateNationalDataset(dir, 0.001, resolve('.'));
  const national = validateDataset(readSourceFiles(dir)).entries;
  check('a national dataset at 1/1000', national);
  // As `npm run build` has it: each entry read by its print, made from the JSON text the check hands over.
  check('a national dataset at 1/1000, handed over by the check', national, handedOver);
});
