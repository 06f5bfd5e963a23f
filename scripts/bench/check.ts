/**
 * `npm run bench -- check 200000`: how long `npm run check` takes to validate (1) the figures alone: that many
 * observations with only what they refer to (regions, indicators, groups and their institutions, documents), issue
 * 12's goal taken literally (≤ 10 s); (2) the whole national dataset with that many observations
 * (scripts/bench/national-data.ts), which adds 580,000 village clinics at full size; (3) a worst case: that many
 * figures about one subject in one file, the shape that was quadratic before. The machine's load average is printed
 * with each, since wall-clock time on a shared machine says little without it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FULL, generateNationalDataset } from './national-data';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDatasetInParallel } from '../check-parallel';

/** Wall-clock and CPU time of `npm run check`'s path (CPU time, both threads, moves less when other work shares the machine). */
async function time(root: string): Promise<{ readMs: number; validateMs: number; cpuMs: number; problems: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const files = readSourceFiles(root);
  const read = performance.now();
  const { problems } = await validateDatasetInParallel(files);
  const used = process.cpuUsage(cpu);
  return { readMs: read - started, validateMs: performance.now() - read, cpuMs: (used.user + used.system) / 1000, problems: problems.length };
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const report = (t: Awaited<ReturnType<typeof time>>) =>
  `read ${seconds(t.readMs)} + validate ${seconds(t.validateMs)} = ${seconds(t.readMs + t.validateMs)} (CPU ${seconds(t.cpuMs)}; load average ${loadavg()[0].toFixed(1)}), ${t.problems} problems`;

export async function runCheckBench(observations: number): Promise<void> {
  const figuresRoot = mkdtempSync(join(tmpdir(), 'yigongti-bench-check-figures-'));
  try {
    const counts = generateNationalDataset(figuresRoot, observations / FULL.observations, resolve('.'), { figuresOnly: true });
    console.log(
      `${counts.observations.toLocaleString('en')} observations with what they refer to (${counts.groups.toLocaleString('en')} groups, ${counts.institutions.toLocaleString('en')} institutions, ${counts.regions.toLocaleString('en')} regions, ${counts.documents.toLocaleString('en')} documents): ` +
        report(await time(figuresRoot)),
    );
  } finally {
    rmSync(figuresRoot, { recursive: true, force: true });
  }
  const root = mkdtempSync(join(tmpdir(), 'yigongti-bench-check-'));
  try {
    const counts = generateNationalDataset(root, observations / FULL.observations, resolve('.'));
    console.log(
      `whole national dataset, ${counts.observations.toLocaleString('en')} observations (${counts.institutions.toLocaleString('en')} institutions, ${counts.villageClinics.toLocaleString('en')} village clinics, ${counts.documents.toLocaleString('en')} documents, ${counts.updates} updates): ` +
        report(await time(root)),
    );

    // The worst case: every figure about one group, in one file.
    const [file] = readSourceFiles(root).data.observations;
    const first = (JSON.parse(file.text) as unknown[])[0] as object;
    const many = Array.from({ length: observations }, (_, i) => ({ ...first, id: `one-subject-${i}` }));
    writeFileSync(join(root, file.path), JSON.stringify(many, null, 2));
    const oneSubject = await time(root);
    console.log(`${observations.toLocaleString('en')} figures about one subject in one file (with the rest of the national dataset): ${report(oneSubject)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
