/**
 * A hostile MDX text stops the build's own MDX loader (src/data/mdx-loader.ts, as src/content.config.ts uses it), in
 * process: the loader refuses the text naming file and line (frontmatter counted), nothing is rendered, stored or run.
 * What it allows is stored as the HTML the page shows: Markdown, links, the tel: links of phone numbers, and the
 * `<Note>` callout as its component rendered it. That a real `astro build` stops the same way, leaves its marker
 * unwritten and dist/ alone is tests/build/hostile-mdx.test.ts (one build); that `npm run check` refuses every form is
 * tests/unit/publishing-bad-input.test.ts; check → build → dist/ unchanged is tests/build/publishing-new-user.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMdx, Store } from '../support/mdx-loader';
import config from '../../astro.config.mjs';

const root = mkdtempSync(join(tmpdir(), 'yigongti-mdx-loader-'));
const markers = mkdtempSync(join(tmpdir(), 'yigongti-mdx-markers-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(markers, { recursive: true, force: true });
});

/** Code that leaves a file behind if it ever runs. */
const writes = (name: string) => `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(join(markers, name))}, "ran")`;
const FRONTMATTER = '---\ntitle: 门诊时间调整\ndate: 2024-09-02\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字。\n\n';

/** The updates folder holding exactly these files. */
function updates(files: Record<string, string>): void {
  const dir = join(root, 'content/updates');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

describe('the MDX loader refuses code, naming file and line (frontmatter counted)', () => {
  it.each([
    ['attribute-expression', `<span title={${writes('attribute-expression')}}>x</span>\n`, 10],
    ['export', `export const x = ${writes('export')}\n`, 10],
    ['expression', `{${writes('expression')}}\n`, 10],
    ['note-spread', `<Note {...${writes('note-spread')}}>x</Note>\n`, 10],
    ['javascript-link', '[点这里](javascript:alert%281%29)\n', 10],
    // An image whose label is defined twice: Astro uses the first definition and imports it as a module; a reader
    // keeping the last saw a harmless site image.
    ['image-definition', `![图表][c]\n\n[c]: ../../hostile-chart.mjs\n[c]: /images/chart.png\n`, 12],
  ])('%s', async (name, body, line) => {
    const file = `content/updates/2024-09-02-hostile-${name}.mdx`;
    updates({ [`2024-09-02-hostile-${name}.mdx`]: FRONTMATTER + body });
    const store = new Store();
    const error = await loadMdx(root, 'updates', { store }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error, `${file} was loaded`).toBeInstanceOf(Error);
    expect(error!.message).toContain(`${file}:${line}`);
    expect(error!.message).toContain('正文含有不允许的内容');
    expect(store.entries.size).toBe(0);
    expect(existsSync(join(markers, name)), 'the hostile code ran').toBe(false);
  });

  it('compiles no MDX file anywhere else: astro.config.mjs has no MDX integration (an .mdx page in src/pages/ is not built)', () => {
    const names = (config.integrations ?? []).flat().map((i) => (i && typeof i === 'object' && 'name' in i ? String(i.name) : ''));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => /mdx/i.test(n))).toEqual([]);
  });

  it('refuses a symbolic link instead of reading what it points to', async () => {
    updates({});
    writeFileSync(join(root, 'outside.mdx'), FRONTMATTER);
    symlinkSync(join(root, 'outside.mdx'), join(root, 'content/updates/2024-09-02-link.mdx'));
    await expect(loadMdx(root, 'updates')).rejects.toThrow(/content\/updates\/2024-09-02-link\.mdx: 这是一个符号链接/);
  });
});

describe('what the loader stores for a page', () => {
  it('the body as HTML, with the frontmatter as data and the id from the file name', async () => {
    updates({
      '2024-09-01-allowed.mdx':
        FRONTMATTER +
        '## 办理 & 咨询\n\n详见[国家卫生健康委](https://www.nhc.gov.cn/)，咨询电话 12320。\n\n<Note title="办理时间">\n\n每周一至周五 **8:00–17:00**。\n\n</Note>\n\n<Note>一句提示。</Note>\n\n| 项目 | 天数 |\n|---|---:|\n| 门诊 | 5 |\n',
    });
    const { store } = await loadMdx(root, 'updates');
    const entry = store.get('2024-09-01-allowed')!;
    expect(entry.data).toEqual({ title: '门诊时间调整', date: new Date('2024-09-02'), regions: [], summary: '门诊时间调整的通知。' });
    expect(entry.filePath).toBe('content/updates/2024-09-01-allowed.mdx');
    expect(entry.body!.startsWith('第一段文字。')).toBe(true);
    const html = entry.rendered!.html;
    expect(html).toContain('<p>第一段文字。</p>');
    expect(html).toContain('<h2 id="办理--咨询">办理 &amp; 咨询</h2>');
    expect(html).toContain('<a href="https://www.nhc.gov.cn/">国家卫生健康委</a>');
    expect(html).toContain('<a href="tel:12320" class="tel">12320</a>');
    // What src/components/mdx/Note.astro rendered: the title only when there is one.
    expect(html).toContain('<aside class="mdx-note"><p class="mdx-note-title">办理时间</p><p>每周一至周五 <strong>8:00–17:00</strong>。</p></aside>');
    expect(html).toContain('<aside class="mdx-note">一句提示。</aside>');
    // A cell's alignment as a style (align is obsolete HTML), as MDX's compiler wrote it.
    expect(html).toContain('<td style="text-align:right">5</td>');
    expect(html).not.toMatch(/\salign=/);
    expect(entry.rendered!.metadata!.headings).toEqual([{ depth: 2, slug: '办理--咨询', text: '办理 & 咨询' }]);
  });

  it('keeps an unchanged entry, renders an edited one again, and drops a removed one', async () => {
    updates({ '2024-09-01-a.mdx': FRONTMATTER + '门诊每天 8 点开始。\n', '2024-09-02-b.mdx': FRONTMATTER });
    const { store } = await loadMdx(root, 'updates');
    const kept = store.get('2024-09-01-a');
    updates({ '2024-09-01-a.mdx': FRONTMATTER + '门诊每天 8 点开始。\n', '2024-09-03-c.mdx': FRONTMATTER + '门诊每天 7 点半开始。\n' });
    await loadMdx(root, 'updates', { store });
    expect(store.get('2024-09-01-a')).toBe(kept);
    expect(store.keys().sort()).toEqual(['2024-09-01-a', '2024-09-03-c']);
    expect(store.get('2024-09-03-c')!.rendered!.html).toContain('门诊每天 7 点半开始');
  });
});
