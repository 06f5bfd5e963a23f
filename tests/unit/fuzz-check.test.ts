/**
 * Fuzzing check with hostile values (fast-check): real entries and MDX files of this project, each mutated with
 * generated values (invisible and bidi characters, markup and code, paths out of the site, absurd numbers and dates,
 * deep nesting, YAML tags and aliases, bytes that are not UTF-8). Check must either refuse the change naming the file,
 * or accept it and then be inert: the data indexes and serialises, the MDX compiles to a module that imports nothing
 * and evaluates no expression. Never a crash, never a hang. Bounded runs; the seed is printed (FUZZ_SEED=<n> replays).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSync } from '@mdx-js/mdx';
import { readSourceFiles } from '../../src/data/read-sources';
import { decodeSource, validateDataset, validateMdx, type SourceFiles } from '../../src/data/validate';
import { indexDataset } from '../../src/data/dataset';
import { MDX_REMARK_PLUGINS, remarkMdxPolicy } from '../../src/data/mdx-policy';
import { INVISIBLE } from '../../src/schemas/common';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run tests/unit/fuzz-check.test.ts)`);

const files = readSourceFiles(process.cwd());
/** The MDX files validated once: the data fuzz changes only data files. */
const mdxOnce = validateMdx(files.mdx);
/** Longest a single validation may take before it counts as a hang. */
const BUDGET_MS = 4000;

/** Pieces hostile to a text: each has broken a reader of text somewhere. */
const HOSTILE_PIECES = [
  '\u202E', '\u2066', '\u200B', '\u3164', '\u00AD', '\u2063', '\u034F', '\u{E0041}', '\uFEFF', '\u0000', '\u001B[31m', '\r', '\n',
  '<script>alert(1)</script>', '{alert(1)}', '{...x}', 'import x from "y"', 'export const a = 1', '<img src=x onerror=alert(1)>',
  'javascript:alert(1)', 'data:text/html,x', '../../etc/passwd', '..\\..\\x', '%2e%2e%2f', '/images/../../x.mjs', '\\public\\x.mjs',
  '![x](../../public/images/chart.mjs)', '[c]: ./x.mjs', '<Note title={x}>', '<Note {...p}>', '&#x6A;avascript:', '<!-- x -->',
  '"', "'", '\\', '${x}', '__proto__', 'constructor', '=cmd|\' /C calc\'!A0', '1e309', 'NaN', '-0', '2024-02-30', '2999-01-01',
  '2024-02-30T10:00:00Z', '老百姓', '千方百计', '一体化', '百', '亿', '9'.repeat(400), '> '.repeat(60), '- '.repeat(60), '*a '.repeat(700),
  '𠀀', '👨‍⚕️', 'ｊａｖａｓｃｒｉｐｔ', '\u0301\u0301\u0301', 'x'.repeat(300),
];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_PIECES),
  fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.tuple(fc.constantFrom('资中县', '医共体', '远程影像诊断'), fc.constantFrom(...HOSTILE_PIECES)).map(([a, b]) => a + b),
);

/** A JSON value to put in a field: text, numbers at the edges, wrong types, deep nesting. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(0, -1, 1e308, -1e308, 0.1 + 0.2, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 1e-320),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(null, true, false, [], {}),
  fc.integer({ min: 1, max: 3000 }).map((depth) => {
    let v: unknown = 'x';
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
  fc.dictionary(hostileText, fc.oneof(hostileText, fc.integer()), { maxKeys: 3 }),
);

/** Every path to a value in an entry (for choosing what to overwrite). */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object' && prefix.length < 6) {
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k;
      out.push([...prefix, key]);
      pathsOf(v, [...prefix, key], out);
    }
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown) {
  let at = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  if (value === undefined) delete at[path[path.length - 1]];
  else at[path[path.length - 1]] = value;
}

/** Characters that hide or reorder text (validation's own list). */
const HIDING = new RegExp(`[${INVISIBLE}]`, 'u');

const KNOWN_FILES = new Set([...Object.values(files.data), ...Object.values(files.mdx)].flatMap((list) => list.map((f) => f.path)));

const dataFiles = Object.entries(files.data).flatMap(([collection, list]) => list.map((file) => ({ collection, file })));

/** A real data file with one field of one entry overwritten (or removed, or a key added), sometimes its text cut or its bytes spoiled. */
const mutatedDataFile = fc
  .record({
    which: fc.nat(dataFiles.length - 1),
    entry: fc.nat(),
    pathChoice: fc.nat(),
    value: hostileValue,
    how: fc.constantFrom('set', 'set', 'set', 'delete', 'add-key', 'truncate', 'bad-bytes', 'duplicate-key'),
  })
  .map(({ which, entry, pathChoice, value, how }) => {
    const { collection, file } = dataFiles[which];
    const entries = JSON.parse(file.text) as unknown[];
    const target = entries[entry % entries.length];
    const paths = pathsOf(target);
    const path = [entry % entries.length, ...paths[pathChoice % paths.length]];
    let text: string;
    if (how === 'truncate') text = file.text.slice(0, pathChoice % file.text.length);
    else if (how === 'duplicate-key') text = file.text.replace('"id":', `"id": ${JSON.stringify(JSON.stringify(value) ?? 'x')}, "id":`);
    else {
      if (how === 'add-key') setAt(entries, [entry % entries.length, typeof value === 'string' ? value || 'k' : 'extra'], value);
      else setAt(entries, path, how === 'delete' ? undefined : value);
      text = JSON.stringify(entries, null, 2);
    }
    const bytes = Buffer.from(text, 'utf8');
    if (how === 'bad-bytes') bytes[pathChoice % bytes.length] = 0xff;
    return { collection, path: file.path, bytes, how, [fc.toStringMethod]: () => `${file.path} (${how} at ${JSON.stringify(path)}: ${String(fc.stringify(value)).slice(0, 200)})` };
  });

/** What check says about the project with one file replaced. */
function checkWith(collection: string, path: string, bytes: Uint8Array) {
  const replaced = decodeSource(path, bytes);
  const data = { ...files.data, [collection]: (files.data[collection as keyof SourceFiles['data']] ?? []).map((f) => (f.path === path ? replaced : f)) } as SourceFiles['data'];
  const started = performance.now();
  const result = validateDataset({ ...files, data }, { mdx: () => mdxOnce });
  return { ...result, ms: performance.now() - started };
}

describe(`fuzz: hostile values in real files (seed ${SEED})`, () => {
  it('data files: refused naming the file, or accepted and indexable; never a crash or a hang', () => {
    fc.assert(
      fc.property(mutatedDataFile, ({ collection, path, bytes }) => {
        const { problems, entries: dataset, ms } = checkWith(collection, path, bytes);
        if (process.env.FUZZ_VERBOSE) console.log(Math.round(ms), 'ms', problems.length, problems[0]?.en.slice(0, 80));
        expect(ms).toBeLessThan(BUDGET_MS);
        for (const p of problems) {
          expect(typeof p.file).toBe('string');
          expect(p.zh.length).toBeGreaterThan(0);
          expect(p.en.length).toBeGreaterThan(0);
        }
        // Every problem names a file of the project: the one changed, or one whose references it broke.
        for (const p of problems) expect(KNOWN_FILES.has(p.file)).toBe(true);
        if (!problems.length) {
          indexDataset(dataset, { origins: new Map(), fileDates: new Map() });
          // Inert: no accepted text carries a character that hides or reorders what a reader sees.
          const texts: string[] = [];
          JSON.stringify(dataset, (_key, value) => (typeof value === 'string' && texts.push(value), value));
          expect(texts.filter((t) => HIDING.test(t))).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 30 },
    );
  }, 120_000);

  const mdxFiles = Object.entries(files.mdx).flatMap(([collection, list]) => list.map((file) => ({ collection, file })));
  const FRONTMATTER_VALUES = [
    '!!js/function "function () { return 1 }"', '!!js/undefined ""', '!!binary aGVsbG8=', '&a [*a]', '*nope', '2024-02-30', '2024-02-30T10:00:00Z',
    '2024-13-01', '2999-01-01', '"\u202E反向"', '"\u3164"', '[', '{a: 1', '"x"\n"y"', '|\n  多行', '1e309', 'null', '~', '[]', '{}', 'yes',
    `"${'长'.repeat(300)}"`, '!!set {a, b}', '<<: {a: 1}',
  ];
  const mutatedMdx = fc
    .record({
      which: fc.nat(mdxFiles.length - 1),
      where: fc.constantFrom('body', 'body', 'frontmatter', 'new-field', 'duplicate-field'),
      line: fc.nat(),
      text: hostileText,
      yamlValue: fc.oneof(fc.constantFrom(...FRONTMATTER_VALUES), hostileText.map((t) => JSON.stringify(t))),
    })
    .map(({ which, where, line, text, yamlValue }) => {
      const { collection, file } = mdxFiles[which];
      const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.text)!;
      const yamlLines = yaml.split('\n');
      const bodyLines = body.split('\n');
      if (where === 'body') bodyLines.splice(line % (bodyLines.length + 1), 0, text);
      else if (where === 'frontmatter') {
        const i = line % yamlLines.length;
        const key = /^([A-Za-z]+):/.exec(yamlLines[i])?.[1];
        if (key) yamlLines[i] = `${key}: ${yamlValue}`;
      } else if (where === 'new-field') yamlLines.push(`extra: ${yamlValue}`);
      else yamlLines.push(yamlLines[line % yamlLines.length]);
      const mutation = where === 'body' ? JSON.stringify(text) : JSON.stringify(yamlValue);
      return {
        collection,
        path: file.path,
        text: `---\n${yamlLines.join('\n')}\n---\n${bodyLines.join('\n')}`,
        [fc.toStringMethod]: () => `${file.path} (${where} ← ${mutation.slice(0, 200)})`,
      };
    });

  it('MDX files: refused naming the file, or accepted and compiled to inert content; never a crash or a hang', () => {
    fc.assert(
      fc.property(mutatedMdx, ({ collection, path, text }) => {
        const mdx = { documents: [], updates: [], [collection]: [decodeSource(path, Buffer.from(text))] } as unknown as SourceFiles['mdx'];
        const started = performance.now();
        const result = validateMdx(mdx);
        expect(performance.now() - started).toBeLessThan(BUDGET_MS);
        for (const p of result.problems) expect(p.file).toBe(path);
        if (result.problems.length) return;
        const entry = [...result.documents, ...result.updates][0].value;
        // The build's compile of the accepted body: the policy plugin runs, nothing is imported or evaluated.
        const code = String(compileSync(entry.body, { remarkPlugins: [...MDX_REMARK_PLUGINS, remarkMdxPolicy] }));
        const imports = [...code.matchAll(/^import .* from "([^"]+)"/gm)].map((m) => m[1]);
        expect(imports.every((source) => source === 'react/jsx-runtime')).toBe(true);
        expect(code).not.toMatch(/\bimport\(|\beval\(|new Function/);
      }),
      { seed: SEED, numRuns: 30 },
    );
  }, 120_000);
});
