import { describe, expect, it } from 'vitest';
import { documentFigures, documentPageTitle, groupsDescribedBy, issuerShort } from '../../src/views/documents';
import { subjectHref, subjectName } from '../../src/data/dataset';
import { loadDataset } from '../../src/data/read-sources';
import { fixtureSite } from '../fixtures/content-site';
import { documentsIndex, provinceDocumentPaths, provinceDocuments } from '../../src/views/lists';

describe('document pages', () => {
  const dataset = fixtureSite();

  it('takes every figure whose source is the document, with its indicator and subject resolved', () => {
    const figures = documentFigures(dataset, 'doc-a');
    expect(figures.map((f) => f.observation.id)).toEqual(['a-rate', 'a1-imaging', 'hosp-imaging']);
    expect(figures[0].indicator.name).toBe('县域内就诊率');
    expect(figures.map((f) => f.subject)).toEqual([
      { name: '甲县', href: '/regions/county-a/' },
      { name: '甲县第一医共体', href: '/groups/grp-a1/' },
      { name: '甲县人民医院', href: '/institutions/hosp-a/' },
    ]);
    expect(documentFigures(dataset, 'doc-b').map((f) => f.observation.id)).toEqual(['b-rate']);
  });

  it('names the groups whose sources cite the document', () => {
    expect(groupsDescribedBy(dataset, 'doc-a').map((g) => g.id)).toEqual(['grp-a1', 'grp-a2']);
    expect(groupsDescribedBy(dataset, 'doc-b').map((g) => g.id)).toEqual(['grp-b']);
    expect([subjectName(dataset, { type: 'group', id: 'missing' }), subjectHref({ type: 'group', id: 'missing' })]).toEqual(['missing', '/groups/missing/']);
  });

  it('titles a page with our title and the issuer, without the curators\' bracketed remark', () => {
    expect(issuerShort('甲县人民政府办公室（网页署名）')).toBe('甲县人民政府办公室');
    expect(issuerShort('某报')).toBe('某报');
    expect(documentPageTitle(dataset.documents[0])).toBe('甲县医共体建设方案（2024年） — 甲县人民政府办公室 甲政办〔2024〕1号');
    // The issuer is not repeated when our title already names it.
    expect(documentPageTitle({ id: 'x', data: { ...dataset.documents[1].data, title: '某报：乙县医疗集团' } })).toBe('某报：乙县医疗集团');
  });

  it('lists, for every real document, exactly the figures the data attributes to it', () => {
    const data = loadDataset(process.cwd());
    const listed = data.documents.flatMap((d) => documentFigures(data, d.id).map((f) => f.observation.id));
    expect(listed.sort()).toEqual(data.observations.map((o) => o.id).sort());
  });
});

describe('the documents index at national size', () => {
  const dataset = fixtureSite();

  it('lists every document, newest first, while they fit', () => {
    const view = documentsIndex(dataset);
    expect(view.newest.map((d) => d.id)).toEqual(['doc-b', 'doc-a']);
    expect(view.more).toBe(0);
    expect(view.provinces).toEqual([]);
    expect(provinceDocumentPaths(dataset)).toEqual([]);
  });

  it('shows the newest in full and sends the rest to a page per province that holds all of that province', () => {
    const view = documentsIndex(dataset, 1);
    expect(view.newest.map((d) => d.id)).toEqual(['doc-b']);
    expect(view.more).toBe(1);
    expect(view.provinces.map((p) => p.href)).toEqual(['/regions/prov/documents/']);
    expect(view.provinces[0].count).toContain(String(dataset.documents.length));
    expect(provinceDocumentPaths(dataset, 1)).toEqual(['prov']);
    expect(provinceDocuments(dataset, 'prov')!.documents.map((d) => d.id)).toEqual(['doc-b', 'doc-a']);
  });
});
