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
  // Grown for everyday words and sentences (2026-12-07): a loose pass and corrections must still find nothing here.
  '北京儿童医院',
  '广州中山医院',
  '上海华山医院',
  '杭州邵逸夫医院',
  '新冠疫苗预约',
  '医美整形',
  '彩票开奖',
  '天气预报',
  '高铁时刻表',
  '房价走势',
  '考研分数线',
  '健身房',
  '英语培训',
  '火锅店',
  '汽车保养',
  '旅游攻略',
  '足球比赛',
  '淘宝客服',
  '护士资格证报名',
  '津巴布韦',
  '孟加拉国',
  '宁夏回族自治区',
  'asdfgh',
  '我想买一台笔记本电脑',
  '怎么办理护照',
  // Held out with the 40 above (2026-12-07).
  '火星基地医院',
  '量子计算机价格',
  '足球世界杯赛程',
  '汽车保险理赔',
  '北京大学录取分数线',
  'iphone',
  'zzzqqq',
  '西湖龙井茶',
  '股票开户',
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
  | 'multi-word'
  | 'everyday indicator'
  | 'sentence'
  | 'typo';

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
  /** Other pages that answer the query as well (each names what it asks on its heading); any of them may stand first. */
  also?: string[];
}

const q = (kind: QueryKind, query: string, page: string, anchor?: string): RegressionQuery => ({ query, page, kind, ...(anchor ? { anchor } : {}) });
/** A query that pages beside `page` answer as well. */
const qa = (kind: QueryKind, query: string, page: string, also: string[]): RegressionQuery => ({ query, page, kind, also });

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
  // The group's page tells the model; since 2026-12-07 each of its parts is an indicator named after it too.
  qa('policy term', '135安宁模式', '/groups/anning-county-medical-community/', ['/indicators/anning-model-modes/', '/indicators/anning-model-goals/', '/indicators/anning-model-policy-sets/']),
  qa('policy term', '晋宁模式', '/groups/jinning-county-medical-community/', ['/indicators/jinning-model-key-areas/', '/indicators/jinning-model-safeguards/', '/indicators/jinning-model-reforms/', '/indicators/jinning-model-measures/']),
  q('policy term', '百县工程', '/indicators/lead-hospitals-meeting-recommended-standard/'),
  // The two offices and eight centres are also counted on their own indicator pages (added with the data).
  qa('policy term', '两办八中心', '/documents/zizhong-2024-yigongti/', ['/indicators/group-management-centres/', '/indicators/group-management-offices/']),
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
  qa('indicator', '下转患者占比', '/indicators/lead-hospital-down-referral-share/', ['/indicators/lead-hospital-down-referral-share-median/']),
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
  // Kunming's 87.49% is a median of its counties (data/observations since 2026-12-07).
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
  // Grown 2026-12-07 (issue 24): indicators by the names readers use, not the pages' words.
  q('everyday indicator', '签约率', '/indicators/key-population-contract-coverage/'),
  q('everyday indicator', '慢病住院率', '/indicators/chronic-patient-hospitalisation-rate/'),
  q('everyday indicator', '医疗收入增长', '/indicators/medical-income-growth/'),
  q('everyday indicator', '基层门诊量占比', '/indicators/grassroots-outpatient-emergency-share-median/'),
  q('everyday indicator', '门急诊增长', '/indicators/outpatient-emergency-visits-growth/'),
  q('everyday indicator', '慢性病过早死亡率', '/indicators/premature-chronic-mortality/'),
  q('everyday indicator', '慢病过早死亡', '/indicators/premature-chronic-mortality/'),
  q('everyday indicator', '医保基金县域内支出', '/indicators/insurance-fund-in-county-share/'),
  q('everyday indicator', '县域内住院费用', '/indicators/in-county-inpatient-cost/'),
  q('everyday indicator', '家庭医生团队数', '/indicators/family-doctor-teams/'),
  q('everyday indicator', '专科联盟', '/indicators/specialty-alliances/'),
  q('everyday indicator', '基层急救站', '/indicators/grassroots-emergency-stations/'),
  q('everyday indicator', '进修人数', '/indicators/grassroots-staff-further-study/'),
  q('everyday indicator', '下沉医生人数', '/indicators/doctors-sent-to-grassroots/'),
  q('everyday indicator', '培训人次', '/indicators/grassroots-staff-training-attendance/'),
  q('everyday indicator', '指导手术台数', '/indicators/grassroots-surgeries-guided/'),
  q('everyday indicator', '医共体数量', '/indicators/medical-community-count/'),
  q('everyday indicator', '基层慢病管理中心', '/indicators/grassroots-chronic-disease-centres/'),
  q('everyday indicator', '按人头支付', '/indicators/family-doctor-capitation/'),
  q('everyday indicator', '下转人次', '/indicators/down-referral-visits/'),
  q('everyday indicator', '中医诊疗量占比', '/indicators/tcm-visit-share/'),
  q('everyday indicator', '医保包干比例', '/indicators/insurance-budget-share-to-group/'),
  q('everyday indicator', '预留专家号', '/indicators/family-doctor-reserved-specialist-share/'),
  q('everyday indicator', 'DRG点数', '/indicators/group-drg-points-tilt/'),
  q('everyday indicator', '急诊缩短时间', '/indicators/emergency-time-saved/'),
  q('everyday indicator', '县域住院率', '/indicators/in-county-inpatient-share/'),
  q('everyday indicator', '家医签约覆盖率', '/indicators/key-population-contract-coverage/'),
  // Short forms and nicknames.
  q('short name', '四不变', '/indicators/linyi-group-model-unchanged-items/'),
  q('short name', '五转变', '/indicators/linyi-group-model-transformations/'),
  q('short name', '六统一', '/indicators/gaomi-six-unified-items/'),
  q('short name', '五统一', '/indicators/zizhong-five-unified-items/'),
  q('short name', '高康集团', '/groups/gaomi-gaokang-group/'),
  q('short name', '安宁医共体', '/groups/anning-county-medical-community/'),
  q('short name', '寻甸医共体', '/groups/xundian-county-medical-community/'),
  q('short name', '高密人民医院', '/institutions/gaomi-people-hospital/'),
  q('short name', '临沂人民医院', '/institutions/linyi-people-hospital/'),
  q('short name', '石林县', '/regions/shilin/'),
  // Sentences as residents ask them.
  q('sentence', '我在横水镇怎么转到县医院', '/groups/mengjin-first-medical-community/referral/'),
  q('sentence', '资中县家庭医生签约了多少人', '/indicators/family-doctor-contracted-people/'),
  q('sentence', '麻屯镇卫生院怎么转诊', '/groups/mengjin-first-medical-community/referral/'),
  q('sentence', '白鹤镇卫生院属于哪个医共体', '/institutions/mengjin-baihe-health-centre/'),
  q('sentence', '石林县医共体怎么转诊', '/groups/shilin-county-medical-community/referral/'),
  q('sentence', '资中县远程影像诊断了多少人次', '/indicators/remote-imaging-cases/'),
  q('sentence', '高密市大病巡诊覆盖了多少个村庄', '/indicators/gaomi-major-illness-rounds-villages/'),
  q('sentence', '资中县有多少个家庭医生服务团队', '/indicators/family-doctor-teams/'),
  q('sentence', '孟津县有几个医共体', '/regions/mengjin/'),
  q('sentence', '我想知道送庄镇卫生院在哪个医共体', '/institutions/mengjin-songzhuang-health-centre/'),
  q('sentence', '临沂市中医医院牵头的医疗集团怎么转诊', '/groups/linyi-tcm-hospital-urban-group/referral/'),
  q('sentence', '宜良县医共体是谁牵头的', '/groups/yiliang-county-medical-community/'),
  // Names mistyped: a confident correction shows its results at once.
  q('typo', '梦津县', '/regions/mengjin/'),
  q('typo', '进宁区', '/regions/jinning/'),
  q('typo', '小狼底', '/institutions/mengjin-xiaolangdi-health-centre/'),
  q('typo', '送装卫生院', '/institutions/mengjin-songzhuang-health-centre/'),
  q('typo', '高秘市', '/regions/gaomi/'),
  q('typo', '宜凉县', '/regions/yiliang/'),
  q('typo', '嵩名县', '/regions/songming/'),
  q('typo', '林沂市', '/regions/linyi/'),
  q('typo', '孟津县人民医园', '/institutions/mengjin-people-hospital/'),
  q('typo', '麻屯镇卫生元', '/institutions/mengjin-matun-health-centre/'),
  q('typo', '资中县人民一院', '/institutions/zizhong-county-people-hospital/'),
  // Figures, Traditional characters and pinyin, grown.
  q('number', '59.6%', '/indicators/grassroots-outpatient-emergency-share-median/', 'kunming-grassroots-outpatient-emergency-share-2024-h1'),
  q('number', '75.4%', '/indicators/in-county-inpatient-share-median/', 'kunming-in-county-inpatient-share-2024-h1'),
  q('number', '369', '/indicators/family-doctor-teams/', 'zizhong-family-doctor-teams-cum'),
  q('number', '686', '/indicators/down-referral-visits/', 'zizhong-down-referrals-cum'),
  q('number', '198', '/indicators/gaomi-major-illness-rounds-villages/', 'gaomi-gaokang-major-illness-villages-2021-06'),
  q('traditional', '簽約率', '/indicators/key-population-contract-coverage/'),
  q('traditional', '孟津縣', '/regions/mengjin/'),
  q('traditional', '晉寧區', '/regions/jinning/'),
  q('traditional', '遠程心電診斷', '/indicators/remote-ecg-cases/'),
  q('traditional', '高密市人民醫院', '/institutions/gaomi-people-hospital/'),
  q('traditional', '資中縣', '/regions/zizhong/'),
  q('pinyin', 'gaomi', '/regions/gaomi/'),
  q('pinyin', 'jinning', '/regions/jinning/'),
  q('pinyin', 'anning', '/regions/anning/'),
  q('pinyin', 'songzhuang', '/institutions/mengjin-songzhuang-health-centre/'),
  q('pinyin', 'baihe', '/institutions/mengjin-baihe-health-centre/'),
  q('pinyin', 'kunming', '/regions/kunming/'),
  // Two words apart.
  q('multi-word', '孟津 白鹤', '/institutions/mengjin-baihe-health-centre/'),
  q('multi-word', '资中 远程影像', '/indicators/remote-imaging-cases/'),
  q('multi-word', '孟津 妇幼', '/institutions/mengjin-maternal-child-health-hospital/'),
  q('multi-word', '资中 太平', '/institutions/zizhong-taiping-branch/'),
  q('multi-word', '高密 姜庄', '/institutions/gaomi-jiangzhuang-health-centre/'),
  q('multi-word', '安宁 医共体', '/groups/anning-county-medical-community/'),
  q('multi-word', '石林 转诊', '/groups/shilin-county-medical-community/referral/'),
  // A held-out set of 40, written 2026-12-07 before reading this file (all 40 in the first three once 孟津 转诊 put
  // the pages titled with both words first and 470名医生 lost its counting word; those already here are left out, and
  // 孟津二院, found but a short form the page does not write).
  q('everyday indicator', '慢病死亡率', '/indicators/premature-chronic-mortality/'),
  q('everyday indicator', '住院费用', '/indicators/in-county-inpatient-cost/'),
  q('everyday indicator', '远程心电', '/indicators/remote-ecg-cases/'),
  q('everyday indicator', '医保按人头付费', '/indicators/family-doctor-capitation/'),
  qa('everyday indicator', '下沉医生', '/indicators/doctors-sent-to-grassroots/', ['/indicators/lead-hospital-backbone-staff-stationed/']),
  q('everyday indicator', '基层医生收入', '/indicators/grassroots-lead-income-ratio/'),
  q('everyday indicator', '门诊量增长', '/indicators/outpatient-emergency-visits-growth/'),
  q('everyday indicator', '急救站', '/indicators/grassroots-emergency-stations/'),
  q('short name', '医共体章程', '/indicators/group-charters/'),
  qa('short name', '优质服务基层行', '/indicators/grassroots-basic-standard-rate/', ['/indicators/grassroots-basic-standard-institutions/', '/indicators/grassroots-recommended-standard-institutions/', '/indicators/grassroots-recommended-standard-share/']),
  q('sentence', '临沂市人民医院牵头的医疗集团有哪些成员', '/groups/linyi-people-hospital-urban-group/'),
  qa('sentence', '在石林县怎么转诊', '/groups/shilin-county-medical-community/referral/', ['/groups/shilin-county-medical-community/']),
  q('sentence', '高密大病巡诊覆盖多少个村', '/indicators/gaomi-major-illness-rounds-villages/'),
  q('sentence', '资中县急诊时间缩短了多少', '/indicators/emergency-time-saved/'),
  qa('sentence', '昆明县域内就诊率是多少', '/indicators/in-county-visit-rate/', ['/indicators/in-county-visit-rate-median/', '/documents/kunming-2024-key-points/']),
  qa('typo', '高蜜市', '/regions/gaomi/', ['/groups/gaomi-gaokang-group/']),
  qa('typo', '寻店县', '/regions/xundian/', ['/groups/xundian-county-medical-community/']),
  qa('typo', '临沂市中医医阮', '/institutions/linyi-tcm-hospital/', ['/groups/linyi-tcm-hospital-urban-group/']),
  q('typo', '横水真卫生院', '/institutions/mengjin-hengshui-health-centre/'),
  q('number', '470名医生', '/indicators/doctors-sent-to-grassroots/', 'kunming-doctors-sent-to-grassroots'),
  q('traditional', '醫共體章程', '/indicators/group-charters/'),
  q('traditional', '孟津縣人民醫院', '/institutions/mengjin-people-hospital/'),
  q('traditional', '遠程影像', '/indicators/remote-imaging-cases/'),
  q('traditional', '臨沂市', '/regions/linyi/'),
  qa('pinyin', 'songming', '/regions/songming/', ['/groups/songming-county-medical-community/']),
  qa('multi-word', '孟津 转诊', '/groups/mengjin-first-medical-community/referral/', ['/groups/mengjin-second-medical-community/referral/', '/groups/mengjin-third-medical-community/referral/']),
  q('multi-word', '资中 签约人数', '/indicators/family-doctor-contracted-people/'),
  qa('multi-word', '资中 急救', '/indicators/grassroots-emergency-stations/', ['/indicators/emergency-specialty-centres/']),
];
