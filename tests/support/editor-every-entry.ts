/**
 * Saving existing entries unchanged in the editor's interface (tests/build/editor-ui-every-entry.test.ts takes one
 * entry of each kind and shape, tests/sweep/editor-every-entry.test.ts every entry): no form may refuse an entry for
 * what the form itself does to it.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { e2eBrowser } from './editor-chromium';
import { startEditorUi, type EditorUiServer } from './editor-ui';

/** The editor's interface on a copy of the data, and Chromium: started before a file's tests, closed after them. */
export function editorUiInBrowser(): { readonly server: EditorUiServer; readonly browser: Browser } {
  const env = {} as { server: EditorUiServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startEditorUi();
    env.browser = await e2eBrowser();
  }, 300_000);
  afterAll(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export interface ListedEntry {
  kind: string;
  id: string;
  label: string;
}

/** Every entry the editor lists (GET /api/entries). */
export async function listedEntries(url: string): Promise<ListedEntry[]> {
  return ((await (await fetch(`${url}/api/entries`)).json()) as { items: ListedEntry[] }).items;
}

/** The fields an entry holds and the type of each value: list positions folded, an empty list marked as empty. */
function shapeOf(value: unknown, at = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    out.add(`${at}[]${value.length ? '' : ' empty'}`);
    for (const item of value) shapeOf(item, `${at}[]`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) shapeOf(item, `${at}.${key}`, out);
  } else out.add(`${at}: ${typeof value}`);
  return out;
}

/**
 * One entry of each kind and shape: the first entry (in the editor's list order) of every distinct set of fields and
 * value types, read from the entries as the editor stores them. A form's behaviour follows the fields an entry has,
 * so these reach every path the forms take with the site's data (68 of 339 entries on 2026-12-07).
 */
export async function oneOfEachShape(url: string, items: ListedEntry[]): Promise<ListedEntry[]> {
  const seen = new Set<string>();
  const picked: ListedEntry[] = [];
  for (const item of items) {
    const stored = (await (await fetch(`${url}/api/entries/${item.kind}/${encodeURIComponent(item.id)}`)).json()) as { entry: unknown };
    const key = `${item.kind}\n${[...shapeOf(stored.entry)].sort().join('\n')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(item);
  }
  return picked;
}

/**
 * Opens each entry's form and saves it unchanged, in three tabs side by side (as three colleagues would, each a third
 * of the entries); returns the entries refused, with the editor's message.
 */
export async function saveUnchanged(url: string, browser: Browser, items: ListedEntry[]): Promise<string[]> {
  const refused: string[] = [];
  const tabs = 3;
  await Promise.all(
    Array.from({ length: tabs }, async (_, tab) => {
      const page = await browser.newPage();
      await page.goto(`${url}/`);
      await page.getByLabel('查找').waitFor();
      for (const item of items.filter((_, i) => i % tabs === tab)) {
        // Within the app, as a click on the list does, without loading the page again for each entry.
        await page.evaluate((path) => {
          history.pushState(null, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
        }, `/edit/${item.kind}/${encodeURIComponent(item.id)}`);
        await page.locator(`form[data-entry="${item.kind}/${item.id}"]`).waitFor();
        await page.getByRole('button', { name: '保存', exact: true }).click();
        const notice = page.locator('.status-area .notice').first();
        await notice.waitFor({ timeout: 30_000 });
        const text = await notice.innerText();
        if (!text.startsWith('已保存')) refused.push(`${item.kind}/${item.id}: ${text}`);
      }
      await page.close();
    }),
  );
  return refused;
}
