/**
 * Every existing entry's form, opened in the editor and saved unchanged, is accepted (`npm run test:full`; `npm test`
 * saves one entry of each kind and shape, tests/build/editor-ui-every-entry.test.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startEditorUi, type EditorUiServer } from '../support/editor-ui';
import { listedEntries, saveUnchanged } from '../support/editor-every-entry';

let server: EditorUiServer;
let browser: Browser;

beforeAll(async () => {
  server = await startEditorUi();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('saves every existing entry of every kind unchanged', async () => {
  const items = await listedEntries(server.url);
  expect(items.length).toBeGreaterThan(200);
  expect(await saveUnchanged(server.url, browser, items)).toEqual([]);
}, 900_000);
