import { readSourceFiles } from '../../src/lib/read-sources';
import { validateDataset } from '../../src/lib/validate';
const t0 = performance.now(); const files = readSourceFiles(process.argv[2]); const t1 = performance.now();
const { problems } = validateDataset(files); const t2 = performance.now();
console.log('read', Math.round(t1 - t0), 'validate', Math.round(t2 - t1), 'problems', problems.length);
