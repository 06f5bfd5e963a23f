/**
 * What a figure is about (src/data/subject.ts): its key, page, name, region and province, decided once for the dataset,
 * the CSV tables and the editors' tools. Expected values are read off data/: 高密市高康医疗集团 is in 高密市 (山东省潍坊市),
 * 石林县人民医院 in 石林彝族自治县 (云南省昆明市).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/read-sources';
import { provinceOfSubject, regionOfSubject, subjectHref, subjectKey, subjectName } from '../../src/data/subject';
import { regionOfSubject as regionOfSubjectInEntries } from '../../src/publishing/scaffold';
import { observationTable, rowsOf } from '../../src/downloads/csv';

const dataset = loadDataset(process.cwd());
const group = { type: 'group', id: 'gaomi-gaokang-group' } as const;
const institution = { type: 'institution', id: 'shilin-people-hospital' } as const;
const region = { type: 'region', id: 'weifang' } as const;

describe('a figure’s subject', () => {
  it('has one key, one page and one name', () => {
    expect(subjectKey(group.type, group.id)).toBe('group:gaomi-gaokang-group');
    expect([group, institution, region].map(subjectHref)).toEqual(['/groups/gaomi-gaokang-group/', '/institutions/shilin-people-hospital/', '/regions/weifang/']);
    expect([group, institution, region].map((s) => subjectName(dataset, s))).toEqual(['高密市高康医疗集团', '石林县人民医院', '潍坊市']);
    expect(subjectName(dataset, { type: 'group', id: 'no-such-group' })).toBe('no-such-group');
  });

  it('lies in its own region, or its group’s or institution’s, and in that region’s province', () => {
    expect([group, institution, region].map((s) => regionOfSubject(dataset, s))).toEqual(['gaomi', 'shilin', 'weifang']);
    expect([group, institution, region].map((s) => provinceOfSubject(dataset, s))).toEqual(['shandong', 'yunnan', 'shandong']);
    expect(regionOfSubject(dataset, { type: 'region', id: 'no-such-region' })).toBeUndefined();
  });

  it('is placed the same by the editors’ tools (plain entries) as by the dataset', () => {
    for (const s of [group, institution, region]) expect(regionOfSubjectInEntries(dataset, s.type, s.id)).toBe(regionOfSubject(dataset, s));
  });

  it('gives every CSV row of a figure the region the dataset gives its subject', () => {
    const figures = dataset.observations.filter((o) => o.subject.type !== 'region').slice(0, 20);
    const rows = rowsOf(observationTable({ dataset, siteUrl: 'https://example.org' }), figures);
    expect(rows.map((r) => r.region_id)).toEqual(figures.map((o) => regionOfSubject(dataset, o.subject)));
  });
});
