/**
 * What the editor's end-to-end tests start from (tests/build/editor-publish.test.ts, editor-ui-lan.test.ts): a
 * throwaway copy of the project (with `published`, its site published in it: tests/support/publishing.ts
 * `builtProject`), `npm run edit`'s server on it serving the built interface, and Chromium; all of it started before a
 * file's tests and removed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { e2eBrowser } from './editor-chromium';
import { builtProject, makeProject, removeProject } from './publishing';
import { startEditor, type Editor, type EditorOptions } from '../../src/editor/server/server';
import { addUser } from '../../src/editor/server/accounts';
import type { Role } from '../../src/editor/server/accounts';
import { buildEditorUi } from '../../src/editor/ui/build';

export interface EditorProject {
  /** The project copy's folder. */
  readonly dir: string;
  readonly editor: Editor;
  readonly browser: Browser;
  /** The editor's address without its trailing slash, on 127.0.0.1. */
  readonly url: string;
}

/**
 * `options` go to startEditor (e.g. `lan`, `localUser`); `users` are added to the copy before the server starts;
 * `published` gives the copy a published site (dist/ and its manifest), so its builds are incremental.
 */
export function editorProject(options: Omit<EditorOptions, 'root'> & { users?: { name: string; role: Role; password: string }[]; published?: boolean } = {}): EditorProject {
  const env = {} as { dir: string; editor: Editor; browser: Browser; url: string };
  beforeAll(async () => {
    const { users = [], published = false, ...editorOptions } = options;
    env.dir = published ? (await builtProject()).dir : makeProject();
    for (const user of users) await addUser(env.dir, user.name, user.role, user.password);
    const [uiDir, browser] = await Promise.all([buildEditorUi(), e2eBrowser()]);
    env.browser = browser;
    env.editor = await startEditor({ port: 0, previewPort: 0, uiDir, ...editorOptions, root: env.dir });
    env.url = env.editor.url.replace(/\/$/, '').replace(/\/\/[^:/]+/, '//127.0.0.1');
  }, 600_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.editor?.close();
    if (env.dir) removeProject(env.dir);
  });
  return env;
}
