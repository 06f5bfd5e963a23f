/**
 * The small valid site the validation tests start from (tests/unit/validate*.test.ts, mdx-policy.test.ts): one county
 * in a province, one group with a lead hospital and a township health centre, one indicator, one figure, one
 * document. Every collection is present (`SourceFiles` requires each; a collection added to src/schemas/ is empty
 * here until a test fills it), so a test changes only what it is about.
 */
import { dataCollections, mdxCollections } from '../../src/schemas';
import type { SourceFile, SourceFiles } from '../../src/data/validate';

export const json = (path: string, value: unknown): SourceFile => ({ path, text: JSON.stringify(value, null, 2) });

/** Where the fixture's facts come from: a section of the document doc-a. */
export const SOURCE = { document: 'doc-a', section: '一、', excerpt: '远程影像105423人次' };

export const DOCUMENT_FRONTMATTER = 'title: 文件\noriginalTitle: 原标题\nissuer: 某县\ndate: 2024-08-13\ntype: report\nregions: [county]\noutlet: 某网\nsummary: 摘要';

/** content/documents/doc-a.mdx, with its frontmatter or body changed. */
export const documentFile = (frontmatter = DOCUMENT_FRONTMATTER, body = '正文\n'): SourceFile => ({ path: 'content/documents/doc-a.mdx', text: `---\n${frontmatter}\n---\n${body}` });

export const FIGURE = { id: 'obs-1', indicator: 'remote', subject: { type: 'group', id: 'grp' }, period: '2024', value: 105423, kind: 'actual', source: SOURCE };

export interface Changes {
  /** Institutions added after the fixture's two. */
  institutions?: unknown[];
  /** The figures, instead of the fixture's one. */
  observations?: unknown[];
  /** The document, instead of the fixture's. */
  document?: SourceFile;
  /** Site paths of the images public/ holds; given, the image checks run against them. */
  images?: string[];
}

export function validFiles(change: Changes = {}): SourceFiles {
  const data = Object.fromEntries(Object.keys(dataCollections).map((c) => [c, [] as SourceFile[]])) as SourceFiles['data'];
  const mdx = Object.fromEntries(Object.keys(mdxCollections).map((c) => [c, [] as SourceFile[]])) as SourceFiles['mdx'];
  data.regions.push(json('data/regions/r.json', [{ id: 'prov', name: '某省', kind: 'province' }, { id: 'county', name: '某县', kind: 'county', parent: 'prov' }]));
  data.institutions.push(
    json('data/institutions/i.json', [
      { id: 'hosp', name: '某县人民医院', kind: 'general-hospital', region: 'county', sources: [SOURCE] },
      { id: 'town', name: '某镇卫生院', kind: 'township-health-centre', region: 'county', sources: [SOURCE] },
      ...(change.institutions ?? []),
    ]),
  );
  data.groups.push(json('data/groups/g.json', [{ id: 'grp', name: '某县医共体', kind: 'county', region: 'county', lead: 'hosp', members: [{ institution: 'town' }], summary: '一个医共体。', sources: [SOURCE] }]));
  data.indicators.push(json('data/indicators/x.json', [{ id: 'remote', name: '远程影像', definition: '人次', unit: '人次', polarity: 'neutral', framework: 'local', definitionStatus: 'source' }]));
  data.observations.push(json('data/observations/o.json', change.observations ?? [FIGURE]));
  mdx.documents.push(change.document ?? documentFile());
  return { data, mdx, ...(change.images ? { public: { files: new Set(change.images), problems: [] } } : {}) };
}

/** No files at all: every collection empty. */
export function noFiles(): SourceFiles {
  return {
    data: Object.fromEntries(Object.keys(dataCollections).map((c) => [c, []])) as unknown as SourceFiles['data'],
    mdx: Object.fromEntries(Object.keys(mdxCollections).map((c) => [c, []])) as unknown as SourceFiles['mdx'],
  };
}

/** Applies a change to the parsed entries of a collection's first file. */
export function editEntries(files: SourceFiles, collection: keyof SourceFiles['data'], change: (entries: any[]) => void): SourceFiles {
  const file = files.data[collection]![0];
  const entries = JSON.parse(file.text);
  change(entries);
  file.text = JSON.stringify(entries, null, 2);
  return files;
}
