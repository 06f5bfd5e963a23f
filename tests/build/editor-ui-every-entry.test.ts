/**
 * Existing entries' forms, opened in the editor and saved unchanged, are accepted: no form of any kind is refused for
 * what the form itself does to the entry. Here one entry of each kind and shape (every set of fields the data holds);
 * every entry in `npm run test:full` (tests/sweep/editor-every-entry.test.ts). And every visible field of a group and
 * an institution form, reached from the first page, has a Chinese label and no English words.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorUiInBrowser, listedEntries, oneOfEachShape, saveUnchanged } from '../support/editor-every-entry';

const env = editorUiInBrowser();

/** Names of the visible form controls that are not labelled in Chinese (or carry English words). */
async function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main input, main select, main textarea, main button')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const labelled = el.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      const name = (el.getAttribute('aria-label') ?? labelled ?? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ')) || (el.tagName === 'BUTTON' ? el.textContent : '') || '';
      if (!/\p{Script=Han}/u.test(name) || /[A-Za-z]{3,}/.test(name)) bad.push(`${el.tagName.toLowerCase()}#${el.id}: "${name}"`);
    }
    return bad;
  });
}

describe('every entry in the editor', () => {
  it('finds a group and an institution from the first page, every field labelled in Chinese, and saves each unchanged', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const [query, name] of [
      ['gaomi', '高密市高康医疗集团'],
      ['麻屯', '麻屯镇卫生院'],
    ]) {
      await page.goto(`${env.server.url}/`);
      await page.getByLabel('查找').fill(query);
      await page.getByRole('link', { name, exact: true }).first().click();
      await page.getByRole('button', { name: '保存', exact: true }).waitFor();
      expect(await unlabelled(page)).toEqual([]);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => page.locator('.status-area').innerText(), { timeout: 30_000 }).toContain('已保存');
    }
    // Every kind's new form, from its ＋ button, with a row of each list added.
    await page.goto(`${env.server.url}/`);
    await page.locator('.new-links a').first().waitFor();
    const kinds = await page.locator('.new-links a').allInnerTexts();
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    for (const kind of kinds) {
      await page.goto(`${env.server.url}/`);
      await page.getByRole('link', { name: kind }).click();
      await page.getByRole('button', { name: '保存', exact: true }).waitFor();
      for (const add of await page.locator('fieldset.rows > button').all()) await add.click();
      expect([kind, await unlabelled(page)]).toEqual([kind, []]);
    }
    await page.close();
  }, 180_000);

  it('saves one existing entry of each kind and shape unchanged', async () => {
    const items = await listedEntries(env.server.url);
    expect(items.length).toBeGreaterThan(200);
    const sample = await oneOfEachShape(env.server.url, items);
    // Every kind the editor lists is in the sample (every entry is saved in tests/sweep/editor-every-entry.test.ts).
    expect(new Set(sample.map((i) => i.kind))).toEqual(new Set(items.map((i) => i.kind)));
    expect(await saveUnchanged(env.server.url, env.browser, sample)).toEqual([]);
  }, 600_000);
});
