/**
 * Validation of every data and content file, as plain functions over file texts so that the checker,
 * the build and the tests share one implementation. Problems are collected, never thrown one at a time.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { dataCollections, mdxCollections, type DataCollection, type MdxCollection } from '../schemas';
import type { Region, Institution, Group, Indicator, Observation, DocumentMeta, UpdateMeta, SourceRef } from '../schemas';
import { excerptContainsValue } from './figures';

/** A file as read from disk: its path relative to the project root, and its text. */
export interface SourceFile {
  path: string;
  text: string;
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
}

export interface MdxEntry<T> {
  id: string;
  data: T;
  body: string;
  file: string;
}

export interface Dataset {
  regions: Region[];
  institutions: Institution[];
  groups: Group[];
  indicators: Indicator[];
  observations: Observation[];
  documents: MdxEntry<DocumentMeta>[];
  updates: MdxEntry<UpdateMeta>[];
}

export interface SourceFiles {
  data: Record<DataCollection, SourceFile[]>;
  mdx: Record<MdxCollection, SourceFile[]>;
}

/** Line number (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Line where an entry with this id is written in a JSON array file. */
function lineOfId(text: string, id: unknown): number | undefined {
  if (typeof id !== 'string') return undefined;
  const at = text.search(new RegExp(`"id"\\s*:\\s*"${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  return at >= 0 ? lineAt(text, at) : undefined;
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

/** A zod issue in words an editor understands, Chinese then English. */
function describeIssue(issue: z.ZodIssue): { zh: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { zh: '缺少必填字段', en: 'required field is missing' };
      return {
        zh: `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际是${TYPE_NAMES[issue.received] ?? issue.received}`,
        en: `expected ${issue.expected}, received ${issue.received}`,
      };
    case 'invalid_enum_value':
      return {
        zh: `取值“${String(issue.received)}”无效，只能是：${issue.options.join('、')}`,
        en: `invalid value "${String(issue.received)}"; allowed: ${issue.options.join(', ')}`,
      };
    case 'unrecognized_keys':
      return { zh: `未知字段：${issue.keys.join('、')}（拼写错误？）`, en: `unknown field(s): ${issue.keys.join(', ')} (a typo?)` };
    case 'too_small':
      return issue.type === 'array'
        ? { zh: `至少需要 ${issue.minimum} 项`, en: `needs at least ${issue.minimum} item(s)` }
        : issue.type === 'string'
          ? { zh: '不能为空', en: 'must not be empty' }
          : { zh: `不能小于 ${issue.minimum}`, en: `must be at least ${issue.minimum}` };
    default: {
      const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : [issue.message, issue.message];
      return { zh, en };
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
      const message = (error as Error).message;
      const position = Number(message.match(/position (\d+)/)?.[1]);
      problems.push({
        file: file.path,
        line: Number.isFinite(position) ? lineAt(file.text, position) : undefined,
        zh: `JSON 格式错误，文件无法读取（检查逗号、引号、括号是否成对）：${message}`,
        en: `broken JSON, the file cannot be read (check commas, quotes and brackets): ${message}`,
      });
      continue;
    }
    if (!Array.isArray(raw)) {
      problems.push({ file: file.path, line: 1, zh: '文件内容应为一个列表 [ ... ]', en: 'the file must hold an array [ ... ]' });
      continue;
    }
    raw.forEach((item, index) => {
      const rawId = (item as { id?: unknown } | null)?.id;
      const label = typeof rawId === 'string' ? rawId : `第 ${index + 1} 项 / item ${index + 1}`;
      const line = lineOfId(file.text, rawId);
      if (typeof rawId === 'string') known.add(rawId);
      const result = schema.safeParse(item);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push({ file: file.path, line, entry: label, field: fieldPath(issue.path) || undefined, ...describeIssue(issue) });
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

function parseMdxFiles<T>(collection: MdxCollection, files: SourceFile[], problems: Problem[], known: KnownIds): Located<MdxEntry<T>>[] {
  const schema = mdxCollections[collection] as unknown as z.ZodType<T>;
  const entries: Located<MdxEntry<T>>[] = [];
  for (const file of files) {
    const id = file.path.split('/').pop()!.replace(/\.mdx?$/, '');
    known.add(id);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push({ file: file.path, entry: id, zh: '文件名只能用小写字母、数字和连字符', en: 'file name must use lowercase letters, digits and hyphens' });
    }
    const parts = splitFrontmatter(file.text);
    if (!parts) {
      problems.push({ file: file.path, line: 1, entry: id, zh: '缺少开头的 --- 元数据块（frontmatter）', en: 'missing the --- frontmatter block at the top' });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(parts.yaml) ?? {};
    } catch (error) {
      const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      problems.push({
        file: file.path,
        line: line ? line + 1 : 1,
        entry: id,
        zh: `元数据（frontmatter）格式错误：${(error as Error).message.split('\n')[0]}`,
        en: `broken frontmatter: ${(error as Error).message.split('\n')[0]}`,
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
};

/** Validates every file and returns the dataset (entries that passed their schema) with all problems found. */
export function validateDataset(files: SourceFiles): { dataset: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const known = Object.fromEntries(
    ['regions', 'institutions', 'groups', 'indicators', 'observations', 'documents', 'updates'].map((n) => [n, new Set<string>()]),
  ) as Record<DataCollection | MdxCollection, KnownIds>;
  const regions = parseDataFiles<Region>('regions', files.data.regions, problems, known.regions);
  const institutions = parseDataFiles<Institution>('institutions', files.data.institutions, problems, known.institutions);
  const groups = parseDataFiles<Group>('groups', files.data.groups, problems, known.groups);
  const indicators = parseDataFiles<Indicator>('indicators', files.data.indicators, problems, known.indicators);
  const observations = parseDataFiles<Observation>('observations', files.data.observations, problems, known.observations);
  const documents = parseMdxFiles<DocumentMeta>('documents', files.mdx.documents, problems, known.documents);
  const updates = parseMdxFiles<UpdateMeta>('updates', files.mdx.updates, problems, known.updates);

  const all = { regions, institutions, groups, indicators, observations, documents, updates };
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
    });
  }
  const sourceRefs = (at: Located<unknown>, field: string, refs: (SourceRef | undefined)[]) =>
    refs.forEach((s, i) => s && ref(at, refs.length > 1 || field.endsWith(']') ? `${field}[${i}].document` : `${field}.document`, 'documents', s.document));

  for (const r of regions) ref(r, 'parent', 'regions', r.value.parent);
  for (const inst of institutions) {
    ref(inst, 'region', 'regions', inst.value.region);
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
      });
    }
  }
  for (const d of documents) d.value.data.regions.forEach((r, i) => ref(d, `regions[${i}]`, 'regions', r));
  for (const u of updates) {
    u.value.data.regions.forEach((r, i) => ref(u, `regions[${i}]`, 'regions', r));
    u.value.data.groups.forEach((g, i) => ref(u, `groups[${i}]`, 'groups', g));
  }

  const values = <T>(entries: Located<T>[]) => entries.map((e) => e.value);
  return {
    dataset: {
      regions: values(regions),
      institutions: values(institutions),
      groups: values(groups),
      indicators: values(indicators),
      observations: values(observations),
      documents: values(documents),
      updates: values(updates),
    },
    problems,
  };
}

/** One problem as a line an editor can act on: file:line — entry — field — what is wrong (Chinese / English). */
export function formatProblem(p: Problem): string {
  const where = p.file + (p.line ? `:${p.line}` : '');
  return [where, p.entry && `条目 entry “${p.entry}”`, p.field && `字段 field “${p.field}”`, `${p.zh}\n    ${p.en}`]
    .filter(Boolean)
    .join(' — ');
}
