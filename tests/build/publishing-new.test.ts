/**
 * `npm run new` for every kind of file, in a throwaway copy of the project: each writes a correctly-formed entry in the
 * right folder that `npm run check` accepts, asks for what is missing, and writes nothing when the answer is wrong.
 * The command runs in-process (src/publishing/new-entry.ts, with the project folder, piped input and the two output
 * streams it would get from a terminal); one run types `npm run new` as an editor does, and `npm run check` runs as a
 * process too, so the command line stays tested end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { makeProject, removeProject, runScript, hashFolder, spawnRun, type Run } from '../support/publishing';
import { todayInChina } from '../../src/publishing/scaffold';
import { newEntry as runNewEntry } from '../../src/publishing/new-entry';

let dir: string;
let doc: string;
const today = todayInChina();
const idOf = (output: string) => output.match(/（id: ([a-z0-9-]+)）/)?.[1];
const fileOf = (output: string) => output.match(/written: (\S+)（/)?.[1];

/** `npm run new -- args` in-process, `input` piped in (or typed at a terminal), collecting what it prints as a process would. */
async function newEntry(args: string[], input = '', interactive = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runNewEntry(args, {
    root: dir,
    input: Readable.from(input ? [input] : []),
    interactive,
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { status, stdout, stderr, output: stdout + stderr };
}

beforeAll(async () => {
  dir = makeProject();
  doc = readdirSync(join(dir, 'content/documents')).sort()[0].replace(/\.mdx$/, '');
});
afterAll(() => removeProject(dir));

describe('npm run new', () => {
  it('writes a document digest as MDX under content/documents/, named by region, year and type', async () => {
    const run = await newEntry(['document', '--title', '测试文件摘要', '--original-title', '原标题', '--issuer', '某县卫生健康局', '--date', '2024-08', '--type', '工作报告', '--regions', '资中县', '--outlet', '某网站', '--summary', '一句话。', '--body', '我们自己的话。']);
    expect(run.status, run.output).toBe(0);
    expect(fileOf(run.output)).toBe(`content/documents/${idOf(run.output)}.mdx`);
    expect(idOf(run.output)).toMatch(/^zizhong-2024-report(-\d+)?$/);
    const text = readFileSync(join(dir, fileOf(run.output)!), 'utf8');
    expect(text).toMatch(/^---\ntitle: 测试文件摘要\noriginalTitle: 原标题\n/);
    expect(text).toContain('type: report');
  });

  it("writes an update dated today, and asks for what the flags leave out (typed as npm run new)", async () => {
    const run = await spawnRun('npm', ['run', '--silent', 'new', '--', 'update', '--regions', 'zizhong'], { cwd: dir, input: '问来的标题\n问来的摘要\n问来的正文。\n' });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('* 标题');
    // Piped answers are shown after their questions, so the transcript reads like a conversation.
    expect(run.stdout).toMatch(/标题[^\n]*：问来的标题\n/);
    expect(idOf(run.output)).toBe(`${today}-zizhong`);
    const text = readFileSync(join(dir, `content/updates/${today}-zizhong.mdx`), 'utf8');
    expect(text).toContain('title: 问来的标题');
    expect(text).toContain(`date: ${today}`);
    expect(text).toContain('问来的正文。');
  });

  it('gives the next update of the same day and place its own id', async () => {
    const run = await newEntry(['update', '--title', '第二条', '--summary', '摘要', '--regions', 'zizhong', '--body', '正文'], '');
    expect(idOf(run.output)).toBe(`${today}-zizhong-2`);
  });

  it('appends an institution, then a group led by it, then a figure about the group, each to its default file', async () => {
    const inst = await newEntry(['institution', '--name', '测试镇卫生院', '--kind', '乡镇卫生院', '--region', '资中县', '--document', doc, '--section', '一、', '--id', 'zizhong-test-health-centre']);
    expect(inst.status, inst.output).toBe(0);
    expect(fileOf(inst.output)).toBe(`data/institutions/zizhong-${today}.json`);

    const group = await newEntry(['group', '--name', '测试医共体', '--kind', 'county', '--region', 'zizhong', '--lead', '测试镇卫生院', '--summary', '测试。', '--document', doc, '--section', '一、']);
    expect(group.status, group.output).toBe(0);
    const [written] = JSON.parse(readFileSync(join(dir, fileOf(group.output)!), 'utf8'));
    expect(written).toMatchObject({ name: '测试医共体', lead: 'zizhong-test-health-centre', sources: [{ document: doc, section: '一、' }] });

    const figure = await newEntry(['observation', '--indicator', 'remote-imaging-cases', '--subject-type', '医共体或医疗集团', '--subject', '测试医共体', '--period', '2025-Q1', '--value', '321', '--qualifier', '约', '--document', doc, '--section', '一、', '--excerpt', '约321人次']);
    expect(figure.status, figure.output).toBe(0);
    expect(idOf(figure.output)).toBe('zizhong-remote-imaging-cases-2025-q1');
    const again = await newEntry(['observation', '--indicator', 'remote-imaging-cases', '--subject-type', 'group', '--subject', written.id, '--period', '2025-Q1', '--value', '322', '--document', doc, '--section', '一、', '--excerpt', '322人次']);
    expect(idOf(again.output)).toBe('zizhong-remote-imaging-cases-2025-q1-2');
    const figures = JSON.parse(readFileSync(join(dir, fileOf(again.output)!), 'utf8'));
    expect(figures.map((f: { value: number }) => f.value)).toEqual([321, 322]);
    expect(figures[0]).toMatchObject({ subject: { type: 'group', id: written.id }, kind: 'actual', qualifier: 'about' });
  });

  it('records a correction, taking the new value from the corrected figure', async () => {
    const run = await newEntry(['correction', '--observation', 'zizhong-remote-imaging-cases-2025-q1', '--old', '312', '--why', '数字颠倒。', '--who', '测试局']);
    expect(run.status, run.output).toBe(0);
    expect(fileOf(run.output)).toBe(`data/corrections/${today.slice(0, 4)}.json`);
    const [correction] = JSON.parse(readFileSync(join(dir, fileOf(run.output)!), 'utf8'));
    expect(correction).toMatchObject({ field: 'value', old: 312, new: 321, date: today });
  });

  it('leaves a project that npm run check accepts', async () => {
    const check = await runScript(dir, 'scripts/check.ts');
    expect(check.stdout).toContain('corrections 1');
    expect(check.status, check.output).toBe(0);
  });

  it('writes nothing when an answer is wrong, and says what would be right', async () => {
    const before = hashFolder(join(dir, 'data'));
    const unknown = await newEntry(['observation', '--indicator', '远程影像', '--subject-type', 'region', '--subject', 'zizhong', '--period', '2024', '--value', '1', '--document', doc, '--section', '一', '--excerpt', '1']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('是不是：remote-imaging-cases');
    const notNumber = await newEntry(['observation', '--indicator', 'remote-imaging-cases', '--subject-type', 'region', '--subject', 'zizhong', '--period', '2024', '--value', '约10万', '--document', doc, '--section', '一', '--excerpt', '约10万']);
    expect(notNumber.stderr).toContain('不是纯数字');
    const excerpt = await newEntry(['observation', '--indicator', 'remote-imaging-cases', '--subject-type', 'region', '--subject', 'zizhong', '--period', '2024', '--value', '5', '--document', doc, '--section', '一', '--excerpt', '没有数字']);
    expect(excerpt.stderr).toMatch(/字段 field “source\.excerpt”[\s\S]*怎么改：/);
    const missing = await newEntry(['institution', '--name', '缺字段', '--kind', 'other', '--region', 'zizhong'], '');
    expect(missing.stderr).toContain('缺少必填项 --document');
    const badDate = await newEntry(['update', '--title', 't', '--summary', 's', '--body', 'b', '--date', '2024-02-30']);
    expect(badDate.stderr).toContain('字段 field “date”');
    for (const run of [unknown, notNumber, excerpt, missing, badDate]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('没有写入任何文件');
    }
    expect(hashFolder(join(dir, 'data'))).toBe(before);
    expect(existsSync(join(dir, 'content/updates/2024-02-30-update.mdx'))).toBe(false);
  });

  it('lists the kinds and each kind\'s fields', async () => {
    expect((await newEntry(['--help'])).output).toMatch(/update[\s\S]*document[\s\S]*group[\s\S]*institution[\s\S]*observation[\s\S]*correction/);
    const help = await newEntry(['observation', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--excerpt');
    expect((await newEntry(['article'])).status).toBe(1);
  });

  it('asks again at a terminal when a flag\'s value is wrong, instead of giving up', async () => {
    const run = await newEntry(
      ['observation', '--indicator', 'remote-imaging-cases', '--subject-type', 'region', '--subject', 'zizhong', '--period', '2023', '--period-label', '', '--value', '约10万', '--kind', 'actual', '--qualifier', '', '--note', '', '--document', doc, '--section', '一、', '--excerpt', '远程影像诊断322人次'],
      '322\n',
      true,
    );
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('✗ --value: “约10万”不是纯数字');
    expect(run.stdout).toMatch(/✓ 已写入 \/ written: data\/observations\/zizhong-[\d-]+\.json（id: zizhong-remote-imaging-cases-2023）/);
    const figures = JSON.parse(readFileSync(join(dir, fileOf(run.output)!), 'utf8'));
    expect(figures.at(-1)).toMatchObject({ subject: { type: 'region', id: 'zizhong' }, period: '2023', value: 322 });
  });
});
