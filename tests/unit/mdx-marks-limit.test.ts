/**
 * One limit on emphasis marks and brackets per paragraph, and on containers per line, for `npm run check` and the build
 * (issue 25): the same raw-text rule (mdxTextViolations) runs in check and, in the build, before Markdown is parsed. Each
 * variant is held to "check refuses it exactly when the build's MDX pipeline does", and the build refuses in time.
 */
import { describe, expect, it } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import { MDX_REMARK_PLUGINS, mdxViolations, remarkMdxPolicy } from '../../src/data/mdx-policy';

/** The build's reading: @mdx-js/mdx with the plugins astro.config.mjs registers, in Astro's order and format. */
function buildRefuses(body: string): { refused: boolean; message: string; ms: number } {
  const started = performance.now();
  const processor = createProcessor({ format: 'mdx', remarkPlugins: [...MDX_REMARK_PLUGINS, remarkMdxPolicy] });
  try {
    processor.processSync({ value: body, path: '/site/content/updates/marks.mdx', cwd: '/site' });
    return { refused: false, message: '', ms: performance.now() - started };
  } catch (error) {
    return { refused: true, message: (error as Error).message, ms: performance.now() - started };
  }
}

/** `n` emphasis pairs that do not nest: 2n marks, read in linear time by any parser. */
const pairs = (n: number, mark = '*') => Array.from({ length: n }, (_, i) => `${mark}词${i}${mark}`).join(' ');

describe('the mark limit is one rule for check and build', () => {
  it.each<[string, string, boolean]>([
    ['1,000 * marks in one paragraph (the limit)', `${pairs(500)}\n`, false],
    ['1,002 * marks in one paragraph', `${pairs(501)}\n`, true],
    ['1,002 _ marks in one paragraph', `${pairs(501, '_')}\n`, true],
    ['* and _ counted together (600 + 402)', `${pairs(300)} ${pairs(201, '_')}\n`, true],
    ['1,002 marks split by a blank line', `${pairs(250)}\n\n${pairs(251)}\n`, false],
    ['1,002 marks split by a line of spaces', `${pairs(250)}\n   \n${pairs(251)}\n`, false],
    ['1,002 marks split by a CRLF blank line', `${pairs(250)}\r\n\r\n${pairs(251)}\r\n`, false],
    ['1,002 marks on many lines of one paragraph', `${Array.from({ length: 501 }, (_, i) => `*行${i}*`).join('\n')}\n`, true],
    ['1,002 marks in one quoted paragraph', `> ${pairs(501)}\n`, true],
    ['1,001 brackets in one paragraph', `${'[x] '.repeat(1001)}\n`, true],
    ['1,000 brackets', `${'[x] '.repeat(1000)}\n`, false],
    ['101 quote markers on one line', `${'> '.repeat(101)}x\n`, true],
  ])('%s', (_name, body, refused) => {
    const check = mdxViolations(body);
    const build = buildRefuses(body);
    expect(check.length > 0, 'check').toBe(refused);
    expect(build.refused, `build: ${build.message}`).toBe(refused);
    if (refused) {
      expect(check[0].zh).toMatch(/标记超过 1000 个|嵌套太深/);
      // The build names the file and the line check names.
      expect(build.message).toContain(`content/updates/marks.mdx:${check[0].line}: ${check[0].zh}`);
    }
  });

  it('names the line of the crowded paragraph, after blank lines of either kind', () => {
    const body = `第一段。\r\n\r\n第二段。\n  \n\n${pairs(501)}\n`;
    const [violation] = mdxViolations(body);
    expect(violation.line).toBe(body.split('\n').findIndex((l) => l.startsWith('*')) + 1);
  });

  it('refuses 3,000 nested emphases in the build before the parser, which would take seconds, runs', () => {
    const body = '*a '.repeat(3000) + 'x' + '*'.repeat(3000) + '\n';
    const build = buildRefuses(body);
    expect(build.refused).toBe(true);
    expect(build.message).toMatch(/标记超过 1000 个/);
    expect(build.ms).toBeLessThan(500);
  });
});
