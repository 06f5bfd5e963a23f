/**
 * Validation of every data and content file, as plain functions over file texts so that the checker,
 * the build and the tests share one implementation. Problems are collected, never thrown one at a time.
 */
import { parse as parseYaml } from 'yaml';
import { mdxViolations } from './mdx-policy';
import type { z } from 'astro/zod';
import { dataCollections, mdxCollections, type DataCollection, type MdxCollection } from '../schemas';
import type { Region, Institution, Group, Indicator, Observation, DocumentMeta, UpdateMeta, SourceRef, Correction } from '../schemas';
import { excerptContainsValue } from './figures';

/** A file as read from disk: its path relative to the project root, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** How to fix a problem, in Chinese and in English. */
export interface Hint {
  zh: string;
  en: string;
}

/** One thing wrong, with enough context for an editor to find and fix it. */
export interface Problem {
  file: string;
  line?: number;
  entry?: string;
  field?: string;
  /** What is wrong, in Chinese. */
  zh: string;
  /** The same in English. */
  en: string;
  /** How to fix it, when there is more to say than the message itself. */
  hint?: Hint;
}

export interface MdxEntry<T> {
  id: string;
  data: T;
  body: string;
  file: string;
}

export interface Entries {
  regions: Region[];
  institutions: Institution[];
  groups: Group[];
  indicators: Indicator[];
  observations: Observation[];
  documents: MdxEntry<DocumentMeta>[];
  updates: MdxEntry<UpdateMeta>[];
  corrections: Correction[];
}

export interface SourceFiles {
  data: Record<DataCollection, SourceFile[]>;
  mdx: Record<MdxCollection, SourceFile[]>;
}

/** Line number (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Line numbers (1-based) of many offsets in one text, without rescanning it for each. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Offset where the `nth` (0-based) entry with this id is written in a JSON array file. */
function offsetOfId(text: string, id: unknown, nth = 0): number | undefined {
  if (typeof id !== 'string') return undefined;
  const matches = [...text.matchAll(new RegExp(`"id"\\s*:\\s*"${escapeRegExp(id)}"`, 'g'))];
  return (matches[nth] ?? matches[0])?.index;
}

/** Line of a field inside one entry's stretch of text, when its key appears there exactly once. */
function lineOfField(text: string, from: number | undefined, to: number | undefined, path: (string | number)[]): number | undefined {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (from === undefined || !key) return undefined;
  const stretch = text.slice(from, to);
  const found = [...stretch.matchAll(new RegExp(`"${escapeRegExp(key)}"\\s*:`, 'g'))];
  return found.length === 1 ? lineAt(text, from + found[0].index!) : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是/否（true/false）',
  array: '列表 [...]',
  object: '对象 {...}',
  undefined: '空（缺少）',
  null: 'null',
  nan: 'NaN',
};

/** How to write a value of each type, for "expected X, received Y". */
const TYPE_HINTS: Record<string, Hint> = {
  number: {
    zh: '写成不带引号的阿拉伯数字，例如 "value": 105423。不要加引号、千位逗号、单位或“约”“万”：63.9万 写成 639000，87.49% 写成 87.49，“约”“以上”写进 qualifier。',
    en: 'Write a plain number without quotes, e.g. "value": 105423: no quotes, thousands commas, units or 约/万 (63.9万 is 639000, 87.49% is 87.49; put 约/以上 in qualifier).',
  },
  string: { zh: '写成带双引号的文字，例如 "name": "某镇卫生院"。', en: 'Write text in double quotes, e.g. "name": "某镇卫生院".' },
  array: { zh: '写成方括号里的列表，只有一项也要加方括号，例如 ["zizhong"]。', en: 'Write a list in square brackets, even for one item, e.g. ["zizhong"].' },
  object: { zh: '写成花括号里的对象，例如 {"type": "group", "id": "zizhong-people-hospital-group"}。', en: 'Write an object in curly braces, e.g. {"type": "group", "id": "…"}.' },
  boolean: { zh: '写 true 或 false，不加引号。', en: 'Write true or false, without quotes.' },
};

/** Hints for the schemas' own messages (dates, periods, ids), found by the message they give. */
const MESSAGE_HINTS: [RegExp, Hint][] = [
  [
    /日期/,
    {
      zh: '写成“年-月-日”，月和日都用两位数，例如 2024-08-13；月份在 01–12 之间，日期要真实存在（没有 2 月 30 日）。',
      en: 'Write year-month-day with two-digit month and day, e.g. 2024-08-13; the month is 01–12 and the day must exist.',
    },
  ],
  [
    /时期/,
    {
      zh: '例如 2024（全年）、2024-H1（上半年）、2024-Q3（第三季度）、2024-08（某月）、2019-11/2024-08（一段时间）；累计数没有起点时写 ../2024-08。',
      en: 'E.g. 2024 (year), 2024-H1 (half), 2024-Q3 (quarter), 2024-08 (month), 2019-11/2024-08 (a span); ../2024-08 for a running total with no start.',
    },
  ],
  [
    /小写字母/,
    {
      zh: '只用小写英文字母、数字和连字符，以地区开头，例如 zizhong-people-hospital；不要用中文、空格、下划线或大写字母。',
      en: 'Use only lowercase letters, digits and hyphens, starting with the region, e.g. zizhong-people-hospital: no Chinese, spaces, underscores or capitals.',
    },
  ],
];

const SCHEMA_HINT: Hint = {
  zh: '每个字段的写法见 src/schemas/ 中该字段上方的说明，或 docs/编辑指南.md 中的示例。',
  en: 'Each field is explained above it in src/schemas/; docs/编辑指南.md has worked examples.',
};

/** A zod issue in words an editor understands, Chinese then English, with how to fix it. */
function describeIssue(issue: z.ZodIssue): { zh: string; en: string; hint: Hint } {
  const key = [...issue.path].reverse().find((p) => typeof p === 'string') ?? '';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined')
        return {
          zh: '缺少必填字段',
          en: 'required field is missing',
          hint: {
            zh: `补上“${key}”这一项。${SCHEMA_HINT.zh}`,
            en: `Add the "${key}" field. ${SCHEMA_HINT.en}`,
          },
        };
      return {
        zh: `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际是${TYPE_NAMES[issue.received] ?? issue.received}`,
        en: `expected ${issue.expected}, received ${issue.received}`,
        hint: TYPE_HINTS[issue.expected] ?? SCHEMA_HINT,
      };
    case 'invalid_enum_value':
      return {
        zh: `取值“${String(issue.received)}”无效，只能是：${issue.options.join('、')}`,
        en: `invalid value "${String(issue.received)}"; allowed: ${issue.options.join(', ')}`,
        hint: {
          zh: `从上面列出的取值中选一个，照原样抄写（英文小写，带双引号），例如 "${String(issue.options[0])}"。`,
          en: `Pick one of the values listed, spelled exactly as shown, e.g. "${String(issue.options[0])}".`,
        },
      };
    case 'unrecognized_keys':
      return {
        zh: `未知字段：${issue.keys.join('、')}（拼写错误？）`,
        en: `unknown field(s): ${issue.keys.join(', ')} (a typo?)`,
        hint: { zh: `改正字段名的拼写，或删除这个字段。${SCHEMA_HINT.zh}`, en: `Correct the field's spelling or remove it. ${SCHEMA_HINT.en}` },
      };
    case 'too_small':
      return issue.type === 'array'
        ? {
            zh: `至少需要 ${issue.minimum} 项`,
            en: `needs at least ${issue.minimum} item(s)`,
            hint: { zh: '在方括号里至少写一项。', en: 'Write at least one item inside the square brackets.' },
          }
        : issue.type === 'string'
          ? {
              zh: '不能为空',
              en: 'must not be empty',
              hint: { zh: '填上内容；如果这是可选字段而你没有内容可写，就把整个字段删掉。', en: 'Fill it in; if the field is optional and you have nothing to say, remove the field.' },
            }
          : {
              zh: `不能小于 ${issue.minimum}`,
              en: `must be at least ${issue.minimum}`,
              hint: { zh: `改成不小于 ${issue.minimum} 的数。`, en: `Use a number of at least ${issue.minimum}.` },
            };
    default: {
      const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : [issue.message, issue.message];
      return { zh, en, hint: MESSAGE_HINTS.find(([pattern]) => pattern.test(zh))?.[1] ?? SCHEMA_HINT };
    }
  }
}

function fieldPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

interface Located<T> {
  value: T;
  file: string;
  line?: number;
  id: string;
}

/** Ids seen in files, valid or not, so that one broken entry does not also break every reference to it. */
type KnownIds = Set<string>;

function parseDataFiles<T>(collection: DataCollection, files: SourceFile[], problems: Problem[], known: KnownIds): Located<T>[] {
  const schema = dataCollections[collection] as unknown as z.ZodType<T>;
  const entries: Located<T>[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(file.text);
    } catch (error) {
      // Ids still readable in the broken text count as known, so one missing comma does not also break every reference.
      for (const m of file.text.matchAll(/"id"\s*:\s*"([^"]+)"/g)) known.add(m[1]);
      const message = (error as Error).message;
      const position = Number(message.match(/position (\d+)/)?.[1]);
      problems.push({
        file: file.path,
        line: Number.isFinite(position) ? lineAt(file.text, position) : undefined,
        zh: `JSON 格式错误，文件无法读取（检查逗号、引号、括号是否成对）：${message}`,
        en: `broken JSON, the file cannot be read (check commas, quotes and brackets): ${message}`,
        hint: {
          zh: '看这一行和上一行：上一行末尾是否漏了逗号，列表或对象的最后一项后面是否多了逗号，引号是否用了中文引号“”，括号 [ ] { } 是否成对。',
          en: 'Look at this line and the one before: a missing comma at the end of the previous line, an extra comma after the last item, Chinese quotes “” instead of "", or unpaired [ ] { }.',
        },
      });
      continue;
    }
    if (!Array.isArray(raw)) {
      problems.push({
        file: file.path,
        line: 1,
        zh: '文件内容应为一个列表 [ ... ]',
        en: 'the file must hold an array [ ... ]',
        hint: { zh: '把所有条目放进一对方括号里：[ {…}, {…} ]，只有一个条目也要加方括号。', en: 'Put every entry inside one pair of square brackets: [ {…}, {…} ], even a single entry.' },
      });
      continue;
    }
    const seenInFile = new Map<string, number>();
    // Where each id is written, found in one pass: searching the text once per entry is quadratic in the file size.
    const idOffsets = new Map<string, number[]>();
    for (const m of file.text.matchAll(/"id"\s*:\s*"([a-z0-9-]+)"/g)) idOffsets.set(m[1], [...(idOffsets.get(m[1]) ?? []), m.index!]);
    const lineOf = lineFinder(file.text);
    const offsets = raw.map((item) => {
      const rawId = (item as { id?: unknown } | null)?.id;
      if (typeof rawId !== 'string') return undefined;
      const nth = seenInFile.get(rawId) ?? 0;
      seenInFile.set(rawId, nth + 1);
      const found = idOffsets.get(rawId);
      return found ? (found[nth] ?? found[0]) : offsetOfId(file.text, rawId, nth);
    });
    raw.forEach((item, index) => {
      const rawId = (item as { id?: unknown } | null)?.id;
      const label = typeof rawId === 'string' ? rawId : `第 ${index + 1} 项 / item ${index + 1}`;
      const offset = offsets[index];
      const line = offset === undefined ? undefined : lineOf(offset);
      if (typeof rawId === 'string') known.add(rawId);
      const result = schema.safeParse(item);
      if (!result.success) {
        const end = offsets.slice(index + 1).find((o) => o !== undefined);
        for (const issue of result.error.issues) {
          problems.push({
            file: file.path,
            line: lineOfField(file.text, offset, end, issue.path) ?? line,
            entry: label,
            field: fieldPath(issue.path) || undefined,
            ...describeIssue(issue),
          });
        }
        return;
      }
      entries.push({ value: result.data, file: file.path, line, id: String(rawId) });
    });
  }
  return entries;
}

/** Splits an MDX file into its YAML frontmatter and body. */
function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const m = text.replace(/^\uFEFF/, '').match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  return m ? { yaml: m[1], body: m[2] } : undefined;
}

/** The YAML parser's message without its own line count, which counts from the frontmatter, not the file. */
const yamlMessage = (error: unknown) => (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

/**
 * Where broken frontmatter goes wrong. The parser often notices a line late (an unclosed [ or " is reported on the
 * next line), so each top-level field is parsed on its own and the first that fails alone is named; failing that,
 * the nearest field at or above the line the parser gave.
 */
function brokenFrontmatterField(yaml: string, parserLine: number | undefined): { line: number; key?: string } {
  const lines = yaml.split('\n');
  const keyOf = (l: string) => l.match(/^([A-Za-z][\w-]*)\s*:/)?.[1];
  const starts = lines.flatMap((l, i) => (/^\S/.test(l) && !l.startsWith('-') && !l.startsWith('#') ? [i] : []));
  for (const [n, start] of starts.entries()) {
    const block = lines.slice(start, starts[n + 1] ?? lines.length).join('\n');
    try {
      parseYaml(block);
    } catch {
      return { line: start + 1, key: keyOf(lines[start]) };
    }
  }
  const line = parserLine ?? 1;
  return { line, key: lines.slice(0, line).reverse().map(keyOf).find(Boolean) };
}

/** Problems in an MDX body: syntax errors and whatever src/lib/mdx-policy.ts does not allow (the build runs the same rules). */
function checkMdxBody(body: string, file: string, id: string, firstLine: number, problems: Problem[]) {
  for (const v of mdxViolations(body)) {
    problems.push({ file, line: firstLine + v.line - 1, entry: id, field: '正文 body', zh: v.zh, en: v.en, hint: v.hint });
  }
}

function parseMdxFiles<T>(collection: MdxCollection, files: SourceFile[], problems: Problem[], known: KnownIds): Located<MdxEntry<T>>[] {
  const schema = mdxCollections[collection] as unknown as z.ZodType<T>;
  const entries: Located<MdxEntry<T>>[] = [];
  for (const file of files) {
    const id = file.path.split('/').pop()!.replace(/\.mdx?$/, '');
    known.add(id);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push({
        file: file.path,
        entry: id,
        zh: '文件名只能用小写字母、数字和连字符',
        en: 'file name must use lowercase letters, digits and hyphens',
        hint: {
          zh: '把文件改名，只用小写英文字母、数字和连字符，例如 zizhong-2024-09-clinic-hours.mdx；文件名就是网址的一部分。',
          en: 'Rename the file using lowercase letters, digits and hyphens, e.g. zizhong-2024-09-clinic-hours.mdx; the name becomes part of the address.',
        },
      });
    }
    const parts = splitFrontmatter(file.text);
    if (!parts) {
      problems.push({
        file: file.path,
        line: 1,
        entry: id,
        zh: '缺少开头的 --- 元数据块（frontmatter）',
        en: 'missing the --- frontmatter block at the top',
        hint: {
          zh: '文件第一行写 ---，接着每行写一项“字段: 值”（如 title: 标题），再写一行 --- 结束，然后才是正文。可用 npm run new 生成正确的文件。',
          en: 'Start the file with a line ---, then one "field: value" per line (e.g. title: …), then a closing ---, then the text. npm run new writes a correct file for you.',
        },
      });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(parts.yaml) ?? {};
    } catch (error) {
      const { line, key } = brokenFrontmatterField(parts.yaml, (error as { linePos?: { line: number }[] }).linePos?.[0]?.line);
      problems.push({
        file: file.path,
        line: line + 1,
        entry: id,
        field: key,
        zh: `元数据（frontmatter）格式错误：${yamlMessage(error)}`,
        en: `broken frontmatter: ${yamlMessage(error)}`,
        hint: {
          zh: '检查这一行：冒号后要有一个空格；含有冒号、井号或以 [ { 开头的文字要用英文双引号括起来；列表写成 [a, b] 且括号成对；缩进只用空格。',
          en: 'Check this line: a space after the colon; quote text containing a colon or # or starting with [ {; lists as [a, b] with both brackets; indent with spaces only.',
        },
      });
      continue;
    }
    // YAML turns unquoted dates into Date objects; the schema wants the ISO text.
    if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw)) {
        if (value instanceof Date) (raw as Record<string, unknown>)[key] = value.toISOString().slice(0, 10);
      }
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? '');
        const at = key ? parts.yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`)) : -1;
        problems.push({ file: file.path, line: at >= 0 ? at + 2 : 1, entry: id, field: fieldPath(issue.path) || undefined, ...describeIssue(issue) });
      }
      continue;
    }
    checkMdxBody(parts.body, file.path, id, lineAt(file.text, file.text.length - parts.body.length), problems);
    entries.push({ value: { id, data: result.data, body: parts.body, file: file.path }, file: file.path, line: 1, id });
  }
  return entries;
}

function checkUnique(collection: string, entries: Located<unknown>[], problems: Problem[]) {
  const seen = new Map<string, Located<unknown>>();
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      problems.push({
        file: entry.file,
        line: entry.line,
        entry: entry.id,
        field: 'id',
        zh: `id 重复：${collection} 中已有同名条目（${first.file}${first.line ? `:${first.line}` : ''}），请改用唯一的 id`,
        en: `duplicate id: ${collection} already has this id (${first.file}${first.line ? `:${first.line}` : ''}); use a unique id`,
        hint: {
          zh: '如果是同一个条目写了两遍，删掉一处；如果是不同的条目，给这一个换个 id，例如加上年份、月份或机构名的拼音。',
          en: 'If the same entry is written twice, delete one; if they are different entries, give this one another id, e.g. add the year, month or a name.',
        },
      });
    } else seen.set(entry.id, entry);
  }
}

const COLLECTION_NAMES: Record<string, string> = {
  regions: '地区 regions',
  institutions: '机构 institutions',
  groups: '医共体/医疗集团 groups',
  indicators: '指标 indicators',
  observations: '数据 observations',
  documents: '文件 documents',
  updates: '动态 updates',
  corrections: '更正 corrections',
};

/** Where the entries of each collection are written, for "add that entry first" hints. */
const COLLECTION_FOLDERS: Record<string, string> = {
  regions: 'data/regions/',
  institutions: 'data/institutions/',
  groups: 'data/groups/',
  indicators: 'data/indicators/',
  observations: 'data/observations/',
  documents: 'content/documents/',
  updates: 'content/updates/',
  corrections: 'data/corrections/',
};

/** The value of a dotted field (`source.excerpt`) of an entry. */
function valueAt(entry: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), entry);
}

/** Validates every file and returns the dataset (entries that passed their schema) with all problems found. */
export function validateDataset(files: SourceFiles): { dataset: Entries; problems: Problem[]; origins: Map<string, string> } {
  const problems: Problem[] = [];
  const known = Object.fromEntries(
    ['regions', 'institutions', 'groups', 'indicators', 'observations', 'documents', 'updates', 'corrections'].map((n) => [n, new Set<string>()]),
  ) as Record<DataCollection | MdxCollection, KnownIds>;
  const regions = parseDataFiles<Region>('regions', files.data.regions, problems, known.regions);
  const institutions = parseDataFiles<Institution>('institutions', files.data.institutions, problems, known.institutions);
  const groups = parseDataFiles<Group>('groups', files.data.groups, problems, known.groups);
  const indicators = parseDataFiles<Indicator>('indicators', files.data.indicators, problems, known.indicators);
  const observations = parseDataFiles<Observation>('observations', files.data.observations, problems, known.observations);
  const corrections = parseDataFiles<Correction>('corrections', files.data.corrections ?? [], problems, known.corrections);
  const documents = parseMdxFiles<DocumentMeta>('documents', files.mdx.documents, problems, known.documents);
  const updates = parseMdxFiles<UpdateMeta>('updates', files.mdx.updates, problems, known.updates);

  const all = { regions, institutions, groups, indicators, observations, documents, updates, corrections };
  for (const [name, entries] of Object.entries(all)) checkUnique(name, entries, problems);

  const ids = known;

  /** Reports a reference to an id that does not exist. */
  function ref(at: Located<unknown>, field: string, target: keyof typeof all, value: string | undefined) {
    if (value === undefined || ids[target].has(value)) return;
    problems.push({
      file: at.file,
      line: at.line,
      entry: at.id,
      field,
      zh: `引用的${COLLECTION_NAMES[target]}“${value}”不存在（检查拼写，或先添加该条目）`,
      en: `refers to ${target} "${value}", which does not exist (check the spelling, or add that entry first)`,
      hint: {
        zh: `在 ${COLLECTION_FOLDERS[target]} 里找到要引用的条目，把它的 id 原样复制过来（区分大小写和连字符）；如果还没有这个条目，先添加它（npm run new 可以帮你）。`,
        en: `Find the entry in ${COLLECTION_FOLDERS[target]} and copy its id exactly; if it does not exist yet, add it first (npm run new helps).`,
      },
    });
  }
  const sourceRefs = (at: Located<unknown>, field: string, refs: (SourceRef | undefined)[]) =>
    refs.forEach((s, i) => s && ref(at, refs.length > 1 || field.endsWith(']') ? `${field}[${i}].document` : `${field}.document`, 'documents', s.document));

  for (const r of regions) ref(r, 'parent', 'regions', r.value.parent);
  for (const inst of institutions) {
    ref(inst, 'region', 'regions', inst.value.region);
    ref(inst, 'belongsTo', 'institutions', inst.value.belongsTo);
    sourceRefs(inst, 'sources', inst.value.sources);
    inst.value.services.forEach((s, i) => ref(inst, `services[${i}].source.document`, 'documents', s.source.document));
  }
  for (const g of groups) {
    const v = g.value;
    ref(g, 'region', 'regions', v.region);
    v.coveredRegions.forEach((r, i) => ref(g, `coveredRegions[${i}]`, 'regions', r));
    ref(g, 'lead', 'institutions', v.lead);
    v.members.forEach((m, i) => ref(g, `members[${i}].institution`, 'institutions', m.institution));
    sourceRefs(g, 'sources', v.sources);
    v.statedMembers.forEach((s, i) => ref(g, `statedMembers[${i}].source.document`, 'documents', s.source.document));
    v.services.forEach((s, i) => ref(g, `services[${i}].source.document`, 'documents', s.source.document));
    for (const [part, items] of Object.entries(v.referral)) {
      if (Array.isArray(items)) items.forEach((s, i) => ref(g, `referral.${part}[${i}].source.document`, 'documents', s.source.document));
    }
  }
  for (const ind of indicators) if (ind.value.source) ref(ind, 'source.document', 'documents', ind.value.source.document);
  const subjectCollection = { group: 'groups', region: 'regions', institution: 'institutions' } as const;
  for (const o of observations) {
    const v = o.value;
    ref(o, 'indicator', 'indicators', v.indicator);
    ref(o, 'subject.id', subjectCollection[v.subject.type], v.subject.id);
    ref(o, 'source.document', 'documents', v.source.document);
    if (!excerptContainsValue(v.source.excerpt, v.value)) {
      problems.push({
        file: o.file,
        line: o.line,
        entry: o.id,
        field: 'source.excerpt',
        zh: `摘录“${v.source.excerpt}”中找不到数值 ${v.value}：摘录须包含原文写法的该数字（如 105423、105,423、63.9万、87.49%）`,
        en: `the excerpt does not contain the value ${v.value} as the source wrote it (e.g. 105423, 105,423, 63.9万, 87.49%)`,
        hint: {
          zh: '先核对原文：如果 value 抄错了，就改正 value（63.9万 写成 639000，87.49% 写成 87.49）；如果摘录不对，就从原文复制包含这个数字的几个字作为 excerpt。',
          en: 'Check the source: if value is wrong, correct it (63.9万 is 639000, 87.49% is 87.49); if the excerpt is wrong, copy the few words around the figure from the source.',
        },
      });
    }
  }
  const observationById = new Map(observations.map((o) => [o.id, o.value]));
  for (const c of corrections) {
    const v = c.value;
    ref(c, 'observation', 'observations', v.observation);
    if (v.field === 'value') {
      for (const side of ['old', 'new'] as const) {
        if (typeof v[side] !== 'number')
          problems.push({ file: c.file, line: c.line, entry: c.id, field: side, zh: '更正数值时应为数字，实际是文字', en: 'expected number for a corrected value, received string', hint: TYPE_HINTS.number });
      }
    }
    if (String(v.old) === String(v.new)) {
      problems.push({
        file: c.file,
        line: c.line,
        entry: c.id,
        field: 'old',
        zh: 'old 与 new 相同，看不出改了什么',
        en: 'old and new are the same, so nothing changed',
        hint: { zh: 'old 写改正前网站上发布的值，new 写改正后的值。', en: 'old is what the site published before; new is the corrected value.' },
      });
    }
    const figure = observationById.get(v.observation);
    if (!figure) continue;
    const current = valueAt(figure, v.field);
    if (String(current) !== String(v.new)) {
      problems.push({
        file: c.file,
        line: c.line,
        entry: c.id,
        field: 'new',
        zh: `更正后的值“${v.new}”与数据 ${v.observation} 现在的 ${v.field}“${current ?? '（空）'}”不一致`,
        en: `the corrected value "${v.new}" differs from the current ${v.field} "${current ?? '(empty)'}" of ${v.observation}`,
        hint: {
          zh: `先在 data/observations/ 里改正这个数据（${v.observation}），再把改正后的值原样写进 new，改正前的值写进 old。`,
          en: `First correct the figure itself (${v.observation}) in data/observations/, then write the corrected value in new and the previous one in old.`,
        },
      });
    }
  }
  for (const d of documents) d.value.data.regions.forEach((r, i) => ref(d, `regions[${i}]`, 'regions', r));
  for (const u of updates) {
    u.value.data.regions.forEach((r, i) => ref(u, `regions[${i}]`, 'regions', r));
    u.value.data.groups.forEach((g, i) => ref(u, `groups[${i}]`, 'groups', g));
  }

  const values = <T>(entries: Located<T>[]) => entries.map((e) => e.value);
  // Which file holds each entry, keyed `collection:id`: for "last updated" dates without reading data/ again.
  const origins = new Map<string, string>();
  for (const [name, entries] of Object.entries(all)) for (const e of entries as Located<unknown>[]) origins.set(`${name}:${e.id}`, e.file);
  return {
    origins,
    dataset: {
      regions: values(regions),
      institutions: values(institutions),
      groups: values(groups),
      indicators: values(indicators),
      observations: values(observations),
      documents: values(documents),
      updates: values(updates),
      corrections: values(corrections),
    },
    problems,
  };
}

/**
 * One problem as lines an editor can act on: file:line — entry — field — what is wrong (Chinese, then English),
 * then how to fix it (Chinese, then English) when there is a hint.
 */
export function formatProblem(p: Problem): string {
  const where = p.file + (p.line ? `:${p.line}` : '');
  const hint = p.hint ? `\n    怎么改：${p.hint.zh}\n    How to fix: ${p.hint.en}` : '';
  return [where, p.entry && `条目 entry “${p.entry}”`, p.field && `字段 field “${p.field}”`, `${p.zh}\n    ${p.en}${hint}`]
    .filter(Boolean)
    .join(' — ');
}
