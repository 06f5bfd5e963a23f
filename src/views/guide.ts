/**
 * The guide's examples as the page shows them: each statement, the groups it applies to (linked) and its source.
 * Every list is capped (./capped.ts); each group's own page has all.
 */
import type { Dataset } from '../data/dataset';
import { factExamples, factHref, whoToAsk, type FactExample } from './group-facts';
import { citeView, type CiteView } from './figures';
import { finderCoverage, type FinderCoverage } from './finder';
import { emergencyText } from './guidance';
import { placeLabel } from './titles';
import { GUIDE_LIMITS, capped, type Capped } from './capped';
import { glossaryHref } from './glossary';
import { t } from '../i18n/zh-CN';

export { GUIDE_LIMITS, capped, type Capped };

export interface GuideExampleView {
  text: string;
  groups: Capped<{ name: string; href: string }>;
  cite: CiteView;
}

/** At most `GUIDE_LIMITS.examples` examples (the ones recorded for the most groups first), each naming a few groups. */
export function guideExamples(dataset: Dataset, examples: readonly FactExample[]): Capped<GuideExampleView> & { total: number } {
  // Widest first: a statement shared by many groups says more about practice than one group's wording.
  const ranked = [...examples].sort((a, b) => b.groups.length - a.groups.length);
  const { shown, more } = capped(ranked, GUIDE_LIMITS.examples);
  return {
    total: examples.length,
    more,
    shown: shown.map((e) => ({
      text: e.text,
      groups: capped(
        e.groups.map((g) => ({ name: g.name, href: factHref(e.field, g.id) })),
        GUIDE_LIMITS.groupsPerExample,
      ),
      cite: citeView(dataset, e.source),
    })),
  };
}

/** The glossary entries the guide's paragraphs link to; an entry the editors removed is simply not linked. */
const GUIDE_TERMS = ['tiered-care', 'primary-first', 'up-referral', 'down-referral', 'two-way-referral', 'acute-chronic', 'up-down-linkage', 'family-doctor', 'green-channel'] as const;
export type GuideTerm = (typeof GUIDE_TERMS)[number];

/** A link to a glossary entry: its address and the term as the entry names it. */
export interface TermLink {
  href: string;
  term: string;
}

/** The guide's sections that have a word list in the search for examples, with their glossary term. */
const SIXTEEN = [
  { section: 'primary-first', term: 'primary-first', label: '基层首诊' },
  { section: 'referral', term: 'two-way-referral', label: '双向转诊' },
  { section: 'acute-chronic', term: 'acute-chronic', label: '急慢分治' },
  { section: 'up-down-linkage', term: 'up-down-linkage', label: '上下联动' },
] as const;

const TOC = [
  ['finder', 'guide.finder'],
  ['tiered-care', 'guide.tieredCare'],
  ['primary-first', 'guide.primaryFirst'],
  ['referral', 'guide.referral'],
  ['acute-chronic', 'guide.acuteChronic'],
  ['up-down-linkage', 'guide.upDown'],
  ['family-doctor', 'guide.familyDoctor'],
  ['how-to-refer', 'guide.howTo'],
  ['green-channel', 'guide.greenChannel'],
] as const;

export interface GuidePageView {
  coverage: FinderCoverage;
  toc: { id: string; label: string }[];
  /** The four parts of 分级诊疗, each with its section and, when the glossary has it, its entry. */
  sixteen: { section: string; label: string; term?: TermLink }[];
  /** The glossary entries the paragraphs link to, by id (absent when the glossary no longer has one). */
  terms: Partial<Record<GuideTerm, TermLink>>;
  /** Every group's referral guide, by place (the curators' order within a place: 孟津县第一、第二、第三). */
  referralGroups: Capped<{ name: string; href: string; place: string }>;
  /** The real examples under each section. */
  examples: Record<'primaryFirst' | 'up' | 'down' | 'benefits' | 'acuteChronic' | 'upDown' | 'familyDoctor' | 'greenChannels', Capped<GuideExampleView> & { total: number }>;
  /** Who to ask, in the groups' own words. */
  advice: Capped<{ text: string; groups: Capped<{ name: string; href: string }> }>;
  /** The emergency number as the page words it, with its source. */
  emergency: string;
}

/** Everything the residents' guide shows: its contents, the groups' referral guides and real examples for each section. */
export function guidePage(dataset: Dataset): GuidePageView {
  const terms: GuidePageView['terms'] = {};
  for (const id of GUIDE_TERMS) {
    const entry = dataset.glossaryTerm.get(id);
    if (entry) terms[id] = { href: glossaryHref(id), term: entry.term };
  }
  const groups = [...dataset.groups].sort((a, b) => placeLabel(dataset, a.region).localeCompare(placeLabel(dataset, b.region), 'zh-CN'));
  const referralGroups = capped(groups, GUIDE_LIMITS.list);
  const primaryFirst = factExamples(dataset, { words: ['首诊'] }).concat(factExamples(dataset, { fields: ['staysLocal'] }));
  const words = {
    primaryFirst: [...new Map(primaryFirst.map((e) => [`${e.field}|${e.source.document}|${e.text}`, e])).values()],
    up: factExamples(dataset, { fields: ['up'] }),
    down: factExamples(dataset, { fields: ['down'] }),
    benefits: factExamples(dataset, { fields: ['benefits'] }),
    acuteChronic: factExamples(dataset, { words: ['急慢分治', '慢病', '慢性病', '急危重症', '急救中心'], fields: ['services', 'staysLocal'] }),
    upDown: factExamples(dataset, { words: ['坐诊', '派驻', '下沉', '巡诊', '派专家', '上下联动'], fields: ['services', 'staysLocal'] }),
    familyDoctor: factExamples(dataset, { words: ['家庭医生', '签约'] }),
    greenChannels: factExamples(dataset, { fields: ['greenChannels'] }),
  };
  return {
    coverage: finderCoverage(dataset),
    toc: TOC.map(([id, key]) => ({ id, label: t(key) })),
    sixteen: SIXTEEN.map(({ section, label, term }) => ({ section, label, ...(terms[term] ? { term: terms[term] } : {}) })),
    terms,
    referralGroups: {
      more: referralGroups.more,
      shown: referralGroups.shown.map((g) => ({ name: g.name, href: `/groups/${g.id}/referral/`, place: placeLabel(dataset, g.region) })),
    },
    examples: Object.fromEntries(Object.entries(words).map(([k, list]) => [k, guideExamples(dataset, list)])) as GuidePageView['examples'],
    advice: capped(
      whoToAsk(dataset).map((a) => ({ text: a.text, groups: capped(a.groups.map((g) => ({ name: g.name, href: `/groups/${g.id}/referral/` })), GUIDE_LIMITS.groupsPerExample) })),
      GUIDE_LIMITS.examples,
    ),
    emergency: emergencyText(dataset),
  };
}
