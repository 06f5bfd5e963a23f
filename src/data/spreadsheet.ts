/**
 * Reading the spreadsheets editors import (`npm run import`, the editor's import): CSV and .xlsx, as rows of cells.
 *
 * CSV: a file is one encoding. UTF-8 (with or without BOM), UTF-16 with its BOM, or GB18030 (Excel's "CSV（逗号分隔）"
 * on Chinese Windows) when the file as a whole is GB18030; never a mix. A byte that is not text in the file's encoding
 * is reported with its row and column, never imported as mojibake.
 *
 * .xlsx: read with each cell's number format, since that is what the editor sees: a cell shown as 2024-08 is the
 * month 2024-08 (not the day 2024-08-01), a cell shown as 87.49% is the percentage 87.49 (not 0.8749). The workbook is
 * unzipped here with node:zlib's output cap, so a zip bomb stops at the cap instead of filling memory; each part is
 * parsed by @xmldom/xmldom (the XML parser read-excel-file used), with document type declarations refused.
 */
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';

/** A percentage as the sheet shows it: 0.8749 formatted 0.00% is 87.49, written "87.49%". */
export class PercentCell {
  constructor(
    /** The number shown before the % sign. */
    readonly value: number,
    /** As shown: "87.49%". */
    readonly text: string,
  ) {}
  toString() {
    return this.text;
  }
}

/** A spreadsheet cell: text, a number, true/false, a percentage, or empty. Dates are read as the text the sheet shows. */
export type SheetCell = string | number | boolean | PercentCell | null | undefined;

/** A problem with the file itself: where it is (row and column when known), in Chinese and English. */
export interface SheetProblem {
  file: string;
  line?: number;
  field?: string;
  zh: string;
  en: string;
  hint?: { zh: string; en: string };
}

export type SheetResult = { rows: SheetCell[][]; problems: [] } | { rows?: undefined; problems: SheetProblem[] };

/** Largest spreadsheet read: far above any sheet of figures, far below what would exhaust memory. */
export const SHEET_MAX_BYTES = 20 * 1024 * 1024;
/** Largest unzipped part of an .xlsx (the sheet's XML); a zip bomb stops here. */
export const XLSX_PART_MAX_BYTES = 64 * 1024 * 1024;
/** Most rows read from one sheet. */
export const SHEET_MAX_ROWS = 100_000;

/** "A", "B", … "AA": a column as the spreadsheet names it. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const REPLACEMENT = '\uFFFD';

/** Counts of what a UTF-8 reading of the bytes finds: valid multibyte characters and invalid sequences. */
function utf8Census(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length + 0;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Lines (1-based) that are UTF-8 with a character of three bytes or more: in a GB18030 file, such a line was pasted from elsewhere. */
function utf8Lines(bytes: Uint8Array): number[] {
  const found: number[] = [];
  let start = 0;
  let line = 1;
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const slice = bytes.subarray(start, i);
      if (slice.some((b) => b >= 0xe0)) {
        try {
          strict.decode(slice);
          found.push(line);
        } catch {
          /* not UTF-8: as the file */
        }
      }
      start = i + 1;
      line++;
    }
  }
  return found;
}

const ENCODING_HINT = {
  zh: '在 Excel 里打开原表格，选择“另存为”→“CSV UTF-8（逗号分隔）”，再导入一次；或者直接导入 .xlsx 文件。',
  en: 'Open the sheet in Excel, Save As "CSV UTF-8 (Comma delimited)", and import again; or import the .xlsx itself.',
};

/**
 * A CSV file's rows, decoded in one encoding. Problems name every cell holding a byte that is not text in that
 * encoding (row, column letter and header), or every row written in another encoding than the rest of the file.
 */
export function readCsv(file: string, bytes: Uint8Array): SheetResult {
  if (bytes.length > SHEET_MAX_BYTES) return { problems: [tooLarge(file, bytes.length)] };
  let text: string;
  let encoding = 'UTF-8';
  let foreignLines: number[] = [];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'UTF-16LE';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'UTF-16BE';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const census = hasBom ? { valid: 1, invalid: 0 } : utf8Census(bytes);
    if (census.invalid > 0 && census.invalid > census.valid) {
      // Most of the non-ASCII text is not UTF-8: the file is GB18030 (GBK) as a whole.
      encoding = 'GB18030';
      text = new TextDecoder('gb18030').decode(bytes);
      foreignLines = utf8Lines(bytes);
    } else {
      text = new TextDecoder('utf-8').decode(bytes);
    }
    text = text.replace(/^\uFEFF/, '');
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false, info: true, max_record_size: 1_000_000 }) as unknown as typeof records;
  } catch (error) {
    return { problems: [{ file, line: (error as { lines?: number }).lines, zh: `CSV 格式错误，表格无法读取：${(error as Error).message}`, en: `broken CSV, the sheet cannot be read: ${(error as Error).message}`, hint: ENCODING_HINT }] };
  }
  if (records.length > SHEET_MAX_ROWS) return { problems: [tooManyRows(file, records.length)] };
  const rows = records.map((r) => r.record);
  const header = rows.find((row) => row.some((c) => c.trim() !== '')) ?? [];
  const problems: SheetProblem[] = [];
  // Rows by the line each record ends on (a quoted cell may span lines).
  const rowOfLine = (line: number) => records.findIndex((r) => r.info.lines >= line) + 1 || line;
  const foreignRows = [...new Set(foreignLines.map(rowOfLine))];
  const named = (column: number) => `${columnLetter(column)} 列${header[column]?.trim() ? `（${header[column].trim()}）` : ''}`;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.includes(REPLACEMENT) || foreignRows.includes(r + 1)) return;
      const at = [...cell].findIndex((ch) => ch === REPLACEMENT);
      problems.push({
        file,
        line: r + 1,
        field: named(c),
        zh: `第 ${r + 1} 行 ${named(c)}第 ${at + 1} 个字处有不是 ${encoding} 文字的字节：文件的编码有误，导入会变成乱码`,
        en: `row ${r + 1}, column ${columnLetter(c)}, character ${at + 1}: a byte that is not ${encoding} text; the file's encoding is broken and would import as garbled text`,
        hint: ENCODING_HINT,
      });
    }),
  );
  {
    for (const row of foreignRows)
      problems.push({
        file,
        line: row,
        zh: `第 ${row} 行是 UTF-8 编码，而文件其余部分是 GBK（GB18030）编码：一个文件只能用一种编码，导入会变成乱码`,
        en: `row ${row} is UTF-8 while the rest of the file is GBK (GB18030): a file has one encoding, this would import as garbled text`,
        hint: ENCODING_HINT,
      });
  }
  return problems.length ? { problems } : { rows, problems: [] };
}

function tooLarge(file: string, size: number): SheetProblem {
  return {
    file,
    zh: `表格文件有 ${(size / 1024 / 1024).toFixed(1)} MB，超过 ${SHEET_MAX_BYTES / 1024 / 1024} MB`,
    en: `the spreadsheet is ${(size / 1024 / 1024).toFixed(1)} MB, over ${SHEET_MAX_BYTES / 1024 / 1024} MB`,
    hint: { zh: '一次只导入一部分数据：把表格拆成几个文件。', en: 'Import the figures in parts: split the sheet into several files.' },
  };
}

function tooManyRows(file: string, rows: number): SheetProblem {
  return {
    file,
    zh: `表格有 ${rows} 行，超过 ${SHEET_MAX_ROWS} 行`,
    en: `the sheet has ${rows} rows, over ${SHEET_MAX_ROWS}`,
    hint: { zh: '把表格拆成几个文件分别导入。', en: 'Split the sheet into several files and import each.' },
  };
}

const broken = (file: string, why: string): SheetProblem => ({
  file,
  zh: `.xlsx 文件已损坏或不是 Excel 表格，无法读取（${why}）`,
  en: `the .xlsx file is damaged or not an Excel workbook and cannot be read (${why})`,
  hint: { zh: '在 Excel 或 WPS 里打开它，“另存为” .xlsx 后再导入。', en: 'Open it in Excel or WPS, Save As .xlsx, and import again.' },
});

/** The parts of a zip archive by name: where each one's data starts, its method and sizes. */
function zipDirectory(zip: Buffer): Map<string, { offset: number; method: number; size: number; declared: number }> | string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) return '不是 zip 文件 / not a zip archive';
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const parts = new Map<string, { offset: number; method: number; size: number; declared: number }>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return '目录损坏 / damaged directory';
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const declared = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (size === 0xffffffff || local === 0xffffffff) return 'zip64 不支持 / zip64 is not supported';
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return '文件头损坏 / damaged header';
    const offset = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    parts.set(name.replace(/^\//, ''), { offset, method, size, declared });
    at += 46 + nameLength + extra + comment;
  }
  return parts;
}

/** One part of the archive as text, unzipped with a cap on its size whatever its header says. */
function partText(zip: Buffer, part: { offset: number; method: number; size: number }): string {
  const data = zip.subarray(part.offset, part.offset + part.size);
  const bytes = part.method === 0 ? data : part.method === 8 ? inflateRawSync(data, { maxOutputLength: XLSX_PART_MAX_BYTES }) : undefined;
  if (!bytes) throw new Error(`compression method ${part.method}`);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The few DOM members read here (xmldom's nodes have them). */
interface Element {
  nodeType: number;
  localName?: string | null;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<unknown>;
  getAttribute(name: string): string | null;
  getAttributeNS(ns: string, name: string): string | null;
}

function parseXml(text: string): Element {
  // Office never writes a document type declaration; one here could only define entities to expand.
  if (/<!DOCTYPE/i.test(text)) throw new Error('DOCTYPE');
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, message: string) => void (level !== 'warning' && errors.push(message)) } as never).parseFromString(text, 'text/xml');
  if (errors.length || !doc.documentElement) throw new Error(errors[0] ?? 'empty XML');
  return doc.documentElement as unknown as Element;
}

const children = (node: Element | undefined, name: string): Element[] =>
  node ? (Array.from(node.childNodes) as unknown as Element[]).filter((n) => n.nodeType === 1 && (n.localName ?? n.nodeName) === name) : [];
const child = (node: Element | undefined, name: string) => children(node, name)[0];
const textOf = (node: Element | undefined): string => (node ? (node.textContent ?? '') : '');

/** Built-in number formats (ECMA-376 18.8.30) that are dates, by id, as format codes. */
const BUILT_IN_DATES: Record<number, string> = { 14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 22: 'yyyy-mm-dd h:mm', 27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 34: 'yyyy"年"m"月"', 35: 'm"月"d"日"', 36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"' };
/** Built-in percent formats: 0% and 0.00%. */
const BUILT_IN_PERCENT: Record<number, string> = { 9: '0%', 10: '0.00%' };

/** What a format code shows, by its sections' first part with quoted text and escapes removed. */
function formatKind(code: string): { kind: 'date'; year: boolean; month: boolean; day: boolean } | { kind: 'percent'; decimals: number } | { kind: 'other' } {
  const section = code.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  if (/%/.test(section)) return { kind: 'percent', decimals: (section.match(/\.(0+)/)?.[1] ?? '').length };
  const lower = section.toLowerCase();
  if (/[yd]/.test(lower) || /m/.test(lower.replace(/h+:?m+|m+:?s+/g, ''))) {
    const withoutTime = lower.replace(/[hs]+|am\/pm|a\/p/g, '').replace(/:m+/g, '');
    return { kind: 'date', year: /y/.test(withoutTime), month: /m/.test(withoutTime), day: /d/.test(withoutTime) };
  }
  return { kind: 'other' };
}

/** A serial day number of Excel as a calendar day (UTC), with the 1900 leap-year bug and the 1904 system. */
function serialDate(serial: number, date1904: boolean): Date {
  const days = Math.floor(serial + 1e-9);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + (date1904 || days > 60 ? days : days + 1) * 86_400_000);
}

/** A number without float noise (0.8749 × 100 = 87.49, not 87.49000000000001). */
const clean = (n: number) => Number(n.toPrecision(12));

/**
 * An .xlsx workbook's sheet (the first, or the one named) as rows of cells, each read as its format shows it: dates as
 * the ISO text of what they show (a month as 2024-08, a year as 2024, a day as 2024-08-13), percentages as PercentCell.
 */
export function readXlsx(file: string, bytes: Uint8Array, sheetName?: string): SheetResult {
  if (bytes.length > SHEET_MAX_BYTES) return { problems: [tooLarge(file, bytes.length)] };
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = zipDirectory(zip);
  if (typeof parts === 'string') return { problems: [broken(file, parts)] };
  try {
    const read = (name: string) => {
      const part = parts.get(name);
      return part ? parseXml(partText(zip, part)) : undefined;
    };
    const workbook = read('xl/workbook.xml');
    if (!workbook) return { problems: [broken(file, '缺少 workbook.xml / no workbook.xml')] };
    const date1904 = ['1', 'true'].includes(child(workbook, 'workbookPr')?.getAttribute('date1904') ?? '');
    const sheets = children(child(workbook, 'sheets'), 'sheet');
    const sheet = sheetName ? sheets.find((s) => s.getAttribute('name') === sheetName) : sheets[0];
    if (!sheet)
      return {
        problems: [{ file, zh: `表格里没有名为“${sheetName}”的工作表（有：${sheets.map((s) => s.getAttribute('name')).join('、')}）`, en: `no sheet named "${sheetName}"`, hint: { zh: '用 --sheet 写出工作表的名称，与 Excel 底部的标签一致。', en: 'Give --sheet the name on the sheet tab.' } }],
      };
    const relId = sheet.getAttribute('r:id') ?? sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const rels = children(read('xl/_rels/workbook.xml.rels'), 'Relationship');
    const target = rels.find((r) => r.getAttribute('Id') === relId)?.getAttribute('Target') ?? 'worksheets/sheet1.xml';
    const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const shared = children(read('xl/sharedStrings.xml'), 'si').map((si) => {
      const t = child(si, 't');
      return t ? textOf(t) : children(si, 'r').map((r) => textOf(child(r, 't'))).join('');
    });
    const styles = read('xl/styles.xml');
    const customFormats = new Map(children(child(styles, 'numFmts'), 'numFmt').map((f) => [Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '']));
    const cellFormats = children(child(styles, 'cellXfs'), 'xf').map((xf) => {
      const id = Number(xf.getAttribute('numFmtId') ?? 0);
      const code = customFormats.get(id) ?? BUILT_IN_DATES[id] ?? BUILT_IN_PERCENT[id] ?? '';
      return formatKind(code);
    });
    const data = read(sheetPath);
    if (!data) return { problems: [broken(file, `缺少 ${sheetPath} / no ${sheetPath}`)] };
    const rows: SheetCell[][] = [];
    for (const row of children(child(data, 'sheetData'), 'row')) {
      const r = Number(row.getAttribute('r')) || rows.length + 1;
      if (r > SHEET_MAX_ROWS) return { problems: [tooManyRows(file, r)] };
      const cells: SheetCell[] = [];
      let next = 0;
      for (const c of children(row, 'c')) {
        const ref = c.getAttribute('r');
        const letters = ref?.match(/^[A-Z]+/)?.[0];
        const column = letters ? [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : next;
        if (column > 16_383) continue;
        next = column + 1;
        const type = c.getAttribute('t') ?? 'n';
        const raw = textOf(child(c, 'v'));
        let value: SheetCell;
        if (type === 's') value = shared[Number(raw)] ?? '';
        else if (type === 'inlineStr') value = textOf(child(child(c, 'is'), 't')) || children(child(c, 'is'), 'r').map((x) => textOf(child(x, 't'))).join('');
        else if (type === 'str') value = raw;
        else if (type === 'b') value = raw === '1';
        else if (type === 'e') value = raw;
        else if (type === 'd') value = raw.slice(0, 10);
        else if (raw === '') value = undefined;
        else {
          const n = Number(raw);
          const format = cellFormats[Number(c.getAttribute('s') ?? 0)] ?? { kind: 'other' };
          if (!Number.isFinite(n)) value = raw;
          else if (format.kind === 'percent') value = new PercentCell(clean(n * 100), `${clean(n * 100).toFixed(Math.max(format.decimals, 0))}%`);
          else if (format.kind === 'date') {
            const day = serialDate(n, date1904).toISOString().slice(0, 10);
            value = format.day || !format.month ? (format.year && !format.month ? day.slice(0, 4) : day) : day.slice(0, 7);
          } else value = clean(n);
        }
        cells[column] = value;
      }
      rows[r - 1] = cells;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { rows, problems: [] };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      return {
        problems: [
          {
            file,
            zh: `.xlsx 解压后超过 ${XLSX_PART_MAX_BYTES / 1024 / 1024} MB（可能是损坏或恶意的文件），没有读取`,
            en: `the .xlsx unpacks to more than ${XLSX_PART_MAX_BYTES / 1024 / 1024} MB (a damaged or hostile file); not read`,
            hint: { zh: '在 Excel 里打开原表格，只保留要导入的数据，另存为新的 .xlsx。', en: 'Open the sheet in Excel, keep only the figures to import, and save a new .xlsx.' },
          },
        ],
      };
    return { problems: [broken(file, e.message?.split('\n')[0] ?? String(error))] };
  }
}

/** A spreadsheet by its extension: .csv (or .txt) or .xlsx; undefined for a kind that cannot be read. */
export function readSpreadsheet(file: string, bytes: Uint8Array, options: { sheet?: string } = {}): SheetResult | undefined {
  const ext = file.toLowerCase().match(/\.[^./]+$/)?.[0];
  if (ext === '.csv' || ext === '.txt') return readCsv(file, bytes);
  if (ext === '.xlsx') return readXlsx(file, bytes, options.sheet);
  return undefined;
}
