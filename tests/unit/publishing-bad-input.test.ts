/**
 * Bad input never reaches the published site: every class of careless or hostile data and content is refused by the
 * validation that `npm run check` and `npm run build` both run (scripts/check.ts: readSourceFiles, validateDataset),
 * with a message naming the file (and field) and saying how to fix it, and nothing in a file ever runs. Several
 * variants per class, against a copy of the project's own data/ and content/, one case at a time, in-process.
 *
 * That a refused check stops the build with dist/ left byte-for-byte as it was is one end-to-end case
 * (tests/build/publishing-new-user.test.ts); hostile MDX against Astro's own pipeline is tests/build/hostile-mdx.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { readSourceFiles } from '../../src/data/read-sources';
import { formatProblem, validateDataset, validateMdx, type MdxValidated, type SourceFiles } from '../../src/data/validate';
import { importObservations } from '../../src/publishing/import-observations';
import { editJson, editText } from '../support/publishing';

let dir: string;
const markers = mkdtempSync(join(tmpdir(), 'yigongti-hostile-'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yigongti-bad-input-'));
  for (const part of ['data', 'content', 'templates']) cpSync(part, join(dir, part), { recursive: true });
  baseline = readSourceFiles(dir);
  baselineMdx = validateMdx(baseline.mdx);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(markers, { recursive: true, force: true });
});

let baseline: SourceFiles;
let baselineMdx: MdxValidated;
const sameMdx = (a: SourceFiles['mdx'], b: SourceFiles['mdx']) =>
  (['documents', 'updates'] as const).every((c) => a[c].length === b[c].length && a[c].every((f, i) => f.path === b[c][i].path && f.text === b[c][i].text && !f.notUtf8 && !b[c][i].notUtf8));

/**
 * What `npm run check` prints for the copy: one `✗ file…` line (and its hint) per problem. The MDX files' validation is
 * reused when a case left them as they were (it is a pure function of them, and most of the time taken).
 */
function check(): { problems: number; output: string } {
  const files = readSourceFiles(dir);
  const { problems } = validateDataset(files, sameMdx(files.mdx, baseline.mdx) ? { mdx: () => baselineMdx } : {});
  return { problems: problems.length, output: problems.map((p) => '✗ ' + formatProblem(p)).join('\n') };
}

const firstFile = (folder: string, ext: string) => `${folder}/${readdirSync(join(dir, folder)).filter((f) => f.endsWith(ext)).sort()[0]}`;
const firstEntry = (folder: string) => JSON.parse(readFileSync(join(dir, firstFile(folder, '.json')), 'utf8'))[0];

/** Writes a new file (text or bytes); returns a function that removes it. */
function addFile(file: string, content: string | Uint8Array): () => void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), content);
  return () => rmSync(join(dir, file));
}

/** A valid update with its frontmatter changed. */
const updateText = (change: (front: string) => string = (f) => f) =>
  `---\n${change('title: 门诊时间调整\ndate: 2024-08-13\nsummary: 门诊时间调整。')}\n---\n\n正文。\n`;

/** 资中县人民医院 in GBK, in place of NAME inside otherwise ASCII JSON or MDX. */
const gbk = (text: string) => {
  const name = [0xd7, 0xca, 0xd6, 0xd0, 0xcf, 0xd8, 0xc8, 0xcb, 0xc3, 0xf1, 0xd2, 0xbd, 0xd4, 0xba];
  const [before, after] = text.split('NAME');
  return new Uint8Array([...Buffer.from(before), ...name, ...Buffer.from(after)]);
};

/** Code that leaves a file behind if it ever runs. */
const writes = (name: string) => `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(join(markers, name))}, "ran")`;
const HOSTILE_FRONTMATTER = '---\ntitle: 门诊时间调整\ndate: 2024-09-02\nregions: []\nsummary: 门诊时间调整的通知。\n---\n\n第一段文字。\n\n';

interface Broken {
  /** The file the message must name (at the start of its line, as `✗ file`, or `✗ file:line` with `line`). */
  file: string;
  line?: number;
  field?: string;
  /** Words the message must contain. */
  says: string[];
  restore: () => void;
  /** A marker file that appears if code in the file ran. */
  marker?: string;
}

interface Case {
  name: string;
  breakIt: () => Broken;
}

const inObservations = (change: (o: any[]) => void, field: string | undefined, says: string[]): (() => Broken) => () => {
  const file = firstFile('data/observations', '.json');
  return { file, field, says, restore: editJson(dir, file, change) };
};

const cases: [string, Case[]][] = [
  [
    'broken files',
    [
      { name: 'broken JSON', breakIt: () => { const file = firstFile('data/institutions', '.json'); return { file, says: ['JSON 格式错误', 'broken JSON'], restore: editText(dir, file, (t) => t.replace(/",\n/, '"\n')) }; } },
      { name: 'a JSON file saved as GBK', breakIt: () => ({ file: 'data/institutions/zz-gbk.json', says: ['不是 UTF-8', 'GBK'], restore: addFile('data/institutions/zz-gbk.json', gbk('[{"id": "zz-gbk", "name": "NAME"}]')) }) },
      { name: 'an update saved as GBK', breakIt: () => ({ file: 'content/updates/zz-gbk.mdx', says: ['不是 UTF-8'], restore: addFile('content/updates/zz-gbk.mdx', gbk(updateText((f) => f.replace('门诊时间调整', 'NAME')))) }) },
      { name: 'an MDX file with broken frontmatter', breakIt: () => { const file = firstFile('content/documents', '.mdx'); return { file, field: 'title', says: ['元数据（frontmatter）格式错误', 'broken frontmatter'], restore: editText(dir, file, (t) => t.replace(/^title: (.*)$/m, 'title: [$1')) }; } },
      { name: 'an MDX body the page cannot be built from (a bare < before a number)', breakIt: () => { const file = firstFile('content/updates', '.mdx'); return { file, field: '正文 body', says: ['正文无法解析'], restore: editText(dir, file, (t) => `${t}\n年龄<5岁的儿童优先。\n`) }; } },
    ],
  ],
  [
    'fields',
    [
      { name: 'a text where a number belongs', breakIt: inObservations((o) => (o[0].value = `约${o[0].value}`), 'value', ['应为数字，实际是文字', 'expected number']) },
      { name: 'a missing required field', breakIt: () => { const file = firstFile('data/groups', '.json'); return { file, field: 'summary', says: ['缺少必填字段', 'required field is missing'], restore: editJson(dir, file, (g) => delete g[0].summary) }; } },
      { name: 'an MDX file without a title', breakIt: () => { const file = firstFile('content/updates', '.mdx'); return { file, field: 'title', says: ['缺少必填字段'], restore: editText(dir, file, (t) => t.replace(/^title: .*\n/m, '')) }; } },
      ...['1e309', '-1e309'].map((n) => ({
        name: `a value of ${n}`,
        breakIt: () => { const file = firstFile('data/observations', '.json'); return { file, says: ['value', 'finite'], restore: editText(dir, file, (t) => t.replace(/"value": [-\d.]+/, `"value": ${n}`)) }; },
      })),
      {
        name: 'a key written twice',
        breakIt: () => { const file = firstFile('data/institutions', '.json'); return { file, says: ['"kind"', '两次'], restore: editText(dir, file, (t) => t.replace('"kind": ', '"kind": "other",\n    "kind": ')) }; },
      },
    ],
  ],
  [
    'dates and periods',
    [
      ...['2024-02-31', '2023-02-29', '2024-08/2019-11'].map((period) => ({ name: `a period ${period}`, breakIt: inObservations((o) => (o[0].period = period), undefined, ['period', period.split('/')[0]]) })),
      { name: 'a document date that is not a date', breakIt: () => { const file = firstFile('content/documents', '.mdx'); return { file, field: 'date', says: ['日期', 'date'], restore: editText(dir, file, (t) => t.replace(/^date: .*$/m, 'date: 2024-02-30')) }; } },
      { name: 'an update dated next year', breakIt: () => ({ file: 'content/updates/zz-future.mdx', says: ['date'], restore: addFile('content/updates/zz-future.mdx', updateText((f) => f.replace('2024-08-13', `${new Date().getFullYear() + 1}-01-01`))) }) },
    ],
  ],
  [
    'names and titles a reader cannot see',
    [
      ...['', '\u200B\u200B', '\u202Eevil', '  '].map((name) => ({
        name: `an institution named ${JSON.stringify(name)}`,
        breakIt: () => { const file = firstFile('data/institutions', '.json'); return { file, says: ['name'], restore: editJson(dir, file, (i) => (i[0].name = name)) }; },
      })),
      { name: 'an update titled with an unquoted date', breakIt: () => ({ file: 'content/updates/zz-date-title.mdx', says: ['title'], restore: addFile('content/updates/zz-date-title.mdx', updateText((f) => f.replace('title: 门诊时间调整', 'title: 2024-08-13'))) }) },
      { name: 'a title of zero-width spaces', breakIt: () => ({ file: 'content/updates/zz-blank-title.mdx', says: ['title'], restore: addFile('content/updates/zz-blank-title.mdx', updateText((f) => f.replace('title: 门诊时间调整', 'title: "\u200B\u200B"'))) }) },
    ],
  ],
  [
    'ids and references',
    [
      { name: 'a 300-character id', breakIt: () => { const file = firstFile('data/indicators', '.json'); return { file, says: ['id'], restore: editJson(dir, file, (i) => i.push({ ...i[0], id: 'x'.repeat(300) })) }; } },
      {
        name: 'a duplicate id',
        breakIt: () => {
          const first = firstEntry('data/institutions');
          const file = 'data/institutions/zz-added-again.json';
          return { file, field: 'id', says: ['id 重复', first.id], restore: editText(dir, file, () => JSON.stringify([first], null, 2)) };
        },
      },
      { name: 'a reference to an institution that does not exist', breakIt: () => { const file = firstFile('data/groups', '.json'); return { file, field: 'lead', says: ['no-such-hospital', '不存在'], restore: editJson(dir, file, (g) => (g[0].lead = 'no-such-hospital')) }; } },
      { name: 'a reference to an indicator that does not exist', breakIt: inObservations((o) => (o[0].indicator = 'no-such-indicator'), 'indicator', ['no-such-indicator', '不存在']) },
      {
        name: 'a region that is its own grandparent',
        breakIt: () => {
          const file = firstFile('data/regions', '.json');
          let ids: string[] = [];
          const restore = editJson(dir, file, (regions) => {
            const province = regions.find((r: any) => !r.parent);
            const child = regions.find((r: any) => r.parent === province.id);
            province.parent = child.id;
            ids = [province.id, child.id];
          });
          return { file, says: ['绕成了一个圈', ...ids], restore };
        },
      },
      {
        name: 'a lead listed again as a member',
        breakIt: () => { const file = firstFile('data/groups', '.json'); return { file, says: ['members', '两次'], restore: editJson(dir, file, (g) => g.find((x: any) => x.lead).members.push({ institution: g.find((x: any) => x.lead).lead })) }; },
      },
    ],
  ],
  [
    'figures and their sources',
    [
      { name: 'an observation whose excerpt does not contain its value', breakIt: inObservations((o) => (o[0].source.excerpt = '原文在这里没有写数字'), 'source.excerpt', ['找不到数值', 'does not contain the value']) },
      {
        name: 'a correction whose new value is not what the figure now says',
        breakIt: () => {
          const figure = firstEntry('data/observations');
          const file = 'data/corrections/zz-test.json';
          const correction = { id: 'zz-test-fix', observation: figure.id, date: '2024-09-02', old: figure.value + 1, new: figure.value + 2, why: '测试', who: '测试' };
          return { file, field: 'new', says: ['不一致'], restore: editText(dir, file, () => JSON.stringify([correction], null, 2)) };
        },
      },
    ],
  ],
  [
    'files out of place',
    [
      { name: 'a 120-character file name', breakIt: () => ({ file: `content/updates/${'a'.repeat(120)}.mdx`, says: ['文件名太长'], restore: addFile(`content/updates/${'a'.repeat(120)}.mdx`, updateText()) }) },
      ...[
        ['data/observation/zz.json', '[]'],
        ['data/groups/zz.txt', 'x'],
        ['data/groups/zz.csv', 'a,b'],
        ['content/updates/zz.md', updateText()],
        ['content/updates/ZZ.MDX', updateText()],
        ['content/updates/2024/zz.mdx', updateText()],
        ['content/documents/zz.json', '{}'],
      ].map(([file, text]) => ({ name: `a file at ${file}`, breakIt: () => ({ file, says: [file.split('/')[1]], restore: addFile(file, text) }) })),
    ],
  ],
  [
    'MDX that tries to run code (it never runs)',
    [
      ['attribute-expression', (w: string) => `<span title={${w}}>x</span>\n`],
      ['spread', (w: string) => `<Note {...{ title: ${w} }}>x</Note>\n`],
      ['export', (w: string) => `export const x = ${w}\n`],
      ['flow-expression', (w: string) => `{${w}}\n`],
      ['text-expression', (w: string) => `通知 {${w}} 结束\n`],
      // An image whose label is defined twice: Astro would import the first definition as a module; a backslash path.
      ['image-definition', () => `![图表][c]\n\n[c]: ../../hostile-chart.mjs\n[c]: /images/chart.png\n`, 12],
      ['image-backslash', () => `![图表](..\\..\\hostile-chart.mjs)\n`],
      ['import', () => `import fs from "node:fs"\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n`],
    ].map(([name, body, line]) => ({
      name: name as string,
      breakIt: () => {
        const file = `content/updates/2024-09-02-hostile-${name}.mdx`;
        return { file, line: (line as number | undefined) ?? 10, says: [], marker: name as string, restore: addFile(file, HOSTILE_FRONTMATTER + (body as (w: string) => string)(writes(name as string))) };
      },
    })),
  ],
];

describe('bad or hostile input: npm run check refuses it, naming the file and field and how to fix it', () => {
  it('the untouched copy of the project checks clean', () => {
    expect(check()).toEqual({ problems: 0, output: '' });
  });

  for (const [group, list] of cases) {
    describe(group, () => {
      for (const c of list) {
        it(c.name, () => {
          const broken = c.breakIt();
          try {
            const { problems, output } = check();
            expect(problems, 'no problem found').toBeGreaterThan(0);
            const where = broken.line ? `✗ ${broken.file}:${broken.line}` : `✗ ${broken.file}`;
            expect(output.split('\n').some((l) => l.startsWith(where)), `no problem reported for ${where} in:\n${output}`).toBe(true);
            if (broken.field) expect(output).toContain(`字段 field “${broken.field}”`);
            for (const words of broken.says) expect(output).toContain(words);
            expect(output).toContain('怎么改：');
            expect(output).toContain('How to fix:');
            if (broken.marker) expect(existsSync(join(markers, broken.marker)), 'the hostile code ran').toBe(false);
          } finally {
            broken.restore();
          }
        });
      }
    });
  }

  it('after every case was put right, the copy checks clean again', () => {
    expect(check()).toEqual({ problems: 0, output: '' });
  });
});

describe('a spreadsheet with a bad row', () => {
  it('is refused by row and column, nothing is written, and a copy of a published figure is only a warning', () => {
    const header = readFileSync(join(dir, 'templates/observations-template.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n')[0];
    const figure = firstEntry('data/observations');
    const row = (value: string) =>
      ['', figure.indicator, figure.subject.type, figure.subject.id, figure.period, '', value, '实际', '', '', figure.source.document, figure.source.section, figure.source.excerpt];
    const rows = parse(header + '\n' + stringify([row(String(figure.value)), row('约一百')]), { relax_column_count: true }) as string[][];
    const result = importObservations(rows, { file: 'figures.csv', outPath: 'data/observations/figures.json', files: readSourceFiles(dir) });
    expect(result.text).toBe('');
    expect(result.problems.map((p) => [p.file, p.line, p.field])).toEqual([['figures.csv', 3, '数值 value']]);
    // Row 2 is a copy of a published figure: no error, but the importer warns that it duplicates one.
    expect(result.warnings.map((w) => w.line)).toContain(2);
    // Staff read the figure by its indicator's Chinese name; the id stays in the English line for whoever helps them.
    const indicatorName = readdirSync(join(dir, 'data/indicators'))
      .flatMap((f) => JSON.parse(readFileSync(join(dir, 'data/indicators', f), 'utf8')) as { id: string; name: string }[])
      .find((i) => i.id === figure.indicator)?.name;
    const warning = result.warnings.find((w) => w.line === 2);
    expect(indicatorName).toBeTruthy();
    expect(warning?.zh).toContain(indicatorName);
    expect(warning?.zh).not.toContain(figure.id);
    expect(warning?.en).toContain(figure.id);
  });
});
