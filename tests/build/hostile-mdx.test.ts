/**
 * A hostile update cannot run code at build time: MDX that tries to write a marker file (through an attribute
 * expression, a spread, an export, a bare expression) fails `npm run check` and `npm run build` (both run as an editor types them) with the file named,
 * dist/ stays byte-identical and the marker never appears. `astro build` run directly (without the check that
 * `npm run build` runs first) stops too: its content config validates the same way, and the MDX pipeline's remark
 * plugin (tests/unit/mdx-policy.test.ts) runs the same policy behind it. Runs in a throwaway copy of the project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, editText, hashFolder, makeProject, removeProject, runNpm, spawnRun, type Run } from '../support/publishing';

let dir: string;
let goodDist: string;
const markers = mkdtempSync(join(tmpdir(), 'yigongti-hostile-'));

/** Code that leaves a file behind if it ever runs. */
const writes = (name: string) => `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(join(markers, name))}, "ran")`;

const FRONTMATTER = '---\ntitle: 门诊时间调整\ndate: 2024-09-02\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字。\n\n';

/** Hostile texts, each with the line (in the file) where the code is. */
const variants: { name: string; body: string; line: number }[] = [
  { name: 'attribute-expression', body: `<span title={${writes('attribute-expression')}}>x</span>\n`, line: 10 },
  { name: 'spread', body: `<Note {...{ title: ${writes('spread')} }}>x</Note>\n`, line: 10 },
  { name: 'export', body: `export const x = ${writes('export')}\n`, line: 10 },
  { name: 'flow-expression', body: `{${writes('flow-expression')}}\n`, line: 10 },
  { name: 'text-expression', body: `通知 {${writes('text-expression')}} 结束\n`, line: 10 },
  // An image whose label is defined twice: Astro uses the first definition and imports it as a module (a file at the
  // project's root that runs code when imported); a reader keeping the last saw a harmless site image.
  { name: 'image-definition', body: `![图表][c]\n\n[c]: ../../hostile-chart.mjs\n[c]: /images/chart.png\n`, line: 12 },
  { name: 'image-backslash', body: `![图表](..\\..\\hostile-chart.mjs)\n`, line: 10 },
  { name: 'import', body: `import fs from "node:fs"\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n`, line: 10 },
];

const fileOf = (name: string) => `content/updates/2024-09-02-hostile-${name}.mdx`;
const placed = (name: string) => editText(dir, fileOf(name), () => FRONTMATTER + variants.find((v) => v.name === name)!.body);

/** `astro build` alone, without the check that `npm run build` runs first, into a folder of its own. */
async function astroBuild(): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'yigongti-hostile-out-'));
  try {
    return await spawnRun(process.execPath, [join(dir, 'node_modules/astro/astro.js'), 'build'], {
      cwd: dir,
      env: { YIGONGTI_OUT_DIR: out, YIGONGTI_CACHE_DIR: join(out, '.cache') },
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** What an editor may write (docs/编辑指南.md): built into the good site, so the allowed forms are shown to work. */
const ALLOWED = {
  file: 'content/updates/2024-09-01-allowed.mdx',
  text: `${FRONTMATTER}<Note title="办理时间">\n\n每周一至周五 8:00–17:00，详见[国家卫生健康委](https://www.nhc.gov.cn/)。\n\n</Note>\n`,
};

beforeAll(async () => {
  dir = makeProject();
  // The module the image variants point at: importing it leaves a marker, and it looks like an image to Astro.
  writeFileSync(join(dir, 'hostile-chart.mjs'), `${writes('image-definition')};\nexport default { src: '/x.png', width: 1, height: 1, format: 'png' };\n`);
  editText(dir, ALLOWED.file, () => ALLOWED.text);
  const good = await build(dir);
  if (good.status !== 0) throw new Error(`the good build failed:\n${good.output.slice(-3000)}`);
  goodDist = hashFolder(join(dir, 'dist'));
}, 300_000);

afterAll(() => {
  removeProject(dir);
  rmSync(markers, { recursive: true, force: true });
});

describe('a hostile MDX update: nothing runs, nothing is published', () => {
  it('what the guide allows is built: the Note callout with its title and an https link', () => {
    const html = readFileSync(join(dir, 'dist/updates/2024-09-01-allowed/index.html'), 'utf8');
    expect(html).toMatch(/<aside class="mdx-note[^"]*"[^>]*>\s*<p class="mdx-note-title[^"]*"[^>]*>办理时间<\/p>/);
    expect(html).toContain('<a href="https://www.nhc.gov.cn/">国家卫生健康委</a>');
  });

  for (const variant of variants) {
    it(`${variant.name}: npm run check and npm run build refuse it with file and line, dist/ unchanged`, async () => {
      const restore = placed(variant.name);
      try {
        const check = await runNpm(dir, 'check');
        expect(check.status).toBe(1);
        expect(check.stderr).toContain(`✗ ${fileOf(variant.name)}:${variant.line}`);
        expect(check.stderr).toContain('怎么改：');
        expect(check.stderr).toContain('How to fix:');

        const built = await build(dir);
        expect(built.status).toBe(1);
        expect(built.stderr).toContain(`✗ ${fileOf(variant.name)}:${variant.line}`);
        expect(built.stderr).toContain('dist/ 保持不变');
        expect(hashFolder(join(dir, 'dist'))).toBe(goodDist);
        expect(existsSync(join(markers, variant.name)), 'the hostile code ran').toBe(false);
        expect(existsSync(join(markers, 'image-definition')), 'the image module ran').toBe(false);
      } finally {
        restore();
      }
    }, 120_000);
  }

  // Direct Astro builds: the policy holds even if someone skipped `npm run build`'s check.
  for (const name of ['attribute-expression', 'export', 'image-definition']) {
    it(`${name}: Astro's build itself stops at the file, before the code can run`, async () => {
      const restore = placed(name);
      try {
        const built = await astroBuild();
        expect(built.status).not.toBe(0);
        expect(built.output).toContain(`${fileOf(name)}:${variants.find((v) => v.name === name)!.line}`);
        expect(existsSync(join(markers, name)), 'the hostile code ran').toBe(false);
        expect(hashFolder(join(dir, 'dist'))).toBe(goodDist);
      } finally {
        restore();
      }
    }, 240_000);
  }

  it("Astro's MDX pipeline itself refuses code, in MDX the check never reads (a page outside content/)", async () => {
    const file = 'src/pages/hostile-page.mdx';
    const restore = editText(dir, file, () => `---\ntitle: x\n---\n\n第一段。\n\n<span title={${writes('pipeline')}}>x</span>\n`);
    try {
      const built = await astroBuild();
      expect(built.status).not.toBe(0);
      expect(built.output).toContain(`${file}:7`);
      expect(built.output).toContain('正文含有不允许的内容');
      expect(existsSync(join(markers, 'pipeline')), 'the hostile code ran').toBe(false);
      expect(hashFolder(join(dir, 'dist'))).toBe(goodDist);
    } finally {
      restore();
    }
  }, 240_000);

  it('after the hostile files were removed, the copy checks clean again', async () => {
    expect((await runNpm(dir, 'check')).status).toBe(0);
  });
});
