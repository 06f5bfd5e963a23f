/** The pieces `npm run new` is made of: ids, names resolved to ids, and files that keep what editors wrote. */
import { describe, expect, it } from 'vitest';
import { appendToJsonArray, mdxText, periodSlug, resolveId, slug, suggestIds, todayInChina, uniqueId } from '../../src/publishing/scaffold';
import { validateDataset } from '../../src/data/validate';
import { publishingFiles } from '../fixtures/publishing-files';

describe('scaffolding new entries', () => {
  it("uses today's date in China, whatever the machine's time zone", () => {
    expect(todayInChina(new Date('2024-08-12T17:30:00Z'))).toBe('2024-08-13');
    expect(todayInChina(new Date('2024-08-12T15:30:00Z'))).toBe('2024-08-12');
  });

  it('makes ids that are unique and URL-safe', () => {
    expect(slug('Zizhong 2024/08 报告')).toBe('zizhong-2024-08');
    expect(uniqueId('a', new Set(['b']))).toBe('a');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(periodSlug('2019-11/2024-08')).toBe('2019-11-2024-08');
    expect(periodSlug('../2024-08')).toBe('2024-08');
  });

  it('understands a name, an alias or an id, and suggests near matches for a typo', () => {
    const regions = [
      { id: 'zizhong', names: ['资中县'] },
      { id: 'mengjin', names: ['孟津区', '孟津县'] },
    ];
    expect(resolveId(regions, 'zizhong')).toBe('zizhong');
    expect(resolveId(regions, ' 资中县 ')).toBe('zizhong');
    expect(resolveId(regions, '孟津县')).toBe('mengjin');
    expect(resolveId(regions, '资中')).toBeUndefined();
    expect(suggestIds(regions, '资中').map((r) => r.id)).toEqual(['zizhong']);
  });

  it('appends to a JSON array file without rewriting what is there', () => {
    const existing = '[\n  { "id": "a", "tags": ["x", "y"] }\n]\n';
    const text = appendToJsonArray(existing, { id: 'b' })!;
    expect(text.startsWith('[\n  { "id": "a", "tags": ["x", "y"] },\n  {\n    "id": "b"\n  }\n]')).toBe(true);
    expect(JSON.parse(text)).toEqual([{ id: 'a', tags: ['x', 'y'] }, { id: 'b' }]);
    expect(JSON.parse(appendToJsonArray('[]\n', { id: 'c' })!)).toEqual([{ id: 'c' }]);
    expect(JSON.parse(appendToJsonArray(undefined, { id: 'c' })!)).toEqual([{ id: 'c' }]);
    expect(appendToJsonArray('{ "id": "a" }', { id: 'b' })).toBeUndefined();
    expect(appendToJsonArray('[ { "id": "a" ', { id: 'b' })).toBeUndefined();
  });

  it('writes MDX whose frontmatter the checker accepts, leaving out empty fields', () => {
    const text = mdxText({ title: '资中县: 周末门诊', date: '2024-08-13', regions: ['county'], groups: [], summary: '一句话。' }, '正文。\n');
    expect(text).not.toContain('groups');
    const files = publishingFiles();
    files.mdx.updates.push({ path: 'content/updates/u.mdx', text });
    const { problems, entries: dataset } = validateDataset(files);
    expect(problems).toEqual([]);
    expect(dataset.updates[0].data).toMatchObject({ title: '资中县: 周末门诊', date: '2024-08-13', regions: ['county'], groups: [] });
  });
});
