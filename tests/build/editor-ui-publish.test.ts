/**
 * From the editor's interface to the published site, in a browser only: in a throwaway copy of the project, served by
 * the editor's own server, a staff member adds a township health centre with its phone at phone width, presses 发布,
 * follows the progress to the address of the published page, and the page shows the centre and its phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { makeProject, removeProject } from '../support/publishing';
import { startEditor, type Editor } from '../../src/editor/server/server';
import { buildEditorUi } from '../../src/editor/ui/build';
import { addRow, fill, openNew, pick, save, choose } from '../support/editor-ui-forms';

let dir: string;
let editor: Editor;
let browser: Browser;

beforeAll(async () => {
  dir = makeProject();
  editor = await startEditor({ root: dir, port: 0, previewPort: 0, uiDir: await buildEditorUi(), localUser: '测试审核' });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await editor?.close();
  if (dir) removeProject(dir);
});

describe('an institution added in the editor', () => {
  it('is published from the browser, its page showing its phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openNew(page, editor.url.replace(/\/$/, ''), '医疗机构');
    await fill(page, '名称', '测试镇卫生院');
    await choose(page, '类型', '乡镇卫生院');
    await pick(page, '所在地区', '资中', '资中县');
    const source = await addRow(page, 'sources');
    await pick(source, '来源文件', '资中', /^资中县/);
    await fill(source, '来源位置', '一、测试段落');
    const phone = await addRow(page, 'contacts.phones');
    await fill(phone, '电话号码', '0832-5512345');
    await fill(phone, '用途', '预约挂号');
    await pick(phone, '来源文件', '资中', /^资中县/);
    await fill(phone, '来源位置', '一、测试段落');
    expect((await save(page)).text).toContain('已新建并保存');

    await page.getByRole('link', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const done = page.getByRole('link', { name: /^打开发布后的网站/ });
    await done.waitFor({ timeout: 600_000 });
    expect(await done.getAttribute('href')).toMatch(/^http/);
    await page.close();
    const html = readFileSync(join(dir, 'dist/institutions/ce-shi-zhen-wei-sheng-yuan/index.html'), 'utf8');
    expect(html).toContain('测试镇卫生院');
    expect(html).toContain('0832-5512345');
  }, 900_000);
});
