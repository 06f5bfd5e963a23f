import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { columnMeaning, dictionary, observationTable, observationsOfGroup, rowsOf, toCsv, toJson } from '../../src/downloads/csv';
import { buildRegistry, downloadContext, downloadRegistry, formatBytes, groupDownloads, indicatorDownloads, linkOf, siteDownloads, type DownloadFile } from '../../src/downloads/registry';
import { citationText } from '../../src/views/citation';
import { parseGitLog } from '../../src/data/read-sources';
import { indexDataset, updatedOf } from '../../src/data/dataset';
import { validateDataset } from '../../src/data/validate';
import { publishingFiles } from '../fixtures/publishing-files';
import { fixtureSite, visitRate } from './indicators-fixture';

const dataset = fixtureSite();
const ctx = downloadContext(dataset, 'https://example.org', '2024-12-31');
const text = (f: DownloadFile) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes());

describe('observations as CSV', () => {
  const csv = toCsv(observationTable(ctx), dataset.observations);

  it('starts with a byte-order mark and uses CRLF, so Excel opens the Chinese correctly', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads back to the same figures, sources and Chinese text, quoting commas and quotes', () => {
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(dataset.observations.length);
    const city = records.find((r) => r.observation_id === 'city-rate')!;
    expect(city).toMatchObject({
      indicator_name: '县域内就诊率',
      subject_type: 'region',
      subject_name: '某市',
      region_name: '某省某市',
      period: '2024-H1',
      period_label: '2024年上半年',
      kind: 'actual',
      value: '87.49',
      unit: '%',
      value_text: '87.49%',
      // The title the document's page shows; the source's own title beside it (fixture doc-a).
      source_title: '某市报告',
      source_original_title: '关于某市医共体的报告',
      source_excerpt: '数字87.49',
      source_digest_url: 'https://example.org/documents/doc-a/',
      source_original_url: '',
      statistic: 'value',
      qualifier: 'exact',
      across: '',
      value_high: '',
      indicator_url: 'https://example.org/indicators/visit-rate/',
    });
    expect(records.find((r) => r.observation_id === 'member-trainings')!.note).toBe('含逗号, 和"引号"');
    expect(records.find((r) => r.observation_id === 'a-rate')!).toMatchObject({ qualifier: 'more-than', value_text: '> 90%' });
    // A median says so in its own column and in the written value, so a reader of the CSV cannot take it for a place's figure.
    const median = { ...dataset.observations.find((o) => o.id === 'city-rate')!, statistic: 'median' as const, across: { label: '开展医共体建设的县（市、区）', count: 9 } };
    expect(rowsOf(observationTable(ctx), [median])[0]).toMatchObject({ statistic: 'median', across: '开展医共体建设的县（市、区）', across_count: 9, value_text: '中位数 87.49%' });
  });

  it('names the region of a group or institution figure after where it is', () => {
    const rows = rowsOf(observationTable(ctx), dataset.observations);
    expect(rows.find((r) => r.observation_id === 'fee-low')).toMatchObject({ subject_name: '甲县医共体', region_id: 'county-a', region_name: '某省某市甲县' });
    expect(rows.find((r) => r.observation_id === 'city-rate')!.qualifier).toBe('exact');
  });
});

describe('JSON downloads', () => {
  it('hold the same rows with numbers as numbers, plus licence and citation', () => {
    const json = JSON.parse(toJson(observationTable(ctx), dataset.observations, { title: 't', url: 'u', licence: 'CC BY 4.0', licenceUrl: 'l', citation: 'c' }));
    expect(json.licence).toBe('CC BY 4.0');
    expect(json.rows).toHaveLength(dataset.observations.length);
    expect(json.rows[0].value).toBeTypeOf('number');
    expect(json.columns).toContain('source_excerpt');
  });
});

describe('the download registry', () => {
  it('is one registry per dataset and site address: the page and the file written read the same bytes', () => {
    const a = downloadRegistry(dataset, 'https://example.org');
    const b = downloadRegistry(dataset, 'https://example.org/');
    expect(b).toBe(a);
    const file = a.byHref.get('/data/observations.csv')!;
    expect(file.bytes()).toEqual(b.byHref.get('/data/observations.csv')!.bytes());
    expect(linkOf(file).bytes).toBe(file.bytes().length);
    expect(a.indicator('visit-rate').map((f) => f.href)).toEqual(['/data/indicators/visit-rate.csv', '/data/indicators/visit-rate.json']);
    expect(a.group('missing')).toEqual([]);
    expect(downloadRegistry(fixtureSite(), 'https://example.org')).not.toBe(a);
  });

  it('has one CSV and one JSON for the site, each indicator and each group, at distinct addresses', () => {
    const files = buildRegistry(ctx).all;
    expect(new Set(files.map((f) => f.href)).size).toBe(files.length);
    expect(files).toHaveLength(2 * (4 + dataset.indicators.length + dataset.groups.length));
    expect(siteDownloads(ctx).map((f) => f.href)).toEqual([
      '/data/observations.csv',
      '/data/observations.json',
      '/data/indicators.csv',
      '/data/indicators.json',
      '/data/groups.csv',
      '/data/groups.json',
      '/data/institutions.csv',
      '/data/institutions.json',
    ]);
  });

  it('puts every figure of an indicator in its file, and a group file holds its members’ figures too', () => {
    const [csv] = indicatorDownloads(ctx, visitRate);
    const ids = (parse(text(csv), { bom: true, columns: true }) as { observation_id: string }[]).map((r) => r.observation_id);
    expect(ids.sort()).toEqual(dataset.observations.filter((o) => o.indicator === 'visit-rate').map((o) => o.id).sort());
    expect(observationsOfGroup(dataset, dataset.groups[0]).map((o) => o.id).sort()).toEqual(['fee-high', 'fee-low', 'member-trainings', 'unified-a']);
    expect(JSON.parse(text(groupDownloads(ctx, dataset.groups[0])[1])).citation).toBe(
      '医共体公开信息. 甲县医共体：报告的数据[DS/OL]. (2024-12-31)[引用日期]. https://example.org/data/.',
    );
  });

  it('sizes files in bytes as written and says "12 KB"', () => {
    for (const file of buildRegistry(ctx).all) expect(linkOf(file).bytes, file.href).toBe(Buffer.byteLength(text(file), 'utf8'));
    expect(text(siteDownloads(ctx)[0]).charCodeAt(0)).toBe(0xfeff);
    expect(formatBytes(100)).toBe('1 KB');
    expect(formatBytes(12 * 1024 + 100)).toBe('12 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });

  it('explains every column of every table in the data dictionary', () => {
    const missing = dictionary(ctx).flatMap(({ table, columns }) => columns.filter((c) => !columnMeaning(table, c)).map((c) => `${table}.${c}`));
    expect(missing).toEqual([]);
    expect(columnMeaning('groups', 'region_id')).not.toBe(columnMeaning('observations', 'region_id'));
  });
});

describe('citations and dates', () => {
  it('writes a GB/T 7714 line with the update date and a place for the access date', () => {
    expect(citationText({ author: '医共体公开信息', title: '县域内就诊率：定义与各地数据', updated: '2024-12-31', url: 'https://example.org/indicators/visit-rate/' })).toBe(
      '医共体公开信息. 县域内就诊率：定义与各地数据[EB/OL]. (2024-12-31)[引用日期]. https://example.org/indicators/visit-rate/.',
    );
  });

  it('reads each file’s newest commit date from one git log', () => {
    const dates = parseGitLog('@2024-12-31\n\ndata/a.json\ndata/b.json\n@2024-01-01\n\ndata/a.json\ndata/c.json\n');
    expect(Object.fromEntries(dates)).toEqual({ 'data/a.json': '2024-12-31', 'data/b.json': '2024-12-31', 'data/c.json': '2024-01-01' });
  });

  it('dates a page by the newest file among those holding its entries', () => {
    const dataset = indexDataset(validateDataset(publishingFiles()).entries, {
      origins: new Map([
        ['indicators:visit-rate', 'data/indicators/a.json'],
        ['observations:city-rate', 'data/observations/x.json'],
        ['observations:other', 'data/observations/y.json'],
      ]),
      fileDates: new Map([
        ['data/indicators/a.json', '2024-01-01'],
        ['data/observations/x.json', '2024-06-01'],
        ['data/observations/y.json', '2025-01-01'],
      ]),
    });
    expect(updatedOf(dataset, [{ collection: 'indicators', id: 'visit-rate' }, { collection: 'observations', id: 'city-rate' }])).toBe('2024-06-01');
    expect(dataset.dataUpdated).toBe('2025-01-01');
  });
});
