/**
 * Importing figures from a spreadsheet (`npm run import -- observations FILE.csv|.xlsx`): the column layout, reading
 * each row into an observation, and checking every row with the same validation as `npm run check`. Pure functions
 * over rows of cells; scripts/import.ts reads the file and writes the JSON.
 */
import { validateDataset, type Entries, type Hint, type Problem, type SourceFiles } from '../data/validate';
import { namedEntries, periodSlug, regionOfSubject, resolveId, slug, suggestIds, uniqueId, withoutEmpty, type NamedEntries } from './scaffold';
import { excerptContainsValue, readNumberField } from '../data/figures';
import type { Observation } from '../schemas';
import { formatPeriod, periodProblem } from '../data/period';
import { subjectName } from '../data/subject';
import { PercentCell, type SheetCell } from '../data/spreadsheet';

/** A spreadsheet cell as src/data/spreadsheet.ts reads it (text, number, true/false, a percentage), or a Date. */
export type Cell = SheetCell | Date;

/** One column of the import layout. The header may name it in Chinese, in English, or both ("数值 value"). */
export interface ImportColumn {
  key: string;
  zh: string;
  required: boolean;
  /** What to write in it, in Chinese (for the guide and for error messages). */
  help: string;
  /** The observation field it fills, to name the column in validation problems. */
  field: string;
}

/** The documented column layout (docs/编辑指南.md, templates/observations-template.csv). */
export const IMPORT_COLUMNS: ImportColumn[] = [
  { key: 'id', zh: '编号', required: false, field: 'id', help: '可留空，留空时自动生成，如 zizhong-remote-imaging-cases-2024' },
  { key: 'indicator', zh: '指标', required: true, field: 'indicator', help: '指标的 id 或名称，如 remote-imaging-cases 或 远程影像诊断人次' },
  { key: 'subject_type', zh: '对象类型', required: false, field: 'subject.type', help: '医共体、地区 或 机构（group / region / institution）；留空时按“对象”自动判断' },
  { key: 'subject', zh: '对象', required: true, field: 'subject.id', help: '医共体、地区或机构的 id 或名称，如 资中县 或 zizhong-people-hospital-group' },
  { key: 'period', zh: '时期', required: true, field: 'period', help: '2024、2024-H1、2024-Q3、2024-08 或 2019-11/2024-08（请把这一列设为“文本”格式）' },
  { key: 'period_label', zh: '时期说明', required: false, field: 'periodLabel', help: '可留空；时期需要文字说明时填写，如 医共体成立以来（截至2024年8月）' },
  { key: 'value', zh: '数值', required: true, field: 'value', help: '纯数字：105423 或 105,423；63.9万 写 639000；百分比写 87.49（单位为 % 的指标也可写 87.49%）' },
  { key: 'kind', zh: '类型', required: false, field: 'kind', help: '实际、目标 或 基线（actual / target / baseline）；留空为 实际' },
  { key: 'qualifier', zh: '限定', required: false, field: 'qualifier', help: '可留空；原文说“以上”“超过”“约”“以下”“不足”时照写' },
  { key: 'note', zh: '说明', required: false, field: 'note', help: '可留空；给读者的简短说明' },
  { key: 'document', zh: '来源文件', required: true, field: 'source.document', help: 'content/documents/ 中文件的 id 或标题' },
  { key: 'section', zh: '来源位置', required: true, field: 'source.section', help: '原文中的标题或段落，如 三、畅通“三大服务”（一）' },
  { key: 'excerpt', zh: '摘录', required: true, field: 'source.excerpt', help: '从原文复制的几个字，必须包含这个数字的原文写法，如 远程影像诊断105423人次' },
];

const SUBJECT_TYPES: Record<string, 'group' | 'region' | 'institution'> = {
  group: 'group',
  医共体: 'group',
  医疗集团: 'group',
  region: 'region',
  地区: 'region',
  institution: 'institution',
  机构: 'institution',
  医疗机构: 'institution',
};
const SUBJECT_COLLECTION: Record<string, 'groups' | 'regions' | 'institutions'> = { group: 'groups', region: 'regions', institution: 'institutions' };
const KINDS: Record<string, string> = { actual: 'actual', 实际: 'actual', target: 'target', 目标: 'target', baseline: 'baseline', 基线: 'baseline' };
const QUALIFIERS: Record<string, string> = {
  'at-least': 'at-least',
  以上: 'at-least',
  不少于: 'at-least',
  至少: 'at-least',
  'more-than': 'more-than',
  超过: 'more-than',
  多于: 'more-than',
  about: 'about',
  约: 'about',
  余: 'about',
  左右: 'about',
  'at-most': 'at-most',
  以下: 'at-most',
  不超过: 'at-most',
  'less-than': 'less-than',
  不足: 'less-than',
  少于: 'less-than',
  低于: 'less-than',
};

const VALUE_HINT: Hint = {
  zh: '“数值”列只写数字，如 105423 或 105,423：不要写单位或“约”“万”。63.9万 写 639000；“约”“以上”写进“限定”列。',
  en: 'The value column holds a number only, e.g. 105423 or 105,423: no units, 约 or 万 (63.9万 is 639000; put 约/以上 in the qualifier column).',
};

/** A cell as text: dates as ISO, numbers as written, everything trimmed. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const columnLabel = (c: ImportColumn) => `${c.zh} ${c.key}`;

/** Which column each header cell names; unknown or repeated headers are problems. */
function readHeader(header: Cell[], file: string, row: number, problems: Problem[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const words = text
      .toLowerCase()
      .split(/[\s()（）/|]+/)
      .map((w) => w.replace(/[-.]/g, '_'))
      .filter(Boolean);
    const column = IMPORT_COLUMNS.find((c) => words.includes(c.key) || words.includes(c.zh) || text === c.zh);
    if (!column) {
      problems.push({
        file,
        line: row,
        field: text,
        zh: `不认识的列名“${text}”`,
        en: `unknown column "${text}"`,
        hint: {
          zh: `列名只能是：${IMPORT_COLUMNS.map(columnLabel).join('、')}。请从 templates/observations-template.csv 复制第一行。`,
          en: `Columns are: ${IMPORT_COLUMNS.map((c) => c.key).join(', ')}. Copy the first row of templates/observations-template.csv.`,
        },
      });
    } else if (columns.has(column.key)) {
      problems.push({ file, line: row, field: text, zh: `“${columnLabel(column)}”这一列出现了两次`, en: `column "${column.key}" appears twice`, hint: { zh: '删掉多余的一列。', en: 'Delete the extra column.' } });
    } else columns.set(column.key, index);
  });
  for (const column of IMPORT_COLUMNS.filter((c) => c.required && !columns.has(c.key))) {
    problems.push({
      file,
      line: row,
      field: columnLabel(column),
      zh: `缺少“${columnLabel(column)}”这一列`,
      en: `the "${column.key}" column is missing`,
      hint: { zh: `加上这一列：${column.help}。`, en: `Add this column (see docs/编辑指南.md for what goes in it).` },
    });
  }
  return columns;
}

/** The figure as a number, where the cell holds one in a form a reader would accept; otherwise the text as typed. */
function readValue(cell: Cell, unit: string | undefined): number | string {
  if (typeof cell === 'number') return cell;
  // A cell formatted as a percentage holds 0.8749 and shows 87.49%: the figure is what it shows.
  if (cell instanceof PercentCell) return unit === '%' ? cell.value : cell.text;
  const text = cellText(cell);
  // 万 and 亿 are refused here: a spreadsheet column holds plain numbers (the column's help says so).
  return readNumberField(text, { percent: unit === '%', multipliers: false }) ?? text;
}

export interface ImportResult {
  /** The observations read from the rows, in row order. */
  observations: Record<string, unknown>[];
  /** The JSON file's text to write, when there are no problems. */
  text: string;
  /** Problems in the spreadsheet, each naming its row (as `line`) and column (as `field`). */
  problems: Problem[];
  /** How many problems other files in the project have (not the spreadsheet's fault, but the build will stop). */
  otherProblems: number;
  /**
   * Rows check accepts but an editor should look at again: a figure that repeats a published one, or one cited to a
   * document about another place. They do not stop the import.
   */
  warnings: Problem[];
}

const WHAT: Record<'regions' | 'groups' | 'institutions' | 'indicators' | 'documents', [string, string]> = {
  regions: ['地区', 'region'],
  groups: ['医共体', 'group'],
  institutions: ['机构', 'institution'],
  indicators: ['指标', 'indicator'],
  documents: ['来源文件', 'document'],
};

/** Entries near a name that matched none, as "名称（id）" for a "did you mean" hint. */
function nearNames(candidates: NamedEntries[keyof NamedEntries], text: string): string[] {
  return suggestIds(candidates, text).map((c) => (c.names[0] ? `${c.names[0]}（${c.id}）` : c.id));
}

/** "没有找到…，您是不是要找 …": a name that matched no entry of the kinds given, with the nearest names. */
function notFound(text: string, kinds: (keyof typeof WHAT)[], named: NamedEntries, where: Omit<Problem, 'zh' | 'en'>): Problem {
  const near = [...new Set(kinds.flatMap((k) => nearNames(named[k], text)))].slice(0, 5);
  const zhKinds = kinds.map((k) => WHAT[k][0]).join('、');
  const enKinds = kinds.map((k) => WHAT[k][1]).join(', ');
  return {
    ...where,
    zh: `没有找到名为“${text}”的${zhKinds}${near.length ? `，您是不是要找 ${near.join('、')}？` : ''}`,
    en: `no ${enKinds} is called "${text}"${near.length ? `; did you mean ${near.join(', ')}?` : ''}`,
    hint: near.length
      ? { zh: `把这一格改成上面列出的名称之一（写全称，或写括号里的 id）。`, en: 'Write one of the names suggested (in full, or the id in brackets).' }
      : {
          zh: `核对拼写；名称和 id 见 ${kinds.map((k) => (k === 'documents' ? 'content/documents/' : `data/${k}/`)).join('、')}。还没有这个条目时，先添加它（npm run edit 或 npm run new）。`,
          en: `Check the spelling; names and ids are in ${kinds.map((k) => (k === 'documents' ? 'content/documents/' : `data/${k}/`)).join(', ')}. Add the entry first if it does not exist (npm run edit or npm run new).`,
        },
  };
}

/**
 * Reads spreadsheet rows (the first non-empty row is the header) into observations and validates them together with
 * the rest of the project, as if written to `outPath`. Rows whose first cell starts with `#` are comments.
 */
export function importObservations(rows: Cell[][], options: { file: string; outPath: string; files: SourceFiles }): ImportResult {
  const { file, outPath, files } = options;
  const problems: Problem[] = [];
  const blank = (row: Cell[]) => row.every((c) => cellText(c) === '');
  const comment = (row: Cell[]) => cellText(row.find((c) => cellText(c) !== '')).startsWith('#');

  const headerIndex = rows.findIndex((row) => !blank(row) && !comment(row));
  if (headerIndex < 0) {
    problems.push({ file, zh: '表格是空的', en: 'the spreadsheet is empty', hint: { zh: '从 templates/observations-template.csv 开始填写。', en: 'Start from templates/observations-template.csv.' } });
    return { observations: [], text: '', problems, otherProblems: 0, warnings: [] };
  }
  const columns = readHeader(rows[headerIndex], file, headerIndex + 1, problems);
  if (problems.length) return { observations: [], text: '', problems, otherProblems: 0, warnings: [] };

  const others: SourceFiles = { data: { ...files.data, observations: files.data.observations.filter((f) => f.path !== outPath) }, mdx: files.mdx };
  const { entries: dataset } = validateDataset(others);
  const named = namedEntries(dataset);
  const taken = new Set<string>();
  for (const f of others.data.observations) for (const m of f.text.matchAll(/"id"\s*:\s*"([^"]+)"/g)) taken.add(m[1]);

  const entries: { row: number; entry: Record<string, unknown> }[] = [];
  const unclearSubject = new Set<number>();
  rows.forEach((row, index) => {
    if (index <= headerIndex || blank(row) || comment(row)) return;
    const rowNumber = index + 1;
    const cell = (key: string): Cell => (columns.has(key) ? row[columns.get(key)!] : undefined);
    const text = (key: string) => cellText(cell(key));

    const indicator = resolveId(named.indicators, text('indicator')) ?? text('indicator');
    const subjectText = text('subject');
    let subjectType: string | undefined = SUBJECT_TYPES[text('subject_type').toLowerCase()] ?? (text('subject_type') || undefined);
    if (!subjectType && subjectText) {
      const fits = (['group', 'region', 'institution'] as const).filter((type) => resolveId(named[`${type}s`], subjectText));
      if (fits.length === 1) subjectType = fits[0];
      else {
        unclearSubject.add(rowNumber);
        const where = { file, line: rowNumber, field: columnLabel(IMPORT_COLUMNS.find((c) => c.key === (fits.length ? 'subject_type' : 'subject'))!) };
        problems.push(
          fits.length
            ? {
                ...where,
                zh: `“${subjectText}”既可能是${fits.join('也可能是')}，无法判断对象类型`,
                en: `"${subjectText}" could be a ${fits.join(' or a ')}; the subject type is unclear`,
                hint: {
                  zh: '在“对象类型”列写明 医共体、地区 或 机构，并在“对象”列写它的 id（见 data/groups/、data/regions/、data/institutions/）。',
                  en: 'Fill the subject_type column (group, region or institution) and write the subject id (see data/groups/, data/regions/, data/institutions/).',
                },
              }
            : notFound(subjectText, ['regions', 'groups', 'institutions'], named, where),
        );
      }
    }
    const collection = subjectType === 'group' ? 'groups' : subjectType === 'institution' ? 'institutions' : 'regions';
    const subject = (subjectType && resolveId(named[collection], subjectText)) || subjectText;
    // Names that match nothing are reported here, with suggestions, for every column at once: check would only say
    // the text is not an id, and only once the rest of the row is valid.
    const reported = (key: string) => problems.some((p) => p.line === rowNumber && p.field === columnLabel(IMPORT_COLUMNS.find((c) => c.key === key)!));
    const at = (key: string) => ({ file, line: rowNumber, field: columnLabel(IMPORT_COLUMNS.find((c) => c.key === key)!) });
    if (text('indicator') && !resolveId(named.indicators, text('indicator'))) problems.push(notFound(text('indicator'), ['indicators'], named, at('indicator')));
    if (subjectType && SUBJECT_COLLECTION[subjectType] && subjectText && !resolveId(named[SUBJECT_COLLECTION[subjectType]], subjectText) && !reported('subject'))
      problems.push(notFound(subjectText, [SUBJECT_COLLECTION[subjectType]], named, at('subject')));
    if (text('document') && !resolveId(named.documents, text('document'))) problems.push(notFound(text('document'), ['documents'], named, at('document')));
    const period = text('period');
    const unit = dataset.indicators.find((i) => i.id === indicator)?.unit;
    const valueCell = cell('value');
    if (valueCell instanceof PercentCell && unit !== undefined && unit !== '%')
      problems.push({
        ...at('value'),
        zh: `这一格是百分比格式（${valueCell.text}），但指标“${indicator}”的单位是“${unit}”`,
        en: `the cell is formatted as a percentage (${valueCell.text}) but the indicator "${indicator}" is counted in ${unit}`,
        hint: {
          zh: '核对指标是否选对；如果数字本身没错，在 Excel 里把这一格的格式改成“常规”或“数值”。',
          en: 'Check the indicator; if the figure is right, set the cell format to General or Number in Excel.',
        },
      });
    const base = [regionOfSubject(dataset, subjectType ?? '', subject), indicator, periodSlug(period)].filter(Boolean).join('-');
    const id = text('id') || uniqueId(slug(base) || 'import', taken);
    taken.add(id);
    entries.push({
      row: rowNumber,
      entry: withoutEmpty({
        id,
        indicator,
        subject: { type: subjectType, id: subject },
        period,
        periodLabel: text('period_label'),
        value: cell('value') === undefined || text('value') === '' ? undefined : readValue(cell('value'), unit),
        kind: KINDS[text('kind').toLowerCase()] ?? (text('kind') || 'actual'),
        qualifier: QUALIFIERS[text('qualifier').toLowerCase()] ?? (text('qualifier') || undefined),
        note: text('note'),
        source: { document: resolveId(named.documents, text('document')) ?? text('document'), section: text('section'), excerpt: text('excerpt') },
      }),
    });
  });

  if (entries.length === 0 && problems.length === 0) {
    problems.push({
      file,
      zh: '表格里没有数据行（以 # 开头的行是说明，不会导入）',
      en: 'the spreadsheet has no data rows (rows starting with # are comments)',
      hint: { zh: '在第一行列名下面每行填一个数字。', en: 'Write one figure per row under the header row.' },
    });
  }

  // Validate as the file would be written, one entry per line, so a problem's line leads back to its row.
  const oneLine = `[\n${entries.map((e) => JSON.stringify(e.entry)).join(',\n')}\n]\n`;
  const candidate: SourceFiles = { data: { ...others.data, observations: [...others.data.observations, { path: outPath, text: oneLine }] }, mdx: others.mdx };
  const all = validateDataset(candidate).problems;
  // Cells already reported by name resolution above are not reported again in check's words.
  const key = (line: number | undefined, field: string | undefined) => `${line}\u0000${field}`;
  const seen = new Set(problems.map((p) => key(p.line, p.field)));
  const rowOfLine = (line?: number) => (line && line >= 2 ? entries[line - 2]?.row : undefined);
  const mentionsOut = new RegExp(`${outPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`, 'g');
  const retarget = (s: string) => s.replace(mentionsOut, (_m, line: string) => `${file}:${rowOfLine(Number(line)) ?? line}`);
  for (const p of all.filter((p) => p.file === outPath)) {
    const column = IMPORT_COLUMNS.find((c) => p.field && (p.field === c.field || p.field.startsWith(`${c.field}.`)));
    const hint: Hint | undefined = column && p.zh === '缺少必填字段'
      ? { zh: `在这一行的“${column.zh}”列填写：${column.help}。`, en: `Fill the ${column.key} column of this row.` }
      : column?.key === 'value' && p.zh.startsWith('应为')
        ? VALUE_HINT
        : p.hint && { zh: retarget(p.hint.zh), en: retarget(p.hint.en) };
    const line = rowOfLine(p.line);
    const field = column ? columnLabel(column) : p.field;
    // A row whose subject could not be made out is reported once, not again for each subject field.
    if (column && (column.key === 'subject' || column.key === 'subject_type') && unclearSubject.has(line ?? 0)) continue;
    if (seen.has(key(line, field))) continue;
    problems.push({ ...p, file, line, field, zh: retarget(p.zh), en: retarget(p.en), hint });
  }
  // Check tests a period's calendar and an excerpt's figure only once the row's fields are all well-formed; test them
  // here too, so that one wrong cell does not hide another in the same row.
  const reportedAt = new Set(problems.map((p) => key(p.line, p.field)));
  for (const { row, entry } of entries) {
    const o = entry as Partial<Observation>;
    const add = (column: string, zh: string, en: string) => {
      const field = columnLabel(IMPORT_COLUMNS.find((c) => c.key === column)!);
      if (!reportedAt.has(key(row, field))) problems.push({ file, line: row, field, zh, en });
      reportedAt.add(key(row, field));
    };
    const wrongPeriod = typeof o.period === 'string' ? periodProblem(o.period) : undefined;
    if (wrongPeriod) add('period', ...(wrongPeriod.split(' / ') as [string, string]));
    const excerpt = o.source?.excerpt;
    if (typeof o.value === 'number' && Number.isFinite(o.value) && excerpt && !excerptContainsValue(excerpt, o.value))
      add('excerpt', `摘录“${excerpt}”中找不到数值 ${o.value}：摘录须包含原文写法的该数字`, `the excerpt does not contain the value ${o.value} as the source wrote it`);
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const otherProblems = all.filter((p) => p.file !== outPath).length;
  return {
    observations: entries.map((e) => e.entry),
    text: problems.length ? '' : `${JSON.stringify(entries.map((e) => e.entry), null, 2)}\n`,
    problems,
    otherProblems,
    warnings: importWarnings(entries, dataset, others, file),
  };
}

const normalExcerpt = (s: string) => s.replace(/[\s，,。.、]/g, '');

/**
 * Rows that repeat a published figure (same indicator, subject and period; or the same value with the same excerpt,
 * e.g. a second copy under another period code), or repeat an earlier row, and figures cited to a document about
 * another place. One Map lookup per row.
 */
function importWarnings(entries: { row: number; entry: Record<string, unknown> }[], dataset: Entries, others: SourceFiles, file: string): Problem[] {
  const warnings: Problem[] = [];
  const fileOf = new Map<string, string>();
  for (const f of others.data.observations) for (const m of f.text.matchAll(/"id"\s*:\s*"([^"]+)"/g)) fileOf.set(m[1], f.path);
  const bySlot = new Map<string, { id: string; where: string; name: string }>();
  const byFigure = new Map<string, { id: string; where: string; name: string }>();
  // A published figure as staff know it (资中县 · 医共体数量 · 2024年); its id and file are for the English line.
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((e) => [e.id, e]));
  const lookup = { region: byId(dataset.regions), group: byId(dataset.groups), institution: byId(dataset.institutions) };
  const indicatorNames = new Map(dataset.indicators.map((i) => [i.id, i.name]));
  const nameOf = (o: Observation) => `${subjectName(lookup, o.subject)} · ${indicatorNames.get(o.indicator) ?? o.indicator} · ${formatPeriod(o.period)}`;
  const slot = (o: Partial<Observation>) => `${o.indicator}|${o.subject?.type}|${o.subject?.id}|${o.period}`;
  const figure = (o: Partial<Observation>) => `${o.value}|${normalExcerpt(o.source?.excerpt ?? '')}`;
  for (const o of dataset.observations) {
    const published = { id: o.id, where: fileOf.get(o.id) ?? 'data/observations/', name: `“${nameOf(o)}”` };
    bySlot.set(slot(o), published);
    byFigure.set(figure(o), published);
  }
  const parent = new Map(dataset.regions.map((r) => [r.id, r.parent]));
  const upFrom = (region: string | undefined) => {
    const chain = new Set<string>();
    // The guard stops at a loop: check reports it, the importer must not hang on it.
    for (let r = region; r && !chain.has(r); r = parent.get(r)) chain.add(r);
    return chain;
  };
  const documentRegions = new Map(dataset.documents.map((d) => [d.id, d.data.regions]));
  const documentTitles = new Map(dataset.documents.map((d) => [d.id, d.data.title]));
  const regionName = (id: string) => lookup.region.get(id)?.name ?? id;
  for (const { row, entry } of entries) {
    const o = entry as Partial<Observation>;
    const here = { id: `${file} 第 ${row} 行`, where: file, name: `表格第 ${row} 行` };
    const same = bySlot.get(slot(o));
    const copy = byFigure.get(figure(o));
    if (same)
      warnings.push({
        file, line: row, entry: o.id,
        zh: `已经发布过同一指标、同一对象、同一时期的数字：${same.name}`,
        en: `a figure for the same indicator, subject and period is already published: ${same.id} (${same.where})`,
        hint: { zh: '如果是改正那个数字，请打开那个数字修改，并写一条更正；如果确实是另一个数字，在“说明”列写明区别。', en: 'To correct that figure, edit it where it is and record a correction; if it is a different figure, say how in the note column.' },
      });
    else if (copy && o.source?.excerpt)
      warnings.push({
        file, line: row, entry: o.id,
        zh: `与已发布的数字${copy.name}数值和摘录都相同，可能重复录入了（时期或对象写法不同）`,
        en: `the same value and excerpt as the published figure ${copy.id} (${copy.where}); probably entered twice under another period or subject`,
        hint: { zh: '核对原文：同一句话只对应一个数字。重复的行删掉即可。', en: 'Check the source: one sentence gives one figure. Delete the repeated row.' },
      });
    bySlot.set(slot(o), same ?? here);
    if (!copy) byFigure.set(figure(o), here);
    const section = o.source?.section ?? '';
    if ([...section.replace(/[\s、.，,。]/g, '')].length < 2)
      warnings.push({
        file, line: row, entry: o.id, field: columnLabel(IMPORT_COLUMNS.find((c) => c.key === 'section')!),
        zh: `来源位置“${section}”太短，读者在原文里找不到这个数字`,
        en: `the section "${section}" is too short for a reader to find the figure in the source`,
        hint: { zh: '写原文的标题或段落，如 三、畅通“三大服务”（一）。', en: 'Write the heading or paragraph of the source, e.g. 三、畅通“三大服务”（一）.' },
      });
    const regions = o.source?.document ? documentRegions.get(o.source.document) : undefined;
    const subjectRegion = o.subject?.type && o.subject.id ? regionOfSubject(dataset, o.subject.type, o.subject.id) : undefined;
    if (regions && subjectRegion) {
      const up = upFrom(subjectRegion);
      const related = regions.some((r) => up.has(r) || upFrom(r).has(subjectRegion));
      if (!related)
        warnings.push({
          file, line: row, entry: o.id, field: columnLabel(IMPORT_COLUMNS.find((c) => c.key === 'document')!),
          zh: `来源文件“${documentTitles.get(o.source!.document) ?? o.source!.document}”讲的是${regions.map(regionName).join('、')}，而这个数字的对象在${regionName(subjectRegion)}：来源可能填错了`,
          en: `the document "${o.source!.document}" concerns ${regions.join(', ')}, but the figure's subject is in ${subjectRegion}: the source may be wrong`,
        });
    }
  }
  return warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
