/** Downloads are inert: a name pasted from a hostile page opens in a spreadsheet as text, never as a formula. */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { toCsv, type Table } from '../../src/downloads/csv';

interface Item {
  name: string;
  value: number;
}
const table: Table<Item> = { columns: [{ key: 'name', cell: (i) => i.name }, { key: 'value', cell: (i) => i.value }] };

/** The cells of the CSV as a spreadsheet reads them (header dropped, byte-order mark stripped). */
const cells = (items: Item[]) => (parse(toCsv(table, items), { bom: true, from_line: 2, relax_quotes: true }) as string[][]).map(([name, value]) => ({ name, value }));

describe('CSV downloads neutralise spreadsheet formulas (OWASP CSV injection)', () => {
  const hostile = ['=HYPERLINK("http://evil.example","点这里")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '＝1+1'];

  for (const name of hostile) {
    it(`a text cell starting with ${JSON.stringify(name[0])} is written as text`, () => {
      const [row] = cells([{ name, value: 1 }]);
      expect(row.name).toBe(`'${name}`);
    });
  }

  it('ordinary text is left as written', () => {
    const names = ['资中县人民医院', '“互联网+医疗健康”', 'A+B 医院', '2024-08'];
    expect(cells(names.map((name) => ({ name, value: 1 }))).map((r) => r.name)).toEqual(names);
  });

  it('negative numbers in a number column stay numbers', () => {
    const rows = cells([{ name: '某县', value: -3.2 }, { name: '某市', value: -1000 }, { name: '某镇', value: 0.5 }]);
    expect(rows.map((r) => r.value)).toEqual(['-3.2', '-1000', '0.5']);
  });
});
