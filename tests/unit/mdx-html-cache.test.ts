/**
 * `npm run build` keeps the HTML each MDX file was rendered to (src/publishing/mdx-html-cache.ts): the real loader
 * (src/data/mdx-loader.ts), each build with a new content store as in `npm run build`, the cache named as scripts/build.ts
 * names it. An unchanged file is not rendered again and gives the same HTML; an edited file's new text is what the
 * page shows; a cache made by other code, or damaged, is not used; a text the policy refuses is refused by every build,
 * never kept.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMdx } from '../support/mdx-loader';
import { MDX_CACHE_CODE_ENV, MDX_CACHE_ENV } from '../../src/publishing/mdx-html-cache';

const root = mkdtempSync(join(tmpdir(), 'yigongti-mdx-cache-'));
const cacheDir = join(root, '.check-cache/rendered-mdx');
const TEXT = '---\ntitle: 门诊时间调整\ndate: 2024-09-02\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字：门诊每天 8 点开始。\n';
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'content/updates'), { recursive: true });
});

const write = (text: string, name = '2024-09-02-hours') => writeFileSync(join(root, 'content/updates', `${name}.mdx`), text);
const kept = () => readdirSync(join(cacheDir, 'updates'));

/** One `npm run build`'s loading of the updates: the HTML of each entry, and how many were taken from the cache. */
async function build(code = 'code-1') {
  const { store, logged } = await loadMdx(root, 'updates', { env: { [MDX_CACHE_ENV]: cacheDir, [MDX_CACHE_CODE_ENV]: code } });
  const [, reused, of] = logged.map((l) => /^(\d+) of (\d+) MDX files unchanged/.exec(l)).find(Boolean) ?? [];
  return { html: (id = '2024-09-02-hours') => store.get(id)?.rendered?.html, reused: Number(reused), of: Number(of) };
}

describe('the rendered-MDX cache of npm run build', () => {
  it('takes an unchanged file from the last build, the same HTML, without rendering it', async () => {
    write(TEXT);
    const first = await build();
    expect(first).toMatchObject({ reused: 0, of: 1 });
    expect(first.html()).toContain('门诊每天 8 点开始');
    const second = await build();
    expect(second).toMatchObject({ reused: 1, of: 1 });
    expect(second.html()).toBe(first.html());
  });

  it('publishes an edited file’s new text, and drops the HTML of the old one', async () => {
    write(TEXT);
    await build();
    write(TEXT.replace('8 点', '7 点半'));
    const second = await build();
    expect(second.reused).toBe(0);
    expect(second.html()).toContain('门诊每天 7 点半开始');
    expect(second.html()).not.toContain('8 点');
    expect(kept()).toHaveLength(1);
  });

  it('does not use HTML another version of the code rendered', async () => {
    write(TEXT);
    await build('code-1');
    const other = await build('code-2');
    expect(other.reused).toBe(0);
    expect(other.html()).toContain('门诊每天 8 点开始');
  });

  it('does not use the HTML of another file with the same text', async () => {
    write(TEXT);
    await build();
    write(TEXT, '2024-09-03-hours');
    const second = await build();
    expect(second).toMatchObject({ reused: 1, of: 2 });
    expect(second.html('2024-09-03-hours')).toContain('门诊每天 8 点开始');
  });

  it('renders again when kept HTML is damaged (cut short, or its text altered)', async () => {
    write(TEXT);
    const made = (await build()).html();
    const [name] = kept();
    const file = join(cacheDir, 'updates', name);
    const whole = readFileSync(file, 'utf8');

    writeFileSync(file, whole.slice(0, whole.length / 2));
    const cut = await build();
    expect(cut.reused).toBe(0);
    expect(cut.html()).toBe(made);

    writeFileSync(file, readFileSync(file, 'utf8').replace('门诊每天 8 点开始', '门诊每天 9 点开始'));
    const altered = await build();
    expect(altered.reused).toBe(0);
    expect(altered.html()).toContain('门诊每天 8 点开始');
    expect(altered.html()).not.toContain('9 点');
  });

  it('refuses a text with code in every build: a refusal is never kept', async () => {
    write(TEXT + '\n{process.exit(1)}\n');
    for (let i = 0; i < 2; i++) await expect(build()).rejects.toThrow(/花括号|expression/);
    expect(readdirSync(root)).toEqual(['content']);
  });

  it('is off outside npm run build (no folder named): nothing is kept', async () => {
    write(TEXT);
    const { store } = await loadMdx(root, 'updates');
    expect(store.get('2024-09-02-hours')?.rendered?.html).toContain('门诊每天 8 点开始');
    expect(readdirSync(root)).toEqual(['content']);
  });
});
