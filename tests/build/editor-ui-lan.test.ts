/**
 * The editor for several staff (LAN mode), in Chromium at phone width: the interface asks for a login first; a wrong
 * password is answered in Chinese; an editor (编辑) who signs in sees the entries, saves, and is told that publishing
 * is for a reviewer (审核).
 */
import { describe, expect, it } from 'vitest';
import { editorProject } from '../support/editor-project';
import { fill, save } from '../support/editor-ui-forms';

const project = editorProject({ lan: true, hosts: ['127.0.0.1'], users: [{ name: '李四', role: 'editor', password: 'mima-12345678' }] });

describe('the editor in LAN mode', () => {
  it('asks for a login, refuses a wrong password in Chinese, and lets an editor save but not publish', async () => {
    const page = await project.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${project.url}/`);
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
