/**
 * `npm run bench`: figures, not pass/fail. Not part of `npm test`.
 *   npm run bench                      Lighthouse and search speed on dist/, then the scale benchmark at 1/100 and 1/10
 *   npm run bench -- lighthouse        Lighthouse only (build first: npm run build)
 *   npm run bench -- search            search speed over the regression set (scripts/bench-search.ts; add --recall, --pause=500, --playwright, --names=100)
 *   npm run bench -- search --compare pagefind   the regression set through our search and plain Pagefind on the same dist/, side by side
 *   npm run bench -- scale 0.01 0.1 1  the scale benchmark at the given sizes (1 = national size)
 *   npm run bench -- check 200000      how long npm run check takes on that many observations (goal ≤ 10 s)
 *   npm run bench -- scale 1 --keep    keep the temporary project for inspection; --echo shows the build log
 *   --max-memory=12                    stop a build that holds more than this many GB (default 12, half this machine)
 *   --overlay=folder                   lay the files of a folder (project layout) over the copy, to try a change at scale
 *   npm run bench -- copying <folder>  runs over 30 characters the built pages share with the source texts in <folder> (scripts/copying.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runLighthouse } from './lighthouse';
import { printScaleTable, runScale, type ScaleResult } from './scale';
import { runCheckBench } from './check';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const words = args.filter((a) => !a.startsWith('--'));
const maxGb = Number([...flags].find((f) => f.startsWith('--max-memory='))?.split('=')[1] ?? 12);
const what = words[0] ?? 'all';

console.log(`bench on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${(await import('node:os')).cpus().length} cores, ${((await import('node:os')).totalmem() / 1024 ** 3).toFixed(0)} GiB`);

if (what === 'all' || what === 'lighthouse') {
  if (!existsSync(resolve('dist/index.html'))) throw new Error('dist/ is empty: run npm run build first');
  console.log('\nLighthouse (mobile preset) on dist/:');
  await runLighthouse();
}

if (what === 'all' || what === 'search') {
  console.log('\nSearch speed (scripts/bench-search.ts):');
  const run = spawnSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/bench-search.ts'), ...[...flags].filter((f) => f === '--recall' || f === '--playwright' || f.startsWith('--pause=') || f.startsWith('--names=') || f.startsWith('--compare=')), ...(args.includes('--compare') ? [`--compare=${args[args.indexOf('--compare') + 1] ?? 'pagefind'}`] : [])], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = 1;
}

if (what === 'all' || what === 'scale') {
  const sizes = words.slice(1).map(Number).filter((n) => n > 0);
  const results: ScaleResult[] = [];
  for (const scale of sizes.length ? sizes : [0.01, 0.1]) results.push(await runScale(scale, { keep: flags.has('--keep'), echo: flags.has('--echo'), maxBytes: maxGb * 1024 ** 3, overlay: [...flags].find((f) => f.startsWith('--overlay='))?.split('=')[1] }));
  printScaleTable(results);
}

if (what === 'check') {
  console.log('\nnpm run check at scale (scripts/bench/check.ts):');
  await runCheckBench(Number(words[1] ?? 200_000));
}

if (what === 'copying') {
  const { runCopying, report } = await import('../copying');
  if (!words[1]) throw new Error('npm run bench -- copying <sources folder> [site folder]');
  const runs = runCopying(words[1], words[2]);
  console.log(report(runs));
  if (runs.length) process.exitCode = 1;
}

if (!['all', 'lighthouse', 'search', 'scale', 'check', 'copying'].includes(what)) {
  console.error(`unknown benchmark "${what}": use lighthouse, search, scale, check or copying`);
  process.exit(1);
}
