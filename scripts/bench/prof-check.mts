import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateNationalDataset } from './national-data';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
const root = process.argv[2] || mkdtempSync(join(tmpdir(), 'yigongti-prof-'));
if (!process.argv[2]) { generateNationalDataset(root, Number(process.argv[3] ?? 0.25), resolve('.')); console.log(root); }
const t0 = performance.now();
const files = readSourceFiles(root);
const t1 = performance.now();
const { problems } = validateDataset(files);
console.log(`read ${(t1 - t0).toFixed(0)} ms validate ${(performance.now() - t1).toFixed(0)} ms problems ${problems.length}`);
