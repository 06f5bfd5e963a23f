/**
 * `npm run check`: validates every data and content file and prints every problem at once.
 *
 * `npm run build` runs this same script with `--handoff <folder>`: when the data is valid it writes the validated
 * entries there for the Astro process. Validating in a process of its own means the memory the entries take is
 * given back before Astro starts (at national size about 2 GB), instead of being held by the build script.
 */
import { readSourceFiles, withFileDates, writeHandoff } from '../src/data/read-sources';
import { formatProblem, type Problem } from '../src/data/validate';
import { validateDatasetInParallel } from './check-parallel';

const args = process.argv.slice(2);
const handoffAt = args.indexOf('--handoff');
const handoff = handoffAt >= 0 ? args.splice(handoffAt, 2)[1] : undefined;
// `--cache <folder> <code fingerprint>` (npm run build): files validated before with the same code are not validated
// again on their own (src/data/validate/cache.ts).
const cacheAt = args.indexOf('--cache');
const cache = cacheAt >= 0 ? (([dir, code]) => ({ dir, code }))(args.splice(cacheAt, 3).slice(1)) : undefined;
const root = args[0] ?? process.cwd();
const started = performance.now();

function fail(problems: Problem[], outcome: string): never {
  console.error(problems.map((p) => '✗ ' + formatProblem(p)).join('\n'));
  console.error(`\n共 ${problems.length} 处问题，${outcome}`);
  process.exit(1);
}

if (handoff) {
  const files = readSourceFiles(root);
  const result = await validateDatasetInParallel(files, {}, cache);
  const data = result.dataCache;
  const { validated, problems } = withFileDates(root, files, result);
  if (!validated) fail(problems, `未构建，dist/ 保持不变。/ ${problems.length} problem(s); build stopped, dist/ left as it was.`);
  // The data collections' JSON copied from the cache, file by file, instead of written out again.
  const paths = new Map(Object.entries(files.data).map(([name, list]) => [name, (list ?? []).map((f) => f.path)]));
  writeHandoff(handoff, validated, data && ((name, target, prints) => paths.has(name) && data.writeCollection(target, paths.get(name)!, prints)));
  const reused = data ? ` (${data.hits} of ${data.hits + data.misses} data files unchanged since they were last checked)` : '';
  console.log(`✓ 数据检查通过 / data OK in ${Math.round(performance.now() - started)} ms${reused}`);
} else {
  const { entries: dataset, problems } = await validateDatasetInParallel(readSourceFiles(root));
  if (problems.length) fail(problems, `未发布。/ ${problems.length} problem(s); nothing was published.`);
  const counts = Object.entries(dataset).map(([name, list]) => `${name} ${list.length}`).join(', ');
  console.log(`✓ 数据检查通过 / data OK (${counts}) in ${Math.round(performance.now() - started)} ms`);
}
