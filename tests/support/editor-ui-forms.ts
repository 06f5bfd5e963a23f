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
