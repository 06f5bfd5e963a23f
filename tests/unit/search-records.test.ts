/**
 * The search documents of institution, group and region pages (src/search/build/records.ts) and how the search index
 * takes them (indexDoc): one per page, nothing for village clinics, the words a reader types, text that reads as the
 * record's lines, and terms that match the search box's.
 */
import { readFigures } from '../../src/search/shared/numbers';
import { describe, expect, it } from 'vitest';
import type { Indicator, Institution, Observation } from '../../src/schemas';
import { residentSite } from '../fixtures/resident-site';
import { datasetOf } from '../fixtures/dataset';
import { recordPaths } from '../../src/search/build/records';
import { searchDocumentOf, searchDocuments, type SearchDocument } from '../../src/search/build/documents';
import { indexDoc, storedPage, type IndexDoc } from '../../src/search/build/index-doc';
import { indexTokens, pairToken, queryTerms } from '../../src/search/shared/tokens';
import { nameWeight } from '../../src/search/build/name-weights';
import { matchesByPrefix, wordKey } from '../../src/search/shared/index-layout';

const base = residentSite();
const clinics: Institution[] = ['东村卫生室', '西岭卫生室'].map((name, i) => ({
  id: `clinic-${i}`,
  name,
  kind: 'village-clinic',
  region: 'mengjin',
  belongsTo: 'matun',
  aliases: [],
  services: [],
  sources: [{ document: 'plan', section: '一' }],
}));
const indicator: Indicator = {
  id: 'in-county',
  name: '县域内就诊率',
  aliases: [],
  definition: '县域内就诊人次占比',
  unit: '%',
  polarity: 'higher-is-better',
  definitionStatus: 'official',
  framework: 'nhc-2024',
} as Indicator;
const observation = (id: string, type: Observation['subject']['type'], subject: string, value: number): Observation =>
  ({ id, indicator: 'in-county', subject: { type, id: subject }, period: '2023', value, kind: 'actual', source: { document: 'plan', section: '一', excerpt: '…' } }) as Observation;

const entries = {
  regions: [...base.regions],
  institutions: [...base.institutions, ...clinics],
  groups: [...base.groups],
  indicators: [indicator],
  observations: [observation('o1', 'region', 'mengjin', 87.49), observation('o2', 'institution', 'matun', 105423), observation('o3', 'group', 'first', 90)],
  documents: [...base.documents],
};
const dataset = datasetOf(entries);
type SearchRecord = SearchDocument & { url: string };
/** The documents of the pages records stand for, each with its address. */
const searchRecords = (d: typeof dataset): SearchRecord[] => recordPaths(d).map((url) => ({ url, ...searchDocumentOf(d, url)! }));
const records = searchRecords(dataset);
const byUrl = new Map(records.map((r) => [r.url, r]));
const text = (r: SearchRecord) => r.text.map((block) => block.text).join('');
const docOfRecord = (r: SearchRecord) => indexDoc(r.url, r);

describe('search records', () => {
  it('stand for every institution, group and region page once, and for no village clinic', () => {
    const expected = [
      ...base.groups.map((g) => `/groups/${g.id}/`),
      ...base.institutions.map((i) => `/institutions/${i.id}/`),
      ...base.regions.map((r) => `/regions/${r.id}/`),
    ];
    expect(records.map((r) => r.url).sort()).toEqual(expected.sort());
    expect([...searchDocuments(dataset)].map((d) => d.path).filter((path) => /^\/(groups|institutions|regions)\/[^/]+\/$/.test(path)).sort()).toEqual(expected.sort());
    for (const clinic of clinics) expect(byUrl.has(`/institutions/${clinic.id}/`)).toBe(false);
  });

  it("carry village clinics' names in their township health centre's record only", () => {
    for (const clinic of clinics) {
      expect(text(byUrl.get('/institutions/matun/')!)).toContain(clinic.name);
      expect(records.filter((r) => text(r).includes(clinic.name)).map((r) => r.url)).toEqual(['/institutions/matun/']);
    }
  });

  it("hold the page's title, kind and region as the search page shows them", () => {
    const matun = byUrl.get('/institutions/matun/')!;
    expect(matun).toMatchObject({ title: '麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县', kind: 'institution', region: '孟津县', name: '麻屯镇卫生院' });
    expect(byUrl.get('/groups/first/')).toMatchObject({ title: '孟津县第一医疗卫生共同体 · 洛阳市孟津县', kind: 'group', region: '孟津县' });
    expect(byUrl.get('/regions/mengjin/')).toMatchObject({ title: '洛阳市孟津县：医共体、文件与数据', kind: 'region', aliases: ['孟津区'] });
    expect(docOfRecord(matun)).toMatchObject({ kind: '机构' });
  });

  it('say what readers look for: place, groups, lead and members, services, referral points, aliases', () => {
    expect(text(byUrl.get('/institutions/matun/')!)).toMatch(/河南省洛阳市孟津县[\s\S]*孟津县第一医疗卫生共同体/);
    expect(text(byUrl.get('/institutions/people/')!)).toContain('县人民医院');
    const first = text(byUrl.get('/groups/first/')!);
    for (const words of ['孟津县人民医院', '麻屯镇卫生院', '小浪底镇卫生院', '13 个镇卫生院', '远程会诊', '75种常见病留在基层']) expect(first).toContain(words);
    const mengjin = text(byUrl.get('/regions/mengjin/')!);
    for (const words of ['孟津区', '孟津县第一医疗卫生共同体', '孟津县第二医疗卫生共同体', '麻屯镇卫生院']) expect(mengjin).toContain(words);
    expect(mengjin).not.toContain(clinics[0].name);
    expect(text(byUrl.get('/regions/yanshi/')!)).toContain('洛阳市医疗集团');
  });

  it("take readers' short forms of names from the names themselves", () => {
    expect(byUrl.get('/institutions/people/')!.aliases).toEqual(expect.arrayContaining(['县人民医院', '县医院', '孟津县医院', '孟津人民医院']));
    expect(byUrl.get('/institutions/tcm/')!.aliases).toEqual(expect.arrayContaining(['孟津县中医医院', '孟津中医院']));
    expect(byUrl.get('/groups/first/')!.aliases).toEqual(expect.arrayContaining(['孟津县第一医共体', '第一医共体', '孟津第一医疗卫生共同体']));
    expect(byUrl.get('/groups/first/')!.spelled).toEqual(expect.arrayContaining(['mengjinxiandiyiyiliaoweishenggongtongti']));
  });

  it("leave out the editors' notes on how they read a source, which name sibling centres", () => {
    const noted = datasetOf({ ...entries, institutions: entries.institutions.map((i) => (i.id === 'xiaolangdi' ? { ...i, note: '来源写“麻屯、横水等镇卫生院”，本站据此组合出各院名称。' } : i)) });
    const record = searchRecords(noted).find((r) => r.url === '/institutions/xiaolangdi/')!;
    expect([text(record), ...(record.hidden ?? []), ...(record.spelled ?? []), ...(record.aliases ?? [])].join('')).not.toMatch(/横水|组合/);
  });

  it('write figures as the pages do, so a number copied from a page finds it', () => {
    expect(text(byUrl.get('/regions/mengjin/')!)).toContain('县域内就诊率 87.49%');
    expect(text(byUrl.get('/institutions/matun/')!)).toContain('105,423%');
    expect(text(byUrl.get('/groups/first/')!)).toContain('县域内就诊率 90%');
  });
});

describe('a record as the search index takes it', () => {
  const matunRecord = byUrl.get('/institutions/matun/')!;
  const matun = docOfRecord(matunRecord);
  /** The index term the search page looks up for a query term (src/search/browser/index-reader.ts). */
  const key = (term: string) => (matchesByPrefix(term) ? wordKey(term) : term);
  /** Whether a doc holds every term the search box makes of a query. */
  const holds = (doc: IndexDoc, query: string) => queryTerms(query).every((term) => doc.terms.has(key(term.search)));
  const hanLength = (text: string) => [...text].filter((ch) => /\p{Script=Han}/u.test(ch)).length;

  it("reads as the record's text, without tokens", () => {
    expect(matun.text).toBe(text(matunRecord));
    expect(storedPage(matun).text).toBe(text(matunRecord));
    expect(JSON.stringify(storedPage(matun))).not.toMatch(/yq[0-9a-z]{6}/);
  });

  it("holds every term the search box makes of a name in its text, and the name's pairs with the name's weight", () => {
    for (const query of ['麻屯镇卫生院', '东村卫生室', '孟津县第一医疗卫生共同体', '105,423']) expect(holds(matun, query), query).toBe(true);
    for (const token of indexTokens('麻屯镇卫生院')) expect(matun.names.get(token)).toBe(nameWeight('name', 6));
    // An alias shorter than the name weighs like the name: 县人民医院 is filed with 孟津县人民医院.
    const people = docOfRecord(byUrl.get('/institutions/people/')!);
    for (const token of indexTokens('县人民医院')) expect(people.names.get(token)).toBe(nameWeight('name', 7));
  });

  it('gives a pair in names of several lengths the weight of the heaviest, not their sum', () => {
    const tcmRecord = byUrl.get('/institutions/tcm/')!;
    const tcm = docOfRecord(tcmRecord);
    expect(tcmRecord.aliases).toContain('孟津县中医医院');
    const own = nameWeight('name', hanLength(tcmRecord.name));
    // 孟津 is in the name and in every alias, the longer 孟津县中医医院 among them.
    expect(tcm.names.get(pairToken('孟', '津')!)).toBe(own);
    // 镇卫 is only in 会盟卫生院's longer alias 会盟镇卫生院, which weighs less; 会盟 is in both and weighs like the name.
    const huimengRecord = byUrl.get('/institutions/huimeng/')!;
    const huimeng = docOfRecord(huimengRecord);
    expect(huimengRecord.aliases).toContain('会盟镇卫生院');
    expect(huimeng.names.get(pairToken('镇', '卫')!)).toBe(nameWeight('name', hanLength('会盟镇卫生院')));
    expect(huimeng.names.get(pairToken('会', '盟')!)).toBe(nameWeight('name', hanLength(huimengRecord.name)));
    expect(nameWeight('name', hanLength('会盟镇卫生院'))).toBeLessThan(nameWeight('name', hanLength(huimengRecord.name)));
    // So the county outranks its hospital for its own name.
    const county = docOfRecord(byUrl.get('/regions/mengjin/')!);
    expect(county.names.get(pairToken('孟', '津')!)).toBe(nameWeight('name', 3));
    expect(county.names.get(pairToken('孟', '津')!)).toBeGreaterThan(tcm.names.get(pairToken('孟', '津')!)!);
  });

  it('answers to the short forms and pinyin of its name and its groups, without showing them', () => {
    for (const query of ['麻屯卫生院', '孟津县第一医共体', '第一医共体']) {
      expect(holds(matun, query), query).toBe(true);
      expect(matun.hidden).toContain(query);
    }
    for (const word of ['matunzhenweishengyuan', 'mtzwsy']) {
      expect(matun.terms.has(word), word).toBe(true);
      expect(matun.hidden).toContain(word);
    }
    expect(matun.hidden.split(' 。 ')).toEqual([...matunRecord.aliases!, ...matunRecord.hidden!, ...matunRecord.spelled!]);
    expect(matun.text).not.toMatch(/第一医共体|matun/);
  });

  it('weighs its name in pinyin like its name, so a county outranks its hospitals for the county in pinyin', () => {
    expect(matun.names.get('matunzhenweishengyuan')).toBe(nameWeight('name', 6));
    expect(docOfRecord(byUrl.get('/regions/mengjin/')!).names.get('mengjinxian')).toBe(nameWeight('name', 3));
    expect(docOfRecord(byUrl.get('/institutions/people/')!).names.get('mengjinxian') ?? 0).toBeLessThan(nameWeight('name', 3));
  });

  it('lists its figures with their rows, and is found by them in 万 as people round', () => {
    expect(matun.figures).toEqual([{ id: 'o2', value: 105423 }]);
    expect(readFigures(storedPage(matun).figures)).toEqual([{ id: 'o2', value: 105423 }]);
    for (const query of ['10.5万', '11万', '10.54万']) expect(holds(matun, query), query).toBe(true);
    for (const query of ['10.6万', '10万']) expect(holds(matun, query), query).toBe(false);
  });

  it('keeps kind, region and title for the filters and the result', () => {
    expect(matun).toMatchObject({ url: '/institutions/matun/', title: '麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县', kind: '机构', region: '孟津县' });
    expect(storedPage(matun)).toMatchObject({ kind: '机构', region: '孟津县' });
    expect(docOfRecord({ ...matunRecord, region: undefined }).region).toBeUndefined();
  });

  it('counts every term it holds towards its length', () => {
    const weights = [...matun.terms.values()];
    expect(weights.every((w) => w >= 1)).toBe(true);
    expect(matun.length).toBe(weights.reduce((a, b) => a + b, 0));
  });
});
