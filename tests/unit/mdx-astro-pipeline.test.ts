/**
 * A hostile MDX text stops Astro's own MDX pipeline, in-process: the MDX integration exactly as astro.config.mjs
 * configures it (its remark and rehype plugins, after Astro's markdown defaults), set up through Astro's integration
 * hooks, and the Vite plugin it hands the build, transforming the file as `astro build` does for a page or a content
 * entry (frontmatter kept as blank lines, so lines are the file's). The transform refuses the text naming file and
 * line, so no module is ever produced that could run. That a real `astro build` stops the same way, leaves its marker
 * unwritten and dist/ alone is tests/build/hostile-mdx.test.ts (one build); that `npm run check` refuses every form is
 * tests/unit/publishing-bad-input.test.ts; check → build → dist/ unchanged is tests/build/publishing-new-user.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { astroMdxPlugin } from '../support/astro-mdx-plugin';

type Transform = (code: string, id: string) => Promise<{ code: string } | undefined>;
let transform: Transform;

const root = resolve('.');
const markers = mkdtempSync(join(tmpdir(), 'yigongti-mdx-pipeline-'));
/** Code that leaves a file behind if it ever runs. */
const writes = (name: string) => `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(join(markers, name))}, "ran")`;
const FRONTMATTER = '---\ntitle: 门诊时间调整\ndate: 2024-09-02\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字。\n\n';

beforeAll(async () => {
  const plugin = await astroMdxPlugin(root);
  expect(plugin, "astro.config.mjs uses @astrojs/mdx, and its Vite plugin").toBeDefined();
  transform = (code, id) => plugin!.transform(code, id);
  return () => rmSync(markers, { recursive: true, force: true });
});

/** Transforms a text as the build does for the file at `path` (relative to the project), returning the error. */
async function refusal(path: string, text: string): Promise<Error> {
  const error = await transform(text, join(root, path)).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error, `${path} was compiled`).toBeInstanceOf(Error);
  return error!;
}

describe("Astro's MDX pipeline refuses code, naming file and line (frontmatter counted)", () => {
  it.each([
    ['attribute-expression', `<span title={${writes('attribute-expression')}}>x</span>\n`, 10],
    ['export', `export const x = ${writes('export')}\n`, 10],
    // An image whose label is defined twice: Astro uses the first definition and imports it as a module; a reader
    // keeping the last saw a harmless site image.
    ['image-definition', `![图表][c]\n\n[c]: ../../hostile-chart.mjs\n[c]: /images/chart.png\n`, 12],
  ])('in a content entry: %s', async (name, body, line) => {
    const file = `content/updates/2024-09-02-hostile-${name}.mdx`;
    const error = await refusal(file, FRONTMATTER + body);
    expect(error.message).toContain(`${file}:${line}`);
    expect(error.message).toContain('正文含有不允许的内容');
    expect(existsSync(join(markers, name)), 'the hostile code ran').toBe(false);
  });

  it('an MDX page outside content/ (which check never reads) is refused the same way', async () => {
    const file = 'src/pages/hostile-page.mdx';
    const error = await refusal(file, `---\ntitle: x\n---\n\n第一段。\n\n<span title={${writes('pipeline')}}>x</span>\n`);
    expect(error.message).toContain(`${file}:7`);
    expect(existsSync(join(markers, 'pipeline')), 'the hostile code ran').toBe(false);
  });

  it('compiles what the guide allows (a Note with its title, an https link), so the refusals above are the policy', async () => {
    const compiled = await transform(`${FRONTMATTER}<Note title="办理时间">\n\n详见[国家卫生健康委](https://www.nhc.gov.cn/)。\n\n</Note>\n`, join(root, 'content/updates/2024-09-01-allowed.mdx'));
    expect(compiled?.code).toContain('办理时间');
  });
});
