/**
 * Importing figures from a spreadsheet in the browser: the file comes as base64 in JSON, is read as
 * `npm run import` reads it (src/data/spreadsheet.ts: one encoding per file, a bad byte named by row and column,
 * Excel cells with their format) and checked row by row by the same importer
 * (importObservations). Every problem of every row is answered at once; nothing is written until every row passes.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readSpreadsheet } from '../../data/spreadsheet';
import { importObservations, IMPORT_COLUMNS, type Cell } from '../../publishing/import-observations';
import { appendToJsonArray, slug, todayInChina } from '../../publishing/scaffold';
import { formatProblem, type Problem, type SourceFiles } from '../../data/validate';
import { check, sourceFiles } from '../project';
import type { ApiAnswer, ApiContext } from './index';
import { fileFor, idFromName } from './entries';

/** Largest spreadsheet accepted (the server bounds the request too). */
export const IMPORT_MAX_BYTES = 5_000_000;

export interface ImportRowProblem {
  row: number | null;
  column: string;
  zh: string;
  suggestion?: string;
  tech?: string;
}
export interface ImportCheck {
  ok: boolean;
  rows: number;
  /** Where the figures go (for 技术细节): each county's own file, comma-separated. */
  file: string;
  problems: ImportRowProblem[];
  warnings: ImportRowProblem[];
  zh?: string;
}

/** Words of a hint a staff member can act on: none that send them to folders, files or a terminal. */
const PLUMBING = /npm |src\/|data\/|content\/|templates\/|\.json|\.csv|\bid\b|JSON|\b[a-z_]{3,}\b/;

function rowProblem(p: Problem): ImportRowProblem {
  const column = IMPORT_COLUMNS.find((c) => p.field === `${c.zh} ${c.key}`)?.zh ?? p.field?.replace(/\s+[a-z_]+$/, '') ?? '';
  const hint = p.hint?.zh && !PLUMBING.test(p.hint.zh) ? p.hint.zh : undefined;
  // Where a file lies is for whoever helps (技术细节), not for the staff member's table.
  const zh = p.zh.replace(/[（(](?:data|content)\/[^）)]*[）)]/g, '').replace(/(?:data|content)\/[\w./-]+/g, '').trim();
  return { row: p.line ?? null, column, zh, suggestion: hint, tech: `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` · ${p.field}` : ''}\n${p.en}${p.hint ? `\n${p.hint.zh}\n${p.hint.en}` : ''}` };
}

/** The rows of a spreadsheet, or what is wrong with the file itself (a sentence, or problems by row and column). */
function rowsOf(name: string, bytes: Buffer): Cell[][] | string | { problems: ImportRowProblem[] } {
  const ext = name.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? '';
  if (ext === '.xls' || ext === '.et') return '不能直接读取这种老格式的表格：请在表格软件里“另存为” .xlsx 或 CSV（UTF-8）后再上传。';
  const result = readSpreadsheet(name, bytes);
  if (!result) return '只能上传 .xlsx 或 .csv 表格。';
  if (result.problems.length) return { problems: result.problems.map((p) => rowProblem(p as Problem)) };
  return result.rows as Cell[][];
}

/** The file the figures of a spreadsheet go to: named after the spreadsheet, never over an existing file. */
function outPathFor(root: string, name: string): string {
  const base = slug(name.replace(/\.[a-z]+$/i, '')) || idFromName(name.replace(/\.[a-z]+$/i, '')) || `import-${todayInChina()}`;
  let path = `data/observations/${base}.json`;
  for (let n = 2; existsSync(join(root, path)); n++) path = `data/observations/${base}-${n}.json`;
  return path;
}

/** A copy of the project's files with one data file's text replaced or added, in path order as check reads them. */
function withDataFile(files: SourceFiles, path: string, text: string): SourceFiles {
  const observations = files.data.observations.filter((f) => f.path !== path);
  const at = observations.findIndex((f) => f.path > path);
  observations.splice(at < 0 ? observations.length : at, 0, { path, text });
  return { ...files, data: { ...files.data, observations } };
}

/**
 * Where each imported figure goes, as a figure saved in the form goes (issue 26: the file follows from the entry):
 * its subject's county file, the one that already holds most of that county's figures. A figure whose county has no
 * file yet goes to the county's new file. The spreadsheet's own file (`fallback`) is used only if the placed files
 * would not check clean where the single file did, so placing can never make an import fail.
 */
function placeFigures(root: string, files: SourceFiles, observations: Record<string, unknown>[], fallback: { path: string; text: string }): { path: string; text: string }[] {
  const { entries, origins, problems } = check(root, files);
  const byFile = new Map<string, Record<string, unknown>[]>();
  // One lookup per subject, not per row: finding a county's file reads every figure of the dataset.
  const fileOfSubject = new Map<string, string>();
  for (const o of observations) {
    const subject = o.subject as { type?: string; id?: string } | undefined;
    const key = `${subject?.type}:${subject?.id}`;
    if (!fileOfSubject.has(key)) fileOfSubject.set(key, fileFor('observations', o, entries, files, origins) ?? fallback.path);
    const path = fileOfSubject.get(key)!;
    byFile.set(path, [...(byFile.get(path) ?? []), o]);
  }
  const writes: { path: string; text: string }[] = [];
  let edited = files;
  for (const [path, list] of byFile) {
    let text: string | undefined = files.data.observations.find((f) => f.path === path)?.text;
    for (const o of list) text = text === undefined ? appendToJsonArray(undefined, o) : appendToJsonArray(text, o);
    if (text === undefined) return [fallback];
    writes.push({ path, text });
    edited = withDataFile(edited, path, text);
  }
  const before = new Set(problems.map(formatProblem));
  return check(root, edited).problems.some((p) => !before.has(formatProblem(p))) ? [fallback] : writes;
}

export async function checkSpreadsheet(root: string, body: Record<string, unknown>): Promise<ImportCheck & { writes?: { path: string; text: string }[] }> {
  const name = typeof body.name === 'string' ? body.name : '';
  const data = typeof body.data === 'string' ? body.data : '';
  const empty: ImportCheck = { ok: false, rows: 0, file: '', problems: [], warnings: [] };
  if (!name || !data) return { ...empty, zh: '请先选择一个表格文件。' };
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > IMPORT_MAX_BYTES) return { ...empty, zh: '表格太大（超过 5 MB），请分成几个文件导入。' };
  let rows: ReturnType<typeof rowsOf>;
  try {
    rows = rowsOf(name, bytes);
  } catch (error) {
    return { ...empty, zh: '读不了这个表格文件，请在表格软件里重新“另存为” .xlsx 或 CSV（UTF-8）。', problems: [{ row: null, column: '', zh: '文件读不出来', tech: String((error as Error).message) }] };
  }
  if (typeof rows === 'string') return { ...empty, zh: rows };
  if (!Array.isArray(rows)) return { ...empty, zh: '表格文件本身有问题（例如编码不对或有乱码），没有导入任何数据；请按下表修改后重新上传。', problems: rows.problems };
  const outPath = outPathFor(root, name);
  const files = sourceFiles(root);
  const result = importObservations(rows, { file: name, outPath, files });
  const ok = result.problems.length === 0 && result.text !== '';
  const writes = ok ? placeFigures(root, files, result.observations, { path: outPath, text: result.text }) : undefined;
  return {
    ok: result.problems.length === 0,
    rows: result.observations.length,
    file: writes ? writes.map((w) => w.path).join(', ') : outPath,
    problems: result.problems.map(rowProblem),
    warnings: result.warnings.map(rowProblem),
    writes,
  };
}

export async function checkImport(root: string, body: Record<string, unknown>): Promise<ImportCheck> {
  const { writes: _writes, ...check } = await checkSpreadsheet(root, body);
  return check;
}

export async function writeImport(ctx: ApiContext, body: Record<string, unknown>): Promise<ApiAnswer> {
  const { writes, ...check } = await checkSpreadsheet(ctx.root, body);
  if (!check.ok || !writes) return { status: 422, json: { ...check, zh: check.zh ?? '表格里还有问题，没有导入任何数据。' } };
  if (check.warnings.length && body.acceptWarnings !== true)
    return { status: 422, json: { ...check, zh: '请先核对提醒（可能与已发布的数据重复），确认后再导入。' } };
  // Every file is written beside itself first, then each renamed over its old version: no half-written file.
  const temps = writes.map(({ path, text }) => {
    mkdirSync(dirname(join(ctx.root, path)), { recursive: true });
    const temp = join(ctx.root, `${path}.${process.pid}.editing`);
    writeFileSync(temp, text);
    return { temp, path };
  });
  for (const { temp, path } of temps) renameSync(temp, join(ctx.root, path));
  await ctx.onWrite({ files: writes.map((w) => w.path), message: `导入表格“${String(body.name)}”中的 ${check.rows} 条数据` });
  return { status: 201, json: check };
}
