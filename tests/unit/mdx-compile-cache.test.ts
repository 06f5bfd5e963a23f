/**
 * `npm run build` keeps what Astro's MDX compiler made of each file (src/publishing/mdx-compile-cache.ts): the real
 * MDX plugin as astro.config.mjs configures it, with the cache put in front of it as in a build. An unchanged file is
 * not compiled again and gives the same module; an edited file's new text is what the module shows; a cache made by
 * other code, or damaged, is not used; a text the policy refuses is refused by every build, never kept.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { astroMdxPlugin, type MdxTransform } from '../support/astro-mdx-plugin';
import { MDX_CACHE_CODE_ENV, MDX_CACHE_ENV, mdxCompileCache } from '../../src/publishing/mdx-compile-cache';

const root = resolve('.');
const id = join(root, 'content/updates/2024-09-02-hours.mdx');
const TEXT = '---\ntitle: 门诊时间调整\ndate: 2024-09-02\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字：门诊每天 8 点开始。\n';
let mdxPlugin: { transform: MdxTransform };
let dir: string;

beforeAll(async () => {
  mdxPlugin = (await astroMdxPlugin(root))!;
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yigongti-mdx-cache-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

/**
 * One build's MDX compiler: the real one, counted, with the cache of `code` in front of it as `npm run build` sets it
 * up; `done` ends the bundle (the cache then drops what the build did not use).
 */
function build(code = 'code-1') {
  const original = mdxPlugin.transform;
  let compiled = 0;
  const counted = { name: '@mdx-js/rollup', transform: (...args: Parameters<MdxTransform>) => (compiled++, original.apply(mdxPlugin, args)) };
  const plugin = mdxCompileCache({ [MDX_CACHE_ENV]: dir, [MDX_CACHE_CODE_ENV]: code });
  (plugin.configResolved as (c: unknown) => void)({ command: 'build', plugins: [counted] });
  const transform = (text: string, at = id) => (counted.transform as unknown as MdxTransform)(text, at, { ssr: true });
  const done = () => (plugin.buildEnd as (this: unknown, e?: Error) => void).call({}, undefined);
  return { transform, done, compiled: () => compiled };
}

describe('the MDX compile cache of npm run build', () => {
  it('takes an unchanged file from the last build, the same module, without compiling it', async () => {
    const first = build();
    const made = await first.transform(TEXT);
    first.done();
    expect(first.compiled()).toBe(1);
    expect(made!.code).toContain('门诊每天 8 点开始');

    const second = build();
    const kept = await second.transform(TEXT);
    second.done();
    expect(second.compiled()).toBe(0);
    expect(kept).toEqual(made);
  });

  it('publishes an edited file’s new text, and drops the module of the old one', async () => {
    const first = build();
    await first.transform(TEXT);
    first.done();

    const second = build();
    const edited = await second.transform(TEXT.replace('8 点', '7 点半'));
    second.done();
    expect(second.compiled()).toBe(1);
    expect(edited!.code).toContain('门诊每天 7 点半开始');
    expect(edited!.code).not.toContain('8 点');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('does not use modules another version of the code compiled', async () => {
    const first = build('code-1');
    await first.transform(TEXT);
    first.done();
    const other = build('code-2');
    const made = await other.transform(TEXT);
    expect(other.compiled()).toBe(1);
    expect(made!.code).toContain('门诊每天 8 点开始');
  });

  it('does not use a module of another file with the same text', async () => {
    const first = build();
    await first.transform(TEXT);
    const elsewhere = await first.transform(TEXT, join(root, 'content/updates/2024-09-03-hours.mdx'));
    expect(first.compiled()).toBe(2);
    expect(elsewhere!.code).toContain('门诊每天 8 点开始');
  });

  it('compiles again when a kept module is damaged (cut short, or its code altered)', async () => {
    const first = build();
    const made = await first.transform(TEXT);
    first.done();
    const [name] = readdirSync(dir);
    const file = join(dir, name);
    const whole = readFileSync(file, 'utf8');

    writeFileSync(file, whole.slice(0, whole.length / 2));
    const cut = build();
    expect(await cut.transform(TEXT)).toEqual(made);
    expect(cut.compiled()).toBe(1);

    writeFileSync(file, readFileSync(file, 'utf8').replace('门诊每天 8 点开始', '门诊每天 9 点开始'));
    const altered = build();
    const again = await altered.transform(TEXT);
    expect(altered.compiled()).toBe(1);
    expect(again!.code).toContain('门诊每天 8 点开始');
    expect(again!.code).not.toContain('9 点');
  });

  it('refuses a text with code in every build: a refusal is never kept', async () => {
    const hostile = TEXT + '\n{process.exit(1)}\n';
    for (let i = 0; i < 2; i++) {
      const run = build();
      await expect(run.transform(hostile)).rejects.toThrow(/花括号|expression/);
      expect(run.compiled()).toBe(1);
      run.done();
    }
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('is off outside npm run build (no folder named), compiling every file as Astro does', async () => {
    const counted = { name: '@mdx-js/rollup', transform: mdxPlugin.transform };
    const plugin = mdxCompileCache({});
    (plugin.configResolved as (c: unknown) => void)({ command: 'build', plugins: [counted] });
    expect(counted.transform).toBe(mdxPlugin.transform);
  });
});
