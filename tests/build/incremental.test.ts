/**
 * Incremental publishing equals a full build (issue 29), and builds are reproducible: in one throwaway copy of the
 * project, a first `npm run build -- --full` publishes the whole site. Then, for each kind of change an editor makes,
 * `npm run build` publishes it incrementally (taking most files from the last dist/), a bare `astro build` (no hand-off
 * from the check, no incremental state: what `astro build` alone makes) builds the same data afresh into another
 * folder, and the two sites must hold the same files with the same bytes. The files the incremental site took from the
 * first build are thus byte for byte those of a second clean build in another process: the build is reproducible (this
 * replaces a test that built the site once more). The copy is compared with itself, not with the project's dist/: it has
 * no git history, so its data files are dated by their modification time where the project's are dated by their commits.
 *
 * Changes of every kind an editor makes (issue 29) are made in one step to keep the test cheap (three builds in all: the
 * first, the incremental and the full): a name used on many pages, a figure, a roster change, a deleted institution, an
 * edited and a new update. The comparison is of the whole site, so each kind's pages are checked whatever else changed
 * with it; which pages were re-rendered and which were reused is checked per kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { editJson, editText, makeProject, removeProject, spawnRun, type Run } from '../support/publishing';

let dir: string;
/** Two builds: about 40 s on an idle machine, minutes on a busy one. */
const STEP = 600_000;

const build = (args: string[] = []): Promise<Run> => spawnRun(join(dir, 'node_modules/.bin/tsx'), ['scripts/build.ts', ...args], { cwd: dir });
/** A bare `astro build` of the copy into `out` (as scripts/build.ts runs Astro), with a cache folder of its own beside the copy. */
const bareBuild = (out: string): Promise<Run> =>
  spawnRun(process.execPath, ['--max-semi-space-size=64', join(dir, 'node_modules/astro/astro.js'), 'build', '--silent'], {
    cwd: dir,
    env: { YIGONGTI_OUT_DIR: join(dir, out), YIGONGTI_CACHE_DIR: `${dir}.astro-cache` },
  });

/** Every file under a folder (relative, sorted), and the inode of each (to tell a reused file from a rewritten one). */
function tree(root: string): Map<string, number> {
  const files = new Map<string, number>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else files.set(rel, statSync(join(root, rel)).ino);
    }
  };
  walk('');
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The files only one site has, and those whose bytes differ (at most a few of each, with where they first differ). */
function differences(a: string, b: string, names = ['the incremental site', 'the full build']): string[] {
  const [left, right] = [tree(a), tree(b)];
  const out: string[] = [];
  for (const file of left.keys()) if (!right.has(file)) out.push(`only in ${names[0]}: ${file}`);
  for (const file of right.keys()) if (!left.has(file)) out.push(`only in ${names[1]}: ${file}`);
  for (const file of left.keys()) {
    if (!right.has(file)) continue;
    const [x, y] = [readFileSync(join(a, file)), readFileSync(join(b, file))];
    if (x.equals(y)) continue;
    let i = 0;
    while (x[i] === y[i]) i++;
    out.push(`${file} differs at byte ${i}: ${JSON.stringify(x.subarray(Math.max(0, i - 40), i + 40).toString())} vs ${JSON.stringify(y.subarray(Math.max(0, i - 40), i + 40).toString())}`);
  }
  return out;
}

/** The build log's count: `incremental: N files rebuilt, M reused`. */
function counts(run: Run): { rebuilt: number; reused: number } | undefined {
  const match = /incremental: (\d+) files rebuilt, (\d+) reused/.exec(run.output);
  return match ? { rebuilt: Number(match[1]), reused: Number(match[2]) } : undefined;
}

/** Publishes incrementally, builds fully elsewhere, and returns what differs, the counts, and which files were rewritten. */
async function publishAndCompare(step: string): Promise<{ rewritten: Set<string>; counted: { rebuilt: number; reused: number } }> {
  const before = tree(join(dir, 'dist'));
  const incremental = await build();
  expect(incremental.status, incremental.output.slice(-3000)).toBe(0);
  const counted = counts(incremental);
  expect(counted, `${step}: the build log says what it did\n${incremental.output.slice(-2000)}`).toBeDefined();
  const full = await bareBuild(`full-${step}`);
  expect(full.status, full.output.slice(-3000)).toBe(0);
  const differ = differences(join(dir, 'dist'), join(dir, `full-${step}`));
  expect(differ.length, `${step}: incremental site ≠ full build:\n${differ.slice(0, 20).join('\n')}`).toBe(0);
  const after = tree(join(dir, 'dist'));
  const rewritten = new Set([...after].filter(([file, ino]) => before.get(file) !== ino).map(([file]) => file));
  return { rewritten, counted: counted! };
}

beforeAll(async () => {
  dir = makeProject();
  const first = await build(['--full']);
  expect(first.status, first.output.slice(-3000)).toBe(0);
  expect(first.output).toContain('full build (--full)');
}, 300_000);
afterAll(() => {
  removeProject(dir);
  removeProject(`${dir}.astro-cache`);
});


describe('incremental publishing equals a full build', () => {
  it('publishes a renamed county, a changed figure, a roster change, a deleted institution, an edited and a new update as a full build would, re-rendering only what shows them', async () => {
    // A name used on many pages: the county's own page, its groups, institutions, figures, lists, search.
    editJson(dir, 'data/regions/regions.json', (regions) => {
      regions.find((r) => r.id === 'zizhong').name = '资中测试县';
    });
    // A figure: the number of groups reported for Zizhong changes (with the excerpt that states it).
    editJson(dir, 'data/observations/zizhong-2024-yigongti.json', (figures) => {
      const figure = figures.find((f) => f.id === 'zizhong-groups-count-2024-08');
      figure.value = 3;
      figure.source.excerpt = '3个紧密型县域医共体';
    });
    // An update (MDX): its body is edited.
    editText(dir, 'content/updates/2026-11-23-site-online.mdx', (text) => text.replace('## 首批收录的 5 份文件', '## 首批收录的五份文件'));
    // A roster change: Xiaolangdi's health centre moves from Mengjin's first community to the second.
    // A deleted institution: Songzhuang's health centre leaves the data and the third community's roster.
    editJson(dir, 'data/groups/mengjin-2020-yigongti-plan.json', (groups) => {
      const [first, second, third] = ['mengjin-first-medical-community', 'mengjin-second-medical-community', 'mengjin-third-medical-community'].map((id) => groups.find((g) => g.id === id));
      const moved = first.members.findIndex((m: { institution: string }) => m.institution === 'mengjin-xiaolangdi-health-centre');
      second.members.push(...first.members.splice(moved, 1));
      third.members = third.members.filter((m: { institution: string }) => m.institution !== 'mengjin-songzhuang-health-centre');
    });
    editJson(dir, 'data/institutions/mengjin-2020-yigongti-plan.json', (institutions) => {
      institutions.splice(
        institutions.findIndex((i) => i.id === 'mengjin-songzhuang-health-centre'),
        1,
      );
    });
    // A new update (MDX) about Gaomi.
    editText(
      dir,
      'content/updates/2026-11-30-gaomi.mdx',
      () => '---\ntitle: 高密市页面更新\ndate: 2026-11-30\nregions:\n  - gaomi\nsummary: 补充了高密市高康医疗集团的说明。\n---\n\n高密市的页面补充了说明。\n',
    );
    const { rewritten, counted } = await publishAndCompare('every-kind');
    // The renamed county, the changed figure and the edited update.
    expect(rewritten).toContain('regions/zizhong/index.html');
    expect(rewritten).toContain('indicators/medical-community-count/index.html');
    expect(rewritten).toContain('updates/2026-11-23-site-online/index.html');
    // The roster change, and the new update.
    expect(rewritten).toContain('groups/mengjin-first-medical-community/index.html');
    expect(rewritten).toContain('groups/mengjin-second-medical-community/index.html');
    expect(rewritten).toContain('institutions/mengjin-xiaolangdi-health-centre/index.html');
    expect(rewritten).toContain('updates/2026-11-30-gaomi/index.html');
    // The deleted institution's page is gone.
    expect(tree(join(dir, 'dist')).has('institutions/mengjin-songzhuang-health-centre/index.html')).toBe(false);
    // Pages of places none of it touches are taken from the last site as they were.
    expect(rewritten).not.toContain('institutions/linyi-people-hospital/index.html');
    expect(rewritten).not.toContain('institutions/shilin-people-hospital/index.html');
    expect(counted.reused).toBeGreaterThan(0);
  }, STEP);
});
