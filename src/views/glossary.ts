/**
 * The glossary: terms residents meet in policy texts, in plain words, and where each matters on this site. Terms are
 * data (data/glossary/, src/schemas/glossary.ts); where each matters is written there as rules over the site's data,
 * resolved here, so the links follow the data as it grows and never point at a page that has nothing to show.
 */
import type { Dataset } from '../data/dataset';
import type { GlossaryTerm } from '../schemas';
import { factExamples, factHref } from './group-facts';
import { GUIDE_LIMITS, capped, type Capped } from './capped';

export type { GlossaryTerm };

/** The address of a term's entry. */
export function glossaryHref(id: string): string {
  return `/glossary/#${id}`;
}

/** A resolved link: where the term matters. */
export interface GlossaryLink {
  href: string;
  label: string;
  kind: 'page' | 'group' | 'referral' | 'document' | 'indicator';
}

const KIND_ORDER: GlossaryLink['kind'][] = ['page', 'referral', 'group', 'document', 'indicator'];
const contains = (texts: (string | undefined)[], words: readonly string[]) => texts.some((t) => t && words.some((w) => t.includes(w)));

/**
 * Resolves a term's rules against the data, each page once: our own pages first, then referral guides, groups,
 * documents and indicators.
 */
export function glossaryLinks(dataset: Dataset, term: GlossaryTerm): GlossaryLink[] {
  const links = new Map<string, GlossaryLink>();
  const add = (link: GlossaryLink) => links.has(link.href) || links.set(link.href, link);
  for (const page of term.pages) add({ href: page.href, label: page.label, kind: 'page' });
  if (term.groupKind) for (const g of dataset.groups.filter((g) => g.kind === term.groupKind)) add({ href: `/groups/${g.id}/`, label: g.name, kind: 'group' });
  if (term.documentsMentioning.length) {
    for (const d of dataset.documents.filter((d) => contains([d.data.title, d.data.originalTitle, d.data.summary], term.documentsMentioning)))
      add({ href: `/documents/${d.id}/`, label: d.data.title, kind: 'document' });
  }
  for (const row of term.statements) {
    const query = { ...(row.words.length ? { words: row.words } : {}), ...(row.fields.length ? { fields: row.fields } : {}) };
    for (const example of factExamples(dataset, query)) {
      for (const g of example.groups) {
        const href = factHref(example.field, g.id);
        const referral = href.endsWith('/referral/');
        add({ href, label: referral ? `${g.name}的转诊指南` : g.name, kind: referral ? 'referral' : 'group' });
      }
      const title = dataset.document.get(example.source.document)?.data.title;
      if (title) add({ href: `/documents/${example.source.document}/`, label: title, kind: 'document' });
    }
  }
  if (term.indicatorsNamed.length) {
    for (const i of dataset.indicators.filter((i) => contains([i.name, i.shortName, ...i.aliases], term.indicatorsNamed)))
      add({ href: `/indicators/${i.id}/`, label: i.name, kind: 'indicator' });
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
    index: dataset.glossary.map((term) => ({ id: term.id, term: term.term })),
    entries: dataset.glossary.map((term) => {
      const links = glossaryLinks(dataset, term);
      return {
        term,
        groups: LINK_KINDS.map((kind) => ({ kind, links: capped(links.filter((l) => l.kind === kind), GUIDE_LIMITS.examples) })).filter((g) => g.links.shown.length > 0),
        related: term.related.flatMap((id) => {
          const r = dataset.glossaryTerm.get(id);
          return r ? [{ term: r.term, href: glossaryHref(r.id) }] : [];
        }),
      };
    }),
  };
}
