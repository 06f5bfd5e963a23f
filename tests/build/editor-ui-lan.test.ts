/**
 * The editor for several staff (LAN mode), in Chromium at phone width: the interface asks for a login first; a wrong
 * password is answered in Chinese; an editor (编辑) who signs in sees the entries, saves, and is told that publishing
 * is for a reviewer (审核).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { makeProject, removeProject } from '../support/publishing';
import { startEditor, type Editor } from '../../src/editor/server/server';
import { addUser } from '../../src/editor/server/accounts';
import { buildEditorUi } from '../../src/editor/ui/build';
import { fill, save } from '../support/editor-ui-forms';

let dir: string;
let editor: Editor;
let browser: Browser;

beforeAll(async () => {
  dir = makeProject();
  await addUser(dir, '李四', 'editor', 'mima-12345678');
  editor = await startEditor({ root: dir, port: 0, previewPort: 0, lan: true, hosts: ['127.0.0.1'], uiDir: await buildEditorUi() });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await editor?.close();
  if (dir) removeProject(dir);
});

describe('the editor in LAN mode', () => {
  it('asks for a login, refuses a wrong password in Chinese, and lets an editor save but not publish', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const base = editor.url.replace(/\/$/, '').replace(/\/\/[^:/]+/, '//127.0.0.1');
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.getByLabel('用户名').fill('李四');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    const refused = page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByLabel('密码').fill('mima-12345678');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('李四（编辑）').waitFor();

    await page.getByLabel('查找').fill('麻屯');
    await page.getByRole('link', { name: '麻屯镇卫生院', exact: true }).click();
    await fill(page, '说明', '李四核对过。');
    expect((await save(page)).text).toContain('已保存');

    await page.getByRole('link', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect.poll(() => page.locator('.notice.error').innerText()).toContain('审核');
    await page.close();
  }, 180_000);
});
