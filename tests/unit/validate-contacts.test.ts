/** Contacts (phones, address, hours, website; a group's referral office): optional, sourced, checked on a real past day. */
import { describe, expect, it } from 'vitest';
import { validateDataset, type SourceFiles } from '../../src/data/validate';

const src = { document: 'doc-a', section: '一、' };
const json = (path: string, value: unknown) => ({ path, text: JSON.stringify(value, null, 2) });
const doc = '---\ntitle: 文件\noriginalTitle: 原标题\nissuer: 某县\ndate: 2024-08-13\ntype: report\nregions: [county]\noutlet: 某网\nsummary: 摘要\n---\n正文\n';
const NOW = new Date('2024-09-01T12:00:00Z');

function files(contacts: unknown, groupContacts: unknown[] = []): SourceFiles {
  return {
    data: {
      regions: [json('data/regions/r.json', [{ id: 'county', name: '某县', kind: 'county' }])],
      institutions: [json('data/institutions/i.json', [{ id: 'hosp', name: '某县人民医院', kind: 'general-hospital', region: 'county', sources: [src], ...(contacts ? { contacts } : {}) }])],
      groups: [json('data/groups/g.json', [{ id: 'grp', name: '某县医共体', kind: 'county', region: 'county', lead: 'hosp', summary: '一个医共体。', sources: [src], referral: { contacts: groupContacts } }])],
      indicators: [],
      observations: [],
      corrections: [],
      references: [],
      synonyms: [],
    },
    mdx: { documents: [{ path: 'content/documents/doc-a.mdx', text: doc }], updates: [] },
  };
}
const problems = (contacts: unknown, groupContacts?: unknown[]) => validateDataset(files(contacts, groupContacts), { now: NOW }).problems;
const phone = (over: object = {}) => ({ number: '0379-67912345', purpose: '转诊咨询', source: src, checked: '2024-08-20', ...over });

describe('contacts', () => {
  it('are optional, and well-formed ones pass', () => {
    expect(problems(undefined)).toEqual([]);
    expect(
      problems(
        { phones: [phone(), phone({ number: '+86 379 6791 2345' })], address: { text: '某县城关镇一号', source: src, checked: '2024-08-20' }, hours: { text: '周一至周五 8:00-12:00', source: src, checked: '2024-08-01' }, online: [{ label: '微信公众号', account: '某县人民医院', source: src, checked: '2024-08-01' }, { label: '官方网站', url: 'https://hosp.example.cn/', source: src, checked: '2024-08-01' }] },
        [{ who: '县人民医院转诊服务中心', phone: '0379-1234567', source: src, checked: '2024-08-01' }],
      ),
    ).toEqual([]);
  });

  it.each([
    ['a number with letters', { phones: [phone({ number: '0379-6791234x' })] }, 'contacts.phones[0].number'],
    ['a number written in words', { phones: [phone({ number: '请拨打总机' })] }, 'contacts.phones[0].number'],
    ['a number with no purpose', { phones: [{ number: '12345678', source: src, checked: '2024-08-01' }] }, 'contacts.phones[0].purpose'],
    ['a phone with no source', { phones: [{ number: '12345678', purpose: '急诊', checked: '2024-08-01' }] }, 'contacts.phones[0].source'],
    ['an address never checked', { address: { text: '某路一号', source: src } }, 'contacts.address.checked'],
    ['hours checked on a day that does not exist', { hours: { text: '全天', source: src, checked: '2024-02-30' } }, 'contacts.hours.checked'],
    ['a website that is a script', { online: [{ label: '网站', url: 'javascript:alert(1)', source: src, checked: '2024-08-01' }] }, 'contacts.online[0].url'],
  ])('reject %s, naming the field', (_, contacts, field) => {
    const found = problems(contacts);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((p) => p.field)).toContain(field);
    for (const p of found) expect(p.file).toBe('data/institutions/i.json');
  });

  it.each([
    ['a phone', { phones: [phone({ source: { document: 'no-such-doc', section: '一' } })] }, 'contacts.phones[0].source.document'],
    ['an address', { address: { text: '某路一号', source: { document: 'nope', section: '一' }, checked: '2024-08-01' } }, 'contacts.address.source.document'],
  ])('reject %s citing a document that does not exist', (_, contacts, field) => {
    expect(problems(contacts).map((p) => p.field)).toEqual([field]);
  });

  it.each(['2024-09-10', '2030-01-01'])('reject a contact "checked" in the future (%s)', (day) => {
    expect(problems({ phones: [phone({ checked: day })] }).map((p) => p.field)).toEqual(['contacts.phones[0].checked']);
    expect(problems(undefined, [{ who: '转诊中心', source: src, checked: day }]).map((p) => [p.file, p.field])).toEqual([['data/groups/g.json', 'referral.contacts[0].checked']]);
  });

  it("reject a group's referral office citing a missing document", () => {
    expect(problems(undefined, [{ who: '转诊中心', source: { document: 'gone', section: '一' }, checked: '2024-08-01' }]).map((p) => p.field)).toEqual(['referral.contacts[0].source.document']);
  });
});
