/** What JSON and MDX entries share: texts normalised before the schema sees them, and schema issues in an editor's words. */
import type { z } from 'astro/zod';
import { invisibleCharacter } from '../../schemas';
import { MESSAGE_HINTS, SCHEMA_HINT, schemaMessages, type Hint } from '../../i18n/validation';

/** A zod issue in words an editor understands, Chinese then English, with how to fix it. */
function describeIssue(issue: z.ZodIssue): { zh: string; en: string; hint: Hint } {
  const key = String([...issue.path].reverse().find((p) => typeof p === 'string') ?? '');
  const withHint = (m: { zh: string; en: string; hint?: Hint }) => ({ zh: m.zh, en: m.en, hint: m.hint ?? SCHEMA_HINT });
  switch (issue.code) {
    case 'invalid_type':
      return withHint(issue.received === 'undefined' ? schemaMessages.missing(key) : schemaMessages.wrongType(issue.expected, issue.received));
    case 'invalid_enum_value':
      return withHint(schemaMessages.badEnum(String(issue.received), issue.options.map(String)));
    case 'unrecognized_keys':
      return withHint(schemaMessages.unknownKeys(issue.keys));
    case 'too_small':
      return withHint(issue.type === 'array' ? schemaMessages.tooFewItems(issue.minimum) : issue.type === 'string' ? schemaMessages.empty() : schemaMessages.tooSmall(issue.minimum));
    default: {
      const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : [issue.message, issue.message];
      return { zh, en, hint: MESSAGE_HINTS.find(([pattern]) => pattern.test(zh))?.[1] ?? SCHEMA_HINT };
    }
  }
}

/**
 * Every text in a parsed entry trimmed and NFC-normalised, in place, before the schema sees it: a name pasted with a
 * trailing space or in decomposed form is the same name. (Ids are texts too: " grp" is the id "grp".)
 */
export function normaliseText(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!MAY_CHANGE.test(value)) return value;
    const clean = value.normalize('NFC').trim();
    return clean.length === value.length && clean === value ? value : clean;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item !== 'number' && typeof item !== 'boolean') value[i] = normaliseText(item);
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    // for…in over a JSON object sees its own keys only; writing back only what changed spares the object a store per key.
    for (const key in record) {
      const item = record[key];
      if (item === null || typeof item === 'number' || typeof item === 'boolean') continue;
      const clean = normaliseText(item);
      if (clean !== item) record[key] = clean;
    }
  }
  return value;
}

/**
 * A text that trimming or NFC could change: space at either end, or a character outside the ranges that are already
 * NFC whatever follows them (ASCII to spacing modifiers, CJK punctuation without its combining tone marks U+302A–302F,
 * CJK ideographs, full-width forms). Almost every text in the data is plain Chinese and ASCII, so one regex test spares
 * `normalize` (a third of validation's text work at national size). tests/unit/validate-normalise.test.ts checks the
 * ranges against `normalize` itself.
 */
export const MAY_CHANGE = /^\s|\s$|[^\0-\u02ff\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The issue's message, naming the invisible character when that is what is wrong (the schema's regex cannot). */
export function describeWithCharacter(issue: z.ZodIssue, entry: unknown): ReturnType<typeof describeIssue> {
  const described = describeIssue(issue);
  const value = issue.path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined), entry);
  const character = typeof value === 'string' && described.zh.includes('控制字符') ? (invisibleCharacter(value) ?? invisibleCharacter(value, false)) : undefined;
  return character ? { ...described, zh: `${described.zh}：${character}`, en: `${described.en}: ${character}` } : described;
}
