/**
 * Each page's search document: what search knows about the page (its title, kind and place, its name and section
 * names, its text block by block, its figures with their values), made from the page's view and the dataset in one
 * pass, never read back from the built HTML. A pure function of the dataset: `searchDocuments(dataset)` yields every
 * indexed page's document with its path, in a stable order; `searchDocumentOf(dataset, path)` gives one page's (an
 * incremental build asks for the pages whose inputs changed). src/search/build/index-doc.ts turns a document into
 * the index's terms, src/search/build/integration.ts writes the index.
 *
 * Institution, group and region pages (nearly all of the site at national size) have short documents of the words
 * readers look for (src/search/build/records.ts); text pages (indicators, documents, the guide …) have their text as
 * the page shows it (src/search/build/page-documents.ts).
 */
import { hasOwnPage, type Dataset } from '../../data/dataset';
import type { PageFigure } from '../shared/numbers';
import type { ResultKind } from '../shared/kinds';
import { groupDocument, institutionDocument, recordPaths, regionDocument } from './records';
import { textPageDocument, textPagePaths } from './page-documents';

/** A block of a page's text, and how much its words count (a heading's more: h1 7 … h6 2, as Pagefind weighed them). */
export interface TextBlock {
  text: string;
  /** 1 when absent. */
  weight?: number;
}

/** What search knows about one page. Plain data (JSON): an incremental build can compare two by their serialisation. */
export interface SearchDocument {
  /** The page's <title> without the site name: what a result links with. */
  title: string;
  /** What the page is, for the kind filter and each result's tag (`search.kind.<kind>` in src/i18n/zh-CN.ts); none for the home page. */
  kind?: ResultKind;
  /** The region filter's value (e.g. 资中县). */
  region?: string;
  /** The page's name (its h1), weighted most. */
  name: string;
  /** Other names readers type for it (aliases, short forms), weighted like the name and never shown. */
  aliases?: string[];
  /** Its sections' names (h2, h3), weighted half a name. */
  sections?: string[];
  /** What the page says, block by block in reading order: what a result's excerpt shows. */
  text: TextBlock[];
  /** Words the page answers to without showing them (a group's short forms on its members, 下转率 for 下转患者占比). */
  hidden?: string[];
  /** Its names in pinyin (full and initials), weighted like the name. */
  spelled?: string[];
  /** Its figures, each with its row on the page (`#obs-<id>`), so a number query links to the row. */
  figures?: PageFigure[];
}

export interface PathDocument {
  /** The page's address, as the site serves it ("/groups/x/"). */
  path: string;
  document: SearchDocument;
}

/**
 * A page whose document is known by its key alone (src/search/build/integration.ts `searchDocumentsByReads`): the last
 * build made it from what the page still reads the same. `make` makes it, should the key's terms be missing.
 */
export interface KnownDocument {
  path: string;
  key: string;
  document?: undefined;
  make: () => SearchDocument;
}

/** Every indexed page's path, in the order the index numbers them: records first, then text pages. */
export function searchPaths(dataset: Dataset): string[] {
  return [...recordPaths(dataset), ...textPagePaths(dataset)];
}

/** The search document of the page at `path`; undefined for a page search does not index (404, /search/, embeds). */
export function searchDocumentOf(dataset: Dataset, path: string): SearchDocument | undefined {
  const [, section, id, rest] = path.match(/^\/(institutions|groups|regions)\/([^/]+)\/(.*)$/) ?? [];
  if (section && rest === '') {
    if (section === 'institutions') {
      const institution = dataset.institution.get(id);
      return institution && hasOwnPage(institution) ? institutionDocument(dataset, institution) : undefined;
    }
    if (section === 'groups') {
      const group = dataset.group.get(id);
      return group && groupDocument(dataset, group);
    }
    const region = dataset.region.get(id);
    return region && regionDocument(dataset, region);
  }
  return textPageDocument(dataset, path);
}

/** Every indexed page's search document with its path, in a stable order (that of `searchPaths`). */
export function* searchDocuments(dataset: Dataset): Generator<PathDocument> {
  for (const path of searchPaths(dataset)) {
    const document = searchDocumentOf(dataset, path);
    if (document) yield { path, document };
  }
}
