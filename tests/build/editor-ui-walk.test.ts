/**
 * What a county staff member met in the editor (the walk of 2026-12-07, issue 26): a row just added showed 请填写这一项
 * before anything was typed; an address filled without its source was counted as a mistake but shown nowhere; a
 * figure typed as 92.3% for an indicator counted in 个 was saved as 92.3 个. Each is tried here as a person does it,
 * on the UI's stand-in server (no build, no git).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { e2eBrowser } from '../support/editor-chromium';
import { startEditorUi, type EditorUiServer } from '../support/editor-ui';
import { addRow, choose, field, fill, newZizhongGroupCount, openNew, pick, save } from '../support/editor-ui-forms';

let server: EditorUiServer;
let browser: Browser;
let page: Page;
const failed: string[] = [];

beforeAll(async () => {
  server = await startEditorUi();
  browser = await e2eBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // Every address the pages ask for answers (a save refused with 422 is an answer the page shows, not a broken call).
  page.on('response', (r) => {
    if (r.status() >= 400 && r.status() !== 422) failed.push(`${r.status()} ${r.url()}`);
  });
  // A call cut short by leaving the page (the id proposed while typing, then 保存 navigates) is not a failure.
  page.on('requestfailed', (r) => {
    if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) failed.push(`failed ${r.url()} ${r.failure()?.errorText}`);
  });
  // The browser's own requests (the page icon) show only as console errors.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 422/.test(m.text())) failed.push(m.text());
  });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The errors shown in the form, each with the label or legend of what it stands beside. */
const shownErrors = () =>
  page.locator('form p.error').evaluateAll((ps) =>
    ps.filter((p) => (p as HTMLElement).offsetParent !== null).map((p) => `${p.parentElement?.querySelector(':scope > label, :scope > legend')?.textContent ?? '?'}：${p.textContent}`),
  );

describe('mistakes are shown where they are, and only once they are mistakes', () => {
  it('a new phone row is quiet until a save is tried; then every counted mistake stands beside its field', async () => {
    await openNew(page, server.url, '医疗机构');
    await fill(page, '名称', '测试镇卫生院');
    await choose(page, '类型', '乡镇卫生院');
    await pick(page, '所在地区', '孟津', /^孟津县/);
    const row = await addRow(page, 'contacts.phones');
    await row.getByLabel(/^电话号码/).waitFor();
    expect(await row.locator('.error').count()).toBe(0);
    // The address typed without where it comes from.
    await page.locator('#f-contacts_address_text').fill('洛阳市孟津区测试街1号');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const notice = page.locator('.status-area .notice.error');
    await notice.waitFor();
    const counted = Number((await notice.innerText()).match(/还有 (\d+) 处/)?.[1]);
    const shown = await shownErrors();
    expect(shown.length).toBe(counted);
    // Among them: the phone's number, the address's source (a group of fields, not one field) and its date.
    expect(shown.some((s) => s.startsWith('电话号码'))).toBe(true);
    expect(await page.locator('#f-contacts_address_source').locator(':scope > p.error').innerText()).toContain('请填写');
    expect(await page.locator('#f-contacts_address_source').getAttribute('aria-describedby')).toBe('f-contacts_address_source-error');
    // The address may be left out, but its source may not once the address is written: not marked 可不填.
    expect(await page.locator('#f-contacts_address > legend').innerText()).toContain('可不填');
    expect(await page.locator('#f-contacts_address_source > legend').innerText()).not.toContain('可不填');
    expect(shown.join('\n')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('a glossary rule’s parts of a group are ticked by their Chinese names, never typed as the file’s English words', async () => {
    await openNew(page, server.url, '名词解释');
    const row = await addRow(page, 'statements');
    const parts = row.locator('fieldset.choices');
    const names = await parts.locator('label').allInnerTexts();
    expect(names.map((n) => n.trim()).sort()).toEqual(['服务', '上转（转到上级医院）', '下转（转回基层）', '转诊病人的便利', '绿色通道', '留在基层看的病'].sort());
    expect(await parts.innerText()).not.toMatch(/[A-Za-z]{2,}/);
    await parts.getByLabel('上转（转到上级医院）').check();
    await parts.getByLabel('下转（转回基层）').check();
    await parts.getByLabel('上转（转到上级医院）').uncheck();
    expect(await parts.getByRole('checkbox', { checked: true }).count()).toBe(1);
  });

  it('92.3% for an indicator counted in 个 is named beside 数值, and nothing is written', async () => {
    const file = join(server.root, 'data/observations/zizhong-2024-yigongti.json');
    const before = readFileSync(file, 'utf8');
    const writes = server.writes.length;
    await newZizhongGroupCount(page, server.url, { period: '2025', value: '９２.３%', excerpt: '医共体92.3%', document: /资中/ });
    const verdict = await save(page);
    expect(verdict.ok).toBe(false);
    const error = page.locator('.field', { has: field(page, '数值') }).locator('.error');
    await expect.poll(() => error.innerText()).toContain('“个”');
    expect(server.writes.length).toBe(writes);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // Written as the count it is, it passes this check (the excerpt check then decides on save).
    await fill(page, '数值', '2');
    await expect.poll(() => error.count()).toBe(0);
  });

  it('an entry with a mistake made outside the editor is marked on the first page, found with 只看有问题的, and opened', async () => {
    const file = join(server.root, 'data/regions/regions.json');
    const before = readFileSync(file, 'utf8');
    try {
      const regions = JSON.parse(before) as { id: string; name: string }[];
      regions.find((r) => r.id === 'gaomi')!.name = '';
      writeFileSync(file, JSON.stringify(regions, null, 2));
      await page.goto(`${server.url}/`);
      await page.getByLabel(/^只看有问题的/).check();
      const entries = page.locator('ul.entries li');
      await expect.poll(() => entries.count()).toBe(1);
      expect(await entries.first().innerText()).toContain('有问题，需要修改');
      await entries.first().getByRole('link').click();
      await page.getByRole('button', { name: '保存', exact: true }).waitFor();
      expect(page.url()).toMatch(/\/edit\/regions\/gaomi$/);
    } finally {
      writeFileSync(file, before);
    }
  });

  it('two tabs saving one entry: the second is told, sees its own change, reloads the first one’s and saves both', async () => {
    const file = join(server.root, 'data/regions/regions.json');
    const second = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const p of [page, second]) {
        await p.goto(`${server.url}/edit/regions/gaomi`);
        await p.getByRole('button', { name: '保存', exact: true }).waitFor();
      }
      await fill(page, '说明', '第一位同事写的说明。');
      expect((await save(page)).ok).toBe(true);
      await fill(second, '别名', '高密');
      const refused = await save(second);
      expect(refused.ok).toBe(false);
      expect(refused.text).toContain('别人已经修改了这一条');
      const mine = second.locator('.changes');
      expect(await mine.innerText()).toContain('别名');
      expect(await mine.innerText()).toContain('高密');
      await second.getByRole('button', { name: '载入别人保存的最新版本' }).click();
      await expect.poll(() => field(second, '说明').inputValue()).toBe('第一位同事写的说明。');
      // Her own change is still on screen to type again; then both are kept.
      expect(await mine.innerText()).toContain('高密');
      await fill(second, '别名', '高密');
      await second.getByRole('button', { name: '保存', exact: true }).click();
      // Saved: her list of unsaved changes goes away.
      await expect.poll(() => mine.count()).toBe(0);
      expect(await second.locator('.status-area .notice').first().innerText()).toContain('已保存');
      const gaomi = (JSON.parse(readFileSync(file, 'utf8')) as { id: string; note?: string; aliases?: string[] }[]).find((r) => r.id === 'gaomi')!;
      expect(gaomi.note).toBe('第一位同事写的说明。');
      expect(gaomi.aliases).toContain('高密');
    } finally {
      await second.close();
    }
  });

  it('met no failed request and no browser error on the way', () => {
    expect(failed).toEqual([]);
  });
});
