/**
 * MDX bodies that would crash or stall a reader of Markdown, or show text other than what they hold: refused by check
 * with their line, and by the build's plugin on the same tree.
 */
import { describe, expect, it } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import { MDX_MAX_DEPTH, MDX_REMARK_PLUGINS, mdxViolations, remarkMdxPolicy } from '../../src/data/mdx-policy';

const timed = (body: string) => {
  const started = performance.now();
  const violations = mdxViolations(body);
  return { violations, ms: performance.now() - started };
};

describe('nesting: refused before anything runs out of stack or time', () => {
  it.each([
    ['a 3,000-deep blockquote on one line', '> '.repeat(3000) + 'x\n'],
    ['a 1,200-deep blockquote', '> '.repeat(1200) + 'x\n'],
    ['blockquotes deepening line by line', Array.from({ length: 150 }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n') + '\n'],
    ['a 3,000-deep list', '- '.repeat(3000) + 'x\n'],
    ['ordered lists nested on one line', '1. '.repeat(500) + 'x\n'],
    ['quotes and lists mixed', '> - '.repeat(400) + 'x\n'],
    ['120 nested <Note> elements', '<Note title="a">\n'.repeat(120) + 'x\n' + '</Note>\n'.repeat(120)],
    ['3,000 nested emphases', '*a '.repeat(3000) + 'x' + '*'.repeat(3000) + '\n'],
    ['5,000 nested brackets', '['.repeat(5000) + 'x' + ']'.repeat(5000) + '\n'],
    ['a paragraph of 2,000 underscores', '_x_ '.repeat(1000) + '\n'],
  ])('%s', (_what, body) => {
    const { violations, ms } = timed(body);
    expect(violations).toHaveLength(1);
    expect(violations[0].zh).toMatch(/嵌套太深|标记超过/);
    expect(ms).toBeLessThan(3000);
  });

  it('keeps ordinary nesting: quotes in lists in quotes, a few levels deep', () => {
    expect(mdxViolations('> - 第一项\n>   > 引用\n>   - 子项\n>     1. 再下一层\n\n<Note title="办理时间">\n- 周一至周五\n</Note>\n')).toEqual([]);
  });

  it.each([30, 60, 97, 98, 99, 100, 101, 150, 1200])('check refuses a %s-deep blockquote exactly when the build does', (depth) => {
    const body = '> '.repeat(depth) + 'x\n';
    let tree: unknown;
    const processor = createProcessor({ remarkPlugins: [...MDX_REMARK_PLUGINS, () => (t: unknown) => void (tree = t)] });
    processor.runSync(processor.parse(body) as never);
    let buildFails = false;
    try {
      remarkMdxPolicy()(tree, { path: '/p/content/updates/x.mdx', cwd: '/p' });
    } catch {
      buildFails = true;
    }
    expect(mdxViolations(body).length > 0).toBe(buildFails);
    expect(buildFails).toBe(depth + 2 > MDX_MAX_DEPTH);
  });

  it('the build refuses the same deep tree the check refuses', () => {
    const body = '<Note title="a">\n'.repeat(MDX_MAX_DEPTH + 10) + 'x\n' + '</Note>\n'.repeat(MDX_MAX_DEPTH + 10);
    let tree: unknown;
    const processor = createProcessor({ remarkPlugins: [...MDX_REMARK_PLUGINS, () => (t: unknown) => void (tree = t)] });
    processor.runSync(processor.parse(body) as never);
    expect(() => remarkMdxPolicy()(tree, { path: '/p/content/updates/x.mdx', cwd: '/p' })).toThrow(/content\/updates\/x\.mdx:\d+: 正文嵌套太深/);
  });
});

describe('invisible and direction-changing characters in bodies', () => {
  it.each([
    ['a right-to-left override in text', '服务时间\u202E日期\n', 'U+202E'],
    ['a bidi isolate', '地址\u2066隔离\u2069\n', 'U+2066'],
    ['a zero-width space', '资中\u200B县\n', 'U+200B'],
    ['TAG characters', '正文\u{E0041}\u{E0042}\n', 'U+E0041'],
    ['a soft hyphen', '医共\u00AD体\n', 'U+00AD'],
    ['a Hangul filler', '\u3164\n', 'U+3164'],
    ['in an image description', '![图\u202E表](/images/chart.png)\n', 'U+202E'],
    ['in a link title', '[文件](/documents/x/ "标\u2067题")\n', 'U+2067'],
    ['in inline code', '写 `a\u202Eb` 即可\n', 'U+202E'],
    ['in a code block', '```\nlet a = 1; // \u2066 x\n```\n', 'U+2066'],
  ])('%s', (_what, body, character) => {
    const violations = mdxViolations(body);
    expect(violations.map((v) => v.en).join('\n')).toContain(character);
  });

  it('allows emoji joined by a zero-width joiner', () => {
    expect(mdxViolations('值班医生 👨\u200D⚕️ 在岗\n')).toEqual([]);
  });
});

describe('<Note title>: a visible, one-line title of sensible length', () => {
  it.each([
    ['only a Hangul filler', '\u3164', '看不见'],
    ['only a soft hyphen', '\u00AD', '看不见'],
    ['an invisible separator inside', '办理\u2063时间', '看不见'],
    ['a bidi override inside', '办理\u202E时间', '看不见'],
    ['blank', '   ', '不能为空'],
    ['200 characters', '长'.repeat(200), '太长'],
  ])('refuses a title of %s', (_what, title, message) => {
    const violations = mdxViolations(`<Note title="${title}">\n内容\n</Note>\n`);
    expect(violations).toHaveLength(1);
    expect(violations[0].zh).toContain(message);
    expect(violations[0].line).toBe(1);
  });
});

describe('the build reads no MDX through a link', () => {
  it('refuses a linked file in its plugin, naming it', async () => {
    const { mkdtempSync, writeFileSync, symlinkSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'mdx-link-'));
    try {
      writeFileSync(join(dir, 'outside.mdx'), '正文\n');
      symlinkSync(join(dir, 'outside.mdx'), join(dir, 'x.mdx'));
      const tree = { type: 'root', children: [] };
      expect(() => remarkMdxPolicy()(tree, { path: join(dir, 'x.mdx'), cwd: dir })).toThrow(/x\.mdx: 这是符号链接/);
      expect(() => remarkMdxPolicy()(tree, { path: join(dir, 'outside.mdx'), cwd: dir })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
