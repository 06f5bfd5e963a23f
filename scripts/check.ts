/** `npm run check`: validates every data and content file and prints every problem at once. */
import { readSourceFiles } from '../src/lib/read-sources';
import { validateDataset, formatProblem } from '../src/lib/validate';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
const files = readSourceFiles(root);
const { dataset, problems } = validateDataset(files);
const ms = Math.round(performance.now() - started);
if (problems.length) {
  console.error(problems.map((p) => '✗ ' + formatProblem(p)).join('\n'));
  console.error(`\n共 ${problems.length} 处问题，未发布。/ ${problems.length} problem(s); nothing was published.`);
  process.exit(1);
}
const counts = Object.entries(dataset).map(([name, list]) => `${name} ${list.length}`).join(', ');
console.log(`✓ 数据检查通过 / data OK (${counts}) in ${ms} ms`);
