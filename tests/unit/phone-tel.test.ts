import { describe, expect, it } from 'vitest';
import { telParts } from '../../src/views/tel';
import { tf } from '../../src/i18n/fill';
import { factLabel, GENERAL_FACT } from '../../src/views/general-facts';
import { datasetOf } from '../fixtures/dataset';
import { residentEntries } from '../fixtures/resident-site';

const numbers = (text: string) => telParts(text).flatMap((p) => (typeof p === 'string' ? [] : [p.href]));
const ds = datasetOf(residentEntries());
const hotline = factLabel(ds, GENERAL_FACT.hotline, '全国卫生健康服务热线 12320');
const emergency = factLabel(ds, GENERAL_FACT.emergency, '急救电话 120');

describe('phone numbers in the site’s sentences', () => {
  it('links 120 and 12320 in the sentences residents read, keeping the words and the source around them', () => {
    const sentence = tf('resident.emergency', { emergency });
    expect(numbers(sentence)).toEqual(['tel:120']);
    expect(numbers(tf('institution.routeAsk', { hotline }))).toEqual(['tel:12320']);
    expect(numbers(tf('contacts.none', { hotline, lead: '' }))).toEqual(['tel:12320']);
    expect(numbers(tf('region.uncovered.ask', { hotline, emergency }))).toEqual(['tel:12320', 'tel:120']);
    expect(telParts(sentence).map((p) => (typeof p === 'string' ? p : p.number)).join('')).toBe(sentence);
  });

  it('leaves counts, percentages and longer numbers as text', () => {
    expect(numbers('上转病人 1207 人次，占 120% 的 3.120，编号 61200')).toEqual([]);
  });
});

describe('phone numbers in editors’ texts (MDX)', () => {
  const paragraph = (value: string) => ({ type: 'root', children: [{ type: 'element', tagName: 'p', children: [{ type: 'text', value }] }] });
  const links = (tree: ReturnType<typeof paragraph>) =>
    JSON.stringify(tree).match(/"href":"tel:\d+"/g) ?? [];

  it('links 12320 and a 120 called a number to dial, and leaves counts alone', async () => {
    const { rehypeTelLinks } = await import('../../src/data/rehype-tel');
    const tree = paragraph('请拨打 12320 咨询；急救电话 120；全院 120 张床位，上转 1207 人次。');
    rehypeTelLinks()(tree as never);
    expect(links(tree)).toEqual(['"href":"tel:12320"', '"href":"tel:120"']);
    expect(JSON.stringify(tree)).toContain('全院 120 张床位');
  });
});
