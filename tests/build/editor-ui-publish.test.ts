/**
 * From the editor's interface to the built site: in a throwaway copy of the project, a staff member adds a township
 * health centre (with phone and address) in Chromium, builds, and finds it with its phone on its page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { build, makeProject, removeProject } from '../support/publishing';
import { startEditorUi, type EditorUiServer } from '../support/editor-ui';
import { addRow, fill, openNew, pick, save, choose } from '../support/editor-ui-forms';

let dir: string;
let server: EditorUiServer;
let browser: Browser;

beforeAll(async () => {
  dir = makeProject();
  server = await startEditorUi(dir);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
  if (dir) removeProject(dir);
});

describe('an institution added in the editor', () => {
  it('is on the built site with its phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openNew(page, server.url, '医疗机构');
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
    await page.close();

    const built = await build(dir);
    expect(built.status, built.output).toBe(0);
    const html = readFileSync(join(dir, 'dist/institutions/ce-shi-zhen-wei-sheng-yuan/index.html'), 'utf8');
    expect(html).toContain('测试镇卫生院');
    expect(html).toContain('0832-5512345');
  }, 900_000);
});
