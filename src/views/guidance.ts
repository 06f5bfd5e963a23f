/**
 * What resident pages say around the answer: how old its sources are (and whether to check them first), whom to ask,
 * and an institution's contacts. Pure; "today" is a parameter so tests fix it.
 */
import { telHref } from './tel';
import type { Group, Institution, SourceRef } from '../schemas';
import type { Dataset } from '../data/dataset';
import { formatDate } from './format';
import { citeView, type CiteView } from './figures';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';
import { factLabel, GENERAL_FACT } from './general-facts';
import { noteRead, registerInput } from '../data/reads';
import { buildDay } from './build-day';

/** The national health hotline as every resident page names it, with where that fact comes from. */
export const hotlineText = (ds: Pick<Dataset, 'reference'>) => factLabel(ds, GENERAL_FACT.hotline, '全国卫生健康服务热线 12320');
/** The emergency number as every resident page names it, with where that fact comes from. */
export const emergencyText = (ds: Pick<Dataset, 'reference'>) => factLabel(ds, GENERAL_FACT.emergency, '急救电话 120');

export { buildDay };

// What a page reads of the build's day, for incremental publishing (src/publishing/incremental-reads.ts): the day
// itself (a referral sheet prints it), or only the whole years from a date to it (a page saying how old its sources are).
registerInput('today', () => buildDay());
registerInput('years', (_, date) => yearsSince(date, buildDay()));

/** Guidance older than this many years is flagged: plans are revised about that often. */
export const STALE_YEARS = 3;

export interface GuidanceAge {
  /** "这些内容依据的是 2020年6月23日 的文件（到本页生成时约 6 年）。" */
  text: string;
  /** Set when the guidance comes from a trial plan (试行) or is more than three years old: why, and whom to check with. */
  warning?: string;
}

/** The build's day as a page shows it (a referral sheet's print date), recorded as read. */
export function noteDay(dataset: Dataset, today: string): string {
  noteRead(dataset, 'today');
  return today;
}

/** Whole years from an ISO date (or YYYY-MM, YYYY) to today. */
function yearsSince(date: string, today: string): number {
  const [y, m = '01', d = '01'] = date.split('-');
  const [ty, tm, td] = today.split('-');
  const before = `${tm}-${td}` < `${m}-${d}`;
  return Math.max(0, Number(ty) - Number(y) - (before ? 1 : 0));
}

/** How old the documents behind a page are; undefined when none is known. `who` is whom to check with. */
export function guidanceAge(dataset: Dataset, documentIds: Iterable<string>, today: string, who: string): GuidanceAge | undefined {
  const docs = [...new Set(documentIds)].map((id) => dataset.document.get(id)).filter((d) => d !== undefined);
  if (!docs.length) return undefined;
  const dates = docs.map((d) => d.data.date).sort();
  const [oldest, newest] = [dates[0], dates.at(-1)!];
  const years = yearsSince(newest, today);
  noteRead(dataset, `years ${newest}`);
  const text = oldest === newest ? tf('age.sourcesOne', { newest: formatDate(newest), years }) : tf('age.sources', { oldest: formatDate(oldest), newest: formatDate(newest), years });
  const trial = docs.find((d) => d.data.originalTitle.includes('试行') || d.data.title.includes('试行'));
  // A plan says what is to be done, not what was done: said on every page that rests on one.
  const plan = trial ? undefined : docs.find((d) => d.data.type === 'policy');
  const reasons = [
    ...(trial ? [tf('age.trial', { title: trial.data.originalTitle })] : []),
    ...(plan ? [tf('age.plan', { title: plan.data.originalTitle })] : []),
    ...(years >= STALE_YEARS ? [t('age.old')] : []),
  ];
  return { text, ...(reasons.length ? { warning: tf('age.check', { reasons: reasons.join('，'), who, hotline: hotlineText(dataset) }) } : {}) };
}

/** Whom to check guidance with: the group's lead hospital where known. */
export function checkWith(dataset: Dataset, group: Group): string {
  const lead = group.lead ? dataset.institution.get(group.lead) : undefined;
  return lead ? tf('age.checkWho', { lead: lead.name }) : t('age.checkWhoNoLead');
}

/** One contact line: what it is, the detail, when it was checked, and its source. */
export interface ContactLine {
  label: string;
  value: string;
  /** `tel:` or `https:` link for the value, when it is a number or website. */
  href?: string;
  checked: string;
  cite: CiteView;
}


/** An institution's contacts as lines, or the sentence that says the sources give none (and whom to ask instead). */
export function contactsView(dataset: Dataset, institution: Institution, leadName?: string): { lines: ContactLine[]; none?: string } {
  const c = institution.contacts;
  const line = (label: string, value: string, item: { source: SourceRef; checked: string }, href?: string): ContactLine => ({
    label,
    value,
    ...(href ? { href } : {}),
    checked: tf('contacts.checked', { date: formatDate(item.checked) }),
    cite: citeView(dataset, item.source),
  });
  const lines = c
    ? [
        ...c.phones.map((p) => line(`${p.purpose}${t('contacts.phone')}：`, p.number, p, telHref(p.number))),
        ...(c.address ? [line(t('contacts.address'), c.address.text, c.address)] : []),
        ...(c.hours ? [line(t('contacts.hours'), c.hours.text, c.hours)] : []),
        ...c.online.map((o) => line(`${o.label}：`, o.url ?? o.account!, o, o.url)),
      ]
    : [];
  if (lines.length) return { lines };
  const lead = leadName && leadName !== institution.name ? tf('contacts.noneLead', { lead: leadName }) : '';
  return { lines, none: tf('contacts.none', { lead, hotline: hotlineText(dataset) }) };
}

/** Whom to ask about a referral in a group: the offices the sources name, else the hotline and the lead hospital. */
export interface AskView {
  /** The editors' plain words, when written. */
  whoToAsk?: string;
  contacts: { who: string; phone?: string; href?: string; checked: string; cite: CiteView }[];
  /** Said when no source names a referral office. */
  fallback?: string;
}

export function askView(dataset: Dataset, group: Group): AskView {
  const lead = group.lead ? dataset.institution.get(group.lead) : undefined;
  const contacts = (group.referral.contacts ?? []).map((c) => ({
    who: c.who,
    ...(c.phone ? { phone: c.phone, href: telHref(c.phone) } : {}),
    checked: tf('contacts.checked', { date: formatDate(c.checked) }),
    cite: citeView(dataset, c.source),
  }));
  return {
    ...(group.referral.whoToAsk ? { whoToAsk: group.referral.whoToAsk } : {}),
    contacts,
    ...(contacts.length ? {} : { fallback: lead ? tf('ask.noContacts', { lead: lead.name, hotline: hotlineText(dataset) }) : tf('ask.noContactsNoLead', { hotline: hotlineText(dataset) }) }),
  };
}
