/** Filling the editor's forms as a person does: by the Chinese labels, picking references by typing a name. */
import type { Locator, Page } from 'playwright-core';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
type Scope = Page | Locator;

/** The text field labelled so (a required field's label ends in （必填）). */
export const field = (scope: Scope, label: string) => scope.getByLabel(new RegExp(`^${escape(label)}(（必填）|（可不填）)?$`));

export async function fill(scope: Scope, label: string, value: string) {
  await field(scope, label).first().fill(value);
}

export async function choose(scope: Scope, label: string, option: string) {
  await field(scope, label).first().selectOption({ label: option });
}

/** Picks an entry in a search picker: types the words, clicks the option whose text starts with `option`. */
export async function pick(scope: Scope, label: string, words: string, option: string | RegExp = words) {
  const box = scope.getByRole('combobox', { name: label, exact: true }).first();
  await box.fill(words);
  const name = typeof option === 'string' ? new RegExp(`^${escape(option)}`) : option;
  await scope.getByRole('option', { name }).first().click();
}

/** Adds a row to the list of rows at `path` (`sources`, `contacts.phones`) with its "添加一项…" button; returns the row. */
export async function addRow(page: Page, path: string): Promise<Locator> {
  const list = page.locator(`#f-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`);
  await list.locator(':scope > button', { hasText: '添加一项' }).click();
  return list.locator(':scope > fieldset.row').last();
}

/** Saves and waits for the verdict; returns the text of the notice. */
export async function save(page: Page): Promise<{ ok: boolean; text: string }> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const notice = page.locator('.status-area .notice, .notice.error').first();
  await notice.waitFor({ timeout: 30_000 });
  const text = await notice.innerText();
  return { ok: (await notice.getAttribute('class'))?.includes('ok') ?? false, text };
}

/** Opens a new form from the first page's ＋ button. */
export async function openNew(page: Page, url: string, label: string) {
  await page.goto(`${url}/`);
  await page.getByRole('link', { name: `＋ 新建${label}` }).click();
  await page.getByRole('button', { name: '保存', exact: true }).waitFor();
}

/**
 * Opens a new figure (数据（数字）) and fills it in for Zizhong county's number of medical communities
 * (医共体数量), reported as actual, with its source: `period`, `value` and `excerpt` as typed, the source document
 * picked by `document` (its title, or a pattern of it).
 */
export async function newZizhongGroupCount(page: Page, url: string, typed: { period: string; value: string; excerpt: string; document: string | RegExp }) {
  await openNew(page, url, '数据（数字）');
  await pick(page, '指标', '医共体数量', /^医共体数量/);
  await pick(page, '对象（医共体、地区或机构）', '资中县', /^资中县/);
  await fill(page, '时期', typed.period);
  await fill(page, '数值', typed.value);
  await choose(page, '类型', '实际（报告的结果）');
  const source = page.locator('#f-source');
  await pick(source, '来源文件', '资中', typed.document);
  await fill(source, '来源位置', '一、测试段落');
  await fill(source, '原文摘录', typed.excerpt);
}
