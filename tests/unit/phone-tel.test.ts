import { describe, expect, it } from 'vitest';
import { telParts } from '../../src/views/tel';
import { tf } from '../../src/i18n/fill';
import { emergencyText, hotlineText } from '../../src/views/guidance';
import { readFileSync } from 'node:fs';

// The sentences as pages fill them: 120 and 12320 come from the general facts in data/references/, with their source.
const references = JSON.parse(readFileSync(new URL('../../data/references/general.json', import.meta.url), 'utf8')) as { id: string }[];
const dataset = { reference: new Map(references.map((r) => [r.id, r])) } as unknown as Parameters<typeof hotlineText>[0];
const emergency = tf('resident.emergency', { emergency: emergencyText(dataset) });
const ask = tf('institution.routeAsk', { hotline: hotlineText(dataset) });

const numbers = (text: string) => telParts(text).flatMap((p) => (typeof p === 'string' ? [] : [p.href]));

describe('phone numbers in the site’s sentences', () => {
  it('links 120 and 12320 in the sentences residents read, keeping the words around them', () => {
    expect(numbers(emergency)).toEqual(['tel:120']);
    expect(numbers(ask)).toEqual(['tel:12320']);
    expect(numbers(tf('contacts.none', { lead: '', hotline: hotlineText(dataset) }))).toEqual(['tel:12320']);
    const parts = telParts(emergency);
    expect(parts.map((p) => (typeof p === 'string' ? p : p.number)).join('')).toBe(emergency);
  });

  it('leaves counts, percentages and longer numbers as text', () => {
    expect(numbers('上转病人 1207 人次，占 120% 的 3.120，编号 61200')).toEqual([]);
  });
});
