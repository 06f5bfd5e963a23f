/**
 * A hostile update cannot run code at build time, even when `astro build` runs directly (without the check that
 * `npm run build` runs first): the content loader (src/data/mdx-loader.ts) runs the same policy before it renders a
 * body. One real build, in a throwaway copy of the project, of the subtlest form: an image whose label is defined
 * twice, the first definition naming a module at the project's root that writes a marker file when imported. The build
 * stops at the file and line, the marker never appears and dist/ is as it was. Every other form (an attribute
 * expression, an export, a javascript: link) is refused by the same loader in-process, and an MDX page outside
 * content/ is never compiled, Astro having no MDX integration: tests/unit/mdx-loader.test.ts. That `npm run check`
 * refuses every hostile form, naming file and line, is tests/unit/publishing-bad-input.test.ts; that a refused check
 * stops `npm run build` with dist/ as it was is tests/build/publishing-new-user.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editText, hashFolder, makeProject, removeProject, spawnRun, type Run } from '../support/publishing';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset, formatProblem } from '../../src/data/validate';

let dir: string;
let goodDist: string;
const markers = mkdtempSync(join(tmpdir(), 'yigongti-hostile-'));

/** Code that leaves a file behind if it ever runs. */
const writes = (name: string) => `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(join(markers, name))}, "ran")`;

const FRONTMATTER = '---\ntitle: 门诊时间调整\ndate: 2024-09-02\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字。\n\n';

/** The hostile text, with the line (in the file) where the module is named. */
const HOSTILE = {
  name: 'image-definition',
  // Astro uses a label's first definition and imports it as a module; a reader keeping the last saw a harmless image.
  body: `![图表][c]\n\n[c]: ../../hostile-chart.mjs\n[c]: /images/chart.png\n`,
  line: 12,
};

const fileOf = (name: string) => `content/updates/2024-09-02-hostile-${name}.mdx`;

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
  it("Astro's build itself stops at the file, before the module it names can be imported, and dist/ stays as it was", async () => {
    const file = fileOf(HOSTILE.name);
    const restore = editText(dir, file, () => FRONTMATTER + HOSTILE.body);
    try {
      const built = await astroBuild();
      expect(built.status).not.toBe(0);
      expect(built.output).toContain(`${file}:${HOSTILE.line}`);
      expect(built.output).toContain('正文含有不允许的内容');
      expect(existsSync(join(markers, HOSTILE.name)), 'the hostile code ran').toBe(false);
      expect(hashFolder(join(dir, 'dist'))).toBe(goodDist);
    } finally {
      restore();
    }
  }, 240_000);

  // What `npm run check` validates, in-process (the command itself runs in tests/build/publishing-new-user.test.ts).
  it('after the hostile file was removed, the copy checks clean again', () => {
    expect(validateDataset(readSourceFiles(dir)).problems.map(formatProblem)).toEqual([]);
  });
});
