/** The scale benchmark's synthetic national dataset stays valid as the schemas change, and has the sizes it claims. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateNationalDataset, FULL } from '../../scripts/bench/national-data';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset, formatProblem } from '../../src/data/validate';
import { indexDataset } from '../../src/data/dataset';

const dir = mkdtempSync(join(tmpdir(), 'yigongti-national-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic national dataset', () => {
  const scale = 0.005;
  const counts = generateNationalDataset(dir, scale, resolve('.'));

  it('passes the same validation as editors’ data', () => {
    const { problems } = validateDataset(readSourceFiles(dir));
    expect(problems.map(formatProblem).slice(0, 10)).toEqual([]);
  }, 60_000);

  it('has the national proportions at the scale asked for', () => {
    expect(counts.counties).toBe(Math.round(FULL.counties * scale));
    expect(counts.groups).toBe(Math.round(FULL.groups * scale));
    expect(counts.institutions).toBe(Math.round(FULL.institutions * scale));
    expect(counts.observations).toBe(Math.round(FULL.observations * scale));
    expect(counts.villageClinics).toBe(Math.round(FULL.villageClinics * scale));
  });

  it('hangs every village clinic under a township health centre, about 14 to 17 each, outside group rosters', () => {
    const { entries: entries } = validateDataset(readSourceFiles(dir));
    const dataset = indexDataset(entries);
    const clinics = dataset.institutions.filter((i) => i.kind === 'village-clinic');
    expect(clinics).toHaveLength(counts.villageClinics);
    expect(dataset.institutions).toHaveLength(counts.institutions + counts.villageClinics);
    for (const clinic of clinics) {
      const centre = dataset.institution.get(clinic.belongsTo ?? '');
      expect(centre?.kind, clinic.id).toBe('township-health-centre');
      expect(clinic.region).toBe(centre!.region);
    }
    const members = new Set(dataset.groups.flatMap((g) => [g.lead, ...g.members.map((m) => m.institution)]));
    expect(clinics.filter((c) => members.has(c.id))).toEqual([]);
    const perCentre = dataset.institutions.filter((i) => i.kind === 'township-health-centre').map((t) => dataset.villageClinics.get(t.id)?.length ?? 0);
    expect(Math.min(...perCentre)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...perCentre)).toBeLessThanOrEqual(20);
  }, 60_000);

  it('is the same every time (the benchmark compares runs)', () => {
    const again = mkdtempSync(join(tmpdir(), 'yigongti-national-'));
    try {
      generateNationalDataset(again, scale, resolve('.'));
      expect(readSourceFiles(again)).toEqual(readSourceFiles(dir));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
