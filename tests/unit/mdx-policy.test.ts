import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { mdxViolations, rehypeNoImageImports, remarkMdxPolicy } from '../../src/data/mdx-policy';
import { validateDataset } from '../../src/data/validate';
import { noFiles } from '../support/valid-files';
import { readSourceFiles } from '../../src/data/read-sources';

/** Each hostile text sits on line 3, after a heading and a blank line, so the reported line is known. */
const at3 = (line: string) => `## 标题\n\n${line}\n`;

function expectRejectedOnLine3(line: string, words: RegExp) {
  const violations = mdxViolations(at3(line));
  expect(violations.length, line).toBeGreaterThan(0);
  expect(violations[0].line, line).toBe(3);
  expect(`${violations[0].zh} ${violations[0].en}`, line).toMatch(words);
  // Chinese first, then English, and always something to write instead.
  expect(violations[0].zh, line).toMatch(/[\u4e00-\u9fff]/);
  expect(violations[0].hint.zh.length, line).toBeGreaterThan(10);
  expect(violations[0].hint.en.length, line).toBeGreaterThan(10);
}

describe('MDX policy: code never passes', () => {
  it.each([
    '{process.getBuiltinModule("fs").writeFileSync("/tmp/x", "x")}',
    '文字 {1 + 1} 文字',
    '{/* 注释 */}',
    '{globalThis.fetch("https://evil.example/")}',
    '{`${"模板"}`}',
  ])('rejects the expression %s', (line) => expectRejectedOnLine3(line, /表达式|expression/));

  it.each([
    'import fs from "node:fs"',
    'export const x = process.getBuiltinModule("child_process").execSync("id").toString()',
    'export default function Layout() { return null }',
    'import * as all from "../../src/data/validate/index.ts"',
  ])('rejects the statement %s', (line) => expectRejectedOnLine3(line, /import|export/));

  it.each([
    '<span title={process.getBuiltinModule("child_process").execSync("id").toString()}>x</span>',
    '<Note title={process.env.HOME}>x</Note>',
    '<Note title={`模板`}>x</Note>',
  ])('rejects the attribute expression in %s', (line) => {
    const violations = mdxViolations(at3(line));
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.line === 3)).toBe(true);
  });

  it('names an attribute expression on an allowed component as such', () => {
    expectRejectedOnLine3('<Note title={process.env.HOME}>x</Note>', /title/);
  });

  it.each([
    '<Note {...process.getBuiltinModule("fs")}>x</Note>',
    '<Note {...{ title: "x" }}>x</Note>',
    '<Note title="a" {...globalThis}>x</Note>',
  ])('rejects the spread in %s', (line) => expectRejectedOnLine3(line, /展开|spread/));
});

describe('MDX policy: only the allowlisted components', () => {
  it.each([
    ['<span>x</span>', 'span'],
    ['<meta httpEquiv="refresh" content="0;url=https://evil.example/" />', 'meta'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/" />', 'meta'],
    ['<script>alert(1)</script>', 'script'],
    ['<iframe src="https://evil.example/" />', 'iframe'],
    ['<img src="x" onerror="alert(1)" />', 'img'],
    ['<a href="javascript:alert(1)">x</a>', 'a'],
    ['<div style="position:fixed">x</div>', 'div'],
    ['<Layout />', 'Layout'],
    ['<Note.Inner>x</Note.Inner>', 'Note.Inner'],
    ['<constructor />', 'constructor'],
    ['<>x</>', ''],
  ])('rejects %s', (line, name) => expectRejectedOnLine3(line, new RegExp(`<${name.replace('.', '\\.')}>`)));

  it('rejects an unknown prop and a bare prop on an allowed component', () => {
    expectRejectedOnLine3('<Note onclick="alert(1)">x</Note>', /onclick/);
    expectRejectedOnLine3('<Note title>x</Note>', /title/);
  });

  it('accepts the allowed component with quoted text, with Markdown inside', () => {
    expect(mdxViolations('<Note title="办理时间">\n\n每周一至周五 **8:00–17:00**，详见[就医指南](/guide/)。\n\n</Note>\n')).toEqual([]);
    expect(mdxViolations('<Note>一句提示。</Note>\n')).toEqual([]);
  });

  it('still reports what is inside a rejected element', () => {
    const violations = mdxViolations('<div>\n\n[x](javascript:alert(1))\n\n</div>\n');
    expect(violations.map((v) => v.line)).toEqual([1, 3]);
  });
});

describe('MDX policy: links and images', () => {
  it.each([
    '[点这里](javascript:alert(1))',
    '[点这里](JaVaScRiPt:alert(1))',
    '[点这里](<  javascript:alert(1)>)',
    '[点这里](java&#x09;script:alert(1))',
    '[点这里](java&#9;script:alert(1))',
    '[点这里](&#106;avascript:alert(1))',
    '[点这里](jav&#x0A;ascript:alert(1))',
    '[点这里](data:text/html;base64,PHNjcmlwdD4=)',
    '[点这里](DATA:text/html,x)',
    '[点这里](vbscript:msgbox(1))',
    '[ref]: javascript:alert(1)\n\n[点这里][ref]',
  ])('rejects the link %s', (line) => expectRejectedOnLine3(line, /javascript|data|vbscript/));

  it.each(['[x](file:///etc/passwd)', '[x](//evil.example/)', '[x](/\\evil.example/)', '[x](ftp://example.org/a)'])('rejects the link %s', (line) =>
    expectRejectedOnLine3(line, /链接|link/),
  );

  it.each([
    '[文件](/documents/zizhong-2024-yigongti/)',
    '[上一节](#two)',
    '[国家卫生健康委](https://www.nhc.gov.cn/)',
    '[旧网站](http://wsjkw.example.gov.cn/a.html)',
    '[写信](mailto:editor@example.org)',
    '[相对](../groups/)',
  ])('accepts the link %s', (line) => expect(mdxViolations(at3(line))).toEqual([]));

  it.each([
    '![图](https://evil.example/track.png)',
    '![图](HTTP://evil.example/track.png)',
    '![图](//evil.example/track.png)',
    '![图](data:image/svg+xml;base64,PHN2Zz4=)',
    '![图](javascript:alert(1))',
    '![图](../../etc/passwd)',
    '![图](./chart.png)',
    '![图](/images/../../../etc/passwd)',
    '![图](/images/%2e%2e/%2e%2e/etc/passwd)',
  ])('rejects the image %s', (line) => expectRejectedOnLine3(line, /图片|image/));

  it('accepts an image of this site', () => {
    expect(mdxViolations(at3('![资中县医共体示意图](/images/zizhong-map.png)'))).toEqual([]);
  });

  // Astro imports any image path that is not a site path as a JavaScript module at build time: every written form
  // that could reach that import is refused as written.
  it.each([
    '![图](\\public\\images\\chart.mjs)',
    '![图](/images\\..\\..\\src\\x.png)',
    '![图](/images/%5C..%5Cx.png)',
    '![图](%2Fimages%2Fx.png)',
    '![图](/images/%252e%252e/x.png)',
    '![图](images/chart.png)',
    '![图](../../public/images/chart.png)',
    '![图](/public/images/chart.png)',
    '![图](/src/chart.png)',
    '![图](/images/chart.mjs)',
    '![图](/images/chart.png.js)',
    '![图](/images/chart.svg)',
    '![图](/images/chart.png?raw)',
    '![图](/images/chart.png#x)',
    '![图](/images//chart.png)',
    '![图](/images/./chart.png)',
    '![图](</images/a b.png>)',
    '![图](/images/chart\u200b.png)',
  ])('rejects the image path %s, which Astro would import as a module', (line) => expectRejectedOnLine3(line, /图片|image/));

  it.each(['![图](/images/%E5%9B%BE.png)', '![图](/images/图1.png)', '![图](/images/sub/chart.webp)', '![图](/images/a.JPG)'])(
    'accepts the site image %s',
    (line) => expect(mdxViolations(at3(line))).toEqual([]),
  );
});

describe('MDX policy: one label, one definition (every reader takes the same one)', () => {
  // CommonMark and Astro's image collection use a label's first definition; a reader keeping the last saw only the
  // harmless one. Whatever the order, case or spacing of the labels, a second definition is refused.
  it.each([
    ['bad first', '![图表][c]\n\n[c]: ../../public/images/chart.mjs\n[c]: /images/chart.png'],
    ['bad last', '![图表][c]\n\n[c]: /images/chart.png\n[c]: ../../public/images/chart.mjs'],
    ['labels differing in case', '![图表][C]\n\n[c]: /images/chart.png\n[C]: ./chart.mjs'],
    ['labels differing in spacing', '![图表][a  b]\n\n[a b]: /images/chart.png\n[a   b]: ./chart.mjs'],
    ['second definition in a quote', '![图表][c]\n\n[c]: /images/chart.png\n\n> [c]: ./chart.mjs'],
    ['second definition in a list', '![图表][c]\n\n[c]: /images/chart.png\n\n- [c]: ./chart.mjs'],
    ['inside a Note', '<Note title="说明">\n\n![图表][c]\n\n[c]: ./chart.mjs\n[c]: /images/chart.png\n\n</Note>'],
    ['links, not images', '[网站][w]\n\n[w]: https://www.nhc.gov.cn/\n[w]: https://www.nhc.gov.cn/other/'],
  ])('%s', (_name, text) => {
    const violations = mdxViolations(`## 标题\n\n${text}\n`);
    expect(violations.some((v) => /定义了不止一次/.test(v.zh) && /more than once/.test(v.en))).toBe(true);
  });

  it('an image by reference is refused on the line of its definition, where the address is written', () => {
    const violations = mdxViolations(at3('![图][pic]\n\n[pic]: https://evil.example/x.png'));
    expect(violations.map((v) => [v.line, /图片来自其他网站/.test(v.zh)])).toEqual([[5, true]]);
  });

  it('a label used by an image is checked as an image in each of its definitions', () => {
    const violations = mdxViolations('## 标题\n\n![图表][c]\n\n[c]: https://www.nhc.gov.cn/chart.png\n');
    expect(violations.map((v) => v.zh).join()).toMatch(/图片来自其他网站/);
  });

  it('one definition per label, used by an image and a link, passes', () => {
    expect(mdxViolations('## 标题\n\n![图表][c] 见[文件][d]。\n\n[c]: /images/chart.png\n[d]: /documents/zizhong-2024-yigongti/\n')).toEqual([]);
  });

  it("the check reads GFM as Astro does: a footnote and a table are text, not definitions", () => {
    expect(mdxViolations('## 标题\n\n正文[^1]。\n\n[^1]: 见第二节。\n\n| 项 | 值 |\n| --- | --- |\n| 甲 | 1 |\n')).toEqual([]);
  });

  it('the build stops if any local image path ever reaches Astro\'s image import', () => {
    const guard = rehypeNoImageImports();
    expect(() => guard({}, { path: 'content/updates/x.mdx', data: { astro: { localImagePaths: ['./chart.mjs'] } } })).toThrow(/x\.mdx.*chart\.mjs/);
    expect(() => guard({}, { path: 'content/updates/x.mdx', data: { astro: { localImagePaths: [] } } })).not.toThrow();
  });
});

describe('MDX policy in check and in the build', () => {
  it("passes today's real content", () => {
    const files = readSourceFiles(process.cwd());
    const texts = [...files.mdx.documents, ...files.mdx.updates];
    expect(texts.length).toBeGreaterThan(0);
    const bodyProblems = validateDataset(files).problems.filter((p) => p.field === '正文 body');
    expect(bodyProblems).toEqual([]);
  });

  it('check names the file and the line in the file, counting the frontmatter', () => {
    const files = noFiles();
    files.mdx.updates.push({ path: 'content/updates/hostile.mdx', text: '---\ntitle: 动态\ndate: 2024-08-13\nregions: []\nsummary: 摘要\n---\n\n第一段。\n\n<span title={1}>x</span>\n' });
    const problems = validateDataset(files).problems.filter((p) => p.field === '正文 body');
    expect(problems).toEqual([expect.objectContaining({ file: 'content/updates/hostile.mdx', line: 10 })]);
  });

  it('the build plugin stops compiling with the file and line named', async () => {
    const value = '## 标题\n\n<span title={globalThis.x = 1}>x</span>\n';
    await expect(compile({ value, path: '/site/content/updates/hostile.mdx', cwd: '/site' }, { remarkPlugins: [remarkMdxPolicy] })).rejects.toThrow(
      /content\/updates\/hostile\.mdx:3: .*<span>/,
    );
    await expect(compile({ value: '## 标题\n\n<Note title="提示">正文</Note>\n', path: '/site/content/updates/ok.mdx' }, { remarkPlugins: [remarkMdxPolicy] })).resolves.toBeTruthy();
  });
});
