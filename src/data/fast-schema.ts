/**
 * A fast path for zod schemas on the common case of a valid entry. zod 3 spends most of check's time building parse
 * contexts for entries that are fine; at national size (826,000 entries) that alone took longer than the goal of
 * 10 s for all of check. `fastParser(schema)` reads the schema's own definition (the schema stays the single source of
 * truth) and returns a function giving exactly what `schema.safeParse` would give for a valid value (same keys, same
 * order, defaults applied), or FAIL. FAIL is never a verdict: the caller then runs zod itself, which decides and words
 * the problem. So only one direction must hold: whatever the fast path accepts, zod accepts with the same result. Any
 * part of a schema this file does not know (transforms, unions, coercion, unusual checks) is handed to zod's own
 * `safeParse` for that part.
 */
import type { z } from 'astro/zod';

/** Returned when the fast path cannot vouch for a value; the caller asks zod. */
export const FAIL: unique symbol = Symbol('fast-schema: ask zod');

type Parse = (value: unknown) => unknown;

interface Def {
  typeName: string;
  [key: string]: unknown;
}

/** A value zod reads as an object: JSON and YAML give plain objects; anything else goes to zod. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** zod's own parse of one part of a schema, for the kinds this file does not handle itself. */
function byZod(schema: z.ZodTypeAny): Parse {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : FAIL;
  };
}

/** A context for refinements and preprocessors that only notes whether an issue was raised. */
function issueCatcher() {
  const ctx = {
    raised: false,
    path: [] as (string | number)[],
    addIssue() {
      ctx.raised = true;
    },
  };
  return ctx;
}

function compileString(schema: z.ZodTypeAny, def: Def): Parse {
  if (def.coerce) return byZod(schema);
  const checks = def.checks as { kind: string; value?: number; regex?: RegExp }[];
  const tests: ((s: string) => boolean)[] = [];
  for (const check of checks) {
    const { kind, value, regex } = check;
    if (kind === 'min') tests.push((s) => s.length >= value!);
    else if (kind === 'max') tests.push((s) => s.length <= value!);
    else if (kind === 'length') tests.push((s) => s.length === value!);
    else if (kind === 'regex')
      tests.push((s) => {
        regex!.lastIndex = 0;
        return regex!.test(s);
      });
    else return byZod(schema);
  }
  return (value) => {
    if (typeof value !== 'string') return FAIL;
    for (let i = 0; i < tests.length; i++) if (!tests[i](value)) return FAIL;
    return value;
  };
}

function compileNumber(schema: z.ZodTypeAny, def: Def): Parse {
  if (def.coerce) return byZod(schema);
  const checks = def.checks as { kind: string; value?: number; inclusive?: boolean }[];
  const tests: ((n: number) => boolean)[] = [];
  for (const { kind, value, inclusive } of checks) {
    if (kind === 'int') tests.push((n) => Number.isInteger(n));
    else if (kind === 'finite') tests.push((n) => Number.isFinite(n));
    else if (kind === 'min') tests.push(inclusive ? (n) => n >= value! : (n) => n > value!);
    else if (kind === 'max') tests.push(inclusive ? (n) => n <= value! : (n) => n < value!);
    else return byZod(schema);
  }
  return (value) => {
    if (typeof value !== 'number' || Number.isNaN(value)) return FAIL;
    for (let i = 0; i < tests.length; i++) if (!tests[i](value)) return FAIL;
    return value;
  };
}

function compileObject(schema: z.ZodTypeAny, def: Def): Parse {
  const unknownKeys = def.unknownKeys as string;
  if ((def.catchall as { _def: Def })._def.typeName !== 'ZodNever' || !['strict', 'strip', 'passthrough'].includes(unknownKeys)) return byZod(schema);
  const shape = (def.shape as () => Record<string, z.ZodTypeAny>)();
  const keys = Object.keys(shape);
  const known = new Set(keys);
  const parts = keys.map((key) => compile(shape[key]));
  return (value) => {
    if (!isPlainObject(value)) return FAIL;
    if (unknownKeys === 'strict') for (const key in value) if (!known.has(key)) return FAIL;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const parsed = parts[i](value[key]);
      if (parsed === FAIL) return FAIL;
      // As zod: a key is kept when it has a value or was written; zod never sets __proto__.
      if (key !== '__proto__' && (parsed !== undefined || key in value)) out[key] = parsed;
    }
    if (unknownKeys === 'passthrough') for (const key in value) if (!known.has(key) && key !== '__proto__') out[key] = value[key];
    return out;
  };
}

function compileArray(def: Def): Parse {
  const item = compile(def.type as z.ZodTypeAny);
  const exact = (def.exactLength as { value: number } | null)?.value;
  const min = (def.minLength as { value: number } | null)?.value;
  const max = (def.maxLength as { value: number } | null)?.value;
  return (value) => {
    if (!Array.isArray(value)) return FAIL;
    const n = value.length;
    if ((exact !== undefined && n !== exact) || (min !== undefined && n < min) || (max !== undefined && n > max)) return FAIL;
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const parsed = item(value[i]);
      if (parsed === FAIL) return FAIL;
      out[i] = parsed;
    }
    return out;
  };
}

function compileEffects(schema: z.ZodTypeAny, def: Def): Parse {
  const effect = def.effect as { type: string; refinement?: (v: unknown, ctx: unknown) => unknown; transform?: (v: unknown, ctx: unknown) => unknown };
  const inner = compile(def.schema as z.ZodTypeAny);
  if (effect.type === 'refinement') {
    return (value) => {
      const parsed = inner(value);
      if (parsed === FAIL) return FAIL;
      const ctx = issueCatcher();
      const result = effect.refinement!(parsed, ctx);
      return ctx.raised || result instanceof Promise ? FAIL : parsed;
    };
  }
  if (effect.type === 'preprocess') {
    return (value) => {
      const ctx = issueCatcher();
      const processed = effect.transform!(value, ctx);
      return ctx.raised || processed instanceof Promise ? FAIL : inner(processed);
    };
  }
  return byZod(schema);
}

const compiled = new WeakMap<z.ZodTypeAny, Parse>();

/** The fast parse of one schema (built once per schema object): its result, or FAIL. */
export function compile(schema: z.ZodTypeAny): Parse {
  const cached = compiled.get(schema);
  if (cached) return cached;
  // Parts refer to each other only through the schema tree, which has no cycles without z.lazy (handed to zod).
  const parse = build(schema);
  compiled.set(schema, parse);
  return parse;
}

function build(schema: z.ZodTypeAny): Parse {
  const def = schema._def as Def;
  switch (def.typeName) {
    case 'ZodString':
      return compileString(schema, def);
    case 'ZodNumber':
      return compileNumber(schema, def);
    case 'ZodBoolean':
      return def.coerce ? byZod(schema) : (value) => (typeof value === 'boolean' ? value : FAIL);
    case 'ZodEnum': {
      const values = new Set(def.values as string[]);
      return (value) => (typeof value === 'string' && values.has(value) ? value : FAIL);
    }
    case 'ZodLiteral': {
      const literal = def.value;
      return (value) => (value === literal ? value : FAIL);
    }
    case 'ZodObject':
      return compileObject(schema, def);
    case 'ZodArray':
      return compileArray(def);
    case 'ZodOptional': {
      const inner = compile(def.innerType as z.ZodTypeAny);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'ZodNullable': {
      const inner = compile(def.innerType as z.ZodTypeAny);
      return (value) => (value === null ? null : inner(value));
    }
    case 'ZodDefault': {
      const inner = compile(def.innerType as z.ZodTypeAny);
      const defaultValue = def.defaultValue as () => unknown;
      return (value) => inner(value === undefined ? defaultValue() : value);
    }
    case 'ZodEffects':
      return compileEffects(schema, def);
    default:
      return byZod(schema);
  }
}

/** `schema.safeParse`, taking the fast path for a valid value and zod's own for everything else. */
export function fastParser<T>(schema: z.ZodType<T>): (value: unknown) => z.SafeParseReturnType<unknown, T> {
  const fast = compile(schema as unknown as z.ZodTypeAny);
  return (value) => {
    const parsed = fast(value);
    return parsed === FAIL ? schema.safeParse(value) : { success: true, data: parsed as T };
  };
}
