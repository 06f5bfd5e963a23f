import { describe, expect, it } from 'vitest';
import { glossaryHref, glossaryLinks, glossaryPage } from '../../src/views/glossary';
import { GUIDE_LIMITS } from '../../src/views/capped';
import { guidePage } from '../../src/views/guide';
import { glossaryTermSchema, type GlossaryTerm } from '../../src/schemas';
import { indexDataset } from '../../src/data/dataset';
import { loadDataset, readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import { fixtureSite } from '../fixtures/content-site';

/** A term as data/glossary/ would hold it, with the given rules (the schema fills in what is left out). */
const term = (rules: Partial<GlossaryTerm>): GlossaryTerm => glossaryTermSchema.parse({ id: 't', term: '词', definition: '释义', ...rules });
const real = loadDataset(process.cwd());

describe('glossary terms (data/glossary/)', () => {
  it('have unique ASCII anchors, a definition and related terms that exist', () => {
    const ids = real.glossary.map((t) => t.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of real.glossary) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(t.definition.length).toBeGreaterThan(20);
      for (const r of t.related) expect(real.glossaryTerm.get(r), `${t.id} → ${r}`).toBeDefined();
    }
  });

  it('cover the terms residents meet in the brief', () => {
    const names = real.glossary.flatMap((t) => [t.term, ...t.aliases]);
    for (const word of ['医共体', '医疗集团', '城市医疗集团', '紧密型', '牵头医院', '成员单位', '上转', '下转', '双向转诊', '基层首诊', '急慢分治', '上下联动', '家庭医生签约', '绿色通道', '远程会诊', '远程影像', '县域内就诊率', '基层就诊率', '结余留用', '总额预算', '打包付费', '专科联盟']) {
      expect(names, word).toContain(word);
    }
    expect(glossaryHref('family-doctor')).toBe('/glossary/#family-doctor');
  });
});

describe('glossaryLinks', () => {
  const dataset = fixtureSite();

  it('resolves each kind of rule against the data', () => {
    expect(glossaryLinks(dataset, term({ pages: [{ href: '/guide/#referral', label: '指南' }] }))).toEqual([{ href: '/guide/#referral', label: '指南', kind: 'page' }]);
    expect(glossaryLinks(dataset, term({ groupKind: 'urban' })).map((l) => l.href)).toEqual(['/groups/grp-b/']);
    expect(glossaryLinks(dataset, term({ indicatorsNamed: ['远程影像'] })).map((l) => l.href)).toEqual(['/indicators/remote-imaging-cases/']);
    expect(glossaryLinks(dataset, term({ documentsMentioning: ['家庭医生'] })).map((l) => l.href)).toEqual(['/documents/doc-b/']);
  });

  it('links statements to the page that shows them, and their documents', () => {
    const links = glossaryLinks(dataset, term({ statements: [{ words: [], fields: ['greenChannels'] }, { words: ['远程会诊'], fields: [] }] }));
    expect(links).toEqual([
      { href: '/groups/grp-a2/referral/', label: '甲县第二医共体的转诊指南', kind: 'referral' },
      { href: '/groups/grp-a1/', label: '甲县第一医共体', kind: 'group' },
      { href: '/documents/doc-a/', label: '甲县医共体建设方案（2024年）', kind: 'document' },
    ]);
  });

  it('lists each page once and drops rules that match nothing', () => {
    const links = glossaryLinks(dataset, term({ statements: [{ words: [], fields: ['benefits'] }, { words: [], fields: ['benefits'] }], indicatorsNamed: ['不存在'] }));
    expect(links.map((l) => l.href)).toEqual(['/groups/grp-a1/referral/', '/groups/grp-a2/referral/', '/documents/doc-a/']);
  });

  it('gives every term somewhere to go on the real site, and only to things that exist', () => {
    const exists = (href: string) => {
      const [, kind, id] = href.split('/');
      if (kind === 'groups') return real.group.has(id);
      if (kind === 'documents') return real.document.has(id);
      if (kind === 'indicators') return real.indicator.has(id);
      return kind === 'guide';
    };
    for (const t of real.glossary) {
      const links = glossaryLinks(real, t);
      expect(links.length, t.term).toBeGreaterThan(0);
      for (const l of links) expect(exists(l.href), `${t.term} → ${l.href}`).toBe(true);
    }
  });
});

describe('the glossary and guide pages as views', () => {
  it('links only sections the guide has: every /guide/# link of a term names a section of its contents', () => {
    const sections = new Set(guidePage(real).toc.map((s) => `/guide/#${s.id}`));
    const guideLinks = real.glossary.flatMap((t) => t.pages.map((p) => p.href)).filter((href) => href.startsWith('/guide/'));
    expect(guideLinks.length).toBeGreaterThan(5);
    for (const href of guideLinks) expect(sections.has(href), href).toBe(true);
  });

  it('has an entry per term in the data’s order, related terms linking to entries on the page, and a few links per kind', () => {
    const view = glossaryPage(real);
    expect(view.entries.map((e) => e.term.id)).toEqual(real.glossary.map((t) => t.id));
    const anchors = new Set(view.index.map((i) => `/glossary/#${i.id}`));
    for (const e of view.entries) {
      for (const r of e.related) expect(anchors.has(r.href), r.href).toBe(true);
      for (const g of e.groups) expect(g.links.shown.length).toBeLessThanOrEqual(GUIDE_LIMITS.examples);
    }
  });

  it('follows the data: an edited term reads as edited, and the guide stops linking an entry the editors removed', () => {
    const entries = validateDataset(readSourceFiles(process.cwd())).entries;
    const edited = indexDataset({
      ...entries,
      glossary: entries.glossary!.filter((t) => t.id !== 'green-channel').map((t) => (t.id === 'two-way-referral' ? { ...t, term: '双向转诊（改）' } : t)),
    });
    const guide = guidePage(edited);
    expect(guide.terms['two-way-referral']).toEqual({ href: '/glossary/#two-way-referral', term: '双向转诊（改）' });
    expect(guide.terms['green-channel']).toBeUndefined();
    expect(guidePage(real).terms['green-channel']).toEqual({ href: '/glossary/#green-channel', term: '绿色通道' });
    expect(glossaryPage(edited).index.map((i) => i.id)).not.toContain('green-channel');
  });
});
