/**
 * The editor checks an update's or digest's body while it is typed, by the rules `npm run check` applies to a saved
 * file: for each class of content the policy refuses, the answer names the line, and a body check passes exactly
 * when the same body saved in a file passes validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleEntriesApi, type ApiContext } from '../../src/editor/api';
import { validateDataset } from '../../src/data/validate';
import { readSourceFiles } from '../../src/data/read-sources';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'body-check-'));
  for (const folder of ['data', 'content', 'public']) cpSync(folder, join(root, folder), { recursive: true });
  mkdirSync(join(root, 'public/images'), { recursive: true });
  // A real PNG's signature and header, so the public/ check takes it for the image it claims to be.
  writeFileSync(join(root, 'public/images', image), readFileSync('public/og.png'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
const call = (body: unknown, method = 'POST') => {
  const ctx: ApiContext = { method, path: '/api/body/check', query: new URLSearchParams(), body, user: null, root, onWrite: async () => undefined };
  return handleEntriesApi(ctx) as Promise<{ status: number; json: any }>;
};

const image = 'chart.png';
const bad: Record<string, string> = {
  'an import statement': "import x from './x.mjs'\n\n正文",
  'an export statement': 'export const a = 1\n\n正文',
  'an expression': '第一段\n\n{process.exit(1)}',
  'a raw HTML element': '第一段\n\n<script>alert(1)</script>',
  'a JSX component': '第一段\n\n<Chart data={1} />',
  'a javascript: link': '看[这里](javascript:alert(1))',
  'a relative image path': '![图](../../public/images/chart.mjs)',
  'an image that public/ does not hold': '![图](/images/no-such-picture.png)',
  'a backslash image path': '![图](\\public\\images\\chart.mjs)',
  'a duplicate image definition': '![图表][c]\n\n[c]: ../../public/images/chart.mjs\n[c]: /images/chart.png',
};

/** What validation says of the same body saved as an update file. */
function validationOf(body: string) {
  const files = readSourceFiles(root);
  const text = readFileSync(join(root, 'content/updates', readdirSync(join(root, 'content/updates'))[0]), 'utf8');
  const frontmatter = text.match(/^---\n[\s\S]*?\n---\n/)![0];
  const path = 'content/updates/body-check-probe.mdx';
  const edited = { ...files, mdx: { ...files.mdx, updates: [...files.mdx.updates, { path, text: frontmatter + body }] } };
  return validateDataset(edited).problems.filter((p) => p.file === path);
}

describe('the editor checks a body while it is typed', () => {
  it('passes a body that uses only what the site allows', async () => {
    const body = `## 小标题\n\n**加粗**和*强调*，[链接](https://www.nhc.gov.cn/)。\n\n- 一\n- 二\n\n> 引用\n\n![说明](/images/${image})`;
    const got = await call({ body });
    expect(got.status).toBe(200);
    expect(got.json.problems).toEqual([]);
    expect(validationOf(body)).toEqual([]);
  });

  for (const [what, body] of Object.entries(bad)) {
    it(`names the line of ${what}, as check does on save`, async () => {
      const got = await call({ body });
      expect(got.status).toBe(200);
      expect(got.json.problems.length).toBeGreaterThan(0);
      for (const p of got.json.problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.line).toBeLessThanOrEqual(body.split('\n').length);
        expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      const saved = validationOf(body);
      expect(saved.length).toBeGreaterThan(0);
      expect(got.json.problems.map((p: { zh: string }) => p.zh)).toEqual(saved.map((p) => p.zh));
    });
  }

  it('refuses what is not a body, and other methods', async () => {
    expect((await call({ body: 42 })).json.problems[0].zh).toContain('没有收到正文');
    expect((await call({ body: 'x'.repeat(300_000) })).json.problems[0].zh).toContain('太长');
    expect((await call({ body: 'x' }, 'GET')).status).toBe(405);
  });
});
