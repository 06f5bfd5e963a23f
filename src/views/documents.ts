/** What a document page shows besides its digest: the figures taken from it and the groups it describes. */
import type { Group, Indicator, Observation } from '../schemas';
import { subjectHref, subjectName, type Dataset, type DocumentEntry } from '../data/dataset';

/** A figure's subject, resolved to its name and page. */
export interface SubjectLink {
  name: string;
  href: string;
}

export interface DocumentFigure {
  observation: Observation;
  indicator: Indicator;
  subject: SubjectLink;
}

/** Every figure whose source is this document, in the order the curators recorded them (the document's order). */
export function documentFigures(dataset: Dataset, documentId: string): DocumentFigure[] {
  return (dataset.observationsByDocument.get(documentId) ?? []).map((observation) => ({
      observation,
      indicator: dataset.indicator.get(observation.indicator)!,
      subject: { name: subjectName(dataset, observation.subject), href: subjectHref(observation.subject) },
    }));
}

/** Groups whose sources cite this document: the groups it describes. */
export function groupsDescribedBy(dataset: Dataset, documentId: string): readonly Group[] {
  return dataset.groupsOfDocument.get(documentId) ?? [];
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
