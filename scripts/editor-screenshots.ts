/**
 * `npx tsx scripts/editor-screenshots.ts`: the screenshots of docs/编辑指南.md, taken from the real editor (the React
 * interface served by `npm run edit`'s server) in Chromium through playwright-core. Works on a throwaway copy of the
 * project (its own git repository, so history shows), performs each task of the guide as a staff member would, and
 * writes docs/images/editor/*.png. Needs /usr/bin/chromium (or CHROME_PATH) and fonts-noto-cjk for the Chinese text.
 * Values typed are marked 示例 (examples), never presented as facts.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startEditor } from '../src/editor/server/server';
import { addUser } from '../src/editor/server/accounts';
import { Git } from '../src/editor/server/git';
import { buildEditorUi } from '../src/editor/ui/build';

const ROOT = resolve('.');
const OUT = join(ROOT, 'docs/images/editor');
const PARTS = ['src', 'public', 'scripts', 'templates', 'data', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

const dir = mkdtempSync(join(tmpdir(), 'yigongti-screenshots-'));
for (const part of PARTS) if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
const git = new Git(dir);
await git.ensureRepository();
await git.run(['add', '-A']);
await git.run(['commit', '-qm', '网站内容'], '技术人员');
mkdirSync(OUT, { recursive: true });

const uiDir = await buildEditorUi();
const editor = await startEditor({ root: dir, port: 0, uiDir, localUser: '张编辑' });
await addUser(dir, '李审核', 'reviewer', 'screenshot-only-password');
const lan = await startEditor({ root: dir, port: 0, uiDir, lan: true, hosts: ['127.0.0.1'] });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
const page = await browser.newPage({ viewport: DESKTOP, deviceScaleFactor: 1, locale: 'zh-CN' });
const taken: string[] = [];
/** The address of the notice saved in task 02, for its history after publication. */
let notice = '';
const failed: string[] = [];

const go = async (path: string, base = editor.url) => {
  await page.goto(new URL(path, base).href);
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
};
const shot = async (name: string, target?: string) => {
  const file = join(OUT, `${name}.png`);
  if (target) await page.locator(target).first().screenshot({ path: file });
  else await page.screenshot({ path: file });
  taken.push(file);
};
/** Scrolls a heading (or any text) to the top of the window before a screenshot of what follows it. */
const scrollTo = async (text: string | RegExp) => {
  const heading = page.getByRole('heading', { name: text });
  const target = (await heading.count()) ? heading.first() : page.locator('legend, h2, h3').filter({ hasText: text }).first();
  await target.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -12));
};
const fill = (label: string | RegExp, value: string) => page.getByLabel(label).first().fill(value);
/** A reference picker: type part of the name, then click the match. */
const pick = async (label: string | RegExp, typed: string, option: string | RegExp = typed) => {
  await page.getByRole('combobox', { name: label }).first().fill(typed);
  await page.getByRole('option', { name: option }).first().click();
};
const save = async () => {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.waitForTimeout(2500);
};
/** One task of the guide: a failure is reported and the next task still runs. */
async function task(name: string, work: () => Promise<void>) {
  try {
    await work();
    console.log(`✓ ${name}`);
  } catch (error) {
    failed.push(name);
    console.error(`✗ ${name}: ${String((error as Error).message).split('\n')[0]}`);
  }
}

await task('01 the list', async () => {
  await go('/');
  await shot('01-list');
  await fill('查找', '资中');
  await page.waitForTimeout(400);
  await shot('01-list-search');
});

await task('02 a notice with a link', async () => {
  await go('/edit/updates/new');
  await fill(/^标题/, '示例：资中县家庭医生签约服务的通知');
  await fill(/^日期/, '2026-12-01');
  await fill(/一句话摘要/, '示例：说明怎样在本站发布一条带链接的通知。');
  await page.getByLabel('正文', { exact: true }).and(page.locator('textarea')).first().fill('通知全文见[资中县医共体建设文件摘要](/documents/zizhong-2024-yigongti/)。');
  await shot('02-notice-form');
  await save();
  notice = page.url();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('02-notice-saved');
});

await task('03 a township health centre with phone and address, added to a roster', async () => {
  await go('/edit/institutions/new');
  await fill(/^名称/, '示例镇卫生院');
  await page.getByLabel(/^类型/).first().selectOption({ label: '乡镇卫生院' }).catch(() => page.getByLabel(/^类型/).first().selectOption({ index: 3 }));
  await pick(/^所在地区/, '资中', /资中县/);
  await page.getByRole('button', { name: '添加一项电话' }).click();
  await page.waitForTimeout(200);
  await scrollTo('联系方式');
  await shot('03-health-centre-contacts');
  await go('/edit/groups/zizhong-people-hospital-group');
  await page.getByRole('button', { name: '添加一项成员单位' }).click();
  await page.waitForTimeout(200);
  await scrollTo(/^成员单位$/);
  await shot('03-roster-add-member');
});

await task('04 a figure citing a new document', async () => {
  await go('/edit/documents/new');
  await shot('04-new-document');
  await go('/edit/observations/new');
  await shot('04-figure-form');
});

await task('05 three typical mistakes, each beside its field', async () => {
  await go('/edit/observations/new');
  await fill(/^时期/, '2024年8月');
  await fill(/^数值/, '九十');
  await pick(/^指标/, '家庭医生', /家庭医生/).catch(() => undefined);
  await save();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('05-mistakes-summary');
  // The first field marked wrong, with its message beside it.
  await page.locator('[aria-invalid="true"]').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await shot('05-mistakes');
  await page.getByLabel(/^数值/).first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await shot('05-mistakes-value');
});

await task('06 a correction of a published figure', async () => {
  await go('/edit/corrections/new');
  await shot('06-correction-form');
});

await task('07 importing a spreadsheet with one bad row', async () => {
  const csv = [
    '编号 id,指标 indicator,对象类型 subject_type,对象 subject,时期 period,时期说明 period_label,数值 value,类型 kind,限定 qualifier,说明 note,来源文件 document,来源位置 section,摘录 excerpt',
    ',family-doctor-teams,地区,资中,2024-08,累计（截至2024年8月）,369,实际,,,zizhong-2024-yigongti,聚焦“三个突出”促进能力提升（二）,全县累计组建家庭医生服务团队369支',
  ].join('\n');
  const file = join(dir, '示例导入.csv');
  writeFileSync(file, `\uFEFF${csv}\n`);
  await go('/edit/import');
  await page.getByLabel(/表格文件/).setInputFiles(file);
  await page.getByRole('button', { name: '检查表格' }).click();
  await page.getByText(/处问题/).first().waitFor({ timeout: 120_000 });
  await shot('07-import-problems');
  // Fixed in the spreadsheet (资中 → 资中县), uploaded and checked again.
  const fixed = join(dir, '示例导入（改好）.csv');
  writeFileSync(fixed, `\uFEFF${csv.replace(',地区,资中,', ',地区,资中县,')}\n`);
  await page.getByLabel(/表格文件/).setInputFiles(fixed);
  await page.getByRole('button', { name: '检查表格' }).click();
  await page.getByText(/检查通过/).first().waitFor({ timeout: 120_000 });
  await shot('07-import-fixed');
});

await task('09 publish', async () => {
  await go('/edit/publish');
  await shot('09-publish');
  await page.locator('main').getByRole('button', { name: /发布/ }).first().click();
  await page.waitForTimeout(6000);
  await shot('09-publish-running');
  await page.getByText(/发布完成|没有成功/).first().waitFor({ timeout: 400_000 });
  await shot('09-publish-done');
});

await task('10 history of an entry, with who wrote and who approved', async () => {
  await page.goto(notice || new URL('/edit/regions/zizhong', editor.url).href);
  await page.locator('h1').first().waitFor();
  await scrollTo('修改记录');
  await page.waitForTimeout(800);
  await shot('10-history');
});

await task('11 LAN mode: sign in', async () => {
  await go('/edit/login', lan.url);
  await shot('11-login');
});

await task('12 on a phone', async () => {
  await page.setViewportSize(PHONE);
  await go('/');
  await shot('12-phone-list');
  await go('/edit/institutions/new');
  await shot('12-phone-form');
});

await browser.close();
await editor.close();
await lan.close();
rmSync(dir, { recursive: true, force: true });
console.log(`${taken.length} screenshots in docs/images/editor/${failed.length ? `; not done: ${failed.join(', ')}` : ''}`);
process.exit(failed.length ? 1 : 0);
