/**
 * Check and build agree on careless or hostile data: every case below fails `npm run check` naming the file, and
 * fails `npm run build` the same way before Astro starts, leaving dist/ byte-identical. Several variants per class.
 * Runs in a throwaway copy of the project, built once while good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, editJson, editText, hashFolder, makeProject, removeProject, runScript } from '../support/publishing';

let dir: string;
let goodDist: string;

const firstFile = (folder: string, ext: string) => `${folder}/${readdirSync(join(dir, folder)).filter((f) => f.endsWith(ext)).sort()[0]}`;

/** Writes a new file (text or bytes); returns a function that removes it. */
function addFile(file: string, content: string | Uint8Array): () => void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), content);
  return () => rmSync(join(dir, file));
}

/** A valid update with its frontmatter changed. */
const updateText = (change: (front: string) => string = (f) => f) =>
  `---\n${change('title: 门诊时间调整\ndate: 2024-08-13\nsummary: 门诊时间调整。')}\n---\n\n正文。\n`;

interface Case {
  name: string;
  breakIt: () => { file: string; says: string[]; restore: () => void };
}

const gbk = (text: string) => {
  // 资中县人民医院 in GBK, inside otherwise ASCII JSON/MDX.
  const name = [0xd7, 0xca, 0xd6, 0xd0, 0xcf, 0xd8, 0xc8, 0xcb, 0xc3, 0xf1, 0xd2, 0xbd, 0xd4, 0xba];
  const [before, after] = text.split('NAME');
  return new Uint8Array([...Buffer.from(before), ...name, ...Buffer.from(after)]);
};

const cases: Case[] = [
  // Encoding
  { name: 'a JSON file saved as GBK', breakIt: () => ({ file: 'data/institutions/zz-gbk.json', says: ['不是 UTF-8', 'GBK'], restore: addFile('data/institutions/zz-gbk.json', gbk('[{"id": "zz-gbk", "name": "NAME"}]')) }) },
  { name: 'an update saved as GBK', breakIt: () => ({ file: 'content/updates/zz-gbk.mdx', says: ['不是 UTF-8'], restore: addFile('content/updates/zz-gbk.mdx', gbk(updateText((f) => f.replace('门诊时间调整', 'NAME')))) }) },
  // Numbers
  ...['1e309', '-1e309'].map((n) => ({
    name: `a value of ${n}`,
    breakIt: () => {
      const file = firstFile('data/observations', '.json');
      return { file, says: ['value', 'finite'], restore: editText(dir, file, (t) => t.replace(/"value": [-\d.]+/, `"value": ${n}`)) };
    },
  })),
  // Dates and periods
  ...['2024-02-31', '2023-02-29', '2024-08/2019-11'].map((period) => ({
    name: `a period ${period}`,
    breakIt: () => {
      const file = firstFile('data/observations', '.json');
      return { file, says: ['period', period.split('/')[0]], restore: editJson(dir, file, (o) => (o[0].period = period)) };
    },
  })),
  { name: 'an update dated next year', breakIt: () => ({ file: 'content/updates/zz-future.mdx', says: ['date'], restore: addFile('content/updates/zz-future.mdx', updateText((f) => f.replace('2024-08-13', `${new Date().getFullYear() + 1}-01-01`))) }) },
  // Visible names
  ...['', '\u200B\u200B', '\u202Eevil', '  '].map((name) => ({
    name: `an institution named ${JSON.stringify(name)}`,
    breakIt: () => {
      const file = firstFile('data/institutions', '.json');
      return { file, says: ['name'], restore: editJson(dir, file, (i) => (i[0].name = name)) };
    },
  })),
  { name: 'an update titled with an unquoted date', breakIt: () => ({ file: 'content/updates/zz-date-title.mdx', says: ['title'], restore: addFile('content/updates/zz-date-title.mdx', updateText((f) => f.replace('title: 门诊时间调整', 'title: 2024-08-13'))) }) },
  { name: 'a title of zero-width spaces', breakIt: () => ({ file: 'content/updates/zz-blank-title.mdx', says: ['title'], restore: addFile('content/updates/zz-blank-title.mdx', updateText((f) => f.replace('title: 门诊时间调整', 'title: "\u200B\u200B"'))) }) },
  // Ids
  {
    name: 'a 300-character id',
    breakIt: () => {
      const file = firstFile('data/indicators', '.json');
      return { file, says: ['id'], restore: editJson(dir, file, (i) => i.push({ ...i[0], id: 'x'.repeat(300) })) };
    },
  },
  { name: 'a 120-character file name', breakIt: () => ({ file: `content/updates/${'a'.repeat(120)}.mdx`, says: ['文件名太长'], restore: addFile(`content/updates/${'a'.repeat(120)}.mdx`, updateText()) }) },
  // Duplicate keys, loops, repeated roster rows
  {
    name: 'a key written twice',
    breakIt: () => {
      const file = firstFile('data/institutions', '.json');
      return { file, says: ['"kind"', '两次'], restore: editText(dir, file, (t) => t.replace('"kind": ', '"kind": "other",\n    "kind": ')) };
    },
  },
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
    breakIt: () => {
      const file = firstFile('data/groups', '.json');
      return { file, says: ['members', '两次'], restore: editJson(dir, file, (g) => g.find((x: any) => x.lead).members.push({ institution: g.find((x: any) => x.lead).lead })) };
    },
  },
  // Files out of place
  ...[
    ['data/observation/zz.json', '[]'],
    ['data/groups/zz.txt', 'x'],
    ['data/groups/zz.csv', 'a,b'],
    ['content/updates/zz.md', updateText()],
    ['content/updates/ZZ.MDX', updateText()],
    ['content/updates/2024/zz.mdx', updateText()],
    ['content/documents/zz.json', '{}'],
  ].map(([file, text]) => ({ name: `a file at ${file}`, breakIt: () => ({ file, says: [file.split('/')[1]], restore: addFile(file, text) }) })),
];

beforeAll(async () => {
  dir = makeProject();
  const good = await build(dir);
  if (good.status !== 0) throw new Error(`the good build failed:\n${good.output.slice(-3000)}`);
  goodDist = hashFolder(join(dir, 'dist'));
}, 300_000);

afterAll(() => removeProject(dir));

describe('hostile or careless data: check and build both refuse it, naming the file; dist/ stays as it was', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const broken = c.breakIt();
      try {
        const check = runScript(dir, 'scripts/check.ts');
        expect(check.status, check.output).toBe(1);
        const line = check.stderr.split('\n').find((l) => l.startsWith(`✗ ${broken.file}`));
        expect(line, `no problem reported for ${broken.file} in:\n${check.stderr}`).toBeDefined();
        for (const words of broken.says) expect(check.stderr).toContain(words);
        expect(check.stderr).toContain('怎么改：');

        const built = await build(dir);
        expect(built.status).toBe(1);
        expect(built.stderr).toContain(`✗ ${broken.file}`);
        expect(built.stderr).toContain('dist/ 保持不变');
        expect(hashFolder(join(dir, 'dist'))).toBe(goodDist);
      } finally {
        broken.restore();
      }
    }, 120_000);
  }

  it('after every case was put right, the copy checks clean again and nothing is left in staging', () => {
    const check = runScript(dir, 'scripts/check.ts');
    expect(check.status, check.output).toBe(0);
    expect(existsSync(join(dir, '.build-staging')) ? readdirSync(join(dir, '.build-staging')) : []).toEqual([]);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain('<html');
  });
});
