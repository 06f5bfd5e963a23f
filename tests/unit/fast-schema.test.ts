/**
 * Check's fast path for valid entries (src/data/fast-schema.ts) must never accept what zod rejects, and must give
 * exactly zod's result (same keys in the same order, defaults filled in). Tried on every entry of the real data and on
 * variants of each: every field removed, replaced by a value of another kind, blank, invisible or non-finite, and an
 * unknown field added.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { compile, FAIL } from '../../src/data/fast-schema';
import { readSourceFiles } from '../../src/data/read-sources';
import { dataCollections, mdxCollections } from '../../src/schemas';

const files = readSourceFiles(process.cwd());
const src = { document: 'doc-a', section: '一、', excerpt: '共 12 家' };
const contacts = {
  phones: [{ number: '0379-67912345', purpose: '转诊咨询', source: src, checked: '2024-08-20' }],
  address: { text: '某县城关镇一号', source: src, checked: '2024-08-20' },
  online: [
    { label: '微信公众号', account: '某县人民医院', source: src, checked: '2024-08-01' },
    { label: '官方网站', url: 'https://hosp.example.cn/', source: src, checked: '2024-08-01' },
  ],
};

/** Real entries of each collection, plus what the real data has none of yet: contacts, and corrections. */
function samples(): [string, z.ZodTypeAny, unknown[]][] {
  const data = Object.entries(dataCollections).map(([name, schema]): [string, z.ZodTypeAny, unknown[]] => [
    name,
    schema,
    (files.data[name as keyof typeof dataCollections] ?? []).flatMap((f) => JSON.parse(f.text) as unknown[]),
  ]);
  const [institutions] = data.filter(([name]) => name === 'institutions');
  institutions[2] = [...institutions[2], { ...(institutions[2][0] as object), id: 'with-contacts', contacts }];
  const [corrections] = data.filter(([name]) => name === 'corrections');
  corrections[2] = [
    ...corrections[2],
    { id: 'fix-1', observation: 'obs-a', date: '2024-08-13', old: 12, new: 13, why: '原文是 13。', who: '编辑部' },
    { id: 'fix-2', observation: 'obs-a', date: '2024-08-13', field: 'period', old: '2023', new: '2024', why: '原文是 2024 年。', who: '编辑部' },
  ];
  const mdx = Object.entries(mdxCollections).map(([name, schema]): [string, z.ZodTypeAny, unknown[]] => [
    name,
    schema,
    files.mdx[name as keyof typeof mdxCollections].map((f) => parseYaml(f.text.split(/^---$/m)[1])),
  ]);
  return [...data, ...mdx];
}

const clone = <T>(v: T): T => structuredClone(v);
const REPLACEMENTS: unknown[] = [undefined, null, 0, -1, 1.5, Infinity, NaN, '', '  ', '\u200b', 'x\u202ey', 'Abc_1', true, [], {}, ['a'], '2024-02-30'];

/** Every variant of an entry with one field changed (removed, or replaced by something of another kind), or one field added. */
function* variants(entry: unknown): Generator<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (path.length) paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(entry, []);
  for (const [n, path] of paths.entries()) {
    // Removal for every field; the other replacements in turn over the fields, so that every kind meets every collection.
    for (const replacement of [undefined, ...[0, 1, 2, 3, 4].map((k) => REPLACEMENTS[1 + ((n * 5 + k) % (REPLACEMENTS.length - 1))])]) {
      const copy = clone(entry) as Record<string | number, unknown>;
      let at = copy;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      const last = path[path.length - 1];
      if (replacement === undefined && !Array.isArray(at)) delete at[last];
      else at[last] = replacement;
      yield copy;
    }
    const copy = clone(entry) as Record<string, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    if (at && typeof at === 'object' && !Array.isArray(at)) {
      at.unknownField = 'x';
      yield copy;
    }
  }
}

/** Same result as zod, down to the order of keys (downloads and the build's handoff write keys in this order). */
function expectSameAsZod(schema: z.ZodTypeAny, value: unknown): 'fast' | 'zod' {
  const fast = compile(schema)(clone(value));
  const slow = schema.safeParse(clone(value));
  if (fast === FAIL) return 'zod';
  expect(slow.success, `fast path accepted what zod rejects: ${JSON.stringify(value)}`).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
  expect(fast).toEqual(slow.data);
  return 'fast';
}

describe('fast path of the schemas', () => {
  for (const [name, schema, entries] of samples()) {
    it(`gives zod's result for every valid ${name} entry, and takes the fast path for them`, () => {
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect(expectSameAsZod(schema, entry)).toBe('fast');
    });

    it(`never accepts a ${name} entry zod rejects, over variants of every field`, () => {
      let rejected = 0;
      for (const entry of entries.slice(0, 4))
        for (const variant of variants(entry)) {
          expectSameAsZod(schema, variant);
          if (!schema.safeParse(variant).success) rejected++;
        }
      expect(rejected).toBeGreaterThan(0);
    });
  }
});
