/**
 * National-scale build benchmark. For each scale (1 = 2,100 counties, 4,000 groups, 40,000 institutions,
 * 580,000 village clinics, 200,000 observations) it generates the dataset into a temporary project (this project's code copied, node_modules linked, the
 * generated data/ and content/), runs the real `npm run build` (validate + Astro + search index) and reports
 * time, pages per second, peak memory, dist/ and search-index size; then builds a bare Astro site with the same
 * number of trivial pages and reports our per-page cost as a ratio to it. Between the two, one change of each kind an
 * editor makes (a name, a figure, a roster, a deleted institution, an update) is published incrementally, in turn.
 */
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { generateNationalDataset } from './national-data';
import { cpuAt, folderSize, gb, mb, measure, type Run } from './measure';

const project = resolve('.');
const astroCli = join(project, 'node_modules/astro/astro.js');
const tsxCli = join(project, 'node_modules/tsx/dist/cli.mjs');
const GOAL = { seconds: 300, bytes: 6 * 1024 ** 3, ratio: 2, incrementalSeconds: 60 };

export interface ScaleResult {
  scale: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  peakTreeRss: number;
  peakProcessRss: number;
  peakByProgram: Record<string, number>;
  distBytes: number;
  searchIndexBytes: number;
  indexShardBytes: number;
  phases: Record<string, number>;
  bare: { seconds: number; pagesPerSecond: number; peakTreeRss: number; renderSeconds: number };
  ratio: number;
  renderRatio: number;
  /** The largest HTML page (bytes) and where it is. */
  largestPage: { file: string; bytes: number };
  /** The finder's largest shard, gzip bytes: what one lookup downloads at most (besides /finder/index.json once). */
  largestShard: { file: string; gzip: number };
  /** /finder/index.json, gzip bytes. */
  finderIndexGzip: number;
  /** Why the build was stopped before it finished (memory cap). */
  stopped?: string;
  /** One change of each kind published incrementally after the full build: files rebuilt, seconds, peak memory. */
  incremental: { kind: string; files: number; reused: number; seconds: number; cpuSeconds: number; peakTreeRss: number }[];
  /** CPU seconds of the full build (user + system, all its processes). */
  cpuSeconds: number;
}

/**
 * One editor's change of each kind, made to the generated data as the editor would (issue 29): each returns what it
 * changed, for the log. They run in turn, each published incrementally on top of the last.
 */
const CHANGES: { kind: string; apply: (dir: string) => string }[] = [
  {
    kind: 'name (a county, on many pages)',
    apply: (dir) => {
      const regions = readJson(dir, 'data/regions/regions.json');
      const county = regions.find((r: { kind: string }) => r.kind === 'county');
      county.name = `新${county.name}`;
      writeJson(dir, 'data/regions/regions.json', regions);
      return `${county.id} renamed ${county.name}`;
    },
  },
  {
    kind: 'figure',
    apply: (dir) => {
      const file = `data/observations/${firstFile(dir, 'data/observations')}`;
      const figures = readJson(dir, file);
      const figure = figures.find((f: { kind: string }) => f.kind === 'actual');
      const digits = String(figure.value).split('.')[1]?.length ?? 0;
      const value = Number((figure.value + 1).toFixed(digits));
      figure.source.excerpt = figure.source.excerpt.replace(String(figure.value), String(value));
      figure.value = value;
      writeJson(dir, file, figures);
      return `${figure.id} = ${value}`;
    },
  },
  {
    kind: 'roster',
    apply: (dir) => {
      const file = `data/groups/${firstFile(dir, 'data/groups')}`;
      const groups = readJson(dir, file);
      const [from, to] = groups.filter((g: { kind: string }) => g.kind === 'county');
      const moved = from.members.pop();
      to.members.push(moved);
      writeJson(dir, file, groups);
      return `${moved.institution} moved from ${from.id} to ${to.id}`;
    },
  },
  {
    kind: 'deleted institution',
    apply: (dir) => {
      const name = firstFile(dir, 'data/groups');
      const groups = readJson(dir, `data/groups/${name}`);
      // An urban group's member: a community health centre, with a page of its own and no village clinics under it.
      const group = groups.find((g: { kind: string; members: unknown[] }) => g.kind === 'urban' && g.members.length > 1) ?? groups[0];
      const gone = group.members.pop().institution;
      writeJson(dir, `data/groups/${name}`, groups);
      const institutions = readJson(dir, `data/institutions/${name}`).filter((i: { id: string; belongsTo?: string }) => i.id !== gone && i.belongsTo !== gone);
      writeJson(dir, `data/institutions/${name}`, institutions);
      return `${gone} deleted`;
    },
  },
  {
    kind: 'update (MDX)',
    apply: (dir) => {
      const name = firstFile(dir, 'content/updates');
      const path = join(dir, 'content/updates', name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\n$/, '\n\n中心的电话另行公布。\n'));
      return `content/updates/${name} edited`;
    },
  },
];

function readJson(dir: string, file: string) {
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}
function writeJson(dir: string, file: string, value: unknown) {
  writeFileSync(join(dir, file), JSON.stringify(value, null, 2));
}
const firstFile = (dir: string, folder: string) => readdirSync(join(dir, folder)).sort()[0];

function countPages(dist: string): number {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('search-index')).length;
}

/** The biggest built files a reader may download: pages, and the data files the finder and search fetch. */
function largestFiles(dist: string, count = 3): string {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|json)$/.test(f) && !f.startsWith('search-index') && !f.startsWith('data/'))
    .map((f) => ({ f, size: statSync(join(dist, f)).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, count);
  return files.map(({ f, size }) => `${f} ${mb(size)}`).join(', ');
}

/** The largest HTML page, by size on disk. */
function largestPage(dist: string): { file: string; bytes: number } {
  let largest = { file: '', bytes: 0 };
  for (const f of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.html') || f.startsWith('search-index')) continue;
    const bytes = statSync(join(dist, f)).size;
    if (bytes > largest.bytes) largest = { file: f, bytes };
  }
  return largest;
}

/** The finder's largest shard gzipped (what a lookup downloads), and its index. */
function finderShards(dist: string): { largest: { file: string; gzip: number }; indexGzip: number } {
  const dir = join(dist, 'finder');
  let largest = { file: '', gzip: 0 };
  let indexGzip = 0;
  if (!existsSync(dir)) return { largest, indexGzip };
  for (const f of readdirSync(dir)) {
    const gzip = gzipSync(readFileSync(join(dir, f))).length;
    if (f === 'index.json') indexGzip = gzip;
    else if (gzip > largest.gzip) largest = { file: `finder/${f}`, gzip };
  }
  return { largest, indexGzip };
}

/** The search index's shards (stored gzip): how many, and the largest, which is what one term of a query costs at most. */
function indexShards(dist: string): { count: number; largest: number; median: number } {
  const root = join(dist, 'search-index');
  if (!existsSync(root)) return { count: 0, largest: 0, median: 0 };
  const sizes = readdirSync(root)
    .flatMap((version) => readdirSync(join(root, version)).filter((f) => /^s\d+\.bin$/.test(f)).map((f) => statSync(join(root, version, f)).size))
    .sort((a, b) => a - b);
  return { count: sizes.length, largest: sizes.at(-1) ?? 0, median: sizes[Math.floor(sizes.length / 2)] ?? 0 };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Seconds at which the first output line matching `pattern` appeared (after `after` seconds). */
function when(run: Run, pattern: RegExp, after = -1): number | undefined {
  return run.lines.find((l) => l.at > after && pattern.test(l.text))?.at;
}

/** Build phases from the build's own log lines: wall seconds each, and CPU seconds each (`cpu`). */
function phases(run: Run, cpu?: Record<string, number>): Record<string, number> {
  const start = when(run, /\[content\]|\[types\]|\[build\]/);
  const routes = when(run, /generating static routes/);
  const rendered = routes === undefined ? undefined : when(run, /Completed in/, routes);
  const indexed = when(run, /indexed \d+ pages/) ?? when(run, /page\(s\) built in/);
  const marks: [string, number | undefined][] = [
    ['validate + start', start],
    ['content + bundle', routes],
    ['render pages', rendered],
    ['sitemap + search index', indexed],
    ['finish', run.seconds],
  ];
  const result: Record<string, number> = {};
  let last = 0;
  for (const [name, at] of marks) {
    if (at === undefined) continue;
    result[name] = at - last;
    // The tree sampled holds the build's background removal of the old site, which the total leaves out: never below 0.
    if (cpu) cpu[name] = Math.max(0, (name === 'finish' ? run.cpuSeconds : cpuAt(run, at)) - cpuAt(run, last));
    last = at;
  }
  return result;
}

/** The phases as the log shows them: wall seconds, with each one's CPU seconds. */
function phaseLine(run: Run): string {
  const cpu: Record<string, number> = {};
  return Object.entries(phases(run, cpu))
    .map(([k, v]) => `${k} ${v.toFixed(1)} s (CPU ${(cpu[k] ?? 0).toFixed(1)})`)
    .join(' · ');
}

/** The project's code in a temporary folder: node_modules linked, the rest copied (Astro resolves symlinked sources to their real place, outside the project). */
/** Render time per route from Astro's log (`▶ src/pages/x.astro`, `λ` for endpoints, then `├─ /x/index.html (+12ms)` per page). */
function routeTimes(run: Run): { route: string; pages: number; ms: number; slowest: number }[] {
  const routes = new Map<string, { route: string; pages: number; ms: number; slowest: number }>();
  let current: { route: string; pages: number; ms: number; slowest: number } | undefined;
  for (const { text } of run.lines) {
    const route = /[▶λ] (src\/pages\/\S+)/.exec(text)?.[1];
    if (route) {
      current = routes.get(route) ?? { route, pages: 0, ms: 0, slowest: 0 };
      routes.set(route, current);
      continue;
    }
    const ms = /[├└]─ \S+ \(\+(\d+(?:\.\d+)?)(m?s)\)/.exec(text);
    if (ms && current) {
      const value = Number(ms[1]) * (ms[2] === 's' ? 1000 : 1);
      current.pages++;
      current.ms += value;
      current.slowest = Math.max(current.slowest, value);
    }
  }
  return [...routes.values()].sort((a, b) => b.ms - a.ms);
}

function copyProject(dir: string): void {
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'));
  for (const name of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(project, name), join(dir, name), { recursive: true });
}

/** A bare Astro site with `pages` trivial pages, built the same way. */
async function buildBare(pages: number, echo: boolean): Promise<{ run: Run; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'yigongti-bare-'));
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare', private: true, type: 'module' }));
  writeFileSync(join(dir, 'astro.config.mjs'), "export default { trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } };\n");
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(
    join(dir, 'src/pages/[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));
}
const { n } = Astro.params;
---
<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" /><title>页面 {n}</title></head><body><h1>页面 {n}</h1><p>一个很简单的页面。</p></body></html>
`,
  );
  const run = await measure(process.execPath, [astroCli, 'build'], { cwd: dir, echo });
  return { run, dir };
}

export async function runScale(scale: number, options: { keep?: boolean; echo?: boolean; maxBytes?: number; overlay?: string } = {}): Promise<ScaleResult> {
  const dir = mkdtempSync(join(tmpdir(), `yigongti-scale-${scale}-`));
  console.log(`\n── scale ${scale} ── ${dir}`);
  copyProject(dir);
  // An overlay (a folder laid out like the project) replaces files, to try a change at scale before making it.
  if (options.overlay) {
    cpSync(resolve(options.overlay), dir, { recursive: true });
    console.log(`  with the files of ${options.overlay} laid over the project`);
  }
  const t0 = performance.now();
  const counts = generateNationalDataset(dir, scale, project);
  console.log(
    `  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${counts.regions} regions (${counts.counties} counties), ${counts.groups} groups, ` +
      `${counts.institutions} institutions, ${counts.villageClinics} village clinics, ${counts.observations} observations, ${counts.documents} documents, ${counts.updates} updates`,
  );
  // `npm run build` without npm: validation, Astro, search index, swap into dist/.
  const run = await measure(process.execPath, [tsxCli, 'scripts/build.ts'], {
    cwd: dir,
    echo: options.echo,
    maxBytes: options.maxBytes,
    env: { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '' },
  });
  if (!run.ok && !run.stopped) {
    console.log(run.lines.slice(-40).map((l) => '  │ ' + l.text).join('\n'));
    throw new Error(`build at scale ${scale} failed (temporary project kept at ${dir})`);
  }
  // A stopped build never swapped its output in: look at what it had written to its staging folder.
  const staging = join(dir, '.build-staging');
  const dist = run.ok ? join(dir, 'dist') : join(staging, readdirSync(staging).find((d) => /^\d+$/.test(d)) ?? '');
  const pages = countPages(dist);
  const indexDir = join(dist, 'search-index');
  const hasIndex = existsSync(indexDir);
  const shards = finderShards(dist);
  const result: Omit<ScaleResult, 'bare' | 'ratio' | 'renderRatio' | 'incremental'> = {
    scale,
    pages,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    pagesPerSecond: pages / run.seconds,
    peakTreeRss: run.peakTreeRss,
    peakProcessRss: run.peakProcessRss,
    peakByProgram: run.peakByProgram,
    distBytes: folderSize(dist),
    searchIndexBytes: hasIndex ? folderSize(indexDir) : 0,
    indexShardBytes: hasIndex ? folderSize(indexDir, /^s\d+\.bin$/) : 0,
    phases: phases(run),
    largestPage: largestPage(dist),
    largestShard: shards.largest,
    finderIndexGzip: shards.indexGzip,
    stopped: run.stopped,
  };
  const biggest = largestFiles(dist);
  const index = indexShards(dist);

  // Incremental publishing: one change of each kind, each published on top of the last (src/publishing/incremental.ts).
  const incremental: ScaleResult['incremental'] = [];
  for (const change of run.ok ? CHANGES : []) {
    const what = change.apply(dir);
    const step = await measure(process.execPath, [tsxCli, 'scripts/build.ts'], { cwd: dir, echo: options.echo, maxBytes: options.maxBytes, env: { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '' } });
    const counted = step.lines.map((l) => /incremental: (\d+) files rebuilt, (\d+) reused/.exec(l.text)).find(Boolean);
    if (!step.ok || !counted) {
      console.log(step.lines.slice(-30).map((l) => '  │ ' + l.text).join('\n'));
      console.log(`  incremental: one ${change.kind} change (${what}) → ${step.ok ? 'built, but not incrementally' : 'failed'}`);
      continue;
    }
    const files = Number(counted[1]);
    incremental.push({ kind: change.kind, files, reused: Number(counted[2]), seconds: step.seconds, cpuSeconds: step.cpuSeconds, peakTreeRss: step.peakTreeRss });
    console.log(`  incremental: one ${change.kind} change → ${files} files in ${step.seconds.toFixed(1)} s (CPU ${step.cpuSeconds.toFixed(1)} s; ${counted[2]} reused, peak ${gb(step.peakTreeRss)}; ${what})`);
    console.log(`        phases: ${phaseLine(step)}; ${step.lines.find((l) => /search index: \d+ files/.test(l.text))?.text.trim() ?? ''}`);
    // What the build itself says it spent: choosing the pages, linking, the downloads and finder files, the search index.
    const said = step.lines.map((l) => l.text).filter((t) => /\[yigongti-(incremental|generated-files|search-index)\]/.test(t)).map((t) => t.replace(/^.*?\[yigongti-/, '[').trim());
    if (said.length) console.log(`        ${said.join('\n        ')}`);
  }
  if (!options.keep) rmSync(dir, { recursive: true, force: true });

  if (run.stopped) console.log(`  ours: ${run.stopped}; ${pages} pages had been written`);
  else console.log(`  ours: ${pages} pages in ${run.seconds.toFixed(1)} s (${result.pagesPerSecond.toFixed(0)} pages/s; CPU ${run.cpuSeconds.toFixed(1)} s)`);
  console.log(`        peak memory ${gb(run.peakTreeRss)} (by program: ${Object.entries(run.peakByProgram).filter(([, b]) => b > 50 * 1024 ** 2).map(([p, b]) => `${p} ${gb(b)}`).join(', ')})`);
  console.log(`        phases: ${phaseLine(run)}`);
  const slow = routeTimes(run).slice(0, 6);
  if (slow.length) {
    console.log(`        render time by route: ${slow.map((r) => `${r.route.replace('src/pages/', '')} ${(r.ms / 1000).toFixed(0)} s for ${r.pages} (slowest ${(r.slowest / 1000).toFixed(1)} s)`).join(' · ')}`);
  }
  console.log(`        dist/ ${mb(result.distBytes)}, search index ${mb(result.searchIndexBytes)} (shards ${mb(result.indexShardBytes)}: ${index.count}, median ${kb(index.median)}, largest ${kb(index.largest)})`);
  console.log(`        largest pages and data files: ${biggest}`);
  console.log(`        largest HTML page ${result.largestPage.file} ${kb(result.largestPage.bytes)} (goal ≤ 500 KB)`);
  console.log(`        finder: largest shard ${result.largestShard.file} ${kb(result.largestShard.gzip)} gzip (goal ≤ 50 KB), index ${kb(result.finderIndexGzip)} gzip, loaded once`);

  const bare = await buildBare(pages, !!options.echo);
  rmSync(bare.dir, { recursive: true, force: true });
  if (!bare.run.ok) throw new Error('bare Astro build failed:\n' + bare.run.lines.slice(-20).map((l) => l.text).join('\n'));
  const bareRoutes = when(bare.run, /generating static routes/) ?? 0;
  const bareRender = (when(bare.run, /Completed in/, bareRoutes) ?? bare.run.seconds) - bareRoutes;
  const ourRender = result.phases['render pages'] ?? run.seconds;
  const full: ScaleResult = {
    ...result,
    incremental,
    bare: { seconds: bare.run.seconds, pagesPerSecond: pages / bare.run.seconds, peakTreeRss: bare.run.peakTreeRss, renderSeconds: bareRender },
    ratio: run.seconds / bare.run.seconds,
    renderRatio: ourRender / bareRender,
  };
  console.log(`  bare Astro: ${pages} pages in ${bare.run.seconds.toFixed(1)} s (${full.bare.pagesPerSecond.toFixed(0)} pages/s, rendering ${bareRender.toFixed(1)} s; CPU ${bare.run.cpuSeconds.toFixed(1)} s), peak ${gb(bare.run.peakTreeRss)}`);
  console.log(`  per-page cost vs bare Astro: ${full.ratio.toFixed(2)}× whole build, ${full.renderRatio.toFixed(2)}× page rendering alone (goal ≤ ${GOAL.ratio}; CPU time ${(run.cpuSeconds / Math.max(0.1, bare.run.cpuSeconds)).toFixed(2)}× whole build)`);
  const misses = [
    run.seconds > GOAL.seconds && `time ${run.seconds.toFixed(0)} s > ${GOAL.seconds} s`,
    run.peakTreeRss > GOAL.bytes && `memory ${gb(run.peakTreeRss)} > ${gb(GOAL.bytes)}`,
    full.renderRatio > GOAL.ratio && `page rendering ${full.renderRatio.toFixed(2)}× > ${GOAL.ratio}×`,
    result.largestPage.bytes > 500 * 1024 && `largest page ${kb(result.largestPage.bytes)} > 500 KB`,
    result.largestShard.gzip > 50 * 1024 && `largest finder shard ${kb(result.largestShard.gzip)} > 50 KB`,
    ...incremental.filter((i) => i.seconds > GOAL.incrementalSeconds || i.peakTreeRss > GOAL.bytes).map((i) => `one ${i.kind} change ${i.seconds.toFixed(0)} s, ${gb(i.peakTreeRss)} > ${GOAL.incrementalSeconds} s, ${gb(GOAL.bytes)}`),
    incremental.length < CHANGES.length && `${CHANGES.length - incremental.length} incremental change(s) not published incrementally`,
  ].filter(Boolean);
  if (run.stopped) misses.unshift('did not finish');
  if (scale === 1) console.log(misses.length ? `  goals missed: ${misses.join('; ')}` : '  all national-scale goals met');
  return full;
}

export function printScaleTable(results: ScaleResult[]): void {
  console.log('\n| scale | pages | build | pages/s | peak memory | dist/ | search index | largest page | largest finder shard (gzip) | bare Astro | ratio (build / render) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.scale} | ${r.pages}${r.stopped ? ' (stopped)' : ''} | ${r.seconds.toFixed(1)} s | ${r.pagesPerSecond.toFixed(0)} | ${gb(r.peakTreeRss)} | ${mb(r.distBytes)} | ${mb(r.searchIndexBytes)} | ${kb(r.largestPage.bytes)} | ${kb(r.largestShard.gzip)} | ${r.bare.seconds.toFixed(1)} s | ${r.ratio.toFixed(2)} / ${r.renderRatio.toFixed(2)} |`,
    );
  }
}
