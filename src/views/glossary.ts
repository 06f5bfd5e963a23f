/**
 * The glossary: terms residents meet in policy texts, in plain words, and where each matters on this site.
 * Terms are data (the glossary page, the guide and search all read them); their links are rules resolved against
 * the site's data, so they follow the data as it grows and never point at a page that has nothing to show.
 */
import type { Dataset } from '../data/dataset';
import { factExamples, factHref, type FactField } from './group-facts';
import { GUIDE_LIMITS, capped, type Capped } from './guide';

/** Where a term matters, as a rule over the data. */
export type GlossaryLinkRule =
  /** A section of one of our own pages, e.g. `/guide/#referral`. */
  | { page: string; label: string }
  /** Groups whose statements use one of the words (optionally only in some fields), and the documents those cite. */
  | { mentions?: readonly string[]; fields?: readonly FactField[] }
  /** Indicators whose name or aliases contain one of the words. */
  | { indicatorsNamed: readonly string[] }
  /** Documents whose title or summary contains one of the words. */
  | { documentsMentioning: readonly string[] }
  /** Every group of a kind. */
  | { groupKind: 'county' | 'urban' };

export interface GlossaryTerm {
  /** Anchor on /glossary/ (`/glossary/#family-doctor`); ASCII so links survive copying. */
  id: string;
  /** The term as residents read it, e.g. "双向转诊". */
  term: string;
  /** Other names for the same thing, also matched by search. */
  aliases: readonly string[];
  /** A plain definition in our own words. */
  definition: string;
  /** Where the term matters on the site. */
  links: readonly GlossaryLinkRule[];
  /** Ids of related terms. */
  related?: readonly string[];
}

export const glossary: readonly GlossaryTerm[] = [
  {
    id: 'tiered-care',
    term: '分级诊疗',
    aliases: ['分级就医'],
    definition:
      '按病情轻重和治疗难易，让不同级别的医疗机构各管一段：小病、慢性病在家门口的基层机构看，大病、急病、疑难病到县级或更高级别的医院看，病情稳定后再回到基层。它常被概括为“基层首诊、双向转诊、急慢分治、上下联动”十六个字。',
    links: [{ page: '/guide/#tiered-care', label: '就医指南：什么是分级诊疗' }, { documentsMentioning: ['分级诊疗'] }, { mentions: ['分级诊疗'] }],
    related: ['primary-first', 'two-way-referral', 'acute-chronic', 'up-down-linkage'],
  },
  {
    id: 'yigongti',
    term: '医共体',
    aliases: ['县域医共体', '紧密型县域医共体', '县域医疗卫生共同体', '医疗卫生共同体', '医疗共同体'],
    definition:
      '“县域医疗卫生共同体”的简称。在一个县（市、区）里，以县级医院为龙头，把乡镇卫生院、村卫生室等连成一个整体，一起分工看病、共享设备和人才，让县里的居民在县内就能看好大多数病。',
    links: [{ groupKind: 'county' }, { page: '/guide/#tiered-care', label: '就医指南：什么是分级诊疗' }, { documentsMentioning: ['医共体'] }],
    related: ['close-knit', 'lead-hospital', 'member-unit', 'urban-medical-group'],
  },
  {
    id: 'urban-medical-group',
    term: '城市医疗集团',
    aliases: ['医疗集团', '紧密型城市医疗集团'],
    definition:
      '在城市里做和医共体相同的事：由一家实力较强的医院牵头，联合片区内的其他医院和社区卫生服务中心等，对片区居民的看病、转诊和健康管理一起负责。有的县也把自己的医共体叫作“某某医疗集团”。',
    links: [{ groupKind: 'urban' }, { documentsMentioning: ['医疗集团'] }],
    related: ['yigongti', 'lead-hospital', 'member-unit'],
  },
  {
    id: 'yilianti',
    term: '医联体',
    aliases: ['医疗联合体'],
    definition:
      '“医疗联合体”的简称，指不同级别、不同类型的医疗机构为分工协作结成的联合组织。医共体、城市医疗集团、专科联盟、远程医疗协作网都是医联体的形式。',
    links: [{ mentions: ['医联体'] }, { documentsMentioning: ['医联体'] }],
    related: ['yigongti', 'urban-medical-group', 'specialty-alliance'],
  },
  {
    id: 'close-knit',
    term: '紧密型',
    aliases: ['紧密型医共体'],
    definition:
      '说明成员之间连得有多紧。“紧密型”的医共体或医疗集团不只是互相帮忙，而是在管理、人员、钱、药品、信息等方面统一安排，像一家人一样运转；与之相对的是只签协作协议、各管各的“松散型”。',
    links: [{ mentions: ['统一'], fields: ['services'] }, { indicatorsNamed: ['统一管理'] }, { documentsMentioning: ['紧密型'] }],
    related: ['yigongti', 'urban-medical-group'],
  },
  {
    id: 'lead-hospital',
    term: '牵头医院',
    aliases: ['龙头医院', '总医院', '核心医院'],
    definition:
      '医共体或医疗集团里带头的医院，一般是县人民医院、县中医医院或城市里的大医院。它负责接收转上来的病人，向成员单位派医生、送技术。有的地方把它叫“总医院”或“龙头医院”。',
    links: [{ mentions: ['牵头医院', '总医院'] }],
    related: ['member-unit', 'up-referral'],
  },
  {
    id: 'member-unit',
    term: '成员单位',
    aliases: ['成员医院', '基层成员单位', '分院'],
    definition:
      '牵头医院以外加入医共体或医疗集团的医疗机构，比如乡镇卫生院、社区卫生服务中心、村卫生室和一些二级医院。有的地方把加入医共体的乡镇卫生院叫“分院”。',
    links: [{ mentions: ['成员单位', '分院'] }, { indicatorsNamed: ['成员'] }],
    related: ['lead-hospital', 'yigongti'],
  },
  {
    id: 'primary-first',
    term: '基层首诊',
    aliases: ['首诊在基层'],
    definition:
      '一般的病先到离家近的基层医疗机构看：村卫生室、乡镇卫生院、社区卫生服务中心，或者找自己签约的家庭医生。基层看不了，再由基层医生帮您转到上级医院。',
    links: [{ page: '/guide/#primary-first', label: '就医指南：基层首诊' }, { mentions: ['首诊'] }, { documentsMentioning: ['基层首诊'] }],
    related: ['two-way-referral', 'family-doctor', 'grassroots-visit-rate'],
  },
  {
    id: 'up-referral',
    term: '上转',
    aliases: ['向上转诊', '转上去'],
    definition: '基层医疗机构看不了或看不好的病人，由基层医生办理手续，转到上级医院（通常是医共体的牵头医院）去看。',
    links: [{ page: '/guide/#referral', label: '就医指南：双向转诊' }, { fields: ['up'] }, { indicatorsNamed: ['上转'] }],
    related: ['down-referral', 'two-way-referral', 'green-channel'],
  },
  {
    id: 'down-referral',
    term: '下转',
    aliases: ['向下转诊', '转回基层'],
    definition: '在上级医院做完难度较大的治疗、病情稳定以后，转回离家近的乡镇卫生院或社区卫生服务中心，继续治疗、康复和复查。',
    links: [{ page: '/guide/#referral', label: '就医指南：双向转诊' }, { fields: ['down'] }, { indicatorsNamed: ['下转'] }],
    related: ['up-referral', 'two-way-referral'],
  },
  {
    id: 'two-way-referral',
    term: '双向转诊',
    aliases: ['转诊'],
    definition: '上转和下转两个方向都走得通：需要时转上去，稳定后转回来。医共体内部一般会统一转诊的标准和流程，让病人转得顺、治疗接得上。',
    links: [
      { page: '/guide/#referral', label: '就医指南：双向转诊' },
      { page: '/guide/#how-to-refer', label: '就医指南：怎样办理转诊' },
      { fields: ['up', 'down'] },
      { mentions: ['双向转诊'] },
      { indicatorsNamed: ['转诊'] },
    ],
    related: ['up-referral', 'down-referral', 'green-channel'],
  },
  {
    id: 'acute-chronic',
    term: '急慢分治',
    aliases: [],
    definition: '急病、重病和慢性病分开对待：急危重症要及时送到有能力的医院抢救；高血压、糖尿病这样的慢性病，在基层长期管理、按时随访和拿药。',
    links: [{ page: '/guide/#acute-chronic', label: '就医指南：急慢分治' }, { mentions: ['急慢分治', '慢病', '慢性病', '急救'] }],
    related: ['green-channel', 'primary-first'],
  },
  {
    id: 'up-down-linkage',
    term: '上下联动',
    aliases: ['资源下沉'],
    definition: '上级医院和基层机构分工协作、互相配合：上级医院的医生到基层坐诊、带教，技术和设备往下走；病人按病情在上下级之间转诊。',
    links: [{ page: '/guide/#up-down-linkage', label: '就医指南：上下联动' }, { mentions: ['上下联动', '坐诊', '派驻', '下沉'] }, { indicatorsNamed: ['下沉', '派驻'] }],
    related: ['lead-hospital', 'member-unit'],
  },
  {
    id: 'family-doctor',
    term: '家庭医生签约',
    aliases: ['家庭医生', '签约服务', '家庭医生签约服务', '家医签约'],
    definition:
      '居民和一个家庭医生团队签约，团队负责您的日常看病、健康管理、慢性病随访，需要时帮您预约和办理转诊。各地签约后能得到的具体优惠不同，以当地的规定为准。',
    links: [{ page: '/guide/#family-doctor', label: '就医指南：家庭医生签约' }, { mentions: ['家庭医生', '签约'] }, { indicatorsNamed: ['家庭医生', '签约'] }],
    related: ['primary-first', 'two-way-referral'],
  },
  {
    id: 'green-channel',
    term: '绿色通道',
    aliases: ['转诊绿色通道', '急救绿色通道'],
    definition: '为急危重症病人或转诊病人开的快速通道：少排队、少等待，先救治、后办手续。各地绿色通道的范围不同。',
    links: [{ page: '/guide/#green-channel', label: '就医指南：绿色通道' }, { fields: ['greenChannels'] }, { mentions: ['绿色通道'] }],
    related: ['up-referral', 'acute-chronic'],
  },
  {
    id: 'remote-consultation',
    term: '远程会诊',
    aliases: ['远程视频会诊', '远程诊疗', '远程医疗'],
    definition: '基层医生通过网络把病人的病历、检查结果传给上级医院，上级医院的医生在线一起看、给出诊治意见，病人不用跑到城里。',
    links: [{ mentions: ['远程会诊', '远程视频会诊', '远程诊疗', '远程医疗'] }, { indicatorsNamed: ['远程诊疗'] }],
    related: ['remote-imaging', 'shared-centres'],
  },
  {
    id: 'remote-imaging',
    term: '远程影像',
    aliases: ['远程影像诊断', '远程心电'],
    definition: '在乡镇卫生院拍片子（X 光、CT 等）或做心电图，图像通过网络传到上级医院，由那里的医生看片、出报告。',
    links: [{ mentions: ['远程影像', '影像诊断', '远程心电', '远程看结果'] }, { indicatorsNamed: ['远程影像', '远程心电'] }],
    related: ['remote-consultation', 'shared-centres', 'result-recognition'],
  },
  {
    id: 'shared-centres',
    term: '资源共享中心',
    aliases: ['共享中心'],
    definition: '医共体里统一建设、大家共用的中心，比如医学检验、医学影像、心电诊断、病理诊断、消毒供应中心，基层做的检查可以由中心出结果。',
    links: [{ mentions: ['共享中心'] }, { indicatorsNamed: ['共享中心'] }],
    related: ['remote-imaging', 'result-recognition'],
  },
  {
    id: 'result-recognition',
    term: '检查结果互认',
    aliases: ['结果互认', '检查检验结果互认'],
    definition: '在一家医院做过的检查、化验，结果在其他医院也认可，转诊后一般不用再重复做，省钱也省时间。',
    links: [{ mentions: ['互认', '互相认可'] }],
    related: ['shared-centres', 'two-way-referral'],
  },
  {
    id: 'in-county-visit-rate',
    term: '县域内就诊率',
    aliases: ['县域就诊率'],
    definition: '县里居民看病，有多大比例是在本县以内看的。数字越高，说明越多的病在县里就能看好，不用往外跑。',
    links: [{ indicatorsNamed: ['县域内就诊率', '县域就诊率'] }],
    related: ['grassroots-visit-rate', 'yigongti'],
  },
  {
    id: 'grassroots-visit-rate',
    term: '基层就诊率',
    aliases: ['基层诊疗量占比'],
    definition: '在乡镇卫生院、社区卫生服务中心、村卫生室等基层机构看病的人次，占全部看病人次的比例。它反映小病是否留在了家门口。',
    links: [{ indicatorsNamed: ['基层就诊率', '基层医疗卫生机构诊疗人次数占比', '门急诊占比'] }],
    related: ['in-county-visit-rate', 'primary-first'],
  },
  {
    id: 'global-budget',
    term: '总额预算／打包付费',
    aliases: ['总额预算', '打包付费', '总额预算包干', '医保打包'],
    definition:
      '医保部门按参保人数等核定一年的医保基金总额，整体交给医共体统筹使用，而不是每看一次病单独结算。这样医共体会更重视预防和基层服务，少花不必要的钱。',
    links: [{ mentions: ['总额预算', '包干', '打包'] }, { indicatorsNamed: ['包干', '按人头'] }],
    related: ['surplus-retention'],
  },
  {
    id: 'surplus-retention',
    term: '结余留用',
    aliases: ['超支不补'],
    definition: '医保基金打包给医共体后，年底花剩下的钱（结余）可以留给医共体继续用；常和“超支不补”一起出现，意思是超出的部分医保不再补。',
    links: [{ mentions: ['结余留用'] }],
    related: ['global-budget'],
  },
  {
    id: 'specialty-alliance',
    term: '专科联盟',
    aliases: [],
    definition: '同一专科（比如心血管、儿科）的上下级医院结成联盟，上级医院的专科带动基层的专科，一起培训、会诊和转诊。',
    links: [{ mentions: ['专科联盟'] }, { indicatorsNamed: ['专科联盟'] }],
    related: ['yilianti', 'up-down-linkage'],
  },
];

/** The address of a term's entry. */
export function glossaryHref(id: string): string {
  return `/glossary/#${id}`;
}

export function termById(id: string): GlossaryTerm | undefined {
  return glossary.find((t) => t.id === id);
}

/** A resolved link: where the term matters. */
export interface GlossaryLink {
  href: string;
  label: string;
  kind: 'page' | 'group' | 'referral' | 'document' | 'indicator';
}

const KIND_ORDER: GlossaryLink['kind'][] = ['page', 'referral', 'group', 'document', 'indicator'];
const contains = (texts: (string | undefined)[], words: readonly string[]) => texts.some((t) => t && words.some((w) => t.includes(w)));

/** Resolves a term's rules against the data: each page once, our own pages first, then groups, documents, indicators. */
export function glossaryLinks(dataset: Dataset, term: GlossaryTerm): GlossaryLink[] {
  const links = new Map<string, GlossaryLink>();
  const add = (link: GlossaryLink) => links.has(link.href) || links.set(link.href, link);
  const documentTitle = (id: string) => dataset.document.get(id)?.data.title;
  for (const rule of term.links) {
    if ('page' in rule) add({ href: rule.page, label: rule.label, kind: 'page' });
    else if ('groupKind' in rule) {
      for (const g of dataset.groups.filter((g) => g.kind === rule.groupKind)) add({ href: `/groups/${g.id}/`, label: g.name, kind: 'group' });
    } else if ('indicatorsNamed' in rule) {
      for (const i of dataset.indicators.filter((i) => contains([i.name, i.shortName, ...i.aliases], rule.indicatorsNamed)))
        add({ href: `/indicators/${i.id}/`, label: i.name, kind: 'indicator' });
    } else if ('documentsMentioning' in rule) {
      for (const d of dataset.documents.filter((d) => contains([d.data.title, d.data.originalTitle, d.data.summary], rule.documentsMentioning)))
        add({ href: `/documents/${d.id}/`, label: d.data.title, kind: 'document' });
    } else {
      for (const example of factExamples(dataset, { words: rule.mentions, fields: rule.fields })) {
        for (const g of example.groups) {
          const href = factHref(example.field, g.id);
          add({ href, label: href.endsWith('/referral/') ? `${g.name}的转诊指南` : g.name, kind: href.endsWith('/referral/') ? 'referral' : 'group' });
        }
        const title = documentTitle(example.source.document);
        if (title) add({ href: `/documents/${example.source.document}/`, label: title, kind: 'document' });
      }
    }
  }
  return [...links.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** The kinds of place a glossary entry links to, in the order the page lists them. */
const LINK_KINDS: GlossaryLink['kind'][] = ['page', 'referral', 'group', 'document', 'indicator'];

export interface GlossaryEntryView {
  term: GlossaryTerm;
  /** Where the term matters, by kind; a term used by every group lists a few, then a search for the rest. */
  groups: { kind: GlossaryLink['kind']; links: Capped<GlossaryLink> }[];
  related: { term: string; href: string }[];
}

/** Everything the glossary page shows: every term, where on the site it matters, and the terms related to it. */
export function glossaryPage(dataset: Dataset): { index: { id: string; term: string }[]; entries: GlossaryEntryView[] } {
  return {
    index: glossary.map((term) => ({ id: term.id, term: term.term })),
    entries: glossary.map((term) => {
      const links = glossaryLinks(dataset, term);
      return {
        term,
        groups: LINK_KINDS.map((kind) => ({ kind, links: capped(links.filter((l) => l.kind === kind), GUIDE_LIMITS.examples) })).filter((g) => g.links.shown.length > 0),
        related: (term.related ?? []).flatMap((id) => {
          const r = termById(id);
          return r ? [{ term: r.term, href: glossaryHref(r.id) }] : [];
        }),
      };
    }),
  };
}
