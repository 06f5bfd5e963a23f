/**
 * The editor's interface in Chromium, as a county staff member uses it: every kind of entry created by typing into
 * its labelled fields and picking references by name, saved, and found in the data; a township health centre with
 * phone and address added to a group's roster; a published figure corrected with the prefilled correction; three
 * typical mistakes each shown beside its field in Chinese; nothing written when a save is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { e2eBrowser } from '../support/editor-chromium';
import { startEditorUi, type EditorUiServer } from '../support/editor-ui';
import { addRow, choose, field, fill, newZizhongGroupCount, openNew, pick, save } from '../support/editor-ui-forms';

let server: EditorUiServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startEditorUi();
  browser = await e2eBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Every entry of a kind, from its data files. */
function entries(kind: string): Record<string, any>[] {
  const dir = join(server.root, 'data', kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}
const DOC = '资中县用“四个三”办法推进紧密型县域医共体建设';

async function source(rowPath: string, section = '一、测试段落') {
  const row = await addRow(page, rowPath);
  await pick(row, '来源文件', '资中', DOC);
  await fill(row, '来源位置', section);
  return row;
}

describe('the editor, kind by kind', () => {
  it('adds a region', async () => {
    await openNew(page, server.url, '地区');
    await fill(page, '名称', '测试县');
    await choose(page, '类型', '县');
    await pick(page, '上级地区', 'neijiang', '内江市');
    await expect.poll(() => field(page, '网址名').inputValue()).toBe('ce-shi-xian');
    expect((await save(page)).text).toMatch(/^已(新建并)?保存/);
    expect(entries('regions').find((r) => r.id === 'ce-shi-xian')).toMatchObject({ name: '测试县', kind: 'county', parent: 'neijiang' });
  });

  it('adds a township health centre with phone and address, then puts it on a group roster', async () => {
    await openNew(page, server.url, '医疗机构');
    await fill(page, '名称', '测试镇卫生院');
    await choose(page, '类型', '乡镇卫生院');
    await pick(page, '所在地区', 'zizhong', '资中县');
    await source('sources');
    const phone = await addRow(page, 'contacts.phones');
    await fill(phone, '电话号码', '0832-5512345');
    await fill(phone, '用途', '预约挂号');
    await pick(phone, '来源文件', '资中', DOC);
    await fill(phone, '来源位置', '一、测试段落');
    await fill(page.locator('#f-contacts_address'), '地址', '资中县测试镇正街1号');
    await pick(page.locator('#f-contacts_address'), '来源文件', '资中', DOC);
    await fill(page.locator('#f-contacts_address'), '来源位置', '一、测试段落');
    await fill(page.locator('#f-contacts_address'), '核对日期', '2026-11-01');
    await expect.poll(() => field(page, '网址名').inputValue()).toBe('ce-shi-zhen-wei-sheng-yuan');
    const verdict = await save(page);
    expect(verdict.text).toContain('已新建并保存');
    const saved = entries('institutions').find((i) => i.id === 'ce-shi-zhen-wei-sheng-yuan');
    expect(saved).toMatchObject({ name: '测试镇卫生院', kind: 'township-health-centre', region: 'zizhong' });
    expect(saved!.contacts.phones[0]).toMatchObject({ number: '0832-5512345', purpose: '预约挂号' });
    expect(saved!.contacts.address.text).toBe('资中县测试镇正街1号');

    // The roster: from the first page, find the group by pinyin, add the new centre by its name.
    await page.goto(`${server.url}/`);
    await page.getByLabel('查找').fill('zizhongxianrenmin');
    await page.getByRole('link', { name: '资中县人民医院牵头的紧密型县域医共体', exact: true }).click();
    const row = await addRow(page, 'members');
    await pick(row, '成员机构', 'ceshizhen', '测试镇卫生院');
    expect((await save(page)).text).toContain('已保存');
    const group = entries('groups').find((g) => g.id === 'zizhong-people-hospital-group');
    expect(group!.members.map((m: { institution: string }) => m.institution)).toContain('ce-shi-zhen-wei-sheng-yuan');
  });

  it('adds a group with its lead hospital picked by name', async () => {
    await openNew(page, server.url, '医共体 / 医疗集团');
    await fill(page, '名称', '测试县域医共体');
    await choose(page, '类型', '县域医共体');
    await pick(page, '所在地区', '资中', '资中县');
    await pick(page, '牵头医院', '资中县中医', '资中县中医医院');
    await fill(page, '一句话摘要', '这是一个测试用的医共体。');
    await source('sources');
    expect((await save(page)).text).toMatch(/^已(新建并)?保存/);
    const group = entries('groups').find((g) => g.name === '测试县域医共体');
    expect(group).toMatchObject({ region: 'zizhong', kind: 'county' });
    expect(group!.lead).toBe(entries('institutions').find((i) => i.name === '资中县中医医院')!.id);
  });

  it('adds an indicator', async () => {
    await openNew(page, server.url, '指标');
    await fill(page, '名称', '测试随访率');
    await fill(page, '定义', '随访人数占应随访人数的比例。');
    await fill(page, '单位', '%');
    await choose(page, '好坏方向', '越高越好');
    await choose(page, '指标体系', '地方文件中的指标');
    await choose(page, '定义来源', '按当地文件的用法');
    expect((await save(page)).text).toMatch(/^已(新建并)?保存/);
    expect(entries('indicators').find((i) => i.name === '测试随访率')).toMatchObject({ id: 'ce-shi-sui-fang-lv', unit: '%', polarity: 'higher-is-better' });
  });

  it('records a figure written with full-width digits, saved into its county file', async () => {
    await newZizhongGroupCount(page, server.url, { period: '2025', value: '２', excerpt: '2个紧密型县域医共体', document: DOC });
    await expect.poll(() => field(page, '网址名').inputValue()).toMatch(/^zizhong-.*-2025$/);
    const id = await field(page, '网址名').inputValue();
    expect((await save(page)).text).toMatch(/^已(新建并)?保存/);
    const file = JSON.parse(readFileSync(join(server.root, 'data/observations/zizhong-2024-yigongti.json'), 'utf8')) as { id: string; value: number }[];
    expect(file.find((o) => o.id === id)?.value).toBe(2);
  });

  it('publishes a notice with a link', async () => {
    await openNew(page, server.url, '动态');
    await fill(page, '标题', '资中县发布测试通知');
    await fill(page, '日期', '2026-11-30');
    await fill(page, '一句话摘要', '这是一条测试通知。');
    await pick(page, '涉及的地区', '资中', '资中县');
    await page.getByRole('textbox', { name: '正文' }).fill('详见[资中县医共体](/groups/zizhong-people-hospital-group/)。');
    expect((await save(page)).text).toMatch(/^已(新建并)?保存/);
    const texts = readdirSync(join(server.root, 'content/updates')).map((f) => readFileSync(join(server.root, 'content/updates', f), 'utf8'));
    const text = texts.find((t) => t.includes('资中县发布测试通知')) ?? '';
    expect(text).toContain('title: 资中县发布测试通知');
    expect(text).toContain('[资中县医共体](/groups/zizhong-people-hospital-group/)');
  });

  it('adds a document digest', async () => {
    await openNew(page, server.url, '文件摘要');
    await fill(page, '标题', '测试文件摘要');
    await fill(page, '原文标题', '关于测试的通知');
    await fill(page, '发文单位', '资中县卫生健康局');
    await fill(page, '日期', '2026-10');
    await choose(page, '类型', '政策文件');
    await pick(page, '涉及的地区', '资中', '资中县');
    await fill(page, '发布渠道', '资中县人民政府网');
    await fill(page, '一句话摘要', '测试用的文件摘要。');
    await page.getByRole('textbox', { name: '正文' }).fill('## 要点\n\n- 第一条');
    // A policy's summary must say whether it states a plan: the whole-dataset check says so beside the field.
    const refused = await save(page);
    expect(refused.text).toContain('摘要说法的性质');
    await choose(page, '摘要说法的性质', '计划或要求（还没做到）');
    expect((await save(page)).text).toMatch(/^已(新建并)?保存/);
    const text = readFileSync(join(server.root, 'content/documents/ce-shi-wen-jian-zhai-yao.mdx'), 'utf8');
    expect(text).toContain('issuer: 资中县卫生健康局');
  });

  it('imports a spreadsheet only once its bad row is fixed and its duplicates confirmed, each problem in a table', async () => {
    const header = '指标,对象,时期,数值,来源文件,来源位置,摘录';
    const good = 'medical-community-count,资中县,2022,2,zizhong-2024-yigongti,一、测试段落,2个紧密型县域医共体';
    const bad = 'medical-community-count,资中,2023,2,zizhong-2024-yigongti,一、测试段落,2个紧密型县域医共体';
    const upload = async (rows: string[]) => {
      await page.getByLabel('表格文件（.xlsx 或 .csv）').setInputFiles({ name: '资中数据.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
      await page.getByRole('button', { name: '检查表格' }).click();
    };
    const files = () => readdirSync(join(server.root, 'data/observations')).sort().join(',');
    const before = files();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: '导入表格' }).click();
    await upload([good, bad]);
    const table = page.getByRole('table', { name: '问题' });
    await table.waitFor();
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells[0], await table.innerText()).toBe('3');
    expect(cells[1]).toBe('对象');
    expect(cells[2]).toContain('没有找到名为“资中”');
    expect(cells[2]).toContain('资中县');
    expect(await page.getByRole('button', { name: '导入', exact: true }).count()).toBe(0);
    expect(files()).toBe(before);

    await upload([good, bad.replace(',资中,', ',资中县,')]);
    await page.getByText('检查通过：2 行数据都没有问题。').waitFor();
    // Both rows repeat the value and excerpt of a published figure: flagged, and imported only once confirmed.
    const warnings = page.getByRole('table', { name: '提醒（可能与已发布的数据重复，请核对）' });
    expect(await warnings.locator('tbody tr').count()).toBe(2);
    expect(await warnings.innerText()).toContain('与已发布的数字');
    expect(await warnings.innerText()).not.toMatch(/data\/|\.json/);
    expect(await page.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('我已核对上面的提醒，确认导入').check();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('已导入 2 条数据。').waitFor();
    // The figures go where 资中县's figures are (as a figure saved in the form goes), never into a new file.
    expect(files()).toBe(before);
    const holding = readdirSync(join(server.root, 'data/observations')).filter((f) =>
      (JSON.parse(readFileSync(join(server.root, 'data/observations', f), 'utf8')) as { subject: { id: string } }[]).some((o) => o.subject.id === 'zizhong'),
    );
    expect(holding.length).toBe(1);
    const inFile = JSON.parse(readFileSync(join(server.root, 'data/observations', holding[0]), 'utf8')) as { indicator: string; period: string; subject: { id: string } }[];
    const imported = inFile.filter((o) => o.indicator === 'medical-community-count' && o.subject.id === 'zizhong' && ['2022', '2023'].includes(o.period));
    expect(imported.map((o) => [o.subject.id, o.period])).toEqual([['zizhong', '2022'], ['zizhong', '2023']]);
  });

  it('corrects a published figure with the correction the editor offers, prefilled', async () => {
    const figure = entries('observations').find((o) => o.id === 'zizhong-groups-count-2024-08')!;
    await page.goto(`${server.url}/edit/observations/${figure.id}`);
    await fill(page, '数值', '3');
    await fill(page.locator('#f-source'), '原文摘录', '3个紧密型县域医共体');
    expect((await save(page)).text).toContain('已保存');
    await page.getByRole('link', { name: '写一条更正说明' }).click();
    await expect.poll(() => field(page, '原来发布的值').inputValue()).toBe(String(figure.value));
    expect(await field(page, '改正后的值').inputValue()).toBe('3');
    await fill(page, '为什么改', '录入时看错了原文，已按原文改正。');
    await fill(page, '改正单位', '资中县卫生健康局');
    const verdict = await save(page);
    expect(verdict.text).toContain('已新建并保存');
    const correction = entries('corrections').find((c) => c.observation === figure.id);
    expect(correction).toMatchObject({ field: 'value', old: figure.value, new: 3, who: '资中县卫生健康局' });
  });

  it('shows three typical mistakes beside their fields, in Chinese, and writes nothing', async () => {
    const before = readFileSync(join(server.root, 'data/observations/zizhong-2024-yigongti.json'), 'utf8');
    await newZizhongGroupCount(page, server.url, { period: '2025年', value: '两个', excerpt: '县人民医院牵头', document: DOC });
    await field(page, '时期').focus();
    await field(page, '数值').focus();
    await field(page, '时期').focus();
    // As typed: the period and the number, beside their fields.
    const errorOf = (label: string) => page.locator('.field', { has: field(page, label) }).locator('.error');
    await expect.poll(() => errorOf('时期').innerText()).toContain('时期须写成');
    await expect.poll(() => errorOf('数值').innerText()).toContain('请写数字');
    await fill(page, '时期', '2025');
    await fill(page, '数值', '5');
    // On save: the excerpt does not say 5 (the whole-dataset check), beside the excerpt and listed on top.
    const verdict = await save(page);
    expect(verdict.ok).toBe(false);
    expect(verdict.text).toContain('没有保存');
    expect(verdict.text).toContain('原文摘录');
    await expect.poll(() => page.locator('#f-source').locator('.error').first().innerText()).toContain('5');
    expect(await page.locator('.notice.error').first().innerText()).not.toMatch(/data\/|\.json|source\.excerpt/);
    expect(readFileSync(join(server.root, 'data/observations/zizhong-2024-yigongti.json'), 'utf8')).toBe(before);
  });


  it('keeps a reference whose entry is missing, shows it, and names the problem beside the picker', async () => {
    const file = join(server.root, 'data/groups/zizhong-2024-yigongti.json');
    const groups = JSON.parse(readFileSync(file, 'utf8')) as { id: string; lead?: string }[];
    const group = groups.find((g) => g.lead)!;
    group.lead = 'no-such-hospital';
    writeFileSync(file, JSON.stringify(groups, null, 2));
    await page.goto(`${server.url}/edit/groups/${group.id}`);
    const picker = page.locator('.picker[data-field="lead"]');
    await expect.poll(() => picker.locator('.chosen').innerText()).toContain('no-such-hospital');
    const verdict = await save(page);
    expect(verdict.ok).toBe(false);
    expect(await picker.locator('.error').innerText()).toContain('不存在');
    expect((JSON.parse(readFileSync(file, 'utf8')) as { id: string; lead?: string }[]).find((g) => g.id === group.id)!.lead).toBe('no-such-hospital');
  });
});
