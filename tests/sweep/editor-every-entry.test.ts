/**
 * Every existing entry's form, opened in the editor and saved unchanged, is accepted (`npm run test:full`; `npm test`
 * saves one entry of each kind and shape, tests/build/editor-ui-every-entry.test.ts).
 */
import { expect, it } from 'vitest';
import { editorUiInBrowser, listedEntries, saveUnchanged } from '../support/editor-every-entry';

const env = editorUiInBrowser();

it('saves every existing entry of every kind unchanged', async () => {
  const items = await listedEntries(env.server.url);
  expect(items.length).toBeGreaterThan(200);
  expect(await saveUnchanged(env.server.url, env.browser, items)).toEqual([]);
}, 900_000);
