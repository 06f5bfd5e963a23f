/**
 * A synthetic but realistic national dataset for the scale benchmark: at full size 2,100 counties, 4,000 groups,
 * 40,000 institutions, 580,000 village clinics (about 17 under each township health centre, with `belongsTo`) and
 * 200,000 observations, with a source document per county and prefecture, written as editors would (one file per
 * province). Deterministic: the same scale always gives the same files.
 * The data is invented and never leaves the temporary folder it is written to.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FULL = { counties: 2100, groups: 4000, institutions: 40_000, villageClinics: 580_000, observations: 200_000, prefectures: 333 };

const PROVINCES = [
  '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省',
  '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省', '云南省', '陕西省', '甘肃省', '青海省',
  '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区', '北京市', '天津市', '上海市', '重庆市',
];
const SYLLABLES = [...'安宁平阳山河江湖清源东西南北新长兴华丰泰永和德昌临高庆云龙凤青白石金宝林桥溪城沙望岳武文明福乐顺通嘉汉鹤柳梅松竹兰泉海坪岗峰'];
/** National indicators the figures are reported for, with how a source writes each value. */
const MEASURES: { id: string; write: (v: number) => string; value: (r: () => number) => number }[] = [
  { id: 'in-county-visit-rate', write: (v) => `县域内就诊率达到${v}%`, value: (r) => round(82 + r() * 14, 2) },
  { id: 'grassroots-visit-rate', write: (v) => `基层就诊率为${v}%`, value: (r) => round(50 + r() * 25, 2) },
  { id: 'in-county-inpatient-share', write: (v) => `县域内住院人次占比${v}%`, value: (r) => round(70 + r() * 20, 1) },
  { id: 'insurance-fund-in-county-share', write: (v) => `医保基金县域内支出占比${v}%`, value: (r) => round(60 + r() * 25, 1) },
  { id: 'grassroots-insurance-fund-share', write: (v) => `基层医保基金占比${v}%`, value: (r) => round(15 + r() * 20, 1) },
  { id: 'tcm-visit-share', write: (v) => `中医诊疗人次占比${v}%`, value: (r) => round(20 + r() * 15, 1) },
  { id: 'imaging-ecg-village-coverage', write: (v) => `远程影像、心电覆盖${v}%的村卫生室`, value: (r) => round(40 + r() * 50, 0) },
  { id: 'lead-hospital-down-referral-share', write: (v) => `牵头医院下转患者占比${v}%`, value: (r) => round(5 + r() * 20, 1) },
  { id: 'in-county-inpatient-cost', write: (v) => `县域内次均住院费用${v}元`, value: (r) => Math.round(4000 + r() * 5000) },
  { id: 'stationed-senior-doctors-per-10k', write: (v) => `每万人口派驻中高级职称医师${v}人`, value: (r) => round(0.5 + r() * 2, 1) },
];
const YEARS = ['2021', '2022', '2023', '2024'];
const TARGET_YEAR = '2025';

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** A small seeded PRNG (mulberry32), so every run writes the same dataset. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` distinct two-character place names. */
function placeNames(n: number, r: () => number, avoid = new Set<string>()): string[] {
  const names: string[] = [];
  const seen = new Set(avoid);
  while (names.length < n) {
    const name = SYLLABLES[Math.floor(r() * SYLLABLES.length)] + SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    if (name[0] === name[1] || seen.has(name)) continue;
    seen.add(name);
    names.push(name);
  }
  return names;
}

/** `total` split over `parts` as evenly as possible. */
function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface GeneratedCounts {
  regions: number;
  counties: number;
  groups: number;
  /** Institutions with a page of their own (hospitals, health centres). */
  institutions: number;
  /** Village clinics, each under a township health centre. */
  villageClinics: number;
  observations: number;
  documents: number;
  updates: number;
}

export interface GenerateOptions {
  /**
   * Only the figures and what they refer to (regions, indicators, groups with their lead and member institutions,
   * documents): no village clinics and no updates, which no figure refers to. The shape of issue 12's check goal,
   * "200,000 observations validate in ≤ 10 s", taken literally.
   */
  figuresOnly?: boolean;
}

/** Writes `data/` and `content/` for `scale` (1 = national size) under `root`; copies the real national indicators. */
export function generateNationalDataset(root: string, scale: number, projectRoot: string, options: GenerateOptions = {}): GeneratedCounts {
  // It writes data/ and content/ under root: an empty or wrong root would overwrite the project's real data.
  if (!root || resolve(root) === resolve(projectRoot)) throw new Error(`national data: refusing to generate into ${resolve(root)}; give a temporary folder`);
  const r = random(20261123);
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  const countyCount = n(FULL.counties);
  const prefectureCount = Math.min(countyCount, n(FULL.prefectures));
  const provinceCount = Math.min(PROVINCES.length, prefectureCount);
  const groupCount = Math.max(countyCount, n(FULL.groups));
  const perGroupInstitutions = Math.max(2, Math.round(FULL.institutions / FULL.groups));
  const perGroupObservations = MEASURES.length * (YEARS.length + 1);

  // Regions: provinces → prefectures → counties.
  const regions: Record<string, unknown>[] = [];
  const provinces = PROVINCES.slice(0, provinceCount).map((name, i) => ({ id: `prov-${pad(i + 1, 2)}`, name, kind: 'province' }));
  regions.push(...provinces);
  const prefNames = placeNames(prefectureCount, r);
  const prefectures = prefNames.map((name, i) => ({ id: `pref-${pad(i + 1, 3)}`, name: `${name}市`, kind: 'prefecture', parent: provinces[i % provinceCount].id }));
  regions.push(...prefectures);
  const countyNames = placeNames(countyCount, r, new Set(prefNames));
  const countyKinds = ['county', 'county', 'county', 'county', 'county-level-city', 'district'] as const;
  const suffix = { county: '县', 'county-level-city': '市', district: '区' } as const;
  const counties = countyNames.map((name, i) => {
    const kind = countyKinds[Math.floor(r() * countyKinds.length)];
    return { id: `cnty-${pad(i + 1, 4)}`, name: name + suffix[kind], kind, parent: prefectures[i % prefectureCount].id };
  });
  regions.push(...counties);
  const regionById = new Map(regions.map((x) => [x.id as string, x as { id: string; parent?: string }]));
  const provinceOf = (regionId: string): string => {
    const region = regionById.get(regionId)!;
    return region.parent ? provinceOf(region.parent) : region.id;
  };
  const countyProvince = new Map(counties.map((c) => [c.id, provinceOf(c.id)]));
  const prefProvince = new Map(prefectures.map((p) => [p.id, p.parent]));

  // One source document per county, and one per prefecture with an urban group.
  const documents: { id: string; file: string; text: string; province: string }[] = [];
  const docFor = new Map<string, string>();
  const writeDocument = (region: { id: string; name: string }, province: string, urban: boolean, year: string) => {
    const id = `${region.id}-${year}-${urban ? 'urban-group' : 'yigongti'}`;
    docFor.set(region.id, id);
    const what = urban ? '紧密型城市医疗集团' : '紧密型县域医共体';
    const paragraphs = [
      `## 这是什么\n\n这是${region.name}卫生健康局在 ${year} 年发布的${what}建设工作情况通报，介绍全${urban ? '市' : '县'}组建医共体、推进分级诊疗和双向转诊的做法与成效。文中的“总医院”指牵头医院，“分院”指乡镇卫生院。`,
      `## 组建和管理\n\n${region.name}以${region.name.slice(0, 2)}人民医院、${region.name.slice(0, 2)}中医医院为龙头组建${what}，成员包括辖区内的乡镇卫生院、社区卫生服务中心和村卫生室。医共体实行人员、财务、药品耗材和信息系统统一管理，设立“两办八中心”负责日常运行，内部管理制度逐步完善。`,
      `## 人才和技术往下走\n\n牵头医院向成员单位派驻业务骨干，开展查房、带教和手术指导，帮助乡镇卫生院新开临床科室；乡镇卫生院的医护人员可到牵头医院进修学习。医共体建成远程影像、远程心电和远程会诊中心，基层检查、上级诊断，结果互认。`,
      `## 双向转诊\n\n需要到上级医院看病的患者，由乡镇卫生院或家庭医生开具转诊单，牵头医院设转诊服务中心，为上转患者提供免挂号、优先检查、优先住院；病情稳定后转回基层康复，由家庭医生团队随访。胸痛、卒中、创伤等急危重症开通绿色通道。`,
      `## 成效\n\n通报列出了县域内就诊率、基层就诊率、医保基金县域内支出占比等指标近几年的变化，县域内就诊率逐年提高，群众在家门口看病的比例持续上升。`,
    ];
    const frontmatter = [
      '---',
      `title: ${region.name}${what}建设工作情况（${year}年）`,
      `originalTitle: 关于${region.name}${what}建设工作情况的通报`,
      `issuer: ${region.name}卫生健康局`,
      `number: ${region.name.slice(0, 1)}卫发〔${year}〕${Math.floor(r() * 90) + 10}号`,
      `date: ${year}-${pad(Math.floor(r() * 12) + 1, 2)}-${pad(Math.floor(r() * 28) + 1, 2)}`,
      'type: report',
      'regions:',
      `  - ${region.id}`,
      `outlet: ${region.name}人民政府网站`,
      `summary: ${region.name}通报${what}的组建、管理、人才下沉、双向转诊和成效。`,
      '---',
      '',
    ].join('\n');
    documents.push({ id, file: `${id}.mdx`, text: frontmatter + paragraphs.join('\n\n') + '\n', province });
  };
  const source = (document: string, section: string, excerpt?: string) => ({ document, section, ...(excerpt ? { excerpt } : {}) });

  // Groups: a few urban groups in prefectures, the rest county groups spread over the counties.
  const urbanCount = Math.min(prefectureCount, Math.round(groupCount * 0.08));
  const countyGroupCounts = spread(groupCount - urbanCount, countyCount);
  const byProvince = <T>() => new Map<string, T[]>();
  const groups = byProvince<Record<string, unknown>>();
  const institutions = byProvince<Record<string, unknown>>();
  const observations = byProvince<Record<string, unknown>>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const counts = { institutions: 0, observations: 0 };
  /** Township health centres, to hang the village clinics under once the groups are made. */
  const townships: { id: string; region: string; doc: string; province: string }[] = [];
  const institutionsLeft = () => n(FULL.institutions) - counts.institutions;

  const makeGroup = (
    id: string,
    region: { id: string; name: string; parent?: string },
    province: string,
    kind: 'county' | 'urban',
    ordinal: number,
    groupsLeft: number,
    covered: string[],
  ) => {
    const doc = docFor.get(region.id)!;
    const short = region.name.slice(0, 2);
    const leadName = kind === 'urban' ? `${region.name}第${ordinal}人民医院` : [`${region.name}人民医院`, `${region.name}中医医院`, `${region.name}第二人民医院`, `${region.name}妇幼保健院`][ordinal - 1] ?? `${region.name}第${ordinal}医院`;
    const lead = `${id}-lead`;
    const memberCount = Math.max(1, Math.min(perGroupInstitutions - 1, Math.round(institutionsLeft() / groupsLeft) - 1));
    const towns = placeNames(memberCount, r);
    const memberRegion = (i: number) => (covered.length ? covered[i % covered.length] : region.id);
    const instRecords: Record<string, unknown>[] = [
      {
        id: lead,
        name: leadName,
        aliases: [leadName.replace(region.name, kind === 'urban' ? '市' : '县')],
        kind: ordinal === 2 && kind === 'county' ? 'tcm-hospital' : 'general-hospital',
        region: memberRegion(0),
        services: [{ text: '牵头医共体，设转诊服务中心和远程会诊中心', source: source(doc, '组建和管理', '组建') }],
        sources: [source(doc, '组建和管理')],
      },
    ];
    towns.forEach((town, i) => {
      const memberId = `${id}-m${pad(i + 1, 3)}`;
      if (kind === 'county') townships.push({ id: memberId, region: memberRegion(i), doc, province });
      instRecords.push({
        id: memberId,
        name: kind === 'urban' ? `${town}街道社区卫生服务中心` : `${town}镇卫生院`,
        aliases: [],
        kind: kind === 'urban' ? 'community-health-centre' : 'township-health-centre',
        region: memberRegion(i),
        services: [{ text: '接入远程影像和心电诊断，结果与牵头医院互认', source: source(doc, '人才和技术往下走') }],
        sources: [source(doc, '组建和管理')],
      });
    });
    counts.institutions += instRecords.length;
    for (const inst of instRecords) push(institutions, province, inst);
    const sourced = (text: string, section: string) => ({ text, source: source(doc, section) });
    push(groups, province, {
      id,
      name: kind === 'urban' ? `${leadName}牵头的紧密型城市医疗集团` : `${leadName}牵头的紧密型县域医共体`,
      kind,
      region: region.id,
      coveredRegions: covered,
      lead,
      members: instRecords.slice(1).map((m) => ({ institution: m.id })),
      statedMembers:
        ordinal % 3 === 0
          ? [{ count: memberCount + 5, kind: 'village-clinic', label: `${memberCount + 5} 个成员单位`, source: source(doc, '组建和管理', `${memberCount + 5}个成员单位`) }]
          : [],
      established: `20${19 + (ordinal % 4)}-0${1 + (ordinal % 9)}-15`,
      summary: `${region.name}的${kind === 'urban' ? '城市医疗集团' : '紧密型县域医共体'}之一，由${leadName}牵头，成员包括${memberCount}家基层医疗卫生机构。`,
      services: [
        sourced(`${short}的牵头医院向乡镇卫生院派驻业务骨干，帮助新开临床科室，指导手术和查房。`, '人才和技术往下走'),
        sourced('建有远程影像、远程心电和远程会诊中心，基层检查、上级诊断，结果互认。', '人才和技术往下走'),
        sourced('家庭医生团队里有牵头医院的专家，签约居民看专家、住院更方便。', '双向转诊'),
      ],
      referral: {
        up: [sourced('在乡镇卫生院或找家庭医生开转诊单，转到牵头医院。', '双向转诊'), sourced('牵头医院转诊服务中心负责接诊和安排检查、住院。', '双向转诊')],
        down: [sourced('病情稳定后转回乡镇卫生院康复。', '双向转诊'), sourced('家庭医生团队负责出院后的随访。', '双向转诊')],
        benefits: [sourced('上转患者免挂号、优先检查、优先住院。', '双向转诊')],
        greenChannels: [sourced('胸痛、卒中、创伤等急危重症走绿色通道。', '双向转诊')],
        staysLocal: [sourced('常见病、多发病和慢性病在乡镇卫生院看。', '双向转诊')],
        whoToAsk: '问你的家庭医生或乡镇卫生院的转诊窗口。',
      },
      sources: [source(doc, '组建和管理')],
    });
    // Figures: each measure for each year, and a target for the year after.
    for (const m of MEASURES) {
      const base = m.value(r);
      [...YEARS, TARGET_YEAR].forEach((year, y) => {
        const target = year === TARGET_YEAR;
        const value = typeof base === 'number' && Number.isInteger(base) ? Math.round(base * (1 + y * 0.02)) : round(base * (1 + y * 0.01), String(base).split('.')[1]?.length ?? 0);
        push(observations, province, {
          id: `${id}-${m.id}-${year}`,
          indicator: m.id,
          subject: { type: 'group', id },
          period: year,
          value,
          kind: target ? 'target' : 'actual',
          source: source(doc, '成效', `${target ? '目标：' : `${year}年，`}${m.write(value)}`),
        });
      });
    }
    counts.observations += perGroupObservations;
  };

  let groupsLeft = groupCount;
  prefectures.slice(0, urbanCount).forEach((pref, i) => {
    const province = prefProvince.get(pref.id)!;
    writeDocument(pref, province, true, '2024');
    const covered = counties.filter((c) => c.parent === pref.id).slice(0, 2).map((c) => c.id);
    makeGroup(`${pref.id}-u1`, pref, province, 'urban', 1 + (i % 3), groupsLeft--, covered);
  });
  counties.forEach((county, i) => {
    const province = countyProvince.get(county.id)!;
    writeDocument(county, province, false, String(2020 + (i % 5)));
    for (let g = 1; g <= countyGroupCounts[i]; g++) makeGroup(`${county.id}-g${g}`, county, province, 'county', g, groupsLeft--, []);
  });

  // Village clinics (村卫生室): spread over the township health centres, each managed by its centre (乡村一体化管理).
  // Not group members: they are rows on their centre's page and found by the finder.
  const villageCounts = spread(options.figuresOnly ? 0 : n(FULL.villageClinics), townships.length);
  townships.forEach((town, t) => {
    placeNames(villageCounts[t], r).forEach((village, v) =>
      push(institutions, town.province, {
        id: `${town.id}-v${pad(v + 1, 2)}`,
        name: `${village}村卫生室`,
        kind: 'village-clinic',
        region: town.region,
        belongsTo: town.id,
        sources: [source(town.doc, '组建和管理')],
      }),
    );
  });

  // News items a bureau publishes: one for every tenth county.
  const updates = counties.filter((_, i) => i % 10 === 0 && !options.figuresOnly).map((county) => {
    const id = `2025-${county.id}-referral-centre`;
    const text = [
      '---',
      `title: ${county.name}医共体转诊服务中心开始运行`,
      'date: 2025-03-01',
      'regions:',
      `  - ${county.id}`,
      'groups:',
      `  - ${county.id}-g1`,
      `summary: ${county.name}医共体牵头医院的转诊服务中心开始运行，基层转诊患者可免挂号、优先检查。`,
      '---',
      '',
      `${county.name}医共体牵头医院的转诊服务中心从 3 月 1 日起运行。在乡镇卫生院开了转诊单的患者，到牵头医院后由中心安排检查和住院。`,
      '',
    ].join('\n');
    return { id, text };
  });

  // Write it all, one file per province, as editors would.
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('data/regions/regions.json', JSON.stringify(regions, null, 2));
  write('data/indicators/national.json', readFileSync(join(projectRoot, 'data/indicators/national.json'), 'utf8'));
  // The general facts the indicators and pages cite (data/references/), copied as they are.
  for (const name of readdirSync(join(projectRoot, 'data/references')).filter((n) => n.endsWith('.json'))) {
    write(`data/references/${name}`, readFileSync(join(projectRoot, 'data/references', name), 'utf8'));
  }
  for (const [name, map] of [['groups', groups], ['institutions', institutions], ['observations', observations]] as const) {
    for (const [province, list] of map) write(`data/${name}/${province}.json`, JSON.stringify(list, null, 2));
  }
  for (const d of documents) write(`content/documents/${d.file}`, d.text);
  for (const u of updates) write(`content/updates/${u.id}.mdx`, u.text);
  return {
    regions: regions.length,
    counties: counties.length,
    groups: groupCount,
    institutions: counts.institutions,
    villageClinics: villageCounts.reduce((a, b) => a + b, 0),
    observations: counts.observations,
    documents: documents.length,
    updates: updates.length,
  };
}
