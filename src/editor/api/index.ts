/**
 * The editor's JSON API for entries (see /work/coord/editor-contract.md): list, open, new, save and delete for every
 * kind, each save checked against the whole dataset with validateDataset (the function `npm run check` runs) and
 * written only when check would pass; spreadsheets imported and images uploaded. The server (src/editor/server/)
 * routes /api/entries/**, /api/import/** and /api/images/** here and commits each write through `onWrite`.
 */
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, type Entries, type Problem, type SourceFiles } from '../../data/validate';
import { appendToJsonArray, mdxText, todayInChina } from '../../publishing/scaffold';
import { id as idSchema } from '../../schemas';
import { isCollection, isMdx, type Collection } from '../fields';
import { readMdxEntry } from '../save';
import { check, projectState, sourceFiles, type ProjectState } from '../project';
import { writeWhole } from '../../data/write-whole';
import { dataFiles, fileFor, listItems, proposeId, unreadItems, versionOf, KINDS, type ListItem } from './entries';
import { readQuery, searchable, searchEntries, type SearchableList } from './entry-search';
import { checkImport, writeImport } from './import';
import { saveImage } from './images';
import { checkBody } from './body-check';
import { COLLECTION_LABELS, UI_FIELDS } from '../../i18n/editor.zh-CN';
import { COLLECTION_NAMES } from '../../i18n/validation';

export interface ApiContext {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  user: { name: string; role: 'editor' | 'reviewer' } | null;
  /** Project root. */
  root: string;
  onWrite(change: { files: string[]; message: string }): Promise<void>;
  /**
   * A file's text as last published (the server reads it from git at the last 签发 commit): undefined when no
   * publication is known, `{ text: undefined }` when the file did not exist then. Tells whether a figure was published.
   */
  published?(file: string): Promise<{ text: string | undefined } | undefined>;
}
export interface ApiAnswer {
  status: number;
  json: unknown;
}
/** A problem as the form shows it: beside its field (a react-hook-form path `a.b.0.c`) or on top when null. */
export interface FieldProblem {
  field: string | null;
  zh: string;
  en?: string;
  tech?: string;
}

const STALE = '保存没有成功：您打开这一条之后，别人已经修改了这一条。您的修改没有丢，列在下面；请载入最新版本，照着再改一次后保存。';
const answer = (status: number, json: unknown): ApiAnswer => ({ status, json });
const problems = (list: FieldProblem[]) => answer(422, { problems: list });
const one = (zh: string, field: string | null = null, tech?: string) => problems([{ field, zh, tech }]);

/** The project as check sees it now (src/editor/project.ts reads only the files changed since the last request). */
const current = (root: string) => projectState(root);

/** `members[0].institution` → `members.0.institution`, the form's name of a field. */
export const formPath = (field: string | undefined) => (field ? field.replace(/\[(\d+)\]/g, '.$1').replace(/^正文 body$/, 'body') : null);

const namesById = new WeakMap<Map<string, string>, Map<string, string>>();

/**
 * A check message in the words staff use: an entry's id (zizhong-remote-imaging-cases-cum) becomes its name, a field's
 * key outside quotes (value, old, new) its label on the form. Quoted values typed by staff stay as they are.
 */
function inWords(zh: string, labels?: Map<string, string>): string {
  let names = labels ? namesById.get(labels) : undefined;
  if (labels && !names) {
    names = new Map();
    for (const [key, label] of labels) {
      const id = key.slice(key.indexOf(':') + 1);
      if (!names.has(id)) names.set(id, label);
    }
    namesById.set(labels, names);
  }
  const name = (id: string) => names?.get(id);
  return zh
    .split(/(“[^”]*”)/)
    .map((part, i) => {
      if (i % 2) return name(part.slice(1, -1)) ? `“${name(part.slice(1, -1))}”` : part;
      return part
        .replace(/[a-z0-9]+(?:-[a-z0-9]+)+/g, (id) => (name(id) ? `“${name(id)}”` : id))
        .replace(/\b[a-z][A-Za-z]*\b/g, (key) => (Object.hasOwn(UI_FIELDS, key) ? UI_FIELDS[key][0] : key));
    })
    .join('');
}

function toFieldProblem(p: Problem, own: boolean, labels?: Map<string, string>): FieldProblem {
  const tech = `${p.file}${p.line ? `:${p.line}` : ''}${p.entry ? ` · ${p.entry}` : ''}${p.field ? ` · ${p.field}` : ''}\n${p.en}${p.hint ? `\n${p.hint.zh}\n${p.hint.en}` : ''}`;
  // Field keys in brackets (上级地区（parent）) are for whoever helps: they stay in the technical details.
  // So are the English names check puts after a collection's Chinese name (机构 institutions → 机构).
  const checked = Object.values(COLLECTION_NAMES)
    .reduce((text, name) => text.replaceAll(name, name.replace(/\s+[a-z]+$/, '')), p.zh)
    .replace(/[（(][A-Za-z][\w.[\]]*[）)]/g, '')
    // In the editor references are picked, not typed: no spelling to check.
    .replace('不存在（检查拼写，或先添加该条目）', '不存在：请重新选一项，或先新建它');
  const zh = inWords(checked, labels);
  if (own) return { field: formPath(p.field), zh, en: p.en, tech };
  const kind = p.file.match(/^(?:data|content)\/([^/]+)\//)?.[1] as Collection | undefined;
  const who = kind && p.entry ? `${COLLECTION_LABELS[kind] ?? ''}“${labels?.get(`${kind}:${p.entry}`) ?? p.entry}”` : '别的条目';
  return { field: null, zh: `这样保存会让${who}出问题：${zh}`, en: p.en, tech };
}

/**
 * The files with one file's text replaced, added (text) or removed (null), in the order check reads them from disk (by
 * path): check's verdict on the edit is then the verdict on the project once the file is written, and is kept for it.
 */
function withFile(files: SourceFiles, path: string, text: string | null): SourceFiles {
  const [, top, collection] = path.match(/^(data|content)\/([^/]+)\//)!;
  const group = (top === 'data' ? files.data : files.mdx) as Record<string, { path: string; text: string }[]>;
  const list = (group[collection] ?? []).filter((f) => f.path !== path);
  if (text !== null) {
    const at = list.findIndex((f) => f.path > path);
    list.splice(at < 0 ? list.length : at, 0, { path, text });
  }
  const edited: SourceFiles = { ...files, data: { ...files.data }, mdx: { ...files.mdx } };
  (top === 'data' ? edited.data : edited.mdx)[collection as never] = list as never;
  return edited;
}

/**
 * Check's verdict on an edit: the problems of the entry itself, and problems it newly causes anywhere else (a
 * reference to a removed id). Problems other entries already had do not stop a save.
 */
function verdict(root: string, files: SourceFiles, path: string, text: string | null, kind: Collection, id: string | undefined, before: Problem[], labels: Map<string, string>): FieldProblem[] {
  const old = new Set(before.map(formatProblem));
  const after = check(root, withFile(files, path, text)).problems;
  const mine = (p: Problem) => p.file === path && (isMdx(kind) || p.entry === id);
  return after.filter((p) => (text !== null && mine(p)) || !old.has(formatProblem(p))).map((p) => toFieldProblem(p, text !== null && mine(p), labels));
}

const labelsByDataset = new WeakMap<Entries, Map<string, string>>();
/** Each entry's label by `kind:id` (computed once per checked state). */
function labelsOf(ds: Entries): Map<string, string> {
  let labels = labelsByDataset.get(ds);
  if (!labels) labelsByDataset.set(ds, (labels = new Map(listItems(ds).map((i) => [`${i.kind}:${i.id}`, i.label]))));
  return labels;
}

/** An entry as stored, with its file and version. */
function readEntry(root: string, files: SourceFiles, origins: Map<string, string>, kind: Collection, id: string) {
  if (isMdx(kind)) {
    const file = `content/${kind}/${id}.mdx`;
    const text = files.mdx[kind].find((f) => f.path === file)?.text;
    if (text === undefined) return undefined;
    return { entry: { id, ...readMdxEntry(root, file) } as Record<string, unknown>, file, version: versionOf(text) };
  }
  const file = origins.get(`${kind}:${id}`) ?? dataFiles(files, kind).find((f) => f.text.includes(`"${id}"`))?.path;
  if (!file) return undefined;
  let list: unknown;
  try {
    list = JSON.parse(dataFiles(files, kind).find((f) => f.path === file)?.text ?? '');
  } catch {
    return undefined;
  }
  const entry = Array.isArray(list) ? (list as Record<string, unknown>[]).find((e) => e?.id === id) : undefined;
  return entry ? { entry, file, version: versionOf(entry) } : undefined;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** A correction's old and new values are numbers when the value itself was corrected, text otherwise. */
function typedCorrection(entry: Record<string, unknown>): Record<string, unknown> {
  if (entry.field !== undefined && entry.field !== 'value') return entry;
  const num = (v: unknown) => (typeof v === 'string' && NUMBER.test(v.replace(/,/g, '')) ? Number(v.replace(/,/g, '')) : v);
  return { ...entry, old: num(entry.old), new: num(entry.new) };
}

/** The site path that shows an entry, for preview links (`/groups/x/`). */
export function sitePath(kind: Collection, entry: Record<string, unknown>): string | undefined {
  const id = typeof entry.id === 'string' ? entry.id : undefined;
  if (!id) return undefined;
  switch (kind) {
    case 'institutions':
      return `/institutions/${entry.kind === 'village-clinic' && typeof entry.belongsTo === 'string' ? entry.belongsTo : id}/`;
    case 'observations': {
      const s = entry.subject as { type?: string; id?: string } | undefined;
      return s?.type && s.id ? `/${s.type}s/${s.id}/` : undefined;
    }
    case 'corrections':
      return `/changes/#${id}`;
    case 'references':
      return `/about/#${id}`;
    case 'synonyms':
      return undefined;
    case 'glossary':
      return `/glossary/#${id}`;
    default:
      return `/${kind}/${id}/`;
  }
}

interface SaveBody {
  entry?: Record<string, unknown>;
  version?: string;
}

/**
 * Saves an entry: new (no originalId) or over the stored one. The file is chosen by the editor; the whole dataset is
 * checked with the edit applied; nothing is written unless check passes.
 */
async function save(ctx: ApiContext, kind: Collection, originalId: string | undefined, body: SaveBody, restoring?: string): Promise<ApiAnswer> {
  let entry = body.entry;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return one('没有收到要保存的内容，请重新打开这一页再试。');
  if (kind === 'corrections') entry = typedCorrection(entry);
  const { files, ds, origins, all } = current(ctx.root);
  const labels = labelsOf(ds);
  const id = typeof entry.id === 'string' && entry.id.trim() ? entry.id.trim() : originalId === undefined ? proposeId(kind, entry, ds, files) : '';
  entry = { ...entry, id };
  if (!idSchema.safeParse(id).success) return one('网址名只能用小写字母、数字和连字符（编辑器会根据名称自动生成）。', 'id');
  const stored = originalId === undefined ? undefined : readEntry(ctx.root, files, origins, kind, originalId);
  if (originalId !== undefined && !stored) return answer(409, { error: 'stale', zh: '保存没有成功：这一条已经被别人删除或改名了。请回到列表重新打开。' });
  if (stored && body.version !== stored.version) return answer(409, { error: 'stale', zh: STALE });
  if (stored && originalId !== id) return one('已经发布的条目不能改网址名（旧网址会失效）。', 'id');
  if (!stored && (isMdx(kind) ? files.mdx[kind].some((f) => f.path === `content/${kind}/${id}.mdx`) : origins.has(`${kind}:${id}`)))
    return one(`网址名“${id}”已经被另一条使用了，请换一个。`, 'id');

  // Saved unchanged: nothing to write or commit (the entry passed check as it is, or check names it in the list).
  // Empty lists count as left out (the schemas default them); an MDX body's surrounding blank lines do not count.
  const same = (e: Record<string, unknown>) => JSON.stringify(isMdx(kind) ? { ...e, body: String(e.body ?? '').trim() } : e, (_k, v) => (Array.isArray(v) && v.length === 0 ? undefined : v));
  if (stored && !restoring && same(entry) === same(stored.entry)) {
    const own = all.filter((p) => p.file === stored.file && (isMdx(kind) || p.entry === id));
    if (own.length) return problems(own.map((p) => toFieldProblem(p, true, labels)));
    return answer(200, { id, file: stored.file, version: stored.version, preview: sitePath(kind, entry), unchanged: true });
  }
  let path: string;
  let text: string;
  if (isMdx(kind)) {
    const { id: _id, body: mdxBody, ...frontmatter } = entry as { id: string; body?: unknown } & Record<string, unknown>;
    path = `content/${kind}/${id}.mdx`;
    text = mdxText(frontmatter, typeof mdxBody === 'string' ? mdxBody : '');
  } else {
    path = stored?.file ?? fileFor(kind, entry, ds, files, origins) ?? '';
    if (!/^data\/[a-z]+\/[a-z0-9][a-z0-9-]*\.json$/.test(path)) return one('编辑器没能决定这一条存到哪个文件，请先填好所在地区或对象。', null, path);
    const existing = dataFiles(files, kind).find((f) => f.path === path)?.text;
    if (stored) {
      const list = JSON.parse(existing ?? '[]') as Record<string, unknown>[];
      list[list.findIndex((e) => e?.id === originalId)] = entry;
      text = `${JSON.stringify(list, null, 2)}\n`;
    } else {
      const appended = appendToJsonArray(existing, entry);
      if (appended === undefined) return one('要存入的文件本身有问题，请找技术人员先修好它。', null, `${path} is not a JSON array`);
      text = appended;
    }
  }
  const found = verdict(ctx.root, files, path, text, kind, id, all, labels);
  if (found.length) return problems(found);
  writeWhole(join(ctx.root, path), text);
  // A new figure or correction has no name of its own: its label as the list shows it (subject · indicator · period).
  const fresh = () => (isMdx(kind) ? undefined : labelsOf({ ...ds, [kind]: [entry] } as Entries).get(`${kind}:${id}`));
  const name = String(entry.name ?? entry.title ?? labels.get(`${kind}:${id}`) ?? fresh() ?? id).replace(/^更正：/, '');
  const verb = restoring ? `恢复${COLLECTION_LABELS[kind]}“${name}”到 ${restoring.slice(0, 7)} 的版本` : `${stored ? '修改' : '新建'}${COLLECTION_LABELS[kind]}“${name}”`;
  await ctx.onWrite({ files: [path], message: verb });
  const after = readEntry(ctx.root, sourceFiles(ctx.root), new Map([[`${kind}:${id}`, path]]), kind, id);
  // A published figure whose number changed: the public change log needs a correction; offer one, prefilled.
  let correction: Record<string, unknown> | undefined;
  // The published value is the one at the last publication (two saves in between: still the value readers saw), and
  // a figure added since then was never published. Without a known publication, the value before this save.
  if (kind === 'observations' && stored && stored.entry.value !== entry.value) {
    const published = await publishedEntry(ctx, stored.file, id);
    const before = published === undefined ? stored.entry : published.entry;
    if (before && typeof before.value === 'number' && before.value !== entry.value)
      correction = { observation: id, date: todayInChina(), field: 'value', old: before.value, new: entry.value };
  }
  return answer(stored ? 200 : 201, { id, file: path, version: after?.version, preview: sitePath(kind, entry), correction });
}

/** An entry as last published: undefined when no publication is known; `{ entry: undefined }` when it was not in it. */
async function publishedEntry(ctx: ApiContext, file: string, id: string): Promise<{ entry: Record<string, unknown> | undefined } | undefined> {
  const published = await ctx.published?.(file).catch(() => undefined);
  if (!published) return undefined;
  try {
    const list = JSON.parse(published.text ?? '[]') as unknown;
    const entry = Array.isArray(list) ? (list as Record<string, unknown>[]).find((e) => e?.id === id) : undefined;
    return { entry: entry && typeof entry === 'object' ? entry : undefined };
  } catch {
    return undefined;
  }
}

/**
 * What a delete would break, one line per entry that uses the one deleted (医疗机构“孟津县人民医院”用到了这一条（5 处）),
 * instead of each reference's check message with its collection key and id; those stay under 技术细节.
 */
function byReferrer(found: FieldProblem[]): FieldProblem[] {
  const lines = new Map<string, { count: number; tech: string[] }>();
  const out: FieldProblem[] = [];
  for (const p of found) {
    const who = p.zh.match(/^这样保存会让(.+?)出问题：/)?.[1];
    if (!who) {
      out.push({ ...p, zh: p.zh.replace(/^这样保存会让/, '删除会让') });
      continue;
    }
    const line = lines.get(who) ?? { count: 0, tech: [] };
    line.count++;
    if (p.tech) line.tech.push(p.tech);
    lines.set(who, line);
  }
  for (const [who, { count, tech }] of lines) out.push({ field: null, zh: `${who}用到了这一条${count > 1 ? `（${count} 处）` : ''}`, tech: tech.join('\n\n') });
  return out;
}

/** Removes an entry, unless something still refers to it. */
async function remove(ctx: ApiContext, kind: Collection, id: string, version: string | null): Promise<ApiAnswer> {
  const { files, ds, origins, all } = current(ctx.root);
  const stored = readEntry(ctx.root, files, origins, kind, id);
  if (!stored) return answer(404, { zh: '找不到这一条，可能已经被删除了。' });
  if (version !== stored.version) return answer(409, { error: 'stale', zh: '没有删除：您打开这一条之后，别人已经修改了这一条。请重新打开它，看过后再决定是否删除。' });
  let text: string | null = null;
  if (!isMdx(kind)) {
    const list = (JSON.parse(dataFiles(files, kind).find((f) => f.path === stored.file)!.text) as Record<string, unknown>[]).filter((e) => e?.id !== id);
    text = `${JSON.stringify(list, null, 2)}\n`;
  }
  const found = verdict(ctx.root, files, stored.file, text, kind, id, all, labelsOf(ds));
  if (found.length) return problems([{ field: null, zh: '还有别的内容引用着这一条，所以没有删除。请先改掉下面这些引用：' }, ...byReferrer(found)]);
  const label = labelsOf(ds).get(`${kind}:${id}`) ?? id;
  if (text === null) unlinkSync(join(ctx.root, stored.file));
  else writeWhole(join(ctx.root, stored.file), text);
  await ctx.onWrite({ files: [stored.file], message: `删除${COLLECTION_LABELS[kind]}“${label}”` });
  return answer(200, { deleted: id });
}

/** Restores an entry's earlier version (editor-ops reads it from git) through the same checked save. */
export async function restoreEntry(ctx: ApiContext, file: string, id: string, json: unknown, hash = ''): Promise<ApiAnswer> {
  const kind = file.match(/^(?:data|content)\/([^/]+)\//)?.[1];
  if (!kind || !isCollection(kind)) return one('不认识这个文件。');
  const { files, origins } = current(ctx.root);
  const stored = readEntry(ctx.root, files, origins, kind, id);
  let entry = json as Record<string, unknown>;
  if (isMdx(kind) && typeof json === 'string') {
    const m = json.replace(/^\uFEFF/, '').match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
    const { parse } = await import('yaml');
    entry = { id, ...(m ? (parse(m[1], { schema: 'core' }) as Record<string, unknown>) : {}), body: (m ? m[2] : json).trim() };
  }
  return save(ctx, kind, stored ? id : undefined, { entry, version: stored?.version }, hash || 'earlier');
}

/** Entries that refer to an entry, for the delete dialog (computed by removing it and asking check). */
function referrers(ctx: ApiContext, kind: Collection, id: string): FieldProblem[] {
  const { files, ds, origins, all } = current(ctx.root);
  const stored = readEntry(ctx.root, files, origins, kind, id);
  if (!stored) return [];
  const text = isMdx(kind) ? null : `${JSON.stringify((JSON.parse(dataFiles(files, kind).find((f) => f.path === stored.file)!.text) as { id?: string }[]).filter((e) => e?.id !== id), null, 2)}\n`;
  return byReferrer(verdict(ctx.root, files, stored.file, text, kind, id, all, labelsOf(ds)));
}

interface ListState {
  key: string;
  json: EntryListAnswer;
  search: SearchableList;
  /** How many listed entries check finds a mistake in. */
  troubled: number;
}
let lastList: ListState | undefined;

interface EntryListAnswer {
  kinds: { kind: Collection; label: string }[];
  items: readonly Readonly<ListItem>[];
  counties: { id: string; name: string; kind: string; parent?: string }[];
  problemCount: number;
}

/**
 * The list of every entry (GET /api/entries without parameters, for scripts and tests: the interface asks for pages of
 * it with `searchPage`), computed once per checked state of the project.
 */
function entryList(state: ProjectState): EntryListAnswer {
  return listOf(state).json;
}

/**
 * A page of the list (GET /api/entries with any parameter): what matches, how many match, how many entries there are
 * and how many check finds a mistake in; with `with=counties`, the kinds and counties the first screen filters by. `key` names the state of the
 * project the page was made from, so the interface knows when to ask again.
 */
function searchPage(state: ProjectState, params: URLSearchParams) {
  const { json, search, troubled } = listOf(state);
  const page = searchEntries(search, readQuery(params));
  // The kinds and counties (2,400 of them at national size) only for the first screen, which asks with=counties.
  const screen = params.get('with') === 'counties' ? { kinds: json.kinds, counties: json.counties } : {};
  return { ...screen, problemCount: json.problemCount, troubled, total: json.items.length, key: state.key, ...page };
}

function listOf(state: ProjectState): ListState {
  if (lastList?.key === state.key) return lastList;
  const { files, ds, all } = state;
  // Items of their own (listItems' are shared by every request of this state): marked below.
  const items = listItems(ds).map((i) => ({ ...i }));
  items.push(...unreadItems(files, new Set(items.map((i) => `${i.kind}:${i.id}`)), new Set(all.map((p) => p.file))));
  // Entries check finds a mistake in, marked so they can be found and fixed (by file folder and entry id).
  const troubled = new Set(all.flatMap((p) => (p.entry ? [`${p.file.match(/^(?:data|content)\/([^/]+)\//)?.[1]}:${p.entry}`] : [])));
  for (const item of items) if (troubled.has(`${item.kind}:${item.id}`)) item.problem = true;
  const counties = ds.regions.filter((r) => r.kind !== 'province').map((r) => ({ id: r.id, name: r.name, kind: r.kind, parent: r.parent }));
  // Frozen: the same answer goes to every request of this state, and the server serializes a frozen answer once.
  for (const item of items) Object.freeze(item);
  const json = Object.freeze({ kinds: KINDS.map((k) => ({ kind: k, label: COLLECTION_LABELS[k] })), items: Object.freeze(items), counties, problemCount: all.length });
  lastList = { key: state.key, json, search: searchable(items), troubled: items.filter((i) => i.problem).length };
  return lastList;
}

export async function handleEntriesApi(ctx: ApiContext): Promise<ApiAnswer> {
  try {
    let parts: string[];
    try {
      parts = ctx.path.replace(/^\/+|\/+$/g, '').split('/').map(decodeURIComponent);
    } catch {
      // An address that is not UTF-8 once decoded (%E4%B8) names nothing.
      return answer(404, { zh: '没有这个地址。' });
    }
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    if (parts[0] !== 'api') return answer(404, { zh: '没有这个地址。' });
    if (parts[1] === 'import') {
      if (ctx.method !== 'POST') return answer(405, { zh: '不支持这种请求。' });
      if (parts[2] === 'check') return answer(200, await checkImport(ctx.root, body));
      if (parts[2] === 'commit') return writeImport(ctx, body);
      return answer(404, { zh: '没有这个地址。' });
    }
    if (parts[1] === 'body' && parts[2] === 'check') {
      if (ctx.method !== 'POST') return answer(405, { zh: '不支持这种请求。' });
      return answer(200, checkBody(ctx.root, body.body));
    }
    if (parts[1] === 'images') {
      if (ctx.method !== 'POST') return answer(405, { zh: '不支持这种请求。' });
      return saveImage(ctx, body);
    }
    if (parts[1] !== 'entries') return answer(404, { zh: '没有这个地址。' });
    const [kind, id] = [parts[2], parts[3]];
    if (kind === undefined) return answer(200, [...ctx.query.keys()].length ? searchPage(current(ctx.root), ctx.query) : entryList(current(ctx.root)));
    if (!isCollection(kind)) return answer(404, { zh: '没有这种内容。' });
    if (ctx.method === 'POST' && id === '_propose') {
      const { files, ds, origins } = current(ctx.root);
      const entry = (body.entry ?? {}) as Record<string, unknown>;
      return answer(200, { id: proposeId(kind, entry, ds, files), file: fileFor(kind, entry, ds, files, origins) });
    }
    if (ctx.method === 'GET' && id && parts[4] === 'referrers') return answer(200, { referrers: referrers(ctx, kind, id) });
    if (ctx.method === 'GET' && id) {
      const { files, origins } = current(ctx.root);
      const stored = readEntry(ctx.root, files, origins, kind, id);
      if (!stored) return answer(404, { zh: '找不到这一条，可能已经被删除或改名了。' });
      return answer(200, { ...stored, preview: sitePath(kind, stored.entry) });
    }
    if (ctx.method === 'POST' && !id) return save(ctx, kind, undefined, body as SaveBody);
    if (ctx.method === 'PUT' && id) return save(ctx, kind, id, body as SaveBody);
    if (ctx.method === 'DELETE' && id) return remove(ctx, kind, id, ctx.query.get('version') ?? (typeof body.version === 'string' ? body.version : null));
    return answer(405, { zh: '不支持这种请求。' });
  } catch (error) {
    return answer(500, { zh: '编辑器出错了，没有保存任何内容。请把“技术细节”发给技术人员。', tech: String((error as Error)?.stack ?? error) });
  }
}

