/**
 * Between an entry as stored and the form's values: numbers as the staff member writes them, lists one a line,
 * optional objects always present as empty fields; and back, leaving out what was left empty.
 */
import type { z } from 'astro/zod';
import type { Field } from '../../fields';
import { CHOICE_LABELS, UI, UI_CHOICES, UI_ERRORS as E, UI_FIELDS } from '../../../i18n/editor.zh-CN';
import { readNumberField } from '../../../data/figures';

export type Values = Record<string, unknown>;

const DATES = new Set(['checked']);
/** How a field is shown: `checked` dates are plain texts in the schema, dates for the staff member. */
export const shownKind = (f: Field) => (DATES.has(f.key) && f.kind === 'text' ? 'date' : f.kind);

/** A field's label and hint: by path without row numbers, then by key. */
export function labelOf(f: Field): { label: string; hint?: string } {
  const path = f.path.replace(/\[\]/g, '');
  const [label, hint] = UI_FIELDS[path] ?? UI_FIELDS[f.key] ?? [f.key];
  return { label, hint };
}

/**
 * A number as a staff member writes it (src/data/figures.ts reads it, as the importer does): 105423, 105,423, 92.3%,
 * full-width digits, and 10.5万 (the excerpt check then makes sure the source says so). Anything else stays text, for
 * the check to name.
 */
export function parseNumber(input: string): number | string {
  return readNumberField(input) ?? input.trim();
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The form's values for an entry (an empty entry for a new form). */
export function toForm(fields: Field[], entry: Record<string, unknown> | undefined, fresh = false): Values {
  const out: Values = {};
  const e = entry ?? {};
  for (const f of fields) {
    const v = e[f.key];
    switch (f.kind) {
      case 'object':
        out[f.key] = toForm(f.fields, v as Record<string, unknown> | undefined);
        break;
      case 'rows':
        out[f.key] = Array.isArray(v) ? v.map((row) => toForm(f.fields, row as Record<string, unknown>)) : [];
        break;
      case 'refs':
        out[f.key] = Array.isArray(v) ? v.map(String) : [];
        break;
      case 'lines':
        out[f.key] = Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '';
        break;
      case 'subject': {
        const s = (v ?? {}) as { type?: string; id?: string };
        out[f.key] = { type: s.type ?? '', id: s.id ?? '' };
        break;
      }
      default:
        out[f.key] = v === undefined || v === null ? (fresh && DATES.has(f.key) ? today() : '') : String(v);
    }
  }
  return out;
}

/** A new row's values: today's date as the day the source was checked. */
export const newRow = (fields: Field[]) => toForm(fields, undefined, true);

/** The entry the form's values describe: empty fields left out, so optional fields are absent from the file. */
export function toEntry(fields: Field[], values: Values | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const vs = values ?? {};
  for (const f of fields) {
    const v = vs[f.key];
    let value: unknown;
    switch (f.kind) {
      case 'object':
        value = toEntry(f.fields, v as Values);
        break;
      case 'rows':
        value = Array.isArray(v) && v.length ? v.map((row) => toEntry(f.fields, row as Values) ?? {}) : undefined;
        break;
      case 'refs':
        value = Array.isArray(v) && v.length ? v.filter(Boolean) : undefined;
        break;
      case 'lines': {
        const lines = String(v ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
        value = lines.length ? lines : undefined;
        break;
      }
      case 'subject': {
        const s = (v ?? {}) as { type?: string; id?: string };
        value = s.type || s.id ? { type: s.type || undefined, id: s.id || undefined } : undefined;
        break;
      }
      case 'boolean':
        value = v === 'true' ? true : v === 'false' ? false : undefined;
        break;
      case 'number': {
        const text = String(v ?? '').trim();
        value = text === '' ? undefined : parseNumber(text);
        break;
      }
      case 'numberOrText': {
        const text = String(v ?? '').trim();
        const n = parseNumber(text);
        value = text === '' ? undefined : typeof n === 'number' && /^[-\d０-９.,，．%％万亿\s]+$/.test(text) ? n : text;
        break;
      }
      default: {
        const text = String(v ?? '').replace(/\r\n/g, '\n');
        value = f.key === 'body' ? (text.trim() ? text : undefined) : text.trim() || undefined;
      }
    }
    if (value !== undefined) out[f.key] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A message as staff read it: the Chinese half of the schema's bilingual messages. */
export function chinese(message: string | undefined): string {
  const text = message ?? '';
  const at = text.indexOf(' / ');
  // Only an English half is cut: a Chinese name may hold " / " itself (医共体 / 医疗集团).
  return at >= 0 && !/[\u3400-\u9fff]/.test(text.slice(at + 3)) ? text.slice(0, at) : text;
}

/** Zod's own messages in Chinese, for the cases the schemas leave to zod. */
export const errorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined' || issue.received === 'null') return { message: E.required };
      if (issue.expected === 'number') return { message: E.number };
      return { message: E.required };
    case 'invalid_enum_value':
      return { message: E.choose };
    case 'too_small':
      if (issue.type === 'array') return { message: E.atLeast(Number(issue.minimum)) };
      if (issue.type === 'number') return { message: E.notBelow(Number(issue.minimum)) };
      return { message: E.required };
    case 'too_big':
      return { message: issue.type === 'string' ? E.tooLong(Number(issue.maximum)) : E.notAbove(Number(issue.maximum)) };
    case 'not_finite':
      return { message: E.tooBig };
    case 'invalid_union':
      return { message: E.union };
    case 'unrecognized_keys':
      return { message: E.unknownKeys };
    default:
      return { message: chinese(ctx.defaultError) };
  }
};

/** The value at a dotted path (`members.0.institution`). */
export function at(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), values);
}

/**
 * A history entry as staff read it: the editor's own commits begin in Chinese (“修改地区“孟津县””) under the staff
 * member's name; the developers' commits are in English (a Chinese word or two inside) under their tools' names, so
 * they read 网站维护人员的修改, with the English under 技术细节.
 */
export function historyMessage(message: string, author = ''): { text: string; by: string; tech?: string } {
  const first = message.trim().match(/^[^\s\p{P}\p{S}\d]/u)?.[0] ?? '';
  return /[\u3400-\u9fff]/.test(first) ? { text: message, by: author } : { text: UI.historyByMaintainers, by: UI.maintainers, tech: `${author}\n${message}` };
}

/**
 * What a typed number means for the figure's indicator, where the number alone cannot say: 92.3% for an indicator
 * counted in 个 would be saved as 92.3 个; 10.5万 for one counted in 万人次 as 105000 万人次. Undefined when it fits.
 */
export function unitProblem(text: unknown, unit: string | undefined): string | undefined {
  const typed = String(text ?? '').trim();
  if (!typed || unit === undefined || typeof parseNumber(typed) !== 'number') return undefined;
  if (/[%％]/.test(typed) && unit !== '%') return E.percentNotUnit(unit);
  if (/[万亿]/.test(typed) && /^[万亿]/.test(unit)) return E.unitHasWan(unit);
  return undefined;
}

/**
 * What a staff member changed in a form, by field, for when a colleague saved the entry first: each top-level field
 * whose value differs from what was opened, with the new value as plain text (lists one item a line); a list of rows
 * or a group of fields only says it changed.
 */
export function changedFields(fields: Field[], opened: Values | undefined, now: Values | undefined): { label: string; value?: string }[] {
  const before = toEntry(fields, opened) ?? {};
  const after = toEntry(fields, now) ?? {};
  const out: { label: string; value?: string }[] = [];
  for (const f of fields) {
    const [a, b] = [before[f.key], after[f.key]];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const plain = b === undefined ? '' : Array.isArray(b) && b.every((x) => typeof x !== 'object') ? b.join('\n') : typeof b === 'object' ? undefined : String(b);
    out.push({ label: labelOf(f).label, value: plain });
  }
  return out;
}

/** The Chinese name of one option of a choice (or of a list of fixed choices). */
export function choiceLabel(f: Field, option: string): string {
  const path = f.path.replace(/\[\]/g, '');
  // A region's kind shares words with a group's (county): its own labels when the options are a region's.
  if (f.kind === 'choice' && f.options.includes('province')) return UI_CHOICES.regionKind[option] ?? option;
  return UI_CHOICES[path]?.[option] ?? UI_CHOICES[f.key]?.[option] ?? CHOICE_LABELS[option] ?? option;
}
