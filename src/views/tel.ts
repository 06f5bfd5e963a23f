/**
 * Phone numbers in the site's own sentences (120, 12320): each becomes a `tel:` link showing the number, so a reader
 * on a phone taps it. Only applied to UI strings the site writes, never to source text (where "120" may be a count).
 */

/** The national numbers the site's sentences mention. */
export const NATIONAL_NUMBERS = ['12320', '120'] as const;

/** A piece of a sentence: plain text, or a number to dial. */
export type TelPart = string | { number: string; href: string };

/** `tel:` address of a number as printed (hyphens and spaces dropped). */
export const telHref = (number: string): string => `tel:${number.replace(/[ -]/g, '')}`;

// A whole number standing alone: not a digit, decimal point or percentage either side (so 1200, 120% and 3.120 stay text).
const NUMBER = new RegExp(`(?<![\\d.])(${NATIONAL_NUMBERS.join('|')})(?![\\d.%％])`, 'g');

/** Splits a sentence into text and dialable numbers, in order. */
export function telParts(text: string): TelPart[] {
  const parts: TelPart[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    if (m.index! > last) parts.push(text.slice(last, m.index));
    parts.push({ number: m[1]!, href: telHref(m[1]!) });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
