/**
 * Queries for what the site does not cover: each must find nothing at all (search-page.test.ts), however common some
 * of its characters or pairs are on the site (和医 in "医共体和医疗集团", 医院 everywhere).
 */
export const NOTHING_TO_FIND = [
  '北京协和医院',
  '深圳罗湖医院集团',
  '上海瑞金医院',
  '湘雅医院',
  '火星',
  '量子计算机',
  '北京市朝阳区卫生院',
  'iPhone维修',
  '湖南省人民医院',
  '西藏牙科诊所',
  '乌鲁木齐市卫生院',
  '哈尔滨医科大学',
  '股票行情',
  '宠物医院',
];

/**
 * The search regression set: queries residents type, each with the page search must put in its first three results.
 * Every query targets a fact in data/ or content/ that the target page shows (search-regression.test.ts checks the
 * page says most of what the query asks). Used by tests/browser/search-*.test.ts
 * and by scripts/bench-search.ts.
 */

export type QueryKind =
  | 'place'
  | 'name in a sentence'
  | 'name'
  | 'short name'
  | 'pinyin'
  | 'homophone'
  | 'policy term'
  | 'indicator'
  | 'number'
  | 'traditional'
  | 'multi-word';

export interface RegressionQuery {
  query: string;
  /**
   * The page that must be among the first three results; for a homophone (a name mistyped with characters that
   * sound the same), among the first three names offered as "您是不是要找…".
   */
  page: string;
  kind: QueryKind;
  /** For a figure: the observation (data/observations) whose row on the page the result must link to (#obs-…). */
  anchor?: string;
}

const q = (kind: QueryKind, query: string, page: string, anchor?: string): RegressionQuery => ({ query, page, kind, ...(anchor ? { anchor } : {}) });

export const SEARCH_REGRESSION: RegressionQuery[] = [
  // Township and county names, alone: the institution or region named after them.
  q('place', '小浪底', '/institutions/mengjin-xiaolangdi-health-centre/'),
  q('place', '麻屯', '/institutions/mengjin-matun-health-centre/'),
  q('place', '银山', '/institutions/zizhong-yinshan-branch/'),
  q('place', '姜庄', '/institutions/gaomi-jiangzhuang-health-centre/'),
  q('place', '安宁', '/regions/anning/'),
  q('place', '阚家', '/institutions/gaomi-kanjia-health-centre/'),
  q('place', '常袋', '/institutions/mengjin-changdai-health-centre/'),
  q('place', '白鹤', '/institutions/mengjin-baihe-health-centre/'),
  q('place', '寻甸', '/regions/xundian/'),
  q('place', '沂河新区', '/regions/yihe-xinqu/'),
  q('place', '孟津', '/regions/mengjin/'),
  q('place', '五华区', '/regions/wuhua/'),
  q('place', '东川', '/regions/dongchuan/'),
  q('place', '嵩明', '/regions/songming/'),
  q('place', '宜良县', '/regions/yiliang/'),
  q('place', '兰山区', '/regions/lanshan/'),
  q('place', '会盟', '/institutions/mengjin-huimeng-health-centre/'),
  q('place', '送庄', '/institutions/mengjin-songzhuang-health-centre/'),
  q('place', '王良', '/institutions/mengjin-wangliang-health-centre/'),
  // Institution and group names, on their own and inside the sentences residents type.
  q('name', '太平分院', '/institutions/zizhong-taiping-branch/'),
  q('name', '高康医疗集团', '/groups/gaomi-gaokang-group/'),
  q('name', '孟津县第二人民医院', '/institutions/mengjin-second-people-hospital/'),
  q('name', '孟津县第三医疗卫生共同体', '/groups/mengjin-third-medical-community/'),
  q('name in a sentence', '我想去麻屯镇卫生院看病', '/institutions/mengjin-matun-health-centre/'),
  q('name in a sentence', '小浪底镇卫生院属于哪个医共体', '/institutions/mengjin-xiaolangdi-health-centre/'),
  q('name in a sentence', '孟津县妇幼保健院能转诊吗', '/institutions/mengjin-maternal-child-health-hospital/'),
  q('name in a sentence', '请问石林县人民医院是牵头医院吗', '/institutions/shilin-people-hospital/'),
  q('name in a sentence', '资中县中医医院牵头的医共体有哪些分院', '/groups/zizhong-tcm-hospital-group/'),
  q('name in a sentence', '在临沂市人民医院看病怎么转诊', '/groups/linyi-people-hospital-urban-group/referral/'),
  q('name in a sentence', '高密市人民医院派了多少技术指导团队', '/indicators/gaomi-technical-support-teams/'),
  q('name in a sentence', '孟津县中医院在哪', '/institutions/mengjin-tcm-hospital/'),
  q('name in a sentence', '阚家卫生院属于哪个医疗集团', '/institutions/gaomi-kanjia-health-centre/'),
  // Names as people say them: short forms made from the written names (src/search/build/aliases.ts).
  q('short name', '资中县医院', '/institutions/zizhong-county-people-hospital/'),
  q('short name', '孟津县二院', '/institutions/mengjin-second-people-hospital/'),
  q('short name', '孟津县医院', '/institutions/mengjin-people-hospital/'),
  q('short name', '孟津县中医医院', '/institutions/mengjin-tcm-hospital/'),
  q('short name', '资中中医院', '/institutions/zizhong-county-tcm-hospital/'),
  q('short name', '孟津第一医共体', '/groups/mengjin-first-medical-community/'),
  q('short name', '横水卫生院', '/institutions/mengjin-hengshui-health-centre/'),
  q('short name', '孟津中医医院', '/institutions/mengjin-tcm-hospital/'),
  q('short name', '资中县中医院', '/institutions/zizhong-county-tcm-hospital/'),
  q('short name', '资中人民医院', '/institutions/zizhong-county-people-hospital/'),
  q('short name', '高密市医院', '/institutions/gaomi-people-hospital/'),
  q('short name', '临沂中医院', '/institutions/linyi-tcm-hospital/'),
  q('short name', '石林县医院', '/institutions/shilin-people-hospital/'),
  q('short name', '孟津妇幼保健院', '/institutions/mengjin-maternal-child-health-hospital/'),
  q('short name', '孟津第三医共体', '/groups/mengjin-third-medical-community/'),
  q('short name', '孟津县第二医共体', '/groups/mengjin-second-medical-community/'),
  q('short name', '常袋卫生院', '/institutions/mengjin-changdai-health-centre/'),
  q('short name', '临沂市医院', '/institutions/linyi-people-hospital/'),
  // Names typed in pinyin (no Chinese input method at hand).
  q('pinyin', 'xiaolangdi', '/institutions/mengjin-xiaolangdi-health-centre/'),
  q('pinyin', 'matun', '/institutions/mengjin-matun-health-centre/'),
  q('pinyin', 'mengjin', '/regions/mengjin/'),
  q('pinyin', 'zizhong', '/regions/zizhong/'),
  q('pinyin', 'xundian', '/regions/xundian/'),
  q('pinyin', 'hengshui', '/institutions/mengjin-hengshui-health-centre/'),
  // Names mistyped with a character that sounds the same: offered as "您是不是要找…".
  q('homophone', '麻吞卫生院', '/institutions/mengjin-matun-health-centre/'),
  q('homophone', '白河卫生院', '/institutions/mengjin-baihe-health-centre/'),
  q('homophone', '资忠县', '/regions/zizhong/'),
  q('homophone', '寻店', '/regions/xundian/'),
  // Policy terms: the glossary or guide that explains them, or the document that uses them.
  q('policy term', '双向转诊', '/glossary/'),
  q('policy term', '结余留用', '/glossary/'),
  q('policy term', '绿色通道', '/guide/'),
  q('policy term', '基层首诊', '/glossary/'),
  q('policy term', '检查结果互认', '/glossary/'),
  // Each number of the model is an indicator of its own (issue 23); the model's indicator pages come first.
  q('policy term', '135安宁模式', '/indicators/anning-model-policy-sets/'),
  q('policy term', '晋宁模式', '/indicators/jinning-model-reforms/'),
  q('policy term', '百县工程', '/indicators/lead-hospitals-meeting-recommended-standard/'),
  q('policy term', '两办八中心', '/documents/zizhong-2024-yigongti/'),
  q('policy term', '总额预算包干', '/glossary/'),
  q('policy term', '急慢分治', '/glossary/'),
  q('policy term', '上下联动', '/glossary/'),
  q('policy term', '分级诊疗', '/glossary/'),
  q('policy term', '医联体', '/glossary/'),
  q('policy term', '远程会诊', '/glossary/'),
  q('policy term', '四个三', '/documents/zizhong-2024-yigongti/'),
  q('policy term', '高医探索', '/documents/gaomi-2021-gaokang-group/'),
  q('policy term', '医保总额预算包干', '/documents/mengjin-2020-yigongti-plan/'),
  // Indicator names and aliases.
  q('indicator', '县域内就诊率', '/indicators/in-county-visit-rate/'),
  q('indicator', '县域就诊率', '/indicators/in-county-visit-rate/'),
  q('indicator', '基层就诊率', '/indicators/grassroots-visit-rate/'),
  q('indicator', '家庭医生有效签约人数', '/indicators/family-doctor-contracted-people/'),
  q('indicator', '上转病人人次', '/indicators/up-referral-visits/'),
  q('indicator', '远程心电诊断', '/indicators/remote-ecg-cases/'),
  // What readers call a share: a rate (src/search/build/aliases.ts indicatorForms).
  q('indicator', '下转率', '/indicators/lead-hospital-down-referral-share/'),
  q('indicator', '大病巡诊覆盖的村庄', '/indicators/gaomi-major-illness-rounds-villages/'),
  // Kunming's figure is a median, now an indicator of its own.
  q('indicator', '下转患者占比', '/indicators/lead-hospital-down-referral-share-median/'),
  q('indicator', '推荐标准达标率', '/indicators/grassroots-recommended-standard-share/'),
  q('indicator', '签约覆盖率', '/indicators/key-population-contract-coverage/'),
  q('indicator', '住院人次占比', '/indicators/in-county-inpatient-share/'),
  q('indicator', '基层诊疗量占比', '/indicators/grassroots-visit-rate/'),
  q('indicator', '中医类诊疗量', '/indicators/tcm-visit-share/'),
  q('indicator', '过早死亡率', '/indicators/premature-chronic-mortality/'),
  q('indicator', '电子病历等级', '/indicators/emr-system-level/'),
  q('indicator', '门诊号源下沉比例', '/indicators/linyi-slots-beds-to-family-doctors-or-grassroots-share/'),
  // Figures as readers copy them from reports, with or without thousands separators.
  q('number', '105423', '/indicators/remote-imaging-cases/'),
  q('number', '73,730', '/indicators/remote-ecg-cases/'),
  q('number', '1207', '/indicators/up-referral-visits/'),
  q('number', '昆明 87.49', '/regions/kunming/'),
  // Figures as people write them: in 万 and rounded, with a percent sign; each leads to the figure's row.
  q('number', '10.5万', '/indicators/remote-imaging-cases/', 'zizhong-remote-imaging-cases-cum'),
  q('number', '105,423', '/indicators/remote-imaging-cases/', 'zizhong-remote-imaging-cases-cum'),
  q('number', '7.4万', '/indicators/remote-ecg-cases/', 'zizhong-remote-ecg-cases-cum'),
  q('number', '7.37万', '/indicators/remote-ecg-cases/', 'zizhong-remote-ecg-cases-cum'),
  q('number', '63.9万', '/indicators/family-doctor-contracted-people/', 'zizhong-family-doctor-contracted-people-2024-08'),
  q('number', '64万', '/indicators/family-doctor-contracted-people/', 'zizhong-family-doctor-contracted-people-2024-08'),
  q('number', '87.49%', '/indicators/in-county-visit-rate-median/', 'kunming-in-county-visit-rate-2024-h1'),
  q('number', '17.39%', '/indicators/grassroots-recommended-standard-share/', 'kunming-grassroots-recommended-standard-share'),
  q('number', '828', '/indicators/lead-hospital-technical-staff-dispatches/', 'zizhong-technical-staff-dispatches-cum'),
  q('number', '1011', '/indicators/grassroots-staff-training-attendance/', 'zizhong-branch-training-attendance-cum'),
  q('number', '379', '/indicators/gaomi-major-illness-rounds-patients/', 'gaomi-gaokang-major-illness-patients-2021-06'),
  // Traditional characters (Taiwan and Hong Kong forms).
  q('traditional', '雙向轉診', '/glossary/'),
  q('traditional', '縣域內就診率', '/indicators/in-county-visit-rate/'),
  q('traditional', '小浪底鎮衛生院', '/institutions/mengjin-xiaolangdi-health-centre/'),
  q('traditional', '資中縣人民醫院', '/institutions/zizhong-county-people-hospital/'),
  q('traditional', '結餘留用', '/glossary/'),
  q('traditional', '麻屯鎮衞生院', '/institutions/mengjin-matun-health-centre/'),
  q('traditional', '孟津縣第二人民醫院', '/institutions/mengjin-second-people-hospital/'),
  q('traditional', '臨沂市中醫醫院', '/institutions/linyi-tcm-hospital/'),
  q('traditional', '分級診療', '/glossary/'),
  q('traditional', '綠色通道', '/guide/'),
  q('traditional', '遠程影像診斷', '/indicators/remote-imaging-cases/'),
  q('traditional', '高密市高康醫療集團', '/groups/gaomi-gaokang-group/'),
  q('traditional', '尋甸', '/regions/xundian/'),
  // Several words.
  q('multi-word', '孟津 麻屯', '/institutions/mengjin-matun-health-centre/'),
  q('multi-word', '高密 人民医院', '/institutions/gaomi-people-hospital/'),
  q('multi-word', '资中 家庭医生服务团队', '/indicators/family-doctor-teams/'),
  q('multi-word', '资中 银山', '/institutions/zizhong-yinshan-branch/'),
  q('multi-word', '临沂 中医医院', '/institutions/linyi-tcm-hospital/'),
  q('multi-word', '安宁 慢病管理中心', '/groups/anning-county-medical-community/'),
];
