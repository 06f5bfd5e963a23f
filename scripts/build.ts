/**
 * `npm run build`: validate the data, build into a staging folder, and only when everything succeeded
 * replace `dist/` with it, so a failed build never leaves a half-written or broken site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSourceFiles } from '../src/lib/read-sources';
import { validateDataset, formatProblem } from '../src/lib/validate';

const root = process.cwd();
// One staging folder per build process, so two builds at once never write into each other.
const staging = resolve(root, '.build-staging', String(process.pid));
const cacheDir = resolve(root, 'node_modules/.astro-cache', String(process.pid));
const dist = resolve(root, 'dist');

const { problems } = validateDataset(readSourceFiles(root));
if (problems.length) {
  console.error(problems.map((p) => '✗ ' + formatProblem(p)).join('\n'));
  console.error(`\n共 ${problems.length} 处问题，未构建，dist/ 保持不变。/ ${problems.length} problem(s); build stopped, dist/ left as it was.`);
  process.exit(1);
}

rmSync(staging, { recursive: true, force: true });
const astro = spawnSync(process.execPath, [resolve(root, 'node_modules/astro/astro.js'), 'build'], {
  stdio: 'inherit',
  env: { ...process.env, YIGONGTI_OUT_DIR: staging, YIGONGTI_CACHE_DIR: cacheDir },
});
rmSync(cacheDir, { recursive: true, force: true });
if (astro.status !== 0 || !existsSync(resolve(staging, 'index.html'))) {
  rmSync(staging, { recursive: true, force: true });
  console.error('\n构建失败，dist/ 保持不变。/ Build failed; dist/ left as it was.');
  process.exit(1);
}

const previous = resolve(root, '.build-staging', `previous-${process.pid}`);
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log('✓ dist/ updated');
