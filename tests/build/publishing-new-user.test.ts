/**
 * A new bureau editor, from a clean copy of the repository: scaffolds an update with `npm run new`, imports a
 * spreadsheet of figures with `npm run import`, corrects one figure and records the correction, writes an update by
 * hand, publishes the site for its public address (`SITE_URL=… npm run build`, the project's first build: a full one),
 * and finds all of it on the built site in a real browser. The publication is read for what the public address must
 * reach (issue 28): canonical and og tags, the QR code on printed referral sheets, the sitemap, RSS, citations and
 * embed code; the shared dist/ of the site tier is a preview build, which tests/quality/site-address.test.ts checks the
 * other way. Then breaks one file and sees a clear error and the site left intact.
 *
 * That the clean copy checks clean is the first build's own check (the same scripts/check.ts as `npm run check`, on the
 * copy with the new user's files added, which cannot mend a problem in another file); `npm run check` as typed runs on
 * the broken file at the end, and passing in tests/build/publishing-new.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import QRCode from 'qrcode';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { e2eBrowser } from '../support/editor-chromium';
import { serveSite, type SiteServer } from '../support/server';
import { cloneProject, editJson, hashFolder, removeProject, runNpm } from '../support/publishing';

const TITLE = '测试动态：周末门诊开始接诊';
/** The public address the site is published for. */
const SITE_URL = 'https://yigongti.example.net';
let dir: string;
let browser: Browser;
let server: SiteServer | undefined;
let group: { id: string; name: string; region: string };
let updateId: string;
let figureId: string;
let correctionId: string;

/** The id a script reports having written: "✓ 已写入 / written: path（id: X）". */
const writtenId = (output: string) => output.match(/（id: ([a-z0-9-]+)）/)?.[1];

beforeAll(async () => {
  dir = await cloneProject();
  const groupFile = readdirSync(join(dir, 'data/groups')).sort()[0];
  group = JSON.parse(readFileSync(join(dir, 'data/groups', groupFile), 'utf8'))[0];
  browser = await e2eBrowser();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await browser?.close();
  removeProject(dir);
});

/** What an editor may write in MDX (docs/编辑指南.md); hostile MDX is refused (tests/unit/publishing-bad-input.test.ts). */
const ALLOWED = {
  file: 'content/updates/2024-09-01-allowed.mdx',
  text: `---\ntitle: 门诊时间调整\ndate: 2024-09-01\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字。\n\n<Note title="办理时间">\n\n每周一至周五 8:00–17:00，详见[国家卫生健康委](https://www.nhc.gov.cn/)。\n\n</Note>\n`,
};

/** A spreadsheet with one figure about the group, as a bureau would fill in the template. */
function writeSheet(value: number) {
  const header = readFileSync(join(dir, 'templates/observations-template.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n')[0];
  const sources = readdirSync(join(dir, 'content/documents')).sort();
  const row = ['', '远程影像诊断人次', '医共体', group.name, '2025-Q1', '', String(value), '实际', '', '', sources[0].replace(/\.mdx$/, ''), '测试段落', `一季度远程影像诊断${value}人次`];
  writeFileSync(join(dir, 'figures.csv'), '\uFEFF' + header + '\n' + stringify([row]));
}

describe('a new editor publishes an update and figures', () => {
  it('scaffolds an update with npm run new', async () => {
    const run = await runNpm(dir, 'new', ['update', '--title', TITLE, '--summary', '测试用的一句话摘要。', '--regions', group.region, '--groups', group.name, '--body', '周末门诊上午八点到十二点。']);
    expect(run.status, run.output).toBe(0);
    updateId = writtenId(run.output)!;
    const text = readFileSync(join(dir, `content/updates/${updateId}.mdx`), 'utf8');
    expect(text).toContain(`title: ${TITLE}`);
    expect(text).toContain(`- ${group.id}`); // the group's name was turned into its id
  });

  it('imports a spreadsheet of figures with npm run import', async () => {
    writeSheet(4312);
    const run = await runNpm(dir, 'import', ['observations', 'figures.csv']);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('已导入 1 条数据到 data/observations/figures.json');
    const [figure] = JSON.parse(readFileSync(join(dir, 'data/observations/figures.json'), 'utf8'));
    expect(figure).toMatchObject({ indicator: 'remote-imaging-cases', subject: { type: 'group', id: group.id }, value: 4312 });
    figureId = figure.id;
  });

  it('corrects the figure by re-importing the sheet, and records the correction with npm run new', async () => {
    writeSheet(4321);
    const again = await runNpm(dir, 'import', ['observations', 'figures.csv']);
    expect(again.status).toBe(1);
    expect(again.output).toContain('--replace');
    const replaced = await runNpm(dir, 'import', ['observations', 'figures.csv', '--replace']);
    expect(replaced.status, replaced.output).toBe(0);
    const recorded = await runNpm(dir, 'new', ['correction', '--observation', figureId, '--old', '4312', '--why', '录入时两位数字颠倒，已按原文改正。', '--who', '测试卫生健康局']);
    expect(recorded.status, recorded.output).toBe(0);
    correctionId = writtenId(recorded.output)!;
  });

  it('writes an update by hand with what the guide allows in MDX (a Note callout with its title, an https link), and publishes for the public address with npm run build', async () => {
    writeFileSync(join(dir, ALLOWED.file), ALLOWED.text);
    const built = await runNpm(dir, 'build', [], { SITE_URL });
    expect(built.status, built.output.slice(-3000)).toBe(0);
    // The build's own check passed on the clean copy with the new user's files, the hand-written update among them; the
    // copy had no dist/, so its first build is a full one.
    expect(built.output).toContain('✓ 数据检查通过');
    expect(built.output).toContain('full build (no dist/)');
    expect(built.output).toContain('dist/ updated');
    expect(built.output).not.toContain('SITE_URL 未设置');
    server = await serveSite(join(dir, 'dist'));
  }, 300_000);

  it('shows the hand-written update with its Note callout and link as MDX allows them', () => {
    const html = readFileSync(join(dir, 'dist/updates/2024-09-01-allowed/index.html'), 'utf8');
    expect(html).toMatch(/<aside class="mdx-note[^"]*"[^>]*>\s*<p class="mdx-note-title[^"]*"[^>]*>办理时间<\/p>/);
    expect(html).toContain('<a href="https://www.nhc.gov.cn/">国家卫生健康委</a>');
  });

  it('finds the update on the home page, its own page and its region page', async () => {
    const page = await browser.newPage();
    await page.goto(server!.url + '/');
    await page.getByRole('link', { name: TITLE }).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/updates/${updateId}/`);
    expect(await page.locator('h1').textContent()).toContain(TITLE);
    await page.goto(`${server!.url}/regions/${group.region}/`);
    expect(await page.getByRole('link', { name: TITLE }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it("finds the imported figure on its group's page, with the correction beside it, linking to the change log", async () => {
    const page = await browser.newPage();
    await page.goto(`${server!.url}/groups/${group.id}/`);
    const row = page.locator(`#obs-${figureId}`);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('4,321');
    const note = row.locator('.correction-note');
    expect(await note.textContent()).toContain('原为“4,312 人次”，现为“4,321 人次”');
    await note.getByRole('link', { name: '看更正记录' }).click();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`/changes/#${correctionId}`);
    const entry = page.locator(`li#${correctionId}`);
    expect(await entry.isVisible()).toBe(true);
    const text = await entry.textContent();
    expect(text).toContain('录入时两位数字颠倒');
    expect(text).toContain('测试卫生健康局');
    await page.close();
    const rss = await (await fetch(`${server!.url}/changes/rss.xml`)).text();
    expect(rss).toContain(`/changes/#${correctionId}</link>`);
  });

  it('puts the public address in canonical and og tags, QR codes, the sitemap, RSS, citations and embed code', async () => {
    const dist = join(dir, 'dist');
    const text = (path: string) => readFileSync(join(dist, path), 'utf8');
    const page = (path: string) => parse(text(join(path, 'index.html')));
    const at = (path: string) => new URL(path.replace(/^\//, ''), SITE_URL).href;

    // Share cards and canonical links, on a page of each kind.
    const groupPage = `/groups/${group.id}/`;
    for (const path of ['/', groupPage, '/indicators/in-county-visit-rate/', `/updates/${updateId}/`]) {
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
    expect(text('sitemap-0.xml')).toContain(`<loc>${at(groupPage)}</loc>`);
    expect(text('updates/rss.xml')).toContain(at(`/updates/${updateId}/`));

    // Citations end with the page's public address; embed code points at the public embed view.
    expect(page(groupPage).querySelector('[data-citation]')?.textContent.trim().endsWith(` ${at(groupPage)}.`)).toBe(true);
    expect(page(groupPage).querySelector('[data-preview-note]')).toBeNull();
    const embed = page('/indicators/in-county-visit-rate/').querySelector('[data-embed-code]')?.textContent ?? '';
    expect(embed).toContain(`src="${at('/embed/indicators/in-county-visit-rate/')}"`);

    // And nothing anywhere carries a local address.
    const local = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => /\.(html|xml|csv|json|svg|txt)$/.test(f) && !f.startsWith('search-index') && /localhost|127\.0\.0\.1/.test(text(f)));
    expect(local).toEqual([]);
  });

  // The one end-to-end case of bad input (every class of it is tests/unit/publishing-bad-input.test.ts, in-process):
  // check fails, so the build fails before Astro starts, and dist/ stays byte-for-byte as it was.
  it('breaks one file and sees a clear error from check and from build, with the built site left exactly as it was', async () => {
    const before = hashFolder(join(dir, 'dist'));
    const restore = editJson(dir, 'data/observations/figures.json', (o) => (o[0].value = '4,321'));
    const message = new RegExp(`✗ data/observations/figures\\.json:\\d+ — 条目 entry “${figureId}” — 字段 field “value” — 应为数字，实际是文字`);
    const check = await runNpm(dir, 'check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(message);
    expect(check.stderr).toContain('未发布');
    const built = await runNpm(dir, 'build');
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(message);
    expect(built.stderr).toContain('怎么改：');
    expect(built.stderr).toContain('dist/ 保持不变');
    expect(hashFolder(join(dir, 'dist'))).toBe(before);
    expect(existsSync(join(dir, '.build-staging')) ? readdirSync(join(dir, '.build-staging')) : []).toEqual([]);
    restore();
  });
});
