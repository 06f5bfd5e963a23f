/**
 * Importing figures from a spreadsheet (`npm run import -- observations FILE.csv|.xlsx`): the column layout, reading
 * each row into an observation, and checking every row with the same validation as `npm run check`. Pure functions
 * over rows of cells; scripts/import.ts reads the file and writes the JSON.
 */
import { validateDataset, type Hint, type Problem, type SourceFiles } from './validate';
import { namedEntries, periodSlug, regionOfSubject, resolveId, slug, uniqueId, withoutEmpty } from './scaffold';

/** A spreadsheet cell as csv-parse (text) or read-excel-file (typed) gives it. */
export type Cell = string | number | boolean | Date | null | undefined;

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
  const text = cellText(cell);
  const plain = text.replace(/^(-?\d{1,3}(?:,\d{3})+)(\.\d+)?$/, (_m, whole: string, frac = '') => whole.replace(/,/g, '') + frac);
  const withoutPercent = unit === '%' ? plain.replace(/%$/, '') : plain;
  return /^-?\d+(\.\d+)?$/.test(withoutPercent) ? Number(withoutPercent) : text;
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
    return { observations: [], text: '', problems, otherProblems: 0 };
  }
  const columns = readHeader(rows[headerIndex], file, headerIndex + 1, problems);
  if (problems.length) return { observations: [], text: '', problems, otherProblems: 0 };

  const others: SourceFiles = { data: { ...files.data, observations: files.data.observations.filter((f) => f.path !== outPath) }, mdx: files.mdx };
  const { dataset } = validateDataset(others);
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
        problems.push({
          file,
          line: rowNumber,
          field: columnLabel(IMPORT_COLUMNS.find((c) => c.key === (fits.length ? 'subject_type' : 'subject'))!),
          zh: fits.length ? `“${subjectText}”既可能是${fits.join('也可能是')}，无法判断对象类型` : `找不到名为“${subjectText}”的医共体、地区或机构`,
          en: fits.length ? `"${subjectText}" could be a ${fits.join(' or a ')}; the subject type is unclear` : `no group, region or institution is called "${subjectText}"`,
          hint: {
            zh: '在“对象类型”列写明 医共体、地区 或 机构，并在“对象”列写它的 id（见 data/groups/、data/regions/、data/institutions/）。',
            en: 'Fill the subject_type column (group, region or institution) and write the subject id (see data/groups/, data/regions/, data/institutions/).',
          },
        });
      }
    }
    const collection = subjectType === 'group' ? 'groups' : subjectType === 'institution' ? 'institutions' : 'regions';
    const subject = (subjectType && resolveId(named[collection], subjectText)) || subjectText;
    const period = text('period');
    const unit = dataset.indicators.find((i) => i.id === indicator)?.unit;
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
    problems.push({ ...p, file, line, field, zh: retarget(p.zh), en: retarget(p.en), hint });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const otherProblems = all.filter((p) => p.file !== outPath).length;
  return {
    observations: entries.map((e) => e.entry),
    text: problems.length ? '' : `${JSON.stringify(entries.map((e) => e.entry), null, 2)}\n`,
    problems,
    otherProblems,
  };
}
