/**
 * The editor's form fields, derived from the zod schemas in src/schemas/ so that a field added to a schema appears in
 * the form without a second description of it. Only how a field is *shown* is decided here: which collection a
 * reference picks from, which text is a paragraph, which text is a date.
 */
import type { z } from 'astro/zod';
import { dataCollections, mdxCollections, type DataCollection, type MdxCollection } from '../schemas';

export type Collection = DataCollection | MdxCollection;
/** Collections an entry can point at by id. */
export type RefTarget = 'regions' | 'institutions' | 'groups' | 'indicators' | 'documents' | 'observations' | 'references' | 'glossary';

interface Base {
  /** The field's key in its object (`document`), for labels. */
  key: string;
  /** Path from the entry (`source.document`, `members[].institution`), for reference rules and labels. */
  path: string;
  required: boolean;
  /** Required once its optional parent is filled in (an address's source): neither 必填 nor 可不填 on the form. */
  requiredWithParent?: boolean;
}
export type Field = Base &
  (
    | { kind: 'text' | 'paragraph' | 'date' | 'number' | 'numberOrText' | 'boolean' }
    | { kind: 'choice'; options: string[] }
    | { kind: 'ref'; target: RefTarget }
    | { kind: 'refs'; target: RefTarget }
    | { kind: 'lines'; /** A list of fixed choices (an array of an enum): picked, not typed. */ options?: string[] }
    | { kind: 'subject' }
    | { kind: 'object'; fields: Field[] }
    | { kind: 'rows'; fields: Field[] }
  );

/** Texts written as paragraphs (the schema's `prose`); every other text is one line. */
const PARAGRAPHS = new Set(['summary', 'note', 'nameNote', 'why', 'text', 'whoToAsk', 'excerpt', 'dateNote', 'curationNote', 'definition']);
const DATES = new Set(['date', 'established', 'published']);

/** Which collection an id field picks from, by its path (array items end in `[]`). */
function refTarget(path: string): RefTarget | undefined {
  const last = path.split('.').pop()!;
  if (['region', 'parent', 'coveredRegions[]', 'regions[]'].includes(last)) return 'regions';
  if (['lead', 'belongsTo', 'institution'].includes(last)) return 'institutions';
  if (last === 'groups[]') return 'groups';
  if (last === 'indicator') return 'indicators';
  if (last === 'document') return 'documents';
  if (last === 'observation') return 'observations';
  if (last === 'reference') return 'references';
  if (last === 'related[]') return 'glossary';
  return undefined;
}

type AnyZod = z.ZodTypeAny & { _def: { typeName: string; [k: string]: unknown } };

/** The schema under optional/default/preprocess wrappers, and whether the wrappers make it optional. */
function unwrap(schema: AnyZod): { inner: AnyZod; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    const t = inner._def.typeName;
    if (t === 'ZodOptional' || t === 'ZodDefault') {
      optional = true;
      inner = inner._def.innerType as AnyZod;
    } else if (t === 'ZodEffects') inner = inner._def.schema as AnyZod;
    else return { inner, optional };
  }
}

function fieldOf(key: string, path: string, schema: AnyZod, withinOptional = false): Field {
  const { inner, optional } = unwrap(schema);
  // A field of an optional object (a figure's `across`) is required only once the object is filled in: check says so
  // then, and the browser must not refuse a form that leaves the whole object out.
  const base = { key, path, required: !optional && !withinOptional, ...(withinOptional && !optional ? { requiredWithParent: true } : {}) };
  const t = inner._def.typeName;
  if (path === 'subject') return { ...base, kind: 'subject' };
  if (t === 'ZodObject') return { ...base, kind: 'object', fields: fieldsOf(inner as unknown as z.AnyZodObject, `${path}.`, optional || withinOptional) };
  if (t === 'ZodEnum') return { ...base, kind: 'choice', options: [...(inner as unknown as z.ZodEnum<[string, ...string[]]>).options] };
  if (t === 'ZodNumber') return { ...base, kind: 'number' };
  if (t === 'ZodBoolean') return { ...base, kind: 'boolean' };
  if (t === 'ZodUnion') return { ...base, kind: DATES.has(key) ? 'date' : 'numberOrText' };
  if (t === 'ZodArray') {
    const item = unwrap(inner._def.type as AnyZod).inner;
    if (item._def.typeName === 'ZodObject') return { ...base, kind: 'rows', fields: fieldsOf(item as unknown as z.AnyZodObject, `${path}[].`) };
    const target = refTarget(`${path}[]`);
    if (target) return { ...base, kind: 'refs', target };
    return item._def.typeName === 'ZodEnum' ? { ...base, kind: 'lines', options: [...(item as unknown as z.ZodEnum<[string, ...string[]]>).options] } : { ...base, kind: 'lines' };
  }
  const target = refTarget(path);
  if (target) return { ...base, kind: 'ref', target };
  if (DATES.has(key)) return { ...base, kind: 'date' };
  return { ...base, kind: PARAGRAPHS.has(key) ? 'paragraph' : 'text' };
}

function fieldsOf(schema: z.AnyZodObject, prefix = '', withinOptional = false): Field[] {
  return Object.entries(schema.shape as Record<string, AnyZod>).map(([key, s]) => fieldOf(key, `${prefix}${key}`, s, withinOptional));
}

export const isMdx = (c: string): c is MdxCollection => Object.hasOwn(mdxCollections, c);
export const isCollection = (c: string): c is Collection => Object.hasOwn(dataCollections, c) || isMdx(c);

/**
 * The form of a collection. MDX entries get their id (the file name) first and the body last, around the frontmatter.
 */
export function formFields(collection: Collection): Field[] {
  if (isMdx(collection)) {
    return [
      { key: 'id', path: 'id', required: true, kind: 'text' },
      ...fieldsOf(mdxCollections[collection] as unknown as z.AnyZodObject),
      { key: 'body', path: 'body', required: true, kind: 'paragraph' },
    ];
  }
  return fieldsOf(dataCollections[collection] as unknown as z.AnyZodObject);
}
