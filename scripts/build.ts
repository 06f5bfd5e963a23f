/**
 * `npm run build`: validate the data, build into a staging folder, and only when everything succeeded
 * replace `dist/` with it, so a failed build never leaves a half-written or broken site (src/publishing/publish.ts).
 *
 * Incremental (src/publishing/incremental.ts): when dist/ was published by this code with the same settings, only the
 * pages and files whose inputs changed are rendered; the rest are taken from dist/ as they are. `--full` renders all.
 *
 * `--out <folder>` builds into another folder instead (the editor's preview) and records beside it what it was built
 * from; `--reuse <folder>` (the editor's 发布) publishes that folder instead of building again when the project's code,
 * settings, data and dates are still exactly what it was built from, and builds as usual otherwise
 * (src/publishing/reuse-build.ts).
 */
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HANDOFF_ENV } from '../src/data/handoff-env';
import { CACHE, CHECK_CACHE, STAGING, publish, recoverAndTidy, removeInBackground } from '../src/publishing/publish';
import { INCREMENTAL_ENV, codeFingerprint, publishedManifestFile, type BuildReport, type IncrementalJob } from '../src/publishing/incremental-build';
import { MDX_CACHE_CODE_ENV, MDX_CACHE_ENV } from '../src/publishing/mdx-html-cache';
import { buildInputs, changedInputs, forgetBuiltFrom, linkTree, recordBuiltFrom, reusableBuild } from '../src/publishing/reuse-build';

const root = process.cwd();
// `--out <folder>`: the same build into another folder instead of dist/ (the editor's preview; dist/ is untouched).
// `--full`: render every page, reusing nothing from dist/.
// `--reuse <folder>`: publish that folder (built with `--out`) when it was built from exactly the project as it is now.
const { values: options } = parseArgs({ options: { out: { type: 'string' }, full: { type: 'boolean' }, reuse: { type: 'string' } } });
// A larger young generation: validation and rendering allocate millions of short-lived objects, and with V8's default
// 16 MB semi-space the scavenger ran often enough to take a fifth of the check's time (measured: 32 s → 22 s at 1/4 size).
const V8_FLAGS = ['--max-semi-space-size=64'];
// The Astro process may hold up to 6 GB of heap (less on a machine with under 10 GB): V8's own limit here is about
// 4.3 GB, and a national build, which peaks near it, ran out of heap twice on 2026-12-07 instead of finishing. The
// benchmark still holds the whole build to its 6 GB goal (scripts/bench/scale.ts); a build over it is reported as a
// miss there, not as a failed publication.
const ASTRO_HEAP_MB = Math.min(6144, Math.floor((totalmem() / 1024 ** 2) * 0.6));
// One staging folder per build process, so two builds at once never write into each other.
const staging = resolve(root, STAGING, String(process.pid));
const cacheDir = resolve(root, CACHE, String(process.pid));

// First put right what a killed or crashed build left: a missing dist/, staging and cache folders.
for (const line of recoverAndTidy(root)) console.log(`· ${line}`);

rmSync(staging, { recursive: true, force: true });

// The editor's 发布 right after its preview: the preview is the site this build would make (it passed check on the same
// data, with the same code, settings and day), so it is published as it is, linked file by file into the staging folder.
if (options.reuse && !options.out && !options.full) {
  const reusable = reusableBuild(resolve(root, options.reuse), buildInputs(root));
  if ('manifest' in reusable) {
    console.log(`· 预览正是用现在的数据、代码和设置生成的（当时已通过检查），直接发布预览 / the preview was built from exactly these data, code and settings (and passed check): publishing it instead of building again`);
    console.log(`  预览：${reusable.summary}`);
    linkTree(resolve(root, options.reuse), staging);
    let replaced: string | undefined;
    publish(root, staging, undefined, reusable.manifest, (dir) => (replaced = dir));
    console.log('✓ dist/ updated');
    if (replaced) await removeInBackground(replaced);
    process.exit(0);
  }
  console.log(`· 不能直接发布预览，重新构建 / building (the preview cannot be published as it is): ${reusable.why}`);
}

// `npm run check`'s own script validates (in a process of its own, so its memory is freed before Astro starts) and
// hands the validated entries to the Astro process, which renders from them instead of validating data/ again.
const handoff = resolve(cacheDir, 'validated');
const code = codeFingerprint(root);
// Each file validated or rendered before by this code, byte for byte, is not validated (src/data/validate/cache.ts) nor
// rendered (src/publishing/mdx-html-cache.ts) again: keyed by the code without the settings, which neither reads,
// so a new SITE_URL keeps them.
const sourceCode = codeFingerprint(root, {});
// What a build into another folder is made from, read before the build reads anything (compared again after it).
const inputs = options.out ? buildInputs(root, process.env, code) : undefined;
const check = spawnSync(process.execPath, [...V8_FLAGS, '--import', 'tsx', resolve(root, 'scripts/check.ts'), '--handoff', handoff, '--cache', resolve(root, CHECK_CACHE), sourceCode, root], {
  stdio: 'inherit',
});
if (check.status !== 0) {
  rmSync(cacheDir, { recursive: true, force: true });
  process.exit(1);
}

// What the last published site offers this build: its manifest, when it describes dist/ and was made by this code.
// Only the manifest's head is read here; the Astro process reads the rest (60 MB of JSON at national size), once.
const jobFile = resolve(cacheDir, 'incremental-job.json');
const published = options.full ? { why: '--full' } : publishedManifestFile(root, code);
const job: IncrementalJob = {
  code,
  base: published.file ? { dir: resolve(root, 'dist'), manifest: published.file } : undefined,
  out: resolve(cacheDir, 'incremental-report.json'),
};
mkdirSync(cacheDir, { recursive: true });
writeFileSync(jobFile, JSON.stringify(job));
console.log(
  job.base
    ? '· 增量发布：只重新生成有变化的页面和文件 / incremental: rendering only what changed since the published site'
    : `· 完整构建 / full build (${published.why})`,
);
collectGarbage();

const astro = spawnSync(process.execPath, [...V8_FLAGS, `--max-old-space-size=${ASTRO_HEAP_MB}`, resolve(root, 'node_modules/astro/astro.js'), 'build'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    YIGONGTI_OUT_DIR: staging,
    YIGONGTI_CACHE_DIR: cacheDir,
    [HANDOFF_ENV]: handoff,
    [INCREMENTAL_ENV]: jobFile,
    [MDX_CACHE_ENV]: resolve(root, CHECK_CACHE, 'rendered-mdx'),
    [MDX_CACHE_CODE_ENV]: sourceCode,
  },
});
const report: BuildReport | undefined = existsSync(job.out) ? JSON.parse(readFileSync(job.out, 'utf8')) : undefined;
// The new manifest, as text: passed on to be published with the site, never parsed here.
const manifest = report && existsSync(`${job.out}.manifest`) ? readFileSync(`${job.out}.manifest`, 'utf8') : undefined;
rmSync(cacheDir, { recursive: true, force: true });
if (astro.status !== 0 || !existsSync(resolve(staging, 'index.html')) || !report || !manifest) {
  rmSync(staging, { recursive: true, force: true });
  console.error('\n构建失败，dist/ 保持不变。/ Build failed; dist/ left as it was.');
  process.exit(1);
}

/**
 * A full garbage collection of this process's heap, so that it gives back what it no longer uses before it waits for
 * the Astro process (V8 collects only when it allocates, and a process blocked in spawnSync allocates nothing).
 */
function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Without it the memory is only given back later.
  }
}

/** How many files a folder holds, at any depth. */
function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) n += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  return n;
}
// The site's files, and among them the search index's (in a folder named by the index's hash: those unchanged are
// linked from dist/), counted in one walk (158,000 files at national size).
let total = 0;
let searchIndex = 0;
for (const entry of readdirSync(staging, { withFileTypes: true })) {
  const n = entry.isDirectory() ? countFiles(join(staging, entry.name)) : 1;
  total += n;
  if (entry.name === 'search-index' && entry.isDirectory()) searchIndex = n;
}
const summary = job.base
  ? `增量发布：重新生成 ${total - report.reused} 个文件，沿用 ${report.reused} 个 / incremental: ${total - report.reused} files rebuilt, ${report.reused} reused`
  : `完整构建：生成 ${total} 个文件 / full build: ${total} files`;
console.log(`· ${summary}`);
console.log(
  `  搜索索引 ${searchIndex} 个文件，重新生成 ${searchIndex - report.searchReused} 个 / search index: ${searchIndex} files, ${searchIndex - report.searchReused} of them rebuilt`,
);

if (options.out) {
  const out = resolve(root, options.out);
  forgetBuiltFrom(out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(dirname(out), { recursive: true });
  renameSync(staging, out);
  // Recorded only when nothing changed while it built: the site in the folder is then what these inputs make.
  const after = buildInputs(root);
  if (!changedInputs(inputs!, after).length) recordBuiltFrom(out, inputs!, manifest, summary);
  console.log(`✓ ${options.out} updated`);
} else {
  // The site it replaces is removed after the new one is published, by a process that outlives this one.
  let previous: string | undefined;
  publish(root, staging, undefined, manifest, (dir) => (previous = dir));
  console.log('✓ dist/ updated');
  if (previous) await removeInBackground(previous);
}
