/**
 * The indexed dataset answers what a page asks by lookup, and its answers equal what a plain scan of the entries
 * would give (the scan is written here, from the fixture's arrays, as the expected value).
 */
import { describe, expect, it } from 'vitest';
import { groupsIn, isWithin, membershipsOf, observationsOf, observationsOfIndicator, pathOf, rosterOf, updatedOf } from '../../src/data/dataset';
import { fixtureSite } from './indicators-fixture';
import { residentSite } from '../fixtures/resident-site';
import { fixtureSite as contentSite } from '../fixtures/content-site';
import { datasetOf } from '../fixtures/dataset';

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe('the indexed dataset', () => {
  const dataset = fixtureSite();

  it('finds figures by indicator and by subject, in the editors’ order', () => {
    for (const indicator of dataset.indicators) expect(ids(observationsOfIndicator(dataset, indicator.id))).toEqual(ids(dataset.observations.filter((o) => o.indicator === indicator.id)));
    for (const o of dataset.observations)
      expect(ids(observationsOf(dataset, o.subject.type, o.subject.id))).toEqual(ids(dataset.observations.filter((x) => x.subject.type === o.subject.type && x.subject.id === o.subject.id)));
    expect(observationsOf(dataset, 'group', 'nowhere')).toEqual([]);
  });

  it('knows every region’s path and which regions lie within which', () => {
    for (const r of dataset.regions) {
      const path = pathOf(dataset, r.id);
      expect(path.at(-1)).toBe(r);
      for (let i = 1; i < path.length; i++) expect(path[i].parent).toBe(path[i - 1].id);
      for (const other of dataset.regions) expect(isWithin(dataset, r.id, other.id)).toBe(path.some((p) => p.id === other.id));
    }
  });

  it('keeps a walk finite when the region tree loops', () => {
    const looped = datasetOf({
      regions: [
        { id: 'a', name: '甲', kind: 'county', parent: 'b', aliases: [] },
        { id: 'b', name: '乙', kind: 'prefecture', parent: 'a', aliases: [] },
      ],
    });
    expect(ids(pathOf(looped, 'a'))).toEqual(['b', 'a']);
    expect(isWithin(looped, 'a', 'b')).toBe(true);
  });
});

describe('memberships both ways', () => {
  for (const [name, dataset] of [['resident fixture', residentSite()], ['content fixture', contentSite()]] as const) {
    it(`${name}: a roster lists the lead first, then each named member once; memberships mirror rosters`, () => {
      for (const g of dataset.groups) {
        const expected = [...new Set([...(g.lead ? [g.lead] : []), ...g.members.map((m) => m.institution)])].filter((id) => dataset.institutions.some((i) => i.id === id));
        expect(rosterOf(dataset, g.id).map((r) => r.institution.id)).toEqual(expected);
        if (g.lead && expected.includes(g.lead)) expect(rosterOf(dataset, g.id)[0].role).toBe('lead');
      }
      for (const inst of dataset.institutions) {
        const expected = dataset.groups.filter((g) => g.lead === inst.id || g.members.some((m) => m.institution === inst.id)).map((g) => g.id);
        expect(membershipsOf(dataset, inst.id).map((m) => m.group.id)).toEqual(expected);
      }
    });

    it(`${name}: groups in a region include those serving any region below it`, () => {
      for (const r of dataset.regions) {
        const expected = dataset.groups.filter((g) => [g.region, ...g.coveredRegions].some((c) => pathOf(dataset, c).some((p) => p.id === r.id)));
        expect(ids(groupsIn(dataset, r.id))).toEqual(ids(expected));
      }
    });
  }

  it('dates entries by their file and ignores entries it has no file for', () => {
    const dataset = fixtureSite();
    expect(updatedOf(dataset, [{ collection: 'groups', id: 'nowhere' }])).toBeUndefined();
  });
});

describe('one read and one validation per build', () => {
  it('the Astro process takes the entries npm run build validated, without reading data/ again', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { HANDOFF_ENV, loadDataset, readAndValidate, writeHandoff } = await import('../../src/data/read-sources');
    const { validated } = readAndValidate(process.cwd());
    expect(validated).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'yigongti-handoff-'));
    const before = process.env[HANDOFF_ENV];
    try {
      writeHandoff(dir, validated!);
      process.env[HANDOFF_ENV] = dir;
      // A project root with no data/ at all: only the handoff can supply the dataset.
      const dataset = loadDataset(join(dir, 'no-such-project'));
      expect(dataset.groups.map((g) => g.id)).toEqual(validated!.entries.groups.map((g) => g.id));
      expect(dataset.observations.length).toBe(validated!.entries.observations.length);
      expect(dataset.dataUpdated).toBe([...validated!.fileDates.values()].sort().at(-1));
      // Each entry's "last updated" date: that of the file validation found it in.
      const { indexDataset } = await import('../../src/data/dataset');
      const inProcess = indexDataset(validated!.entries, { origins: validated!.origins, fileDates: validated!.fileDates });
      const { documents, updates, ...data } = validated!.entries;
      expect(inProcess.entryDates.size).toBe(Object.values(data).reduce((n, list) => n + list.length, 0));
      expect([...dataset.entryDates]).toEqual([...inProcess.entryDates]);
    } finally {
      if (before === undefined) delete process.env[HANDOFF_ENV];
      else process.env[HANDOFF_ENV] = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('indexes that used to live beside the dataset', () => {
  it('finds the groups a document describes and each province’s documents as a scan of the real data would', async () => {
    const { loadDataset } = await import('../../src/data/read-sources');
    const real = loadDataset(process.cwd());
    for (const d of real.documents) {
      const scan = real.groups.filter((g) => g.sources.some((s) => s.document === d.id));
      expect(ids(real.groupsOfDocument.get(d.id) ?? []), d.id).toEqual(ids(scan));
    }
    const provinces = new Set(real.documents.flatMap((d) => d.data.regions.map((r) => pathOf(real, r)[0]?.id)));
    for (const p of provinces) {
      if (!p) continue;
      const scan = real.documents.filter((d) => d.data.regions.some((r) => pathOf(real, r)[0]?.id === p));
      scan.sort((a, b) => b.data.date.localeCompare(a.data.date) || (a.id < b.id ? -1 : 1));
      expect(ids(real.documentsOfProvince.get(p) ?? []), p).toEqual(ids(scan));
    }
  });
});
