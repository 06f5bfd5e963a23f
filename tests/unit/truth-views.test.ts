/**
 * Every sentence true as written (issue 23), on the site's own data: plans stay plans, readings are marked, general
 * facts carry their source, one kind of number per indicator. Expected values come from the five sources (quoted in the
 * comments), never from the functions under test.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/read-sources';
import { groupPage, referralPage } from '../../src/views/group';
import { institutionPage } from '../../src/views/institution';
import { aboutPage, documentPage } from '../../src/views/content';
import { regionPage } from '../../src/views/region';
import { indicatorsIndex } from '../../src/views/catalogue';
import { hotlineText, emergencyText } from '../../src/views/guidance';
import { fairComparison } from '../../src/data/comparable';
import { comparableTarget } from '../../src/data/meets-target';
import { groupTable, institutionTable, observationTable, rowsOf } from '../../src/downloads/csv';
import { institutionsIndex } from '../../src/views/lists';
import { buildFinderData } from '../../src/finder/shards';
import { t } from '../../src/i18n/zh-CN';
import { formatFigure } from '../../src/views/format';
import { subjectSummary } from '../../src/data/series';
import { datasetOf, FIXTURE_TARGET_REFERENCE } from '../fixtures/dataset';
import { visitRate } from './indicators-fixture';

const dataset = loadDataset(process.cwd());
const SITE = 'https://example.org/';
const TODAY = '2026-12-07';

describe('a plan stays a plan', () => {
  // Linyi: "到2024年底,完成…初步架构,覆盖第一批…", "各牵头医院要…将20%…下沉": a plan, not an achievement.
  for (const id of ['linyi-people-hospital-urban-group', 'linyi-tcm-hospital-urban-group']) {
    it(`${id}: every statement is marked 计划, the page says it rests on a plan`, () => {
      const page = groupPage(dataset, id, SITE, TODAY);
      const points = [...page.services, ...page.governance, ...page.policy.flatMap((p) => p.points)];
      expect(points.length).toBeGreaterThanOrEqual(20);
      expect(points.every((p) => p.status?.label === '计划')).toBe(true);
      expect(page.planNote).toContain('不等于已经做到');
      expect(page.age?.warning).toContain('《临沂市紧密型城市医疗集团建设实施方案》是计划文件');
      // Nothing in the present tense of a done thing: "集团设公共卫生中心" became a plan.
      expect(page.services.map((s) => s.text)).not.toContain('集团设公共卫生中心，与专业公共卫生机构在人员、信息、资源、服务上协同，一起做疾病预防、健康管理和健康教育。');
    });

    it(`${id}: governance and deadlines from the plan are on the page, and no district is claimed`, () => {
      const page = groupPage(dataset, id, SITE, TODAY);
      const governance = page.governance.map((g) => g.text).join('\n');
      // "市级卫健…成立…管理委员会", "…成立…理事会", "于2024年9月底前制定…具体组建方案", "到2025年底…".
      for (const words of ['管理委员会', '理事会', '2024年9月底前', '2025年底']) expect(governance).toContain(words);
      expect(page.covered).toEqual([]);
      expect(page.areaNote).toContain('没有说哪个区归哪个集团');
    });
  }

  it('the Linyi plan’s digest says it is a plan in its summary and above the digest', () => {
    const page = documentPage(dataset, 'linyi-2024-urban-group-plan')!;
    expect(page.summaryStatus?.label).toBe('计划');
    expect(page.planNote).toContain('计划文件');
    const summary = dataset.document.get('linyi-2024-urban-group-plan')!.data.summary;
    expect(summary).toContain('目标是到2024年底');
    expect(summary).not.toMatch(/^[^。]*第一批覆盖6家二级医院和21家基层医疗机构，牵头医院拿出/);
  });

  it('the plan’s summary carries its status wherever documents are listed (district and group pages)', () => {
    const lanshan = regionPage(dataset, 'lanshan', SITE).documents.find((d) => d.href === '/documents/linyi-2024-urban-group-plan/')!;
    expect(lanshan.status?.label).toBe('计划');
    const group = groupPage(dataset, 'linyi-tcm-hospital-urban-group', SITE, TODAY).documents[0];
    expect(group.status?.label).toBe('计划');
    expect(groupPage(dataset, 'zizhong-people-hospital-group', SITE, TODAY).documents[0].status?.label).toBe('已实行');
  });

  it('Mengjin’s trial plan keeps its caveat and its statements are plans', () => {
    const page = groupPage(dataset, 'mengjin-first-medical-community', SITE, TODAY);
    expect(page.age?.warning).toContain('是试行方案');
    expect(page.services.every((s) => s.status?.label === '计划')).toBe(true);
  });

  it('a report’s statements say they are done, and its page carries no plan note', () => {
    const page = groupPage(dataset, 'zizhong-people-hospital-group', SITE, TODAY);
    expect(page.planNote).toBeUndefined();
    expect(page.services.filter((s) => s.status?.label === '已实行').length).toBeGreaterThan(5);
  });

  it('a Linyi district points to the city’s two groups without claiming either serves it', () => {
    const page = regionPage(dataset, 'lanshan', SITE);
    expect(page.groups).toEqual([]);
    expect(page.areaGroups?.groups.map((g) => g.name)).toEqual(['临沂市人民医院牵头的紧密型城市医疗集团', '临沂市中医医院牵头的紧密型城市医疗集团']);
    // The plan's own words on the area: "兰山区、罗庄区、河东区、高新区、沂河新区基层医疗卫生机构参与"; it says nothing of a 市区.
    expect(page.areaGroups?.intro).toContain('没有说哪个区归哪个集团');
    expect(page.areaGroups?.intro).not.toContain('市区');
  });
});

describe('a reading of the source is marked as one', () => {
  it('阚家卫生院 is shown as a member only by inference, with the words it rests on', () => {
    // The source only quotes "阚家卫生院一位医生".
    const page = institutionPage(dataset, 'gaomi-kanjia-health-centre', SITE);
    expect(page.memberships).toHaveLength(1);
    expect(page.memberships[0].inference).toMatch(/^据报道推断：/);
    expect(page.memberships[0].inference).toContain('阚家卫生院一位医生');
    expect(page.routes[0].text).toMatch(/^据报道推断，它可能是高密市高康医疗集团的成员单位/);
    const roster = groupPage(dataset, 'gaomi-gaokang-group', SITE, TODAY).roster.rows.find((r) => r.name === '阚家卫生院')!;
    expect(roster.note).toContain('据报道推断');
  });

  it('Zizhong’s 2024-08-13 is a repost date, not the date 健康四川 published it', () => {
    const doc = dataset.document.get('zizhong-2024-yigongti')!.data;
    expect(doc.date).toBe('2024');
    expect(doc.reposted).toBe('2024-08-13');
    const page = documentPage(dataset, 'zizhong-2024-yigongti')!;
    expect(page.reposted).toBe('2024年8月13日（这是转载网站的日期，不是原文发表的日期）');
    expect(page.dateInference).toContain('发表时间:2024-8-13');
    // No figure's period rests on the repost month any more.
    expect(dataset.observations.filter((o) => o.source.document === 'zizhong-2024-yigongti' && o.period.includes('2024-08'))).toEqual([]);
  });

  it('Zizhong’s insurance agreement: one per group, said to be a reading of "总医院代表成员单位…签订一个"', () => {
    for (const id of ['zizhong-people-group-insurance-service-agreements-2024-08', 'zizhong-tcm-group-insurance-service-agreements-2024-08']) {
      const o = dataset.observation.get(id)!;
      expect(o.value).toBe(1);
      expect(o.inference?.basis).toBe('总医院代表成员单位与医保经办机构签订一个医保定点服务协议');
    }
    const figure = documentPage(dataset, 'zizhong-2024-yigongti')!.figures.find((f) => f.id === 'zizhong-people-group-insurance-service-agreements-2024-08')!;
    expect(figure.note).toContain('据报道推断');
  });
});

describe('general facts carry their source', () => {
  it('12320 and 120 are shown with whom they come from and that the source was not checked', () => {
    expect(hotlineText(dataset)).toBe('全国卫生健康服务热线 12320（国家卫生健康委；出处未核实）');
    expect(emergencyText(dataset)).toBe('急救电话 120（原国家卫生计生委；出处未核实）');
    const guide = referralPage(dataset, 'zizhong-people-hospital-group', SITE, TODAY);
    expect(guide.emergency).toContain('出处未核实');
    expect(guide.generalNote).toContain('没有核实过的官方出处');
  });

  it('/about/ lists every general fact with its status and no longer says everything comes from the documents', () => {
    const about = aboutPage(dataset);
    expect(about.sourcesIntro).not.toContain('全部内容都来自');
    expect(about.generalFacts.map((f) => f.id)).toEqual(expect.arrayContaining(['hotline-12320', 'emergency-120', 'target-in-county-visit-rate', 'referral-general-practice', 'region-tree']));
    for (const f of about.generalFacts) expect(f.status).toMatch(/^(已核实|未核实)/);
  });

  it('the region tree is said to be general knowledge on a region page', () => {
    expect(regionPage(dataset, 'zizhong', SITE).parentSource).toBe('上级地区：按行政区划整理（民政部；出处未核实）。');
  });
});

describe('nothing is coloured against an unverified target, nor across unlike figures', () => {
  it('the national 90% of 县域内就诊率 is unverified, so it colours nothing', () => {
    const indicator = dataset.indicator.get('in-county-visit-rate')!;
    expect(indicator.nationalTarget?.value).toBe(90);
    expect(comparableTarget(dataset, indicator)).toBeUndefined();
    const yunnan = indicatorsIndex(dataset, { place: 'yunnan' });
    const cells = (yunnan.grid?.rows ?? []).flatMap((r) => r.cells);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.status === 'meets' || c.status === 'misses')).toEqual([]);
  });

  it('a verified target does colour (the rule is the reference, not the indicator)', () => {
    const fixture = datasetOf({ references: [FIXTURE_TARGET_REFERENCE] });
    expect(comparableTarget(fixture, visitRate)?.value).toBe(90);
    expect(comparableTarget(datasetOf({ references: [{ ...FIXTURE_TARGET_REFERENCE, verified: false }] }), visitRate)).toBeUndefined();
  });

  it('a province’s catalogue shows only that province’s figures', () => {
    const henan = indicatorsIndex(dataset, { place: 'henan' });
    const latest = henan.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.flatMap((r) => r.latest)));
    expect(latest.length).toBeGreaterThan(0);
    for (const l of latest) expect(JSON.stringify(l)).not.toMatch(/资中|高密|高康/);
  });
});

describe('one meaning per indicator', () => {
  it('Kunming’s 0.16 is a rise of the median ("较2023年国家监测时上升了0.16个百分点"), not a median of rises', () => {
    const o = dataset.observation.get('kunming-lead-hospital-down-referral-share-change-2024-h1')!;
    expect(o.statistic).toBe('median-change');
    expect(formatFigure(o, dataset.indicator.get(o.indicator)!.unit)).toBe('上升 0.16 百分点');
  });

  it('Kunming’s 75.4% and 59.6% are "全市…中位数", not medians across the counties building groups', () => {
    for (const id of ['kunming-in-county-inpatient-share-2024-h1', 'kunming-grassroots-outpatient-emergency-share-2024-h1']) {
      expect(dataset.observation.get(id)!.across?.label).toBe('全市（来源未说明按哪些单位取中位数）');
    }
  });

  it('every figure is the kind of number its indicator declares, so medians never share an indicator with places’ values', () => {
    for (const o of dataset.observations) expect(o.statistic ?? 'value', o.id).toBe(dataset.indicator.get(o.indicator)!.statistic ?? 'value');
    const visits = dataset.observationsByIndicator.get('in-county-visit-rate')!;
    expect(visits.map((o) => o.subject.id).sort()).toEqual(['fumin', 'jinning', 'mengjin', 'shilin']);
    const fair = fairComparison(dataset, dataset.indicator.get('in-county-visit-rate')!, visits.filter((o) => o.kind === 'actual'));
    expect(fair.aggregates).toEqual([]);
  });

  it('the three mixed indicators are split: no indicator mixes Linyi, Anning, Jinning, Zizhong or Gaomi', () => {
    for (const gone of ['reform-model-elements', 'group-unified-management-items', 'group-model-unchanged-items']) expect(dataset.indicator.has(gone)).toBe(false);
    for (const [id, list] of dataset.observationsByIndicator) {
      if (!/model|unified|unchanged|outputs|transformations/.test(id)) continue;
      expect(new Set(list.map((o) => o.source.document)).size, id).toBe(1);
    }
  });

  it('a range is one figure with two bounds, in the data and in the CSV: 15-35元/人/年 and 一两次', () => {
    const pay = dataset.observationsByIndicator.get('family-doctor-capitation')!;
    expect(pay.map((o) => [o.value, o.valueHigh, o.qualifier])).toEqual([[15, 35, 'range']]);
    const trainings = dataset.observationsByIndicator.get('gaomi-member-trainings-per-year')!;
    expect(trainings.map((o) => [o.value, o.valueHigh, o.qualifier])).toEqual([[1, 2, 'range']]);
    const rows = rowsOf(observationTable({ dataset, siteUrl: SITE }), pay);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).toContain('35');
  });

  it('石林’s "完成县人民医院四级电子病历信息系统升级改造" is an upgrade, not a rating of the hospital', () => {
    const indicator = dataset.indicator.get('emr-system-level')!;
    expect(indicator.name).toBe('电子病历信息系统升级改造的级别');
    expect(indicator.polarity).toBe('neutral');
  });
});

describe('what the Kunming source supports is on the site', () => {
  // "各县(市、区)均由县级人民医院牵头"; "…宜良县、嵩明县和东川区等地的7家县级牵头医院"; 富民 ">90%".
  it.each(['yiliang', 'songming', 'dongchuan', 'fumin'])('%s has its county group, its lead named only as the source names it', (region) => {
    const groups = dataset.groupsInRegion.get(region) ?? [];
    expect(groups).toHaveLength(1);
    expect(groups[0].lead).toBeUndefined();
    expect(groups[0].summary).toContain('县级人民医院牵头');
  });
});

describe('the fact-check of 2026-12-07 (afternoon)', () => {
  // Gaomi: only "高康医疗集团成员单位姜庄镇卫生院" is called a member; "阚家卫生院一位医生" is only quoted.
  it('阚家卫生院 is a member only by inference in every place that names it: title, list, referral sheet, count, CSV', () => {
    expect(institutionPage(dataset, 'gaomi-kanjia-health-centre', SITE).title).toContain('高密市高康医疗集团（据报道推断）');
    expect(institutionPage(dataset, 'gaomi-jiangzhuang-health-centre', SITE).title).not.toContain('据报道推断');
    expect(JSON.stringify(institutionsIndex(dataset))).toContain('高密市高康医疗集团（据报道推断）');
    const whom = referralPage(dataset, 'gaomi-gaokang-group', SITE, TODAY).steps.find((s) => s.key === 'whom')!.local;
    expect(whom[0]).toBe('本医共体的成员单位：姜庄镇卫生院。');
    expect(whom[1]).toMatch(/^据报道推断.*阚家卫生院。$/);
    // "组建6支…技术指导团队对接6家基层成员医院": six members, one named as such, one read into the report.
    const stated = groupPage(dataset, 'gaomi-gaokang-group', SITE, TODAY).roster.stated.map((s) => s.text);
    expect(stated).toEqual(['来源称 6 家基层成员医院（卫生院），明确点名为成员的 1 个，另有 1 个是据报道推断的成员。']);
    const ctx = { dataset, siteUrl: SITE };
    const [kanjia] = rowsOf(institutionTable(ctx), [dataset.institution.get('gaomi-kanjia-health-centre')!]);
    expect(kanjia.roles).toBe('inferred-member');
    const [gaokang] = rowsOf(groupTable(ctx), [dataset.group.get('gaomi-gaokang-group')!]);
    expect(gaokang.member_names).toBe('阚家卫生院（据报道推断）；姜庄镇卫生院');
    // The finder on the home page says it too (its result reads "据报道推断可能属于" instead of "所属").
    const finder = buildFinderData(dataset, { institutionKind: (k) => k, groupKind: (k) => k, regionKind: (k) => k }, []);
    const entryOf = (name: string) => finder.entries.find((e) => e.name === name)!;
    expect(entryOf('阚家卫生院').inferred).toEqual(['gaomi-gaokang-group']);
    expect(entryOf('姜庄镇卫生院').inferred).toBeUndefined();
  });

  it('Gaomi’s statements say what the report says, no more', () => {
    const page = groupPage(dataset, 'gaomi-gaokang-group', SITE, TODAY);
    const texts = [...page.services, ...page.policy.flatMap((p) => p.points)].map((s) => s.text).join('\n');
    // "组建6支…技术指导团队对接6家基层成员医院": the report does not say one team per hospital.
    expect(texts).toContain('对接6家基层成员医院');
    expect(texts).not.toMatch(/各对接一家|每支对接一家/);
    // "基层群众在家门口就能享受市级医院的医疗服务": nothing about never going to town again.
    expect(texts).not.toContain('不必再专程');
    // "达到了专家往下走、小病往下转、费用往下降的目的": reported as done, not a plan.
    const down = page.policy.flatMap((p) => p.points).find((p) => p.text.includes('专家往下走'))!;
    expect(down.status?.label).toBe('已实行');
  });

  it('no indicator puts a place’s count beside a group’s, nor a city-wide plan total beside one group’s members', () => {
    for (const [id, list] of dataset.observationsByIndicator) expect(new Set(list.map((o) => o.subject.type)).size, id).toBe(1);
    // Linyi: "覆盖第一批6家二级医院和21家基层医疗机构" is both groups together; Gaomi's "6家基层成员医院" is one group's.
    expect(dataset.observationsByIndicator.get('group-grassroots-member-count')!.map((o) => o.subject.id)).toEqual(['gaomi-gaokang-group']);
    const firstBatch = dataset.observationsByIndicator.get('urban-group-first-batch-grassroots-count')!;
    expect(firstBatch.map((o) => [o.subject.id, o.value, o.kind])).toEqual([['linyi', 21, 'target']]);
    expect(dataset.indicator.get('urban-group-first-batch-grassroots-count')!.name).toContain('全市合计');
  });

  it('Kunming’s five main districts are "除五华区等5个主城区外" in 2024, not districts outside 医共体 building', () => {
    const name = dataset.indicator.get('urban-districts-outside-county-community')!.name;
    expect(name).not.toContain('未纳入');
    // "2019年,云南省昆明市五华区、晋宁区和安宁市被国家卫生健康委列为紧密型县域医共体建设试点县".
    expect(regionPage(dataset, 'wuhua', SITE).note).toContain('2019年国家卫生健康委把五华区');
  });

  it('a local catalogue heading says where a definition was first seen, not that every figure below comes from there', () => {
    // Sichuan's page lists Zizhong's figures of indicators first defined from Mengjin's plan (医共体数量 and others).
    const sichuan = indicatorsIndex(dataset, { place: 'sichuan' });
    const headings = sichuan.sections.flatMap((s) => s.tables.map((tb) => tb.heading?.text ?? ''));
    expect(headings).toContain('定义首见于《孟津县紧密型医共体建设实施方案（试行，2020年）》的指标');
    expect(headings.some((h) => h.startsWith('来自《'))).toBe(false);
  });

  it('a city group’s referral sheet does not send residents to a 县医院 (Linyi’s leads are 临沂市人民医院 and 临沂市中医医院)', () => {
    const guide = referralPage(dataset, 'linyi-people-hospital-urban-group', SITE, TODAY);
    expect(guide.steps.map((s) => s.heading).join('')).not.toContain('县医院');
  });

  it('sentences about national targets and frameworks say only what the site knows', () => {
    expect(t('indicator.targetNone')).toBe('本站没有收录全国目标');
    expect(t('indicator.caveat.workingText')).toMatch(/^据本站见到的二手资料（未核实）/);
    expect(t('indicators.about.earlier-monitoring')).not.toContain('较早的全国监测实践');
    expect(dataset.indicator.get('in-county-visit-rate')!.definitionNote).not.toContain('曾用于');
  });
});

describe('a sentence names the kind of number once', () => {
  // Kunming: "县域内就诊率中位数为87.49%": the indicator's own name says 中位数, so the sentence must not say it twice.
  const medians = dataset.indicators.filter((i) => (i.shortName ?? i.name).endsWith('中位数'));
  it('the site has median indicators named so (from data/indicators)', () => {
    expect(medians.length).toBeGreaterThan(0);
  });
  for (const indicator of medians) {
    it(`${indicator.id}: each subject's summary says 中位数 once, beside its value`, () => {
      const bySubject = new Map<string, (typeof dataset.observations)[number][]>();
      for (const o of dataset.observations.filter((o) => o.indicator === indicator.id)) {
        const key = `${o.subject.type}:${o.subject.id}`;
        bySubject.set(key, [...(bySubject.get(key) ?? []), o]);
      }
      for (const figures of bySubject.values()) {
        const sentence = subjectSummary(dataset, indicator, figures);
        if (!sentence) continue;
        expect(sentence).not.toMatch(/中位数\S*\s*中位数/);
        expect(sentence).toContain(`${indicator.shortName ?? indicator.name}为`);
      }
    });
  }
});
