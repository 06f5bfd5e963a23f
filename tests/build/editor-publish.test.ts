/**
 * From the editor to the published site, and incremental publishing equal to a full build (issue 29), in one
 * throwaway copy of the project with its site already published in it (tests/support/publishing.ts `builtProject`:
 * the site `npm test` built in the project, so no build here makes the starting site), and two builds:
 *
 * 1. The editor's preview (scripts/build.ts into .editor/preview/, incremental from the published site): it shows the
 *    saved update, and dist/ stays byte for byte as it was.
 * 2. The publication (发布 pressed in the interface at phone width, with nothing changed since the preview): the
 *    preview is published as it is, its very files (scripts/build.ts `--reuse`, src/publishing/reuse-build.ts), not
 *    built again; the progress ends at the changed page, every change is on the site, only the pages showing a change
 *    were rendered again by the preview (the others are the published site's files, hard-linked).
 * 3. A bare `astro build` of the same data into another folder (no hand-off from the check, no incremental state:
 *    what `astro build` alone makes): the published site holds the same files with the same bytes. So an incremental
 *    build equals a full build, and the files it took from the published site, which `npm test` built in another
 *    folder and process, are byte for byte a clean build's: builds are reproducible.
 *
 * The changes: entries made two ways in the editor (an update, a figure and a township health centre with its phone
 * through the interface, an update through the entries API), and the other
 * kinds of change an editor makes (issue 29), made in the files as a technician would: a name used on many pages, a
 * figure, a roster change, a deleted institution, an edited and a new update. The comparison is of the whole site, so
 * each kind's pages are checked whatever else changed with it; which pages were rendered again and which were reused
 * is checked per kind.
 *
 * Last, a publication after a change made since the preview does not publish the preview: it checks and builds, and
 * here check refuses it, so it ends with the problems in Chinese, naming the file, and leaves dist/ untouched. (Which
 * changes since a preview make a publication build, kind by kind, is tests/unit/publishing-reuse-build.test.ts.)
 * What SITE_URL must reach is read from a new user's first publication (tests/build/publishing-new-user.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editJson, editText, hashFolder, spawnRun, type Run } from '../support/publishing';
import { editorProject } from '../support/editor-project';
import { PREVIEW_DIR } from '../../src/editor/server/build-job';
import { addRow, choose, fill, openNew, pick, save } from '../support/editor-ui-forms';
import { call, callJson, type Answer } from '../support/editor-http';

/** No public address: each build here is made with the settings the published site was made with, or none is incremental. */
delete process.env.SITE_URL;

const project = editorProject({ localUser: '测试审核', published: true });
/** The published site as the copy started with it. */
let published: string;
beforeAll(() => {
  published = hashFolder(dist());
});
afterAll(() => {
  rmSync(`${project.dir}.astro-cache`, { recursive: true, force: true });
});

const UPDATE = { title: '孟津县公布基层就诊率新目标' };
/** The ids the interface proposed for the update and the figure (网址名), read once they are saved. */
const made = { update: '', figure: '' };
const API_UPDATE = { id: 'zizhong-editor-publish-job', title: '资中县公布乡镇卫生院夜间门诊时间' };
const CENTRE = { name: '测试镇卫生院', page: 'institutions/ce-shi-zhen-wei-sheng-yuan', phone: '0832-5512345' };
let publication: Answer | undefined;
/** The files the publication wrote anew (the others it linked from the published site). */
let rewritten: Set<string> | undefined;

const dist = () => join(project.dir, 'dist');
/** Where the full build goes: inside the copy, where its pages find node_modules. */
const fullBuild = () => join(project.dir, 'full-build');
const html = (path: string) => readFileSync(join(dist(), path, 'index.html'), 'utf8');

async function finished(): Promise<Answer> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const status = await call(project.url, '/api/publish/status');
    if (status.json.state !== 'running') return status;
  }
}

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

/** The files only one site has, and those whose bytes differ (with where they first differ). */
function differences(a: string, b: string, names: [string, string]): string[] {
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
function counts(lines: string[]): { rebuilt: number; reused: number } | undefined {
  const match = /incremental: (\d+) files rebuilt, (\d+) reused/.exec(lines.join('\n'));
  return match ? { rebuilt: Number(match[1]), reused: Number(match[2]) } : undefined;
}

/** The kinds of change an editor makes besides the entries above, made in the files (issue 29). */
function changeEveryKind() {
  // A name used on many pages: the county's own page, its groups, institutions, figures, lists, search.
  editJson(project.dir, 'data/regions/regions.json', (regions) => {
    regions.find((r) => r.id === 'zizhong').name = '资中测试县';
  });
  // A figure: the number of groups reported for Zizhong changes (with the excerpt that states it).
  editJson(project.dir, 'data/observations/zizhong-2024-yigongti.json', (figures) => {
    const figure = figures.find((f) => f.id === 'zizhong-groups-count-2024-08');
    figure.value = 3;
    figure.source.excerpt = '3个紧密型县域医共体';
  });
  // An update (MDX): its body is edited.
  editText(project.dir, 'content/updates/2026-11-23-site-online.mdx', (text) => text.replace('## 首批收录的 5 份文件', '## 首批收录的五份文件'));
  // A roster change: Xiaolangdi's health centre moves from Mengjin's first community to the second.
  // A deleted institution: Songzhuang's health centre leaves the data and the third community's roster.
  editJson(project.dir, 'data/groups/mengjin-2020-yigongti-plan.json', (groups) => {
    const [first, second, third] = ['mengjin-first-medical-community', 'mengjin-second-medical-community', 'mengjin-third-medical-community'].map((id) => groups.find((g) => g.id === id));
    const moved = first.members.findIndex((m: { institution: string }) => m.institution === 'mengjin-xiaolangdi-health-centre');
    second.members.push(...first.members.splice(moved, 1));
    third.members = third.members.filter((m: { institution: string }) => m.institution !== 'mengjin-songzhuang-health-centre');
  });
  editJson(project.dir, 'data/institutions/mengjin-2020-yigongti-plan.json', (institutions) => {
    institutions.splice(
      institutions.findIndex((i) => i.id === 'mengjin-songzhuang-health-centre'),
      1,
    );
  });
  // A new update (MDX) about Gaomi.
  editText(
    project.dir,
    'content/updates/2026-11-30-gaomi.mdx',
    () => '---\ntitle: 高密市页面更新\ndate: 2026-11-30\nregions:\n  - gaomi\nsummary: 补充了高密市高康医疗集团的说明。\n---\n\n高密市的页面补充了说明。\n',
  );
}

describe('entries made in the editor, two ways', () => {
  it('an update and a figure through the interface, each passing check', async () => {
    const page = await project.browser.newPage();
    await openNew(page, project.url, '动态');
    await fill(page, '标题', UPDATE.title);
    await fill(page, '日期', '2026-11-30');
    await fill(page, '一句话摘要', '方案提出基层就诊率达到65%以上。');
    await pick(page, '涉及的地区', '孟津', '孟津县');
    await page.getByRole('textbox', { name: '正文' }).fill('## 目标\n\n基层就诊率达到65%以上。');
    expect((await save(page)).text).toMatch(/^已(新建并)?保存/);
    // The id the interface gave it, as saved (the file's name).
    made.update = readdirSync(join(project.dir, 'content/updates')).find((f) => readFileSync(join(project.dir, 'content/updates', f), 'utf8').includes(UPDATE.title))?.replace(/\.mdx$/, '') ?? '';
    expect(made.update).not.toBe('');

    await openNew(page, project.url, '数据（数字）');
    await pick(page, '指标', '基层就诊率', /^基层就诊率/);
    // The county itself, not a group or hospital whose name starts with it.
    await pick(page, '对象（医共体、地区或机构）', '孟津县', /^孟津县( · |$)/);
    await fill(page, '时期', '2022');
    await fill(page, '数值', '65');
    await choose(page, '类型', '目标');
    await choose(page, '限定', '以上 / 不少于');
    await pick(page.locator('#f-source'), '来源文件', '孟津', /^孟津县/);
    await fill(page.locator('#f-source'), '来源位置', '一、主要目标');
    await fill(page.locator('#f-source'), '原文摘录', '基层就诊率达到65%以上');
    expect((await save(page)).text).toMatch(/^已(新建并)?保存/);
    // The id the interface gave it, as saved.
    const figures = readdirSync(join(project.dir, 'data/observations')).flatMap(
      (f) => JSON.parse(readFileSync(join(project.dir, 'data/observations', f), 'utf8')) as { id: string; indicator: string; subject: { id: string }; period: string }[],
    );
    made.figure = figures.find((o) => o.indicator === 'grassroots-visit-rate' && o.subject.id === 'mengjin' && o.period === '2022')?.id ?? '';
    expect(made.figure).not.toBe('');
    await page.close();
  }, 180_000);

  it('a township health centre with its phone, through the interface at phone width', async () => {
    const page = await project.browser.newPage({ viewport: { width: 390, height: 844 } });
    await openNew(page, project.url, '医疗机构');
    await fill(page, '名称', CENTRE.name);
    await choose(page, '类型', '乡镇卫生院');
    await pick(page, '所在地区', '资中', '资中县');
    const source = await addRow(page, 'sources');
    await pick(source, '来源文件', '资中', /^资中县/);
    await fill(source, '来源位置', '一、测试段落');
    const phone = await addRow(page, 'contacts.phones');
    await fill(phone, '电话号码', CENTRE.phone);
    await fill(phone, '用途', '预约挂号');
    await pick(phone, '来源文件', '资中', /^资中县/);
    await fill(phone, '来源位置', '一、测试段落');
    expect((await save(page)).text).toContain('已新建并保存');
    await page.close();
  }, 180_000);

  it('an update through the entries API, and saving leaves the published site alone', async () => {
    const saved = await callJson(project.url, '/api/entries/updates', 'POST', {
      entry: { id: API_UPDATE.id, title: API_UPDATE.title, date: '2026-11-30', regions: ['zizhong'], summary: '资中县卫生健康局公布乡镇卫生院夜间门诊时间。', body: '夜间门诊时间以各卫生院公告为准。' },
    });
    expect(saved.status, saved.text).toBe(201);
    expect(hashFolder(dist())).toBe(published);
  });
});

describe('preview and publish', () => {
  it('previews the saved update and the changes of every kind, incrementally, without touching dist/', async () => {
    changeEveryKind();
    const { url } = project;
    expect((await callJson(url, '/api/preview', 'POST', {})).status).toBe(202);
    // A second build while one runs is refused, not queued behind it.
    expect((await callJson(url, '/api/publish', 'POST', {})).status).toBe(409);
    const preview = await finished();
    expect(preview.json.state, preview.json.lines.join('\n')).toBe('done');
    expect(counts(preview.json.lines), `the preview reused the published site's pages\n${preview.json.lines.slice(-20).join('\n')}`).toBeDefined();
    expect(preview.json.url).toBe(`${project.editor.previewUrl.replace(/\/$/, '')}/updates/${API_UPDATE.id}/`);
    const page = await call(preview.json.url, `/updates/${API_UPDATE.id}/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(API_UPDATE.title);
    expect((await call(preview.json.url, '/regions/zizhong/')).text).toContain('资中测试县');
    // /preview/<path> on the editor leads there.
    expect((await call(url, `/preview/updates/${API_UPDATE.id}/`)).headers.location).toBe(preview.json.url);
    expect(hashFolder(dist())).toBe(published);
  }, 600_000);

  it('publishes the preview from the interface without building again, follows the progress to the changed page, and every change is on the site', async () => {
    const before = tree(dist());
    const page = await project.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${project.url}/`);
    await page.getByRole('link', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    // No public address is set (SITE_URL), so the progress ends at the changed page's preview, never a local address.
    const done = page.getByRole('link', { name: '预览改动的这一页' });
    await done.waitFor({ timeout: 600_000 });
    publication = await call(project.url, '/api/publish/status');
    expect(publication.json.state, publication.json.lines.join('\n')).toBe('done');
    expect(publication.json.path).toBe(`/updates/${API_UPDATE.id}/`);
    expect(publication.json.url).toBeUndefined();
    expect(await done.getAttribute('href')).toBe(`/preview/updates/${API_UPDATE.id}/`);
    expect(publication.json.approvedBy).toBe('测试审核');
    await page.close();
    // Nothing changed since the preview: the preview is published as it is, the count its (incremental) build made.
    expect(publication.json.lines.join('\n')).toContain('publishing it instead of building again');
    const counted = counts(publication.json.lines);
    expect(counted, `the build log says what it did\n${publication.json.lines.slice(-20).join('\n')}`).toBeDefined();
    expect(counted!.reused).toBeGreaterThan(0);

    // The editor's entries.
    expect(html(`updates/${API_UPDATE.id}`)).toContain(API_UPDATE.title);
    expect(html(CENTRE.page)).toContain(CENTRE.name);
    expect(html(CENTRE.page)).toContain(CENTRE.phone);
    expect(html(`updates/${made.update}`)).toContain(UPDATE.title);
    expect(html('updates')).toContain(UPDATE.title);
    expect(html('regions/mengjin')).toContain(`data-observation="${made.figure}"`);

    // Each kind of change rendered again where it shows, and nothing else: the renamed county, the changed figure and
    // the edited update; the roster change and the new update.
    const after = tree(dist());
    // The published files are the preview's very files, none written again.
    const previewed = tree(join(project.dir, PREVIEW_DIR));
    expect([...after.keys()]).toEqual([...previewed.keys()]);
    expect([...after].filter(([file, ino]) => previewed.get(file) !== ino).map(([file]) => file)).toEqual([]);
    rewritten = new Set([...after].filter(([file, ino]) => before.get(file) !== ino).map(([file]) => file));
    expect(html('regions/zizhong')).toContain('资中测试县');
    for (const file of [
      'regions/zizhong/index.html',
      'indicators/medical-community-count/index.html',
      'updates/2026-11-23-site-online/index.html',
      'groups/mengjin-first-medical-community/index.html',
      'groups/mengjin-second-medical-community/index.html',
      'institutions/mengjin-xiaolangdi-health-centre/index.html',
      'updates/2026-11-30-gaomi/index.html',
    ])
      expect(rewritten, file).toContain(file);
    // The deleted institution's page is gone.
    expect(after.has('institutions/mengjin-songzhuang-health-centre/index.html')).toBe(false);
    // Pages of places none of it touches are taken from the published site as they were.
    expect(rewritten).not.toContain('institutions/linyi-people-hospital/index.html');
    expect(rewritten).not.toContain('institutions/shilin-people-hospital/index.html');
  }, 900_000);

  it('has published byte for byte what a full build of the same data makes, and what the preview showed', async () => {
    expect(rewritten, 'the publication of the test above').toBeDefined();
    const full: Run = await spawnRun(process.execPath, ['--max-semi-space-size=64', join(project.dir, 'node_modules/astro/astro.js'), 'build', '--silent'], {
      cwd: project.dir,
      env: { YIGONGTI_OUT_DIR: fullBuild(), YIGONGTI_CACHE_DIR: `${project.dir}.astro-cache` },
    });
    expect(full.status, full.output.slice(-3000)).toBe(0);
    const differ = differences(dist(), fullBuild(), ['the published site', 'the full build']);
    expect(differ.length, `incremental publication ≠ full build:\n${differ.slice(0, 20).join('\n')}`).toBe(0);
    const previewed = differences(join(project.dir, PREVIEW_DIR), dist(), ['the preview', 'the published site']);
    expect(previewed.length, `preview ≠ publication:\n${previewed.slice(0, 20).join('\n')}`).toBe(0);
  }, 600_000);

  it('checks a publication after a change made since the preview instead of publishing the preview, ends a refused one with check’s problems in Chinese and leaves dist/ as it was', async () => {
    const before = hashFolder(dist());
    const file = join(project.dir, 'data/regions/regions.json');
    const regions = JSON.parse(readFileSync(file, 'utf8'));
    regions.push({ id: 'broken-region', name: '坏地区', kind: 'county', parent: 'no-such-region' });
    writeFileSync(file, JSON.stringify(regions, null, 2));
    expect((await callJson(project.url, '/api/publish', 'POST', {})).status).toBe(202);
    const failed = await finished();
    expect(failed.json.state).toBe('failed');
    expect(failed.json.lines.join('\n')).toContain('since the preview: data/ or content/ changed');
    expect(failed.json.problems.join('\n')).toContain('data/regions/regions.json');
    expect(failed.json.problems.join('\n')).toMatch(/[\u4e00-\u9fff]/);
    expect(hashFolder(dist())).toBe(before);
  }, 300_000);
});
