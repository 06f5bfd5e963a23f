/** A small site for the indicator tests: a prefecture with three counties, two groups, and figures of every shape. */
import type { Indicator, Observation } from '../../src/schemas';
import type { Dataset } from '../../src/data/dataset';
import { datasetOf } from '../fixtures/dataset';

const src = (excerpt: string) => ({ document: 'doc-a', section: '一、', excerpt });

export const visitRate: Indicator = {
  id: 'visit-rate',
  name: '县域内就诊率',
  shortName: '县域内就诊率',
  aliases: [],
  definition: '在县内就诊的比例。',
  unit: '%',
  polarity: 'higher-is-better',
  framework: 'tiered-care-goals',
  // The framework's own formula, so every figure is counted on one basis and may be held against the target.
  definitionStatus: 'official',
  nationalTarget: { value: 90, qualifier: 'about', basis: '全国目标', reference: 'fixture-target' },
};

export const rules: Indicator = {
  id: 'rules',
  name: '管理制度数',
  aliases: [],
  definition: '制度个数。',
  unit: '个',
  polarity: 'neutral',
  framework: 'local',
  definitionStatus: 'source',
};

export const yesNo: Indicator = { ...rules, id: 'unified', name: '资源统一管理', unit: '是/否', polarity: 'higher-is-better' };

const obs = (o: Partial<Observation> & Pick<Observation, 'id' | 'indicator' | 'subject' | 'period' | 'value' | 'kind'>): Observation => ({
  source: src(`数字${o.value}`),
  ...o,
});

export const observations: Observation[] = [
  obs({ id: 'city-rate', indicator: 'visit-rate', subject: { type: 'region', id: 'city' }, period: '2024-H1', value: 87.49, kind: 'actual' }),
  obs({ id: 'a-rate', indicator: 'visit-rate', subject: { type: 'region', id: 'county-a' }, period: '2024-H1', value: 90, kind: 'actual', qualifier: 'more-than' }),
  obs({ id: 'b-rate', indicator: 'visit-rate', subject: { type: 'region', id: 'county-b' }, period: '2024-H1', value: 92.5, kind: 'actual' }),
  obs({ id: 'c-rate-target', indicator: 'visit-rate', subject: { type: 'region', id: 'county-c' }, period: '2025', value: 90, kind: 'target' }),
  obs({ id: 'c-rate-2023', indicator: 'visit-rate', subject: { type: 'region', id: 'county-c' }, period: '2023', value: 80, kind: 'actual' }),
  obs({ id: 'c-rate-2024', indicator: 'visit-rate', subject: { type: 'region', id: 'county-c' }, period: '2024-08', value: 84.5, kind: 'actual' }),
  obs({ id: 'rules-before', indicator: 'rules', subject: { type: 'region', id: 'county-a' }, period: '../2024-08', periodLabel: '统一管理之前（来源未给出时间）', value: 32, kind: 'baseline' }),
  obs({ id: 'rules-now', indicator: 'rules', subject: { type: 'region', id: 'county-a' }, period: '2024-08', periodLabel: '截至报道发布（2024年8月）；来源未给出统计截止日', value: 74, kind: 'actual' }),
  obs({ id: 'fee-low', indicator: 'rules', subject: { type: 'group', id: 'group-a' }, period: '2024', value: 15, kind: 'actual', note: '下限' }),
  obs({ id: 'fee-high', indicator: 'rules', subject: { type: 'group', id: 'group-a' }, period: '2024', value: 35, kind: 'actual', note: '上限' }),
  obs({ id: 'member-trainings', indicator: 'rules', subject: { type: 'institution', id: 'town' }, period: '2021', value: 6, kind: 'actual', note: '含逗号, 和"引号"' }),
  obs({ id: 'unified-a', indicator: 'unified', subject: { type: 'group', id: 'group-a' }, period: '2024', value: 1, kind: 'actual' }),
];

/** The site; `rate` changes the visit-rate indicator (a working definition, say). */
export function fixtureSite(rate: Partial<Indicator> = {}): Dataset {
  return datasetOf({
    regions: [
      { id: 'prov', name: '某省', kind: 'province', aliases: [] },
      { id: 'city', name: '某市', kind: 'prefecture', parent: 'prov', aliases: [] },
      { id: 'county-a', name: '甲县', kind: 'county', parent: 'city', aliases: [] },
      { id: 'county-b', name: '乙县', kind: 'county', parent: 'city', aliases: [] },
      { id: 'county-c', name: '丙县', kind: 'county', parent: 'city', aliases: [] },
    ],
    institutions: [
      { id: 'hosp', name: '甲县人民医院', kind: 'general-hospital', region: 'county-a', aliases: [], services: [], sources: [src('甲县人民医院')] },
      { id: 'town', name: '某镇卫生院', kind: 'township-health-centre', region: 'county-a', aliases: [], services: [], sources: [src('某镇卫生院')] },
      { id: 'other', name: '乙县医院', kind: 'general-hospital', region: 'county-b', aliases: [], services: [], sources: [src('乙县医院')] },
    ],
    groups: [
      {
        id: 'group-a',
        name: '甲县医共体',
        kind: 'county',
        region: 'county-a',
        coveredRegions: [],
        lead: 'hosp',
        members: [{ institution: 'town' }],
        statedMembers: [],
        summary: '一个医共体。',
        services: [],
        referral: { up: [], down: [], benefits: [], greenChannels: [], staysLocal: [] },
        sources: [src('甲县医共体')],
      },
    ],
    indicators: [{ ...visitRate, ...rate }, rules, yesNo],
    observations,
    documents: [
      {
        id: 'doc-a',
        data: { title: '某市报告', originalTitle: '关于某市医共体的报告', issuer: '某市卫健委', date: '2024-12-03', type: 'report', regions: ['city'], outlet: '某网', summary: '摘要' },
      },
    ],
    updates: [],
  });
}
