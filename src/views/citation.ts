/**
 * Citation lines in the form Chinese journals expect (GB/T 7714-2015 for online resources):
 * 主要责任者. 题名[EB/OL]. (更新日期)[引用日期]. 网址.
 * The access date is the reader's to fill in, so it stays a placeholder.
 */

export interface CitationInput {
  /** Who is responsible: the site's name. */
  author: string;
  title: string;
  /** Last update, YYYY-MM-DD. */
  updated?: string;
  url: string;
  /** `EB/OL` for a web page, `DS/OL` for a data set. */
  type?: 'EB/OL' | 'DS/OL';
}

export const ACCESS_DATE_PLACEHOLDER = '[引用日期]';

export function citationText({ author, title, updated, url, type = 'EB/OL' }: CitationInput): string {
  return `${author}. ${title}[${type}]. ${updated ? `(${updated})` : ''}${ACCESS_DATE_PLACEHOLDER}. ${url}.`;
}
