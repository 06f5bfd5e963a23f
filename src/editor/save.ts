/**
 * Saving from the editor: the entry is put into its file's text, the whole project is validated with the edit applied
 * (validateDataset, the function `npm run check` runs), and the file is written only when check would pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFiles } from './project';
import { writeWhole } from '../data/write-whole';
import { parseFrontmatterYaml, splitFrontmatter, YamlDate } from '../data/frontmatter';
import { formatProblem, validateDataset, type Problem, type SourceFiles } from '../data/validate';
import { appendToJsonArray, mdxText } from '../publishing/scaffold';
import { id as idSchema } from '../schemas';
import { isMdx, type Collection } from './fields';

export interface SaveRequest {
  collection: Collection;
  /** The entry as the form gave it; for MDX collections its `id` is the file name and `body` the text. */
  entry: Record<string, unknown>;
  /** The id the entry had when the form was opened; absent for a new entry. */
  originalId?: string;
  /** For JSON collections, which file in data/<collection>/ holds the entry (`data/groups/zizhong.json`). */
  file?: string;
}

export interface SaveResult {
  /** Whether the file was written. */
  saved: boolean;
  /** The file the entry goes to. */
  path: string;
  /** Check's problems in that file with the edit applied (empty when it passes). */
  problems: Problem[];
  /** Problems the edit would cause in other files (e.g. a renamed id others refer to). */
  elsewhere: Problem[];
}

const refused = (path: string, zh: string, en: string, hint?: Problem['hint']): SaveResult => ({ saved: false, path, problems: [{ file: path, zh, en, hint }], elsewhere: [] });

/** The file's text with the entry in it, or a problem saying why the entry cannot be placed. */
export function placeEntry(files: SourceFiles, request: SaveRequest): { path: string; text: string } | SaveResult {
  const { collection, entry, originalId } = request;
  if (isMdx(collection)) {
    const { id, body, ...frontmatter } = entry as { id?: string; body?: string } & Record<string, unknown>;
    const path = `content/${collection}/${id ?? ''}.mdx`;
    if (typeof id !== 'string' || !idSchema.safeParse(id).success)
      return refused(path, '编号（文件名）只能用小写字母、数字和连字符，如 zizhong-2024-09-clinic-hours', 'the id (file name) must be lowercase letters, digits and hyphens');
    const exists = files.mdx[collection].some((f) => f.path === path);
    if (exists && originalId !== id) return refused(path, `已经有编号为“${id}”的条目，请换一个编号`, `an entry with the id "${id}" already exists; choose another id`);
    if (originalId && originalId !== id) return refused(path, '已发布条目的编号不能改（网址会失效）', 'the id of a published entry cannot change (its address would break)');
    return { path, text: mdxText(frontmatter, typeof body === 'string' ? body : '') };
  }
  const path = request.file ?? '';
  if (!new RegExp(`^data/${collection}/[a-z0-9][a-z0-9-]*\\.json$`).test(path))
    return refused(path || `data/${collection}/`, `文件名须是 data/${collection}/ 里的 小写字母-数字.json`, `the file must be data/${collection}/<lowercase-name>.json`);
  const existing = (files.data[collection] ?? []).find((f) => f.path === path)?.text;
  if (originalId !== undefined) {
    let list: unknown;
    try {
      list = JSON.parse(existing ?? '');
    } catch {
      list = undefined;
    }
    const at = Array.isArray(list) ? list.findIndex((e) => (e as { id?: unknown })?.id === originalId) : -1;
    if (!Array.isArray(list) || at < 0) return refused(path, `在 ${path} 里找不到条目“${originalId}”，可能已被别人改动；请从首页重新打开`, `the entry "${originalId}" is no longer in ${path}; open it again from the start page`);
    list[at] = entry;
    return { path, text: `${JSON.stringify(list, null, 2)}\n` };
  }
  const text = appendToJsonArray(existing, entry);
  if (text === undefined) return refused(path, `${path} 不是一个 JSON 数组，先运行 npm run check 改好它`, `${path} is not a JSON array; fix it first (npm run check)`);
  return { path, text };
}

/** Check's verdict on the project with one file's text replaced (or added). */
export function checkEdit(files: SourceFiles, path: string, text: string, now?: Date): { problems: Problem[]; elsewhere: Problem[] } {
  const [, top, collection] = path.match(/^(data|content)\/([^/]+)\//)!;
  const group = top === 'data' ? files.data : files.mdx;
  const list = (group as Record<string, { path: string; text: string }[]>)[collection] ?? [];
  const edited: SourceFiles = { ...files, data: { ...files.data }, mdx: { ...files.mdx } };
  (top === 'data' ? edited.data : edited.mdx)[collection as never] = [...list.filter((f) => f.path !== path), { path, text }] as never;
  const problems = validateDataset(edited, { now }).problems;
  const other = problems.filter((p) => p.file !== path);
  // The project as it was is validated only when the edit leaves problems in other files, to tell those the edit caused
  // from those that were there before: one validation per save instead of two when the project is clean.
  const before = other.length ? new Set(validateDataset(files, { now }).problems.filter((p) => p.file !== path).map(formatProblem)) : new Set<string>();
  return { problems: problems.filter((p) => p.file === path), elsewhere: other.filter((p) => !before.has(formatProblem(p))) };
}

/** Places the entry, validates the project with it, and writes the file only when check passes. */
export function saveEntry(root: string, request: SaveRequest, now?: Date): SaveResult {
  const files = sourceFiles(root);
  const placed = placeEntry(files, request);
  if ('saved' in placed) return placed;
  const verdict = checkEdit(files, placed.path, placed.text, now);
  const saved = verdict.problems.length === 0 && verdict.elsewhere.length === 0;
  if (saved) writeWhole(join(root, placed.path), placed.text);
  return { saved, path: placed.path, ...verdict };
}

/**
 * An MDX file's frontmatter and body, for opening it in the form: split and parsed as check and the build read them
 * (src/data/frontmatter.ts), so the form shows what would be published. Dates stay the text they were written as.
 */
export function readMdxEntry(root: string, path: string): Record<string, unknown> | undefined {
  if (!existsSync(join(root, path))) return undefined;
  const text = readFileSync(join(root, path), 'utf8').replace(/^\uFEFF/, '');
  const split = splitFrontmatter(text);
  if (!split) return { body: text };
  const read = parseFrontmatterYaml(split.yaml);
  const data = 'data' in read ? (datesAsText(read.data) as Record<string, unknown>) : {};
  return { ...data, body: split.body.trim() };
}

/** A value with each date replaced by the text it was written as (the form edits text). */
function datesAsText(value: unknown): unknown {
  if (value instanceof YamlDate) return value.source;
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsText(v)]));
  return value;
}
