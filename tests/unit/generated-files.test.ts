/**
 * The files that are not pages (downloads under /data/, the finder's shards under /finder/): written in one pass after
 * the pages, served the same in `npm run dev`, and under incremental publishing linked from the published site
 * without being made when their inputs stand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedFile, writeGenerated, type GeneratedSet } from '../../src/integrations/generated-files';
import { downloadRegistry } from '../../src/downloads/registry';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { csvHeader, csvOfRows, csvRecord, type Cell, groupTable, jsonPieces, indicatorTable, institutionTable, jsonOfRows, observationTable, rowsOf, sortObservations, observationsOfGroup } from '../../src/downloads/csv';
import { byName } from '../../src/data/dataset';
import type { IncrementalState } from '../../src/publishing/incremental';
import { manifestRows } from '../../src/publishing/incremental-integration';
import { fixtureSite } from './indicators-fixture';
import { datasetOf } from '../fixtures/dataset';
import type { Dataset } from '../../src/data/dataset';

const dataset = fixtureSite();
const site = new URL('https://example.org/');
const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'yigongti-generated-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  globalThis.__yigongtiIncremental = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();

describe('generated files', () => {
  it('writes every download with the bytes the pages measure, and the finder with its index and shards; dev serves the same bytes', () => {
    const out = folder();
    writeGenerated(out, dataset, site);
    const registry = downloadRegistry(dataset, site);
    const written = filesUnder(out);
    // Every download the registry lists (the site's four tables, each indicator's and group's) is there, in both formats.
    for (const file of registry.all) {
      const path = file.href.slice(1);
      expect(written).toContain(path);
      expect(new Uint8Array(readFileSync(join(out, path)))).toEqual(file.bytes());
    }
    expect(written).toContain('data/observations.csv');
    expect(written).toContain('data/groups/group-a.json');
    // The finder's index names its shards; each shard it names by a character is a file.
    const index = JSON.parse(readFileSync(join(out, 'finder/index.json'), 'utf8'));
    expect(Object.keys(index.complete).length).toBeGreaterThan(0);
    expect(written).toContain('finder/sounds.json');
    for (const path of written) {
      const served = generatedFile(path, dataset, site)!;
      expect(served, path).toBeDefined();
      expect(Buffer.from(served)).toEqual(readFileSync(join(out, path)));
    }
    // Anything else is left to the site (a pinyin prefix no name has is a 404, not a file).
    expect(generatedFile('finder/py-zzzzzz.json', dataset, site)).toBeUndefined();
    expect(generatedFile('data/nothing.csv', dataset, site)).toBeUndefined();
  });

  it('under incremental publishing, links a set whose inputs stand without making it, and writes only the files whose content changed', () => {
    let made = 0;
    let names = ['甲', '乙'];
    const sets: GeneratedSet[] = [
      {
        route: '/finder/[shard].json',
        folder: 'finder/',
        inputs: () => names,
        files: () => names.map((name, i) => [`finder/${i}.json`, () => (made++, JSON.stringify(name))] as [string, () => string]),
      },
      { route: '/data/[...file]', folder: 'data/', files: () => names.map((name, i) => [`data/${i}.csv`, () => name] as [string, () => string]) },
    ];
    const state = (base?: IncrementalState['base']): IncrementalState => ({ code: 'c', base, files: new Map(), pages: new Set(), reused: new Set() });
    // The first build makes every file.
    const published = folder();
    globalThis.__yigongtiIncremental = state();
    expect(writeGenerated(published, dataset, site, sets)).toBe(4);
    expect(made).toBe(2);
    const first = globalThis.__yigongtiIncremental;
    const base = (dir: string, from: IncrementalState): IncrementalState['base'] => ({
      dir,
      files: Object.fromEntries(from.files),
      routes: Object.fromEntries(from.routes ?? []),
      has: (f) => existsSync(join(dir, f)),
    });
    // Nothing changed: every file is linked (the same inode), none made or written.
    const next = folder();
    globalThis.__yigongtiIncremental = state(base(published, first));
    expect(writeGenerated(next, dataset, site, sets)).toBe(0);
    expect(made).toBe(2);
    expect(statSync(join(next, 'finder/0.json')).ino).toBe(statSync(join(published, 'finder/0.json')).ino);
    expect(statSync(join(next, 'data/1.csv')).ino).toBe(statSync(join(published, 'data/1.csv')).ino);
    expect([...globalThis.__yigongtiIncremental.reused].sort()).toEqual(['data/0.csv', 'data/1.csv', 'finder/0.json', 'finder/1.json']);
    // One name changes: the finder's set is made again, and only the changed files are written.
    names = ['甲', '丙'];
    const third = folder();
    globalThis.__yigongtiIncremental = state(base(published, first));
    expect(writeGenerated(third, dataset, site, sets)).toBe(2);
    expect(made).toBe(4);
    expect(readFileSync(join(third, 'finder/1.json'), 'utf8')).toBe('"丙"');
    expect(readFileSync(join(third, 'data/1.csv'), 'utf8')).toBe('丙');
    expect(statSync(join(third, 'finder/0.json')).ino).toBe(statSync(join(published, 'finder/0.json')).ino);
    // A published file that is gone is made again, never taken on trust.
    rmSync(join(published, 'finder/0.json'));
    names = ['甲', '乙'];
    const fourth = folder();
    globalThis.__yigongtiIncremental = state(base(published, first));
    writeGenerated(fourth, dataset, site, sets);
    expect(readFileSync(join(fourth, 'finder/0.json'), 'utf8')).toBe('"甲"');
  });


  it("writes each download row by row, byte for byte the table serialised whole, its size as written", () => {
    const registry = downloadRegistry(dataset, site);
    const ctx = { dataset, siteUrl: site };
    const whole = <T>(href: string, table: { columns: { key: string; cell: (item: T) => unknown }[] }, items: T[]) => {
      const columns = table.columns.map((c) => c.key);
      const rows = rowsOf(table as Parameters<typeof rowsOf<T>>[0], items);
      const json = JSON.parse(new TextDecoder().decode(registry.byHref.get(href.replace('.csv', '.json'))!.bytes()));
      const { columns: _c, rows: _r, ...meta } = json;
      return { csv: csvOfRows(columns, rows), json: jsonOfRows(columns, rows, meta) };
    };
    const decode = (href: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(registry.byHref.get(href)!.bytes());
    const group = dataset.groups.find((g) => g.id === 'group-a')!;
    const cases = [
      ['/data/observations.csv', whole('/data/observations.csv', observationTable(ctx), sortObservations(dataset.observations))],
      ['/data/groups.csv', whole('/data/groups.csv', groupTable(ctx), [...dataset.groups].sort(byName))],
      ['/data/institutions.csv', whole('/data/institutions.csv', institutionTable(ctx), [...dataset.institutions].sort(byName))],
      ['/data/indicators.csv', whole('/data/indicators.csv', indicatorTable(ctx), [...dataset.indicators].sort((a, b) => a.id.localeCompare(b.id)))],
      ['/data/groups/group-a.csv', whole('/data/groups/group-a.csv', observationTable(ctx), sortObservations(observationsOfGroup(dataset, group)))],
    ] as const;
    for (const [href, expected] of cases) {
      expect(decode(href), href).toBe(expected.csv);
      expect(decode(href.replace('.csv', '.json')), href).toBe(expected.json);
      for (const h of [href, href.replace('.csv', '.json')]) expect(registry.byHref.get(h)!.size(), h).toBe(registry.byHref.get(h)!.bytes().length);
    }
    // A file with no rows (a group without figures): the header alone, and an empty list.
    const meta = { title: 't', url: 'u', licence: 'l', licenceUrl: 'v', citation: 'c' };
    expect([...jsonPieces(['a', 'b'], 0, [], meta)].join('')).toBe(jsonOfRows(['a', 'b'], [], meta));
    expect(csvHeader(['a', 'b'])).toBe(csvOfRows(['a', 'b'], []));
  });

  it('writes a row as csv-stringify writes it, for every kind of cell an editor could type (quotes, commas, line breaks, formulas)', () => {
    // Cells a data file may hold: formula starts (ASCII and full-width), quotes, commas, CR/LF, a tab, signs on text and numbers.
    const texts = ['', '资中县人民医院', 'a,b', 'say "hi"', '"', 'line\nbreak', 'cr\rend', 'crlf\r\n', 'ends\r', '=HYPERLINK("x")', '+86 10', '-3.2', '@x', '\tt', '\rr', '＝1', '＋1', '－1', '＠1', "'quoted", ' lead space', '=a,"b"\n'];
    const numbers = [0, -0, 3.2, -3.2, 1e21, -1e-7, 100];
    const cells: Cell[] = [...texts, ...numbers, null];
    const columns = ['a', 'b', 'c'];
    for (const a of cells) {
      for (const b of [null, '=x', 'a"b', -1, 'x']) {
        const values = [a, b, a];
        expect(csvRecord(columns, values), JSON.stringify(values)).toBe(stringify([values.map((v) => v ?? '')], { record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/, columns }));
        // A spreadsheet reads the row back whole: one record of the same cells (a formula start marked with ').
        const [record, ...more] = parse(csvRecord(columns, values), { relax_quotes: false }) as string[][];
        expect(more, JSON.stringify(values)).toEqual([]);
        expect(record, JSON.stringify(values)).toEqual(values.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : /^[-=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(v) ? `'${v}` : v)));
        // A file is its header and its records, as csv-stringify writes the whole.
        expect(csvHeader(columns) + csvRecord(columns, values)).toBe(csvOfRows(columns, [{ a, b, c: a }]));
      }
    }
  });

  it("fingerprints each download by its inputs: never the same fingerprint for other bytes, and a file of figures keeps it while its bytes stay", () => {
    const entries = (d: Dataset) => ({ regions: [...d.regions], institutions: [...d.institutions], groups: [...d.groups], indicators: [...d.indicators], observations: [...d.observations], references: [...d.references], documents: [...d.documents], updates: [...d.updates] });
    const base = entries(dataset);
    // One change of each kind a download shows: a figure, a region's name, an institution's name, a roster, a document's title, an indicator's unit.
    const variants: Dataset[] = [
      datasetOf({ ...base, observations: base.observations.map((o) => (o.id === 'fee-low' ? { ...o, value: 16 } : o)) }),
      datasetOf({ ...base, regions: base.regions.map((r) => (r.id === 'county-b' ? { ...r, name: '乙测试县' } : r)) }),
      datasetOf({ ...base, institutions: base.institutions.map((i) => (i.id === 'town' ? { ...i, name: '某测试镇卫生院' } : i)) }),
      datasetOf({ ...base, groups: base.groups.map((g) => ({ ...g, members: [] })) }),
      datasetOf({ ...base, documents: base.documents.map((d) => ({ ...d, data: { ...d.data, title: '某市报告（修订）' } })) }),
      datasetOf({ ...base, indicators: base.indicators.map((i) => (i.id === 'rules' ? { ...i, unit: '项' } : i)) }),
    ];
    const before = downloadRegistry(datasetOf(base), site);
    let same = 0;
    let changed = 0;
    for (const variant of variants) {
      const after = downloadRegistry(variant, site);
      for (const file of before.all) {
        const other = after.byHref.get(file.href)!;
        const equalBytes = Buffer.from(file.bytes()).equals(Buffer.from(other.bytes()));
        // Never the same fingerprint for other bytes; the files of figures (a row's own inputs) keep it whenever their
        // bytes stay; the site-wide rosters and catalogue are fingerprinted by all of their table's inputs, a superset.
        if (other.inputs() === file.inputs()) expect(equalBytes, `${file.href}: same fingerprint, other bytes`).toBe(true);
        if (file.table === 'observations') expect(other.inputs() === file.inputs(), `${file.href}: fingerprint kept exactly while the bytes are the same`).toBe(equalBytes);
        if (equalBytes) same++;
        else changed++;
      }
    }
    // Each change touches some files and leaves others as they were.
    expect(same).toBeGreaterThan(0);
    expect(changed).toBeGreaterThanOrEqual(variants.length);
  });

  it("under incremental publishing, takes an unchanged download's size from the manifest and links it without making it", () => {
    const published = folder();
    const state = (base?: IncrementalState['base']): IncrementalState => ({ code: 'c', base, files: new Map(), pages: new Set(), reused: new Set() });
    const copy = () => datasetOf({ regions: [...dataset.regions], institutions: [...dataset.institutions], groups: [...dataset.groups], indicators: [...dataset.indicators], observations: [...dataset.observations], documents: [...dataset.documents] });
    const first = copy();
    globalThis.__yigongtiIncremental = state();
    writeGenerated(published, first, site);
    const made = globalThis.__yigongtiIncremental;
    expect(made.sizes!.get('data/observations.csv')).toBe(statSync(join(published, 'data/observations.csv')).size);
    // The same data again (a new dataset, as the next build reads it), with the published site's manifest: every
    // download is linked, and its size is the manifest's (a wrong size recorded there shows it is not measured).
    const sizes = Object.fromEntries(made.sizes!);
    sizes['data/groups/group-a.csv'] = 1;
    const again = copy();
    const next = folder();
    globalThis.__yigongtiIncremental = state({ dir: published, files: Object.fromEntries(made.files), routes: Object.fromEntries(made.routes ?? []), sizes, has: (f) => existsSync(join(published, f)) });
    expect(downloadRegistry(again, site).byHref.get('/data/groups/group-a.csv')!.size()).toBe(1);
    writeGenerated(next, again, site);
    expect(statSync(join(next, 'data/observations.json')).ino).toBe(statSync(join(published, 'data/observations.json')).ino);
    expect(globalThis.__yigongtiIncremental.reused.has('data/indicators/visit-rate.csv')).toBe(true);
  });

  it('after one figure changes, measures only its row: the site-wide table\'s size is the other rows\' sizes kept in the manifest, and the file as written', () => {
    const state = (base?: IncrementalState['base']): IncrementalState => ({ code: 'c', base, files: new Map(), pages: new Set(), reused: new Set() });
    const copy = (observations = [...dataset.observations]) =>
      datasetOf({ regions: [...dataset.regions], institutions: [...dataset.institutions], groups: [...dataset.groups], indicators: [...dataset.indicators], observations, documents: [...dataset.documents] });
    const published = folder();
    globalThis.__yigongtiIncremental = state();
    writeGenerated(published, copy(), site);
    const made = globalThis.__yigongtiIncremental;
    const rows = manifestRows(made)!;
    // Every figure's row is kept, each with its CSV and JSON sizes.
    expect(Object.keys(rows)).toHaveLength(dataset.observations.length);
    const base = (rowSizes: typeof rows): IncrementalState['base'] => ({ dir: published, files: Object.fromEntries(made.files), routes: Object.fromEntries(made.routes ?? []), sizes: Object.fromEntries(made.sizes!), rows: rowSizes, has: (f) => existsSync(join(published, f)) });
    const changed = () => copy(dataset.observations.map((o) => (o.id === 'fee-low' ? { ...o, value: o.value + 1000 } : o)));
    // With the manifest's row sizes as recorded: the sizes the pages print are those of the files as written.
    const next = folder();
    globalThis.__yigongtiIncremental = state(base(rows));
    const after = changed();
    const registry = downloadRegistry(after, site);
    const printed = Object.fromEntries(registry.site.map((f) => [f.href, f.size()]));
    writeGenerated(next, after, site);
    for (const href of ['/data/observations.csv', '/data/observations.json']) expect(printed[href], href).toBe(statSync(join(next, href.slice(1))).size);
    expect(printed['/data/observations.csv']).not.toBe(statSync(join(published, 'data/observations.csv')).size);
    // Recorded sizes one byte too large show which rows were taken from the manifest: all but the changed one.
    const off = Object.fromEntries(Object.entries(rows).map(([key, [csv, json]]) => [key, [csv + 1, json + 1] as [number, number]]));
    globalThis.__yigongtiIncremental = state(base(off));
    const measured = downloadRegistry(changed(), site).site.find((f) => f.href === '/data/observations.csv')!.size();
    expect(measured).toBe(printed['/data/observations.csv'] + dataset.observations.length - 1);
    // A build that measured no row (nothing changed) still hands every row's size on to the next one.
    globalThis.__yigongtiIncremental = state(base(rows));
    writeGenerated(folder(), copy(), site);
    expect(globalThis.__yigongtiIncremental.rowSizes).toBeUndefined();
    expect(manifestRows(globalThis.__yigongtiIncremental)).toEqual(rows);
  });
});
