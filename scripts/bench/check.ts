/**
 * `npm run bench -- check 200000`: how long `npm run check` takes to validate a national dataset with that many
 * observations (scripts/bench/national-data.ts), and a worst case: that many figures about one subject in one file,
 * the shape that was quadratic before. The goal: 200,000 observations in ≤ 10 s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FULL, generateNationalDataset } from './national-data';
import { readSourceFiles } from '../../src/lib/read-sources';
import { validateDataset } from '../../src/lib/validate';

/** Wall-clock and CPU time (CPU time moves less when other work shares the machine). */
function time(root: string): { readMs: number; validateMs: number; cpuMs: number; problems: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const files = readSourceFiles(root);
  const read = performance.now();
  const { problems } = validateDataset(files);
  const used = process.cpuUsage(cpu);
  return { readMs: read - started, validateMs: performance.now() - read, cpuMs: (used.user + used.system) / 1000, problems: problems.length };
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function runCheckBench(observations: number): void {
  const root = mkdtempSync(join(tmpdir(), 'yigongti-bench-check-'));
  try {
    const counts = generateNationalDataset(root, observations / FULL.observations, resolve('.'));
    const national = time(root);
    console.log(
      `national data, ${counts.observations.toLocaleString('en')} observations (${counts.institutions.toLocaleString('en')} institutions, ${counts.villageClinics.toLocaleString('en')} village clinics, ${counts.documents} documents): ` +
        `read ${seconds(national.readMs)} + validate ${seconds(national.validateMs)} (CPU ${seconds(national.cpuMs)}), ${national.problems} problems`,
    );

    // The worst case: every figure about one group, in one file.
    const [file] = readSourceFiles(root).data.observations;
    const first = JSON.parse(file.text)[0];
    const many = Array.from({ length: observations }, (_, i) => ({ ...first, id: `one-subject-${i}` }));
    writeFileSync(join(root, file.path), JSON.stringify(many, null, 2));
    const oneSubject = time(root);
    console.log(`${observations.toLocaleString('en')} figures about one subject in one file: read ${seconds(oneSubject.readMs)} + validate ${seconds(oneSubject.validateMs)} (CPU ${seconds(oneSubject.cpuMs)}), ${oneSubject.problems} problems`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
