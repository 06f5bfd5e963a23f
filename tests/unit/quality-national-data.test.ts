/** The scale benchmark's synthetic national dataset stays valid as the schemas change, and has the sizes it claims. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateNationalDataset, FULL } from '../../scripts/bench/national-data';
import { readSourceFiles } from '../../src/lib/read-sources';
import { validateDataset, formatProblem } from '../../src/lib/validate';

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
  });

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
