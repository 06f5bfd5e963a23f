/**
 * A hostile update cannot run code at build time, even when `astro build` runs directly (without the check that
 * `npm run build` runs first): its content config validates the same way, and the MDX pipeline's remark plugin
 * (tests/unit/mdx-policy.test.ts) runs the same policy behind it, also for MDX the check never reads. The marker file
 * the code would write never appears. That `npm run check` refuses every hostile form, naming file and line, is
 * tests/unit/publishing-bad-input.test.ts (in-process); that a refused check stops `npm run build` with dist/ as it was
 * is tests/build/publishing-new-user.test.ts. Runs in a throwaway copy of the project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editText, hashFolder, makeProject, removeProject, runNpm, spawnRun, type Run } from '../support/publishing';

let dir: string;
let goodDist: string;
const markers = mkdtempSync(join(tmpdir(), 'yigongti-hostile-'));

/** Code that leaves a file behind if it ever runs. */
const writes = (name: string) => `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(join(markers, name))}, "ran")`;

const FRONTMATTER = '---\ntitle: 门诊时间调整\ndate: 2024-09-02\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字。\n\n';

/** Hostile texts, each with the line (in the file) where the code is (every other form: tests/unit/publishing-bad-input.test.ts). */
const variants: { name: string; body: string; line: number }[] = [
  { name: 'attribute-expression', body: `<span title={${writes('attribute-expression')}}>x</span>\n`, line: 10 },
  { name: 'export', body: `export const x = ${writes('export')}\n`, line: 10 },
  // An image whose label is defined twice: Astro uses the first definition and imports it as a module (a file at the
  // project's root that runs code when imported); a reader keeping the last saw a harmless site image.
  { name: 'image-definition', body: `![图表][c]\n\n[c]: ../../hostile-chart.mjs\n[c]: /images/chart.png\n`, line: 12 },
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

beforeAll(async () => {
  dir = makeProject();
  // The site as last published: a direct Astro build writes elsewhere and must leave it alone.
  editText(dir, 'dist/index.html', () => '<!doctype html><title>上次发布的网站</title>\n');
  // The module the image variant points at: importing it leaves a marker, and it looks like an image to Astro.
  writeFileSync(join(dir, 'hostile-chart.mjs'), `${writes('image-definition')};\nexport default { src: '/x.png', width: 1, height: 1, format: 'png' };\n`);
  goodDist = hashFolder(join(dir, 'dist'));
}, 300_000);

afterAll(() => {
  removeProject(dir);
  rmSync(markers, { recursive: true, force: true });
});

describe('a hostile MDX update: nothing runs, nothing is published', () => {
  // Direct Astro builds: the policy holds even if someone skipped `npm run build`'s check.
  for (const { name, line } of variants) {
    it(`${name}: Astro's build itself stops at the file, before the code can run`, async () => {
      const restore = placed(name);
      try {
        const built = await astroBuild();
        expect(built.status).not.toBe(0);
        expect(built.output).toContain(`${fileOf(name)}:${line}`);
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
