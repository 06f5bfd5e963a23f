/** What a document page shows besides its digest: the figures taken from it and the groups it describes. */
import type { Group, Indicator, Observation } from '../schemas';
import type { DocumentEntry, Site } from './site';
import { subjectHref, subjectName } from './dataset';

/** A figure's subject, resolved to its name and page. */
export interface SubjectLink {
  name: string;
  href: string;
}


/** The name and page of what a figure is about (a group, region or institution). */
export function subjectLink(site: Site, subject: Observation['subject']): SubjectLink {
  return { name: subjectName(site, subject), href: subjectHref(subject) };
}

export interface DocumentFigure {
  observation: Observation;
  indicator: Indicator;
  subject: SubjectLink;
}

/** Every figure whose source is this document, in the order the curators recorded them (the document's order). */
export function documentFigures(site: Site, documentId: string): DocumentFigure[] {
  return (site.observationsByDocument.get(documentId) ?? []).map((observation) => ({
      observation,
      indicator: site.indicator.get(observation.indicator)!,
      subject: subjectLink(site, observation.subject),
    }));
}

/** Groups whose sources cite this document: the groups it describes. */
export function groupsDescribedBy(site: Site, documentId: string): Group[] {
  return site.groups.filter((g) => g.sources.some((s) => s.document === documentId));
}

/** The issuer without the curators' bracketed remark: "孟津县政府办（网页来源栏署…）" → "孟津县政府办". */
export function issuerShort(issuer: string): string {
  return issuer.replace(/[（(][^）)]*[）)]\s*$/, '').trim() || issuer;
}

/** A document page's title: our title, then who issued it (and its number) unless the title already names them. */
export function documentPageTitle(doc: DocumentEntry): string {
  const issuer = issuerShort(doc.data.issuer);
  const context = [doc.data.title.includes(issuer) ? '' : issuer, doc.data.number ?? ''].filter(Boolean).join(' ');
  return context ? `${doc.data.title} — ${context}` : doc.data.title;
}
