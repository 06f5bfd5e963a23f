/**
 * General knowledge from no county document (data/references/), as pages show it: the fact with whom it comes from,
 * and "出处未核实" when its source was not checked ("全国卫生健康服务热线 12320（国家卫生健康委；出处未核实）").
 * One place words it, so every page that uses a general fact says where it comes from in the same way.
 */
import type { Reference } from '../schemas';
import type { Dataset } from '../data/dataset';
import { formatDate } from './format';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

/** The general facts pages use, by id in data/references/. */
export const GENERAL_FACT = {
  hotline: 'hotline-12320',
  emergency: 'emergency-120',
  referralPractice: 'referral-general-practice',
  regionTree: 'region-tree',
} as const;

/** What a fact's source is, in a few words: "国家卫生健康委；出处未核实", or the issuer alone when verified. */
export function factSource(reference: Reference): string {
  const who = reference.issuer ?? '';
  if (reference.verified) return who || t('fact.verified');
  return who ? tf('fact.whoUnverified', { who }) : t('fact.unverified');
}

/** A fact as a sentence uses it: its label and, in brackets, its source ("急救电话 120（…；出处未核实）"). */
export function factLabel(ds: Pick<Dataset, 'reference'>, id: string, fallback: string): string {
  const reference = ds.reference.get(id);
  return reference ? `${reference.label}（${factSource(reference)}）` : `${fallback}（${t('fact.unverified')}）`;
}

/** One entry of the list on /about/: what the fact is, whom it comes from, and how sure the site is. */
export interface GeneralFactView {
  id: string;
  label: string;
  fact: string;
  /** "国家卫生健康委《院前医疗急救管理办法》，2013年11月29日" as far as known. */
  source?: string;
  url?: string;
  status: string;
  note?: string;
}

export function generalFactsView(ds: Pick<Dataset, 'references'>): GeneralFactView[] {
  return ds.references.map((r) => {
    const source = [r.issuer, r.title ? `《${r.title}》` : undefined].filter(Boolean).join('') + (r.date ? `，${formatDate(r.date)}` : '');
    return {
      id: r.id,
      label: r.label,
      fact: r.fact,
      ...(source ? { source } : {}),
      ...(r.url ? { url: r.url } : {}),
      status: r.verified ? t('fact.verifiedLong') : t('fact.unverifiedLong'),
      ...(r.note ? { note: r.note } : {}),
    };
  });
}
