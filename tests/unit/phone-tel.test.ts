import { describe, expect, it } from 'vitest';
import { telParts } from '../../src/views/tel';
import { t } from '../../src/i18n/zh-CN';
import { tf } from '../../src/i18n/fill';

const numbers = (text: string) => telParts(text).flatMap((p) => (typeof p === 'string' ? [] : [p.href]));

describe('phone numbers in the site’s sentences', () => {
  it('links 120 and 12320 in the sentences residents read, keeping the words around them', () => {
    expect(numbers(t('resident.emergency'))).toEqual(['tel:120']);
    expect(numbers(t('institution.routeAsk'))).toEqual(['tel:12320']);
    expect(numbers(tf('contacts.none', { lead: '' }))).toEqual(['tel:12320']);
    const parts = telParts(t('resident.emergency'));
    expect(parts.map((p) => (typeof p === 'string' ? p : p.number)).join('')).toBe(t('resident.emergency'));
  });

  it('leaves counts, percentages and longer numbers as text', () => {
    expect(numbers('上转病人 1207 人次，占 120% 的 3.120，编号 61200')).toEqual([]);
  });
});
