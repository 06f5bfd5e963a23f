/**
 * An editor previewing with `npm run dev` sees a data change without restarting: data/ is read outside Astro's
 * content store, so src/integrations/data-reload.ts must tell the dev server. Runs in a throwaway copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, removeProject } from '../support/publishing';

let dir: string;
let server: ChildProcess;
let url: string;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const page = async (path: string) => {
  const response = await fetch(url + path);
  return response.ok ? response.text() : undefined;
};

/** The group whose page is watched: the first of the first groups file. */
let file: string;

beforeAll(async () => {
  dir = makeProject();
  file = join(dir, 'data/groups', readdirSync(join(dir, 'data/groups')).filter((f) => f.endsWith('.json')).sort()[0]);
  const { id } = JSON.parse(readFileSync(file, 'utf8'))[0];
  const port = 4400 + Math.floor(Math.random() * 500);
  url = `http://127.0.0.1:${port}`;
  server = spawn(join(dir, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: 'ignore',
    detached: true,
  });
  // Ready when the watched page renders (not the home page, which would compile and render what this test never reads).
  await waitFor('the dev server', () => page(`/groups/${id}/`), 90_000);
});

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (dir) removeProject(dir);
});

describe('npm run dev', () => {
  it('shows a changed group name on the next load, without a restart', async () => {
    const groups = JSON.parse(readFileSync(file, 'utf8'));
    const { id, name } = groups[0];
    expect(await page(`/groups/${id}/`)).toContain(name);

    const renamed = `${name}（改名测试）`;
    groups[0].name = renamed;
    writeFileSync(file, JSON.stringify(groups, null, 2));
    const html = await waitFor('the new name', async () => {
      const text = await page(`/groups/${id}/`);
      return text?.includes(renamed) ? text : undefined;
    });
    expect(html).toContain(renamed);
  });
});
