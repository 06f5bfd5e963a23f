import { describe, expect, it } from 'vitest';
import { glossary, glossaryHref, glossaryLinks, termById, type GlossaryTerm } from '../../src/views/glossary';
import { loadDataset } from '../../src/data/read-sources';
import { fixtureSite } from '../fixtures/content-site';

const term = (links: GlossaryTerm['links']): GlossaryTerm => ({ id: 't', term: '词', aliases: [], definition: '释义', links });

describe('glossary terms', () => {
  it('have unique ASCII anchors, a definition and related terms that exist', () => {
    const ids = glossary.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of glossary) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(t.definition.length).toBeGreaterThan(20);
      for (const r of t.related ?? []) expect(termById(r), `${t.id} → ${r}`).toBeDefined();
    }
  });

  it('cover the terms residents meet in the brief', () => {
    const names = glossary.flatMap((t) => [t.term, ...t.aliases]);
    for (const word of ['医共体', '医疗集团', '城市医疗集团', '紧密型', '牵头医院', '成员单位', '上转', '下转', '双向转诊', '基层首诊', '急慢分治', '上下联动', '家庭医生签约', '绿色通道', '远程会诊', '远程影像', '县域内就诊率', '基层就诊率', '结余留用', '总额预算', '打包付费', '专科联盟']) {
      expect(names, word).toContain(word);
    }
    expect(glossaryHref('family-doctor')).toBe('/glossary/#family-doctor');
  });
});

describe('glossaryLinks', () => {
  const dataset = fixtureSite();

  it('resolves each kind of rule against the data', () => {
    expect(glossaryLinks(dataset, term([{ page: '/guide/#referral', label: '指南' }]))).toEqual([{ href: '/guide/#referral', label: '指南', kind: 'page' }]);
    expect(glossaryLinks(dataset, term([{ groupKind: 'urban' }])).map((l) => l.href)).toEqual(['/groups/grp-b/']);
    expect(glossaryLinks(dataset, term([{ indicatorsNamed: ['远程影像'] }])).map((l) => l.href)).toEqual(['/indicators/remote-imaging-cases/']);
    expect(glossaryLinks(dataset, term([{ documentsMentioning: ['家庭医生'] }])).map((l) => l.href)).toEqual(['/documents/doc-b/']);
  });

  it('links statements to the page that shows them, and their documents', () => {
    const links = glossaryLinks(dataset, term([{ fields: ['greenChannels'] }, { mentions: ['远程会诊'] }]));
    expect(links).toEqual([
      { href: '/groups/grp-a2/referral/', label: '甲县第二医共体的转诊指南', kind: 'referral' },
      { href: '/groups/grp-a1/', label: '甲县第一医共体', kind: 'group' },
      { href: '/documents/doc-a/', label: '甲县医共体建设方案（2024年）', kind: 'document' },
    ]);
  });

  it('lists each page once and drops rules that match nothing', () => {
    const links = glossaryLinks(dataset, term([{ fields: ['benefits'] }, { fields: ['benefits'] }, { indicatorsNamed: ['不存在'] }]));
    expect(links.map((l) => l.href)).toEqual(['/groups/grp-a1/referral/', '/groups/grp-a2/referral/', '/documents/doc-a/']);
  });

  it('gives every term somewhere to go on the real site, and only to things that exist', () => {
    const data = loadDataset(process.cwd());
    const exists = (href: string) => {
      const [, kind, id] = href.split('/');
      if (kind === 'groups') return data.groups.some((g) => g.id === id);
      if (kind === 'documents') return data.documents.some((d) => d.id === id);
      if (kind === 'indicators') return data.indicators.some((i) => i.id === id);
      return kind === 'guide';
    };
    for (const t of glossary) {
      const links = glossaryLinks(data, t);
      expect(links.length, t.term).toBeGreaterThan(0);
      for (const l of links) expect(exists(l.href), `${t.term} → ${l.href}`).toBe(true);
    }
  });
});

describe('the glossary page as a view', () => {
  it('has an entry per term, related terms linking to entries on the page, and a few links per kind', async () => {
    const { glossaryPage, glossary } = await import('../../src/views/glossary');
    const { GUIDE_LIMITS } = await import('../../src/views/guide');
    const { loadDataset } = await import('../../src/data/read-sources');
    const view = glossaryPage(loadDataset(process.cwd()));
    expect(view.entries.map((e) => e.term.id)).toEqual(glossary.map((t) => t.id));
    const anchors = new Set(view.index.map((i) => `/glossary/#${i.id}`));
    for (const e of view.entries) {
      for (const r of e.related) expect(anchors.has(r.href), r.href).toBe(true);
      for (const g of e.groups) expect(g.links.shown.length).toBeLessThanOrEqual(GUIDE_LIMITS.examples);
    }
  });
});
