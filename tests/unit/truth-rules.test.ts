/**
 * Every sentence true as written (issue 23): the check's rules for plans, kinds of number and general facts, each as
 * several variants of what an editor may write; every problem names the file and field, in Chinese then English.
 */
import { describe, expect, it } from 'vitest';
import { validateDataset, type Problem, type SourceFiles } from '../../src/data/validate';

const NOW = new Date('2024-12-31T12:00:00Z');
const json = (path: string, value: unknown) => ({ path, text: JSON.stringify(value, null, 2) });
const planSrc = { document: 'plan', section: '三、', excerpt: '将20%的门诊号源' };
const reportSrc = { document: 'report', section: '一、', excerpt: '远程影像105423人次' };
const mdx = (id: string, type: 'policy' | 'report' | 'news', extra = '') => ({
  path: `content/documents/${id}.mdx`,
  text: `---\ntitle: 文件${id}\noriginalTitle: 原标题${id}\nissuer: 某市\ndate: "2024"\ntype: ${type}\nregions: [county]\noutlet: 某网\nsummary: 摘要\n${extra}---\n正文\n`,
});

interface Variant {
  services?: unknown[];
  governance?: unknown[];
  referral?: Record<string, unknown>;
  institutionServices?: unknown[];
  indicators?: unknown[];
  observations?: unknown[];
  references?: unknown[];
  planSummaryStatus?: string | null;
}

function files(v: Variant = {}): SourceFiles {
  return {
    data: {
      regions: [json('data/regions/r.json', [{ id: 'prov', name: '某省', kind: 'province' }, { id: 'county', name: '某县', kind: 'county', parent: 'prov' }])],
      institutions: [json('data/institutions/i.json', [{ id: 'hosp', name: '某县人民医院', kind: 'general-hospital', region: 'county', services: v.institutionServices ?? [], sources: [reportSrc] }])],
      groups: [
        json('data/groups/g.json', [
          {
            id: 'grp',
            name: '某县医共体',
            kind: 'county',
            region: 'county',
            lead: 'hosp',
            summary: '一个医共体。',
            services: v.services ?? [],
            ...(v.governance ? { governance: v.governance } : {}),
            referral: v.referral ?? {},
            sources: [reportSrc],
          },
        ]),
      ],
      indicators: [
        json('data/indicators/x.json', v.indicators ?? [
          { id: 'remote', name: '远程影像', definition: '人次', unit: '人次', polarity: 'neutral', framework: 'local', definitionStatus: 'source' },
          { id: 'rate-median', name: '就诊率中位数', definition: '各县的中位数', unit: '%', polarity: 'neutral', statistic: 'median', framework: 'local', definitionStatus: 'source' },
        ]),
      ],
      observations: [json('data/observations/o.json', v.observations ?? [])],
      corrections: [],
      references: [json('data/references/r.json', v.references ?? [])],
      synonyms: [],
    },
    mdx: {
      documents: [mdx('plan', 'policy', v.planSummaryStatus === null ? '' : `summaryStatus: ${v.planSummaryStatus ?? 'plan'}\n`), mdx('report', 'report')],
      updates: [],
    },
  };
}

const problemsOf = (v: Variant) => validateDataset(files(v), { now: NOW }).problems;

/** Exactly the problems named (file, field), each in Chinese then English, with a hint. */
function expectNamed(problems: Problem[], expected: [file: string, field: string][]) {
  expect(problems.map((p) => [p.file, p.field]), JSON.stringify(problems, null, 1)).toEqual(expected);
  for (const p of problems) {
    expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p.en).toMatch(/^[\x20-\x7e]+$/);
    expect(p.hint?.zh).toBeTruthy();
  }
}

it('the valid fixture passes', () => expect(problemsOf({})).toEqual([]));

describe('a statement from a plan says whether it is a plan, done or measured', () => {
  const item = (source: object, status?: string) => ({ text: '方案要求牵头医院拿出两成号源给基层。', ...(status ? { status } : {}), source });

  it.each([
    ['services', { services: [item(planSrc)] }, 'data/groups/g.json', 'services[0].status'],
    ['governance', { governance: [item(planSrc, 'plan'), item(planSrc)] }, 'data/groups/g.json', 'governance[1].status'],
    ['a referral rule', { referral: { up: [item(reportSrc, 'done'), item(planSrc)] } }, 'data/groups/g.json', 'referral.up[1].status'],
    ['a benefit', { referral: { benefits: [item(planSrc)] } }, 'data/groups/g.json', 'referral.benefits[0].status'],
    ['an institution’s service', { institutionServices: [item(planSrc)] }, 'data/institutions/i.json', 'services[0].status'],
  ] as const)('%s without a status is named', (_, variant, file, field) => {
    const problems = problemsOf(variant as Variant);
    expectNamed(problems, [[file, field]]);
    expect(problems[0].zh).toContain('《原标题plan》是计划文件');
  });

  it.each(['plan', 'done', 'measured'])('a plan’s statement with status "%s" passes', (status) => {
    expect(problemsOf({ services: [item(planSrc, status)], referral: { down: [item(planSrc, status)] } })).toEqual([]);
  });

  it('a report’s statement needs no status', () => expect(problemsOf({ services: [item(reportSrc)], institutionServices: [item(reportSrc)] })).toEqual([]));

  it.each(['计划', 'planned', ''])('a status outside plan, done, measured ("%s") is refused by the schema', (status) => {
    const problems = problemsOf({ services: [{ ...item(planSrc), status }] });
    expect(problems.map((p) => [p.file, p.field])).toEqual([['data/groups/g.json', 'services[0].status']]);
  });

  it('a plan’s digest summary without summaryStatus is named; with one it passes', () => {
    expectNamed(problemsOf({ planSummaryStatus: null }), [['content/documents/plan.mdx', 'summaryStatus']]);
    expect(problemsOf({ planSummaryStatus: 'plan' })).toEqual([]);
  });

  it.each([
    ['actual', [['data/observations/o.json', 'kind']]],
    ['target', []],
    ['baseline', []],
  ] as const)('a plan’s figure of kind "%s"', (kind, expected) => {
    const o = { id: 'o1', indicator: 'remote', subject: { type: 'group', id: 'grp' }, period: '2024', value: 20, kind, source: { ...planSrc, excerpt: '将20%的门诊号源' } };
    expectNamed(problemsOf({ observations: [o] }), expected as unknown as [string, string][]);
  });
});

describe('one kind of number per indicator', () => {
  const fig = (extra: object) => ({ id: 'o1', subject: { type: 'region', id: 'county' }, period: '2024-H1', value: 87.49, kind: 'actual', source: { ...reportSrc, excerpt: '中位数为87.49%' }, ...extra });
  const across = { label: '开展医共体建设的县区' };

  it.each([
    ['a median under a plain-value indicator', fig({ indicator: 'remote', statistic: 'median', across })],
    ['a place’s own value under a median indicator', fig({ indicator: 'rate-median' })],
    ['a rise of a median under a median indicator', fig({ indicator: 'rate-median', statistic: 'median-change', across })],
    ['a mean under a median indicator', fig({ indicator: 'rate-median', statistic: 'mean', across })],
  ])('%s is named', (_, o) => {
    const problems = problemsOf({ observations: [o] });
    expectNamed(problems, [['data/observations/o.json', 'statistic']]);
    expect(problems[0].zh).toContain('同一指标只能有一种数字');
  });

  it.each([
    ['a median under its median indicator', fig({ indicator: 'rate-median', statistic: 'median', across })],
    ['a plain value under a plain indicator (statistic left out)', fig({ indicator: 'remote', value: 105423, source: reportSrc })],
    ['a plain value written out as "value"', fig({ indicator: 'remote', value: 105423, statistic: 'value', source: reportSrc })],
  ])('%s passes', (_, o) => expect(problemsOf({ observations: [o] })).toEqual([]));

  it('a rise of a median passes under an indicator of rises of a median', () => {
    const indicators = [{ id: 'change', name: '中位数的升降', definition: '中位数升降了多少', unit: '百分点', polarity: 'neutral', statistic: 'median-change', framework: 'local', definitionStatus: 'source' }];
    const o = fig({ indicator: 'change', value: 0.16, statistic: 'median-change', across: { label: '县级牵头医院' }, source: { ...reportSrc, excerpt: '上升了0.16个百分点' } });
    expect(problemsOf({ indicators, observations: [o] })).toEqual([]);
  });

  it('a range is one figure with both bounds in its excerpt', () => {
    const indicators = [{ id: 'pay', name: '按人头支付标准', definition: '每人每年', unit: '元/人/年', polarity: 'neutral', framework: 'local', definitionStatus: 'source' }];
    const range = { id: 'o1', indicator: 'pay', subject: { type: 'region', id: 'county' }, period: '2024', value: 15, valueHigh: 35, qualifier: 'range', kind: 'actual', source: { ...reportSrc, excerpt: '按照15-35元/人/年的标准' } };
    expect(problemsOf({ indicators, observations: [range] })).toEqual([]);
    expectNamed(problemsOf({ indicators, observations: [{ ...range, qualifier: undefined }] }), [['data/observations/o.json', 'valueHigh']]);
  });
});

describe('a general fact marked verified carries issuer, title, date and address', () => {
  const full = { id: 'hotline', label: '某热线 12345', fact: '某热线。', issuer: '某部', title: '某文件', date: '2020-01-01', url: 'https://example.org/a', verified: true };

  it.each(['issuer', 'title', 'date', 'url'] as const)('verified without %s is named', (field) => {
    const { [field]: _, ...rest } = full;
    expectNamed(problemsOf({ references: [rest] }), [['data/references/r.json', field]]);
  });

  it('an unverified fact needs no more than what it is', () => {
    expect(problemsOf({ references: [{ id: 'hotline', label: '某热线 12345', fact: '某热线。', verified: false }] })).toEqual([]);
  });

  it('a verified fact with everything passes, and a target may cite it; a missing one is named', () => {
    expect(problemsOf({ references: [full] })).toEqual([]);
    const indicators = [{ id: 'rate', name: '县域内就诊率', definition: '比例', unit: '%', polarity: 'higher-is-better', framework: 'tiered-care-goals', definitionStatus: 'working', nationalTarget: { value: 90, basis: '国家', reference: 'hotline' } }];
    expect(problemsOf({ references: [full], indicators })).toEqual([]);
    const problems = problemsOf({ references: [], indicators });
    expect(problems.map((p) => [p.file, p.field])).toEqual([['data/indicators/x.json', 'nationalTarget.reference']]);
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/a', '网址'])('an address that is not http(s) (%s) is refused', (url) => {
    const problems = problemsOf({ references: [{ ...full, url }] });
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((p) => `${p.file} ${p.field}`))).toEqual(new Set(['data/references/r.json url']));
  });
});
