/**
 * Spreadsheets as the editor sees them: a CSV is one encoding and a bad byte is named by row and column; an .xlsx cell
 * is read with its format (a month stays a month, a percentage is a percentage); a zip bomb or a damaged workbook is a
 * problem naming the file, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { readCsv, readXlsx, readSpreadsheet, PercentCell, XLSX_PART_MAX_BYTES } from '../../src/data/spreadsheet';

const hex = (h: string) => Buffer.from(h, 'hex');
const utf8 = (s: string) => Buffer.from(s, 'utf8');
// GBK bytes of 指标,对象,时期,数值\n and 资中县 and 远程影像诊断105423人次 (encoded with Python's gbk codec).
const GBK_HEADER = hex('d6b8b1ea2cb6d4cff32ccab1c6da2ccafdd6b50a');
const GBK_ZIZHONG = hex('d7cad6d0cfd8');
const GBK_EXCERPT = hex('d4b6b3ccd3b0cff1d5efb6cf313035343233c8cbb4ce');

describe('CSV: one encoding per file, a bad byte named by row and column', () => {
  it('reads UTF-8, with or without BOM, and UTF-16 with its BOM', () => {
    const text = '指标,对象\n门诊人次,资中县\n';
    for (const bytes of [utf8(text), Buffer.concat([hex('efbbbf'), utf8(text)]), Buffer.concat([hex('fffe'), Buffer.from(text, 'utf16le')])]) {
      const result = readCsv('a.csv', bytes);
      expect(result.problems).toEqual([]);
      expect(result.rows?.[1]).toEqual(['门诊人次', '资中县']);
    }
  });

  it('reads a GBK (GB18030) file as a whole', () => {
    const bytes = Buffer.concat([GBK_HEADER, utf8('x,'), GBK_ZIZHONG, utf8(',2024,105423\n')]);
    const result = readCsv('gbk.csv', bytes);
    expect(result.problems).toEqual([]);
    expect(result.rows?.[0]).toEqual(['指标', '对象', '时期', '数值']);
    expect(result.rows?.[1]).toEqual(['x', '资中县', '2024', '105423']);
  });

  it('names the row and column of one bad byte in a UTF-8 file instead of reading it all as GBK', () => {
    const bytes = Buffer.concat([utf8('指标,对象,摘录\n远程影像,资中县,聚焦'), hex('ff'), utf8('三个\n门诊,资中县,好\n')]);
    const result = readCsv('bad.csv', bytes);
    expect(result.rows).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'bad.csv', line: 2, field: 'C 列（摘录）' });
    expect(result.problems[0].zh).toContain('第 3 个字');
  });

  it('names every bad cell, in several rows, truncated sequences included', () => {
    const bytes = Buffer.concat([utf8('名称,数值\n医院'), hex('e4b8'), utf8(',1\n卫生院,'), hex('c0af'), utf8('\n乡镇,3\n')]);
    const result = readCsv('bad.csv', bytes);
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'A 列（名称）'],
      [3, 'B 列（数值）'],
    ]);
  });

  it('refuses a GBK file with a row pasted in UTF-8, naming the row', () => {
    const bytes = Buffer.concat([GBK_HEADER, utf8('x,'), GBK_ZIZHONG, utf8(',2024,1\n'), utf8('y,'), GBK_EXCERPT, utf8(',2024,105423\n'), utf8('z,资中县人民医院,2024,2\n')]);
    const result = readCsv('mixed.csv', bytes);
    expect(result.rows).toBeUndefined();
    expect(result.problems.map((p) => p.line)).toEqual([4]);
    expect(result.problems[0].zh).toContain('UTF-8');
  });

  it('names a byte that is not text in GB18030 either, and a Latin-1 file', () => {
    const gbk = readCsv('g.csv', Buffer.concat([GBK_HEADER, utf8('x,'), GBK_ZIZHONG, hex('ff'), utf8(',2024,1\n')]));
    expect(gbk.problems.map((p) => [p.line, p.field])).toEqual([[2, 'B 列（对象）']]);
    const latin1 = readCsv('l.csv', Buffer.concat([utf8('name,city\nJos'), hex('e9'), utf8(',Caf'), hex('e9'), utf8('\n')]));
    expect(latin1.rows).toBeUndefined();
    expect(latin1.problems.map((p) => p.line)).toEqual([2, 2]);
  });
});

/** A minimal .xlsx: one sheet of cells given as [ref, xml attributes, inner xml], with the styles given. */
function xlsx(cells: [string, string, string][], options: { numFmts?: string; cellXfs?: string; date1904?: boolean; extra?: Record<string, Uint8Array>; sheetXml?: string } = {}): Uint8Array {
  const rows = new Map<number, string[]>();
  for (const [ref, attrs, inner] of cells) {
    const r = Number(ref.match(/\d+/)![0]);
    rows.set(r, [...(rows.get(r) ?? []), `<c r="${ref}" ${attrs}>${inner}</c>`]);
  }
  const sheet =
    options.sheetXml ??
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${[...rows]
      .map(([r, cs]) => `<row r="${r}">${cs.join('')}</row>`)
      .join('')}</sheetData></worksheet>`;
  return zipSync({
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.numFmts ?? ''}<cellXfs>${options.cellXfs ?? '<xf numFmtId="0"/>'}</cellXfs></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>时期</t></si><si><r><t>数</t></r><r><t>值</t></r></si></sst>'),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
    ...options.extra,
  });
}

// Styles: 0 General, 1 custom yyyy-mm, 2 built-in 10 (0.00%), 3 built-in 14 (date), 4 custom yyyy"年"m"月", 5 custom 0%, 6 custom yyyy, 7 built-in 17 (mmm-yy), 8 custom #,##0
const NUM_FMTS = '<numFmts><numFmt numFmtId="164" formatCode="yyyy\\-mm"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;;@"/><numFmt numFmtId="166" formatCode="0%"/><numFmt numFmtId="167" formatCode="yyyy"/><numFmt numFmtId="168" formatCode="#,##0"/></numFmts>';
const XFS = ['0', '164', '10', '14', '165', '166', '167', '17', '168'].map((id) => `<xf numFmtId="${id}"/>`).join('');
// Serial days: 45505 is 2024-08-01, 45517 is 2024-08-13.

describe('.xlsx: each cell read as its format shows it', () => {
  it('keeps a month a month, a day a day, a year a year, and reads percentages as shown', () => {
    const book = xlsx(
      [
        ['A1', 't="s"', '<v>0</v>'],
        ['B1', 't="s"', '<v>1</v>'],
        ['A2', 's="1"', '<v>45505</v>'],
        ['B2', 's="2"', '<v>0.8749</v>'],
        ['A3', 's="3"', '<v>45517</v>'],
        ['B3', 's="5"', '<v>0.9</v>'],
        ['A4', 's="4"', '<v>45505</v>'],
        ['B4', 's="8"', '<v>105423</v>'],
        ['A5', 's="6"', '<v>45505</v>'],
        ['B5', '', '<v>63.9</v>'],
        ['A6', 's="7"', '<v>45505</v>'],
        ['B6', 't="inlineStr"', '<is><t>约 50</t></is>'],
        ['C6', 't="b"', '<v>1</v>'],
      ],
      { numFmts: NUM_FMTS, cellXfs: XFS },
    );
    const result = readXlsx('book.xlsx', book);
    expect(result.problems).toEqual([]);
    const rows = result.rows!;
    expect(rows[0]).toEqual(['时期', '数值']);
    expect(rows[1][0]).toBe('2024-08');
    expect(rows[1][1]).toBeInstanceOf(PercentCell);
    expect((rows[1][1] as PercentCell).value).toBe(87.49);
    expect(String(rows[1][1])).toBe('87.49%');
    expect(rows[2]).toEqual(['2024-08-13', new PercentCell(90, '90%')]);
    expect(rows[3]).toEqual(['2024-08', 105423]);
    expect(rows[4]).toEqual(['2024', 63.9]);
    expect(rows[5]).toEqual(['2024-08', '约 50', true]);
  });

  it('reads dates of a workbook in the 1904 system', () => {
    // 44043 days after 1904-01-01 is 2024-08-01.
    const result = readXlsx('mac.xlsx', xlsx([['A1', 's="1"', '<v>44043</v>']], { numFmts: NUM_FMTS, cellXfs: XFS, date1904: true }));
    expect(result.rows?.[0]).toEqual(['2024-08']);
  });

  it('stops a zip bomb at the cap, naming the file', () => {
    const huge = deflateRawSync(Buffer.alloc(XLSX_PART_MAX_BYTES + 1024 * 1024, 0x20));
    // The archive is built by hand, its directory declaring 1,000 bytes for the sheet (as a bomb would).
    const lying = craftZip({ 'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook><sheets><sheet name="s" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>'), 'xl/worksheets/sheet1.xml': huge }, 1000);
    const started = Date.now();
    const result = readXlsx('bomb.xlsx', lying);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.rows).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ file: 'bomb.xlsx' });
    expect(result.problems[0].zh).toContain('解压后超过');
  });

  it.each([
    ['not a zip', Buffer.from('hello, this is text')],
    ['an empty file', Buffer.alloc(0)],
    ['a zip without a workbook', Buffer.from(zipSync({ 'a.txt': strToU8('x') }))],
    ['a sheet with a DOCTYPE (entity expansion)', Buffer.from(xlsx([], { sheetXml: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>' }))],
    ['a sheet of broken XML', Buffer.from(xlsx([], { sheetXml: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row>' }))],
    ['a truncated archive', Buffer.from(xlsx([['A1', '', '<v>1</v>']])).subarray(0, 200)],
  ])('reports %s as a damaged workbook, naming the file', (_what, bytes) => {
    const result = readXlsx('x.xlsx', bytes);
    expect(result.rows).toBeUndefined();
    expect(result.problems[0].file).toBe('x.xlsx');
    expect(result.problems[0].zh).toMatch(/xlsx/);
  });

  it('chooses the reader by extension and refuses others', () => {
    expect(readSpreadsheet('a.CSV', utf8('a\n'))?.rows).toEqual([['a']]);
    expect(readSpreadsheet('a.xls', utf8('a'))).toBeUndefined();
  });
});

/** A zip whose central directory declares `declared` bytes for every part, whatever the parts hold (deflated data given raw). */
function craftZip(parts: Record<string, Uint8Array>, declared: number): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const isRaw = name.endsWith('sheet1.xml');
    const data = isRaw ? Buffer.from(content) : deflateRawSync(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(isRaw ? declared : content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(isRaw ? declared : content.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
