/**
 * Bad input never reaches the published site: each broken file fails `npm run check` and `npm run build` with a
 * message naming the file and field (and how to fix it), and the last good dist/ stays byte-for-byte as it was.
 * Runs in a throwaway copy of the project, built once while good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { build, editJson, editText, hashFolder, makeProject, removeProject, runScript } from '../support/publishing';

let dir: string;
let goodDist: string;

/** The first file of a data or content folder (sorted), so the cases follow whatever the curators have written. */
function firstFile(folder: string, ext: string): string {
  const name = readdirSync(join(dir, folder))
    .filter((f) => f.endsWith(ext))
    .sort()[0];
  return `${folder}/${name}`;
}

interface Case {
  name: string;
  /** Breaks one file; returns what to find in the message (file, field, words) and how to undo the break. */
  breakIt: () => { file: string; field?: string; says: string[]; restore: () => void };
}

const cases: Case[] = [
  {
    name: 'broken JSON',
    breakIt: () => {
      const file = firstFile('data/institutions', '.json');
      const restore = editText(dir, file, (t) => t.replace(/",\n/, '"\n'));
      return { file, says: ['JSON 格式错误', 'broken JSON'], restore };
    },
  },
  {
    name: 'a text where a number belongs',
    breakIt: () => {
      const file = firstFile('data/observations', '.json');
      const restore = editJson(dir, file, (o) => (o[0].value = `约${o[0].value}`));
      return { file, field: 'value', says: ['应为数字，实际是文字', 'expected number'], restore };
    },
  },
  {
    name: 'a missing required field',
    breakIt: () => {
      const file = firstFile('data/groups', '.json');
      const restore = editJson(dir, file, (g) => delete g[0].summary);
      return { file, field: 'summary', says: ['缺少必填字段', 'required field is missing'], restore };
    },
  },
  {
    name: 'a reference to an institution that does not exist',
    breakIt: () => {
      const file = firstFile('data/groups', '.json');
      const restore = editJson(dir, file, (g) => (g[0].lead = 'no-such-hospital'));
      return { file, field: 'lead', says: ['no-such-hospital', '不存在'], restore };
    },
  },
  {
    name: 'a reference to an indicator that does not exist',
    breakIt: () => {
      const file = firstFile('data/observations', '.json');
      const restore = editJson(dir, file, (o) => (o[0].indicator = 'no-such-indicator'));
      return { file, field: 'indicator', says: ['no-such-indicator', '不存在'], restore };
    },
  },
  {
    name: 'a duplicate id',
    breakIt: () => {
      const first = JSON.parse(readFileSync(join(dir, firstFile('data/institutions', '.json')), 'utf8'))[0];
      const file = 'data/institutions/zz-added-again.json';
      const restore = editText(dir, file, () => JSON.stringify([first], null, 2));
      return { file, field: 'id', says: ['id 重复', first.id], restore };
    },
  },
  {
    name: 'an observation whose excerpt does not contain its value',
    breakIt: () => {
      const file = firstFile('data/observations', '.json');
      const restore = editJson(dir, file, (o) => (o[0].source.excerpt = '原文在这里没有写数字'));
      return { file, field: 'source.excerpt', says: ['找不到数值', 'does not contain the value'], restore };
    },
  },
  {
    name: 'a date that is not a date',
    breakIt: () => {
      const file = firstFile('content/documents', '.mdx');
      const restore = editText(dir, file, (t) => t.replace(/^date: .*$/m, 'date: 2024-02-30'));
      return { file, field: 'date', says: ['日期', 'date'], restore };
    },
  },
  {
    name: 'an MDX file with broken frontmatter',
    breakIt: () => {
      const file = firstFile('content/documents', '.mdx');
      const restore = editText(dir, file, (t) => t.replace(/^title: (.*)$/m, 'title: [$1'));
      return { file, field: 'title', says: ['元数据（frontmatter）格式错误', 'broken frontmatter'], restore };
    },
  },
  {
    name: 'an MDX file without a title',
    breakIt: () => {
      const file = firstFile('content/updates', '.mdx');
      const restore = editText(dir, file, (t) => t.replace(/^title: .*\n/m, ''));
      return { file, field: 'title', says: ['缺少必填字段'], restore };
    },
  },
  {
    name: 'an MDX body the page cannot be built from (a bare < before a number)',
    breakIt: () => {
      const file = firstFile('content/updates', '.mdx');
      const restore = editText(dir, file, (t) => `${t}\n年龄<5岁的儿童优先。\n`);
      return { file, field: '正文 body', says: ['正文无法解析'], restore };
    },
  },
  {
    name: 'a correction whose new value is not what the figure now says',
    breakIt: () => {
      const figure = JSON.parse(readFileSync(join(dir, firstFile('data/observations', '.json')), 'utf8'))[0];
      const file = 'data/corrections/zz-test.json';
      const correction = { id: 'zz-test-fix', observation: figure.id, date: '2024-09-02', old: figure.value + 1, new: figure.value + 2, why: '测试', who: '测试' };
      const restore = editText(dir, file, () => JSON.stringify([correction], null, 2));
      return { file, field: 'new', says: ['不一致'], restore };
    },
  },
];

beforeAll(async () => {
  dir = makeProject();
  const good = await build(dir);
  if (good.status !== 0) throw new Error(`the good build failed:\n${good.output.slice(-3000)}`);
  goodDist = hashFolder(join(dir, 'dist'));
}, 300_000);

afterAll(() => removeProject(dir));

/** What an editor reads: the file, the field and the words of the problem, then how to fix it. */
function expectClearMessage(output: string, expected: ReturnType<Case['breakIt']>) {
  const line = output.split('\n').find((l) => l.startsWith(`✗ ${expected.file}`));
  expect(line, `no problem reported for ${expected.file} in:\n${output}`).toBeDefined();
  if (expected.field) expect(output).toContain(`字段 field “${expected.field}”`);
  for (const words of expected.says) expect(output).toContain(words);
  expect(output).toContain('怎么改：');
  expect(output).toContain('How to fix:');
}

describe('bad input: npm run check and npm run build stop with a clear message, dist/ stays as it was', () => {
  it('the good copy checks clean and built', () => {
    expect(runScript(dir, 'scripts/check.ts').status).toBe(0);
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(true);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const broken = c.breakIt();
      try {
        const check = runScript(dir, 'scripts/check.ts');
        expect(check.status).toBe(1);
        expectClearMessage(check.stderr, broken);
        expect(check.stderr).toContain('未发布');

        const built = await build(dir);
        expect(built.status).toBe(1);
        expectClearMessage(built.stderr, broken);
        expect(built.stderr).toContain('dist/ 保持不变');
        expect(hashFolder(join(dir, 'dist'))).toBe(goodDist);
      } finally {
        broken.restore();
      }
    }, 120_000);
  }

  it('a spreadsheet row with a bad value is refused by row and column, and nothing is written', () => {
    const header = readFileSync(join(dir, 'templates/observations-template.csv'), 'utf8').split('\n')[0];
    const figure = JSON.parse(readFileSync(join(dir, firstFile('data/observations', '.json')), 'utf8'))[0];
    const row = (value: string) =>
      ['', figure.indicator, figure.subject.type, figure.subject.id, figure.period, '', value, '实际', '', '', figure.source.document, figure.source.section, figure.source.excerpt];
    writeFileSync(join(dir, 'figures.csv'), header + '\n' + stringify([row(String(figure.value)), row('约一百')]));
    const before = hashFolder(join(dir, 'data'));

    const imported = runScript(dir, 'scripts/import.ts', ['observations', 'figures.csv']);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('✗ figures.csv:3');
    expect(imported.stderr).toContain('字段 field “数值 value”');
    expect(imported.stderr).toContain('没有写入任何文件');
    // Row 2 is a copy of a published figure: no error, but the importer warns that it duplicates one.
    expect(imported.stderr).not.toContain('✗ figures.csv:2 ');
    expect(imported.stderr).toContain('⚠ figures.csv:2');
    expect(hashFolder(join(dir, 'data'))).toBe(before);
    expect(runScript(dir, 'scripts/check.ts').status).toBe(0);
    expect(hashFolder(join(dir, 'dist'))).toBe(goodDist);
  });

  it('after every broken case was put right, the copy checks clean again', () => {
    const check = runScript(dir, 'scripts/check.ts');
    expect(check.output).toContain('✓');
    expect(check.status).toBe(0);
  });
});
