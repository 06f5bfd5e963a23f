/**
 * From the editor to the published site, in one throwaway copy of the project and one publication (each build here is
 * the whole site, so the three ways an entry reaches the site share it):
 * - through the server-rendered forms (`npm run edit` without the built interface), an update and a figure;
 * - through the interface at phone width, a township health centre with its phone;
 * - through the entries API, an update;
 * then a preview (the real scripts/build.ts into .editor/preview/) shows the update while dist/ stays absent, and 发布
 * pressed in the interface follows the progress to the address of the changed page: every entry is on the published
 * site. The publication is made for a public address (SITE_URL), and a test reads it for what that setting must reach
 * (issue 28): canonical and og tags, the QR code on printed referral sheets, the sitemap, RSS, citations and embed
 * code; the shared dist/ of the site tier is a preview build, which tests/quality/site-address.test.ts checks the
 * other way. Last, a publication that check refuses ends with the problems in Chinese, naming the file, and leaves
 * dist/ untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { parse } from 'node-html-parser';
import { join } from 'node:path';
import { hashFolder } from '../support/publishing';
import { editorProject } from '../support/editor-project';
import { startEditor, type Editor } from '../../src/editor/server/server';
import { fillFigure, fillUpdate, openForm } from '../support/editor-forms';
import { addRow, choose, fill, openNew, pick, save } from '../support/editor-ui-forms';
import { call, callJson, type Answer } from '../support/editor-http';

/** The public address the publication is made for (the editor's build job runs with this process's environment). */
const SITE_URL = 'https://yigongti.example.net';
process.env.SITE_URL = SITE_URL;

const project = editorProject({ localUser: '测试审核' });
/** The same project through the server-rendered forms (the editor without its built interface). */
let forms: Editor;
beforeAll(async () => {
  forms = await startEditor({ root: project.dir, port: 0, previewPort: 0, localUser: '测试审核' });
});
afterAll(async () => {
  await forms?.close();
});

const UPDATE = { id: 'mengjin-form-published', title: '孟津县公布基层就诊率新目标' };
const FIGURE = 'mengjin-grassroots-visit-rate-2022-form';
const API_UPDATE = { id: 'zizhong-editor-publish-job', title: '资中县公布乡镇卫生院夜间门诊时间' };
const CENTRE = { name: '测试镇卫生院', page: 'institutions/ce-shi-zhen-wei-sheng-yuan', phone: '0832-5512345' };
let published: Answer | undefined;

async function finished(): Promise<Answer> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const status = await call(project.url, '/api/publish/status');
    if (status.json.state !== 'running') return status;
  }
}

const html = (path: string) => readFileSync(join(project.dir, 'dist', path, 'index.html'), 'utf8');

describe('entries made in the editor, three ways', () => {
  it('an update and a figure through the server-rendered forms, each passing check', async () => {
    const page = await project.browser.newPage();
    await openForm(page, forms.url, '＋ 新建动态');
    await fillUpdate(page, UPDATE);
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain('检查通过');

    await openForm(page, forms.url, '＋ 新建数据（数字）');
    await fillFigure(page, { id: FIGURE, period: '2022', value: '65' });
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain('检查通过');
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

  it('an update through the entries API', async () => {
    const saved = await callJson(project.url, '/api/entries/updates', 'POST', {
      entry: { id: API_UPDATE.id, title: API_UPDATE.title, date: '2026-11-30', regions: ['zizhong'], summary: '资中县卫生健康局公布乡镇卫生院夜间门诊时间。', body: '夜间门诊时间以各卫生院公告为准。' },
    });
    expect(saved.status, saved.text).toBe(201);
    expect(existsSync(join(project.dir, 'dist'))).toBe(false);
  });
});

describe('preview and publish', () => {
  it('previews the saved update without touching dist/', async () => {
    const { url } = project;
    expect((await callJson(url, '/api/preview', 'POST', {})).status).toBe(202);
    // A second build while one runs is refused, not queued behind it.
    expect((await callJson(url, '/api/publish', 'POST', {})).status).toBe(409);
    const preview = await finished();
    expect(preview.json.state, preview.json.lines.join('\n')).toBe('done');
    expect(preview.json.url).toBe(`${project.editor.previewUrl.replace(/\/$/, '')}/updates/${API_UPDATE.id}/`);
    const page = await call(preview.json.url, `/updates/${API_UPDATE.id}/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(API_UPDATE.title);
    // /preview/<path> on the editor leads there.
    expect((await call(url, `/preview/updates/${API_UPDATE.id}/`)).headers.location).toBe(preview.json.url);
    expect(existsSync(join(project.dir, 'dist'))).toBe(false);
  }, 600_000);

  it('publishes from the interface, follows the progress to the changed page, and every entry is on the site', async () => {
    const page = await project.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${project.url}/`);
    await page.getByRole('link', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const done = page.getByRole('link', { name: /^打开发布后的网站/ });
    await done.waitFor({ timeout: 600_000 });
    published = await call(project.url, '/api/publish/status');
    expect(published.json.state, published.json.lines.join('\n')).toBe('done');
    // The page of the entry saved last, at the public address.
    expect(published.json.url).toBe(`${SITE_URL}/updates/${API_UPDATE.id}/`);
    expect(await done.getAttribute('href')).toBe(published.json.url);
    expect(published.json.approvedBy).toBe('测试审核');
    await page.close();

    expect(html(`updates/${API_UPDATE.id}`)).toContain(API_UPDATE.title);
    expect(html(CENTRE.page)).toContain(CENTRE.name);
    expect(html(CENTRE.page)).toContain(CENTRE.phone);
    expect(html(`updates/${UPDATE.id}`)).toContain(UPDATE.title);
    expect(html('updates')).toContain(UPDATE.title);
    expect(html('regions/mengjin')).toContain(`data-observation="${FIGURE}"`);
  }, 900_000);

  it('with SITE_URL set, puts the public address in canonical and og tags, QR codes, the sitemap, RSS, citations and embed code', async () => {
    expect(published?.json.state, 'the publication of the test above').toBe('done');
    const dist = join(project.dir, 'dist');
    const text = (path: string) => readFileSync(join(dist, path), 'utf8');
    const page = (path: string) => parse(text(join(path, 'index.html')));
    const at = (path: string) => new URL(path.replace(/^\//, ''), SITE_URL).href;
    expect(published!.json.lines.join('\n')).not.toContain('SITE_URL 未设置');

    // Share cards and canonical links, on a page of each kind.
    const group = '/groups/mengjin-first-medical-community/';
    for (const path of ['/', group, '/indicators/in-county-visit-rate/', `/updates/${UPDATE.id}/`]) {
      const doc = page(path);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toBe(at(path));
      expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), path).toBe(at(path));
      expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content'), path).toBe(at('/og.png'));
    }

    // Every printed referral sheet: a QR code of its own public address, written out beside it; no preview line.
    const sheets = readdirSync(join(dist, 'groups')).filter((g) => existsSync(join(dist, 'groups', g, 'referral/index.html')));
    expect(sheets.length).toBeGreaterThan(5);
    for (const g of sheets) {
      const path = `/groups/${g}/referral/`;
      const doc = page(path);
      expect(doc.querySelector('.page-url')?.textContent, path).toBe(at(path));
      const expected = await QRCode.toString(at(path), { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
      // The modules drawn (the paths' d attributes), whatever way the page writes the SVG's empty elements.
      const modules = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
      expect(modules(doc.querySelector('.qr')?.innerHTML ?? ''), path).toEqual(modules(expected));
      expect(modules(expected).length).toBe(2);
      expect(doc.querySelector('[data-preview-note]'), path).toBeNull();
    }

    // The sitemap and the feeds list public addresses only.
    for (const file of ['sitemap-0.xml', 'updates/rss.xml']) {
      const locs = [...text(file).matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)].map((m) => m[1]!);
      expect(locs.length, file).toBeGreaterThan(0);
      for (const loc of locs) expect(loc.startsWith(SITE_URL), `${file}: ${loc}`).toBe(true);
    }
    expect(text('sitemap-0.xml')).toContain(`<loc>${at(group)}</loc>`);
    expect(text('updates/rss.xml')).toContain(at(`/updates/${UPDATE.id}/`));

    // Citations end with the page's public address; embed code points at the public embed view.
    expect(page(group).querySelector('[data-citation]')?.textContent.trim().endsWith(` ${at(group)}.`)).toBe(true);
    expect(page(group).querySelector('[data-preview-note]')).toBeNull();
    const embed = page('/indicators/in-county-visit-rate/').querySelector('[data-embed-code]')?.textContent ?? '';
    expect(embed).toContain(`src="${at('/embed/indicators/in-county-visit-rate/')}"`);

    // And nothing anywhere carries a local address.
    const local = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => /\.(html|xml|csv|json|svg|txt)$/.test(f) && !f.startsWith('search-index') && /localhost|127\.0\.0\.1/.test(text(f)));
    expect(local).toEqual([]);
  });

  it('ends a refused publication with check’s problems in Chinese and leaves dist/ as it was', async () => {
    const before = hashFolder(join(project.dir, 'dist'));
    const file = join(project.dir, 'data/regions/regions.json');
    const regions = JSON.parse(readFileSync(file, 'utf8'));
    regions.push({ id: 'broken-region', name: '坏地区', kind: 'county', parent: 'no-such-region' });
    writeFileSync(file, JSON.stringify(regions, null, 2));
    expect((await callJson(project.url, '/api/publish', 'POST', {})).status).toBe(202);
    const failed = await finished();
    expect(failed.json.state).toBe('failed');
    expect(failed.json.problems.join('\n')).toContain('data/regions/regions.json');
    expect(failed.json.problems.join('\n')).toMatch(/[\u4e00-\u9fff]/);
    expect(hashFolder(join(project.dir, 'dist'))).toBe(before);
  }, 300_000);
});
