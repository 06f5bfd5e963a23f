/**
 * Every file under /data/, generated at build time from the same tables, held in one registry per dataset: each
 * row is serialised once, on first use, and kept (a file is its rows joined), so the page that links it with its size and the endpoint
 * that serves it read the same bytes and can never disagree.
 */
import type { Group, Indicator, Observation } from '../schemas';
import { byName, type Dataset } from '../data/dataset';
import {
  groupTable,
  indicatorTable,
  institutionTable,
  observationTable,
  observationsOfGroup,
  sortObservations,
  csvHeader,
  csvRecord,
  observationInputs,
  jsonPieces,
  mapped,
  jsonRowText,
  type Cell,
  type Context,
  type Row,
  type Table,
} from './csv';
import { citationText } from '../views/citation';
import { observationsOfIndicator } from '../data/dataset';
import { t } from '../i18n/zh-CN';
import { createHash } from 'node:crypto';
import { fingerprint, fingerprintOnce, incrementalState } from '../publishing/incremental';
import { noteRead, rawDataset, registerInput } from '../data/reads';

export const LICENCE = 'CC BY 4.0';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans';

export interface DownloadFile {
  /** Address on the site, e.g. `/data/observations.csv`. */
  href: string;
  format: 'CSV' | 'JSON';
  /** What the file holds, in words. */
  title: string;
  /** Which data dictionary describes its columns. */
  table: 'observations' | 'indicators' | 'groups' | 'institutions';
  /** The file as written (UTF-8), in the order written: joined, they are the file. Made row by row as they are read. */
  pieces: () => Iterable<string>;
  /** Its size in bytes as written (computed once). */
  size: () => number;
  /** The file as written (UTF-8), made on each call. */
  bytes: () => Uint8Array<ArrayBuffer>;
  /**
   * The fingerprint of everything the file is made from (its rows' inputs, or its table's, its title and citation,
   * the site's address): equal inputs make an equal file. Under incremental publishing a file whose inputs are those
   * of the published one is neither made nor measured: its size comes from the manifest, the file is linked.
   */
  inputs: () => string;
}

/** A download as a page links it: what it is and how big. */
export interface DownloadLink {
  href: string;
  format: DownloadFile['format'];
  title: string;
  table: DownloadFile['table'];
  /** Size in bytes as served. */
  bytes: number;
}

export interface DownloadContext extends Context {
  /** Site name, for citations. */
  author: string;
  /** Newest data date (YYYY-MM-DD), for citations. */
  updated?: string;
}

const encoder = new TextEncoder();

/** The name the downloads go by in the manifest (src/integrations/generated-files.ts). */
export const DOWNLOADS_ROUTE = '/data/[...file]';

/** A function whose result is computed on first call and kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** One item's row as it stands in a CSV file and in a JSON file (indented as there), and their sizes in bytes, made once. */
interface RowSizes {
  csvBytes: number;
  jsonBytes: number;
}

/**
 * The rows of one table. A row's texts (CSV record, JSON text) are made when a file is written and not kept: kept, the
 * rows of every national table stayed in memory for the whole build, and the national build ran out of heap
 * (2026-12-07). Only each row's size in bytes is kept, once measured: a figure is a row of the site-wide table, of its
 * indicator's and of its group's, and the pages print all three files' sizes.
 *
 * Under incremental publishing a row with inputs (a figure's row) is known by a hash of them (`rowKey`), and the
 * manifest keeps each such row's sizes (`Manifest['rows']`): when one figure changes, the site-wide table's size is its
 * rows' sizes, of which only the changed row is made to be measured (at national size, measuring all 200,000 rows
 * took about 20 s of every build that changed one figure).
 */
class Rows<T> {
  readonly columns: string[];
  private readonly cells: ((item: T) => Cell)[];
  private readonly sizes = new Map<T, RowSizes>();
  private readonly inputsMade = new Map<T, string>();
  private readonly keys = new Map<T, string>();
  /**
   * `inputsOf`: everything an item's row reads, as a string (`observationInputs`); `tableInputs`, for a table without
   * it, everything any of its rows reads (a superset will do); `salt`: what else every row's text depends on besides
   * code (the site's address, in the URL column).
   */
  constructor(
    table: Table<T>,
    private readonly inputsOf?: (item: T) => string,
    readonly tableInputs?: () => unknown,
    private readonly salt = '',
  ) {
    this.columns = table.columns.map((c) => c.key);
    this.cells = table.columns.map((c) => c.cell);
  }
  inputs(item: T): string {
    let text = this.inputsMade.get(item);
    if (text === undefined) this.inputsMade.set(item, (text = this.inputsOf!(item)));
    return text;
  }
  /**
   * A row's key: a hash of its inputs, the salt and the columns (equal keys make equal rows, by the same code). Under
   * incremental publishing it is noted as a row of this build, so the manifest keeps its sizes.
   */
  rowKey(item: T): string {
    let key = this.keys.get(item);
    if (key === undefined) {
      key = createHash('sha256').update(this.salt).update('\0').update(this.columns.join(',')).update('\0').update(this.inputs(item)).digest('base64url').slice(0, 22);
      this.keys.set(item, key);
    }
    const state = incrementalState();
    if (state) (state.rowKeys ??= new Set()).add(key);
    return key;
  }
  private values(item: T): Cell[] {
    return this.cells.map((cell) => cell(item));
  }
  private jsonOf(values: Cell[]): string {
    const record: Row = {};
    this.columns.forEach((key, i) => (record[key] = values[i]));
    return jsonRowText(record);
  }
  csv(item: T): string {
    return csvRecord(this.columns, this.values(item));
  }
  json(item: T): string {
    return this.jsonOf(this.values(item));
  }
  /**
   * An item's row's sizes in bytes, CSV and JSON: from the manifest when the last published site had a row of the same
   * key, otherwise measured (its cells computed once for both) and recorded for the next build.
   */
  size(item: T): RowSizes {
    let sizes = this.sizes.get(item);
    if (!sizes) {
      const state = this.inputsOf ? incrementalState() : undefined;
      const key = state ? this.rowKey(item) : undefined;
      const known = key === undefined ? undefined : state?.base?.rows?.[key];
      if (known) sizes = { csvBytes: known[0], jsonBytes: known[1] };
      else {
        const values = this.values(item);
        sizes = { csvBytes: Buffer.byteLength(csvRecord(this.columns, values)), jsonBytes: Buffer.byteLength(this.jsonOf(values)) };
        if (key !== undefined && state) (state.rowSizes ??= new Map()).set(key, [sizes.csvBytes, sizes.jsonBytes]);
      }
      this.sizes.set(item, sizes);
    }
    return sizes;
  }
}

function pair<T>(ctx: DownloadContext, base: string, title: string, table: DownloadFile['table'], rows: Rows<T>, items: () => readonly T[]): DownloadFile[] {
  const href = (ext: string) => `/data/${base}.${ext}`;
  const meta = () => ({
    title,
    url: ctx.siteUrl ? new URL(href('json'), ctx.siteUrl).href : href('json'),
    licence: LICENCE,
    licenceUrl: LICENCE_URL,
    citation: citationText({ author: ctx.author, title, updated: ctx.updated, url: ctx.siteUrl ? new URL('/data/', ctx.siteUrl).href : '/data/', type: 'DS/OL' }),
  });
  // The items in the file's order, sorted once.
  const list = once(items);
  // What both files are made from: the table's inputs, or each row's in the file's order; the title and citation.
  const inputs = once(() => {
    const hash = createHash('sha256').update(JSON.stringify([String(ctx.siteUrl ?? ''), meta(), rows.columns]));
    if (rows.tableInputs) hash.update(fingerprint(rows.tableInputs()) ?? `unhashable-${Math.random()}`);
    // Each row by its key, a hash of its inputs (noted for the manifest's row sizes under incremental publishing).
    else for (const item of list()) hash.update('\0').update(rows.rowKey(item));
    return hash.digest('base64url').slice(0, 27);
  });
  const file = (format: DownloadFile['format'], pieces: () => Iterable<string>, measure: () => number): DownloadFile => {
    const path = href(format.toLowerCase()).slice(1);
    const print = () => `${DOWNLOADS_ROUTE}|${format}|${inputs()}`;
    const size = once(() => {
      const state = incrementalState();
      if (!state) return measure();
      const known = state.base?.sizes?.[path];
      const bytes = known !== undefined && state.base!.files[path] === print() && state.base!.has(path) ? known : measure();
      (state.sizes ??= new Map()).set(path, bytes);
      return bytes;
    });
    return { href: `/${path}`, format, title, table, pieces, size, bytes: () => encoder.encode([...pieces()].join('')), inputs: print };
  };
  // Made while the file is written, row by row (never a national table's rows at once).
  const csvPieces = function* () {
    yield csvHeader(rows.columns);
    for (const item of list()) yield rows.csv(item);
  };
  const jsonOf = () => jsonPieces(rows.columns, list().length, mapped(list(), (item) => rows.json(item)), meta());
  return [
    // A size is the rows' sizes, kept with them, and what stands around them: the file is never joined to measure it.
    file('CSV', csvPieces, () => list().reduce((sum, item) => sum + rows.size(item).csvBytes, Buffer.byteLength(csvHeader(rows.columns)))),
    file('JSON', jsonOf, () => {
      let bytes = 0;
      for (const piece of jsonPieces(rows.columns, list().length, mapped(list(), () => ''), meta())) bytes += Buffer.byteLength(piece);
      return list().reduce((sum, item) => sum + rows.size(item).jsonBytes, bytes);
    }),
  ];
}

/** All figures, the indicator catalogue, and the rosters of groups and institutions. */
export function siteDownloads(ctx: DownloadContext, observationRows: Rows<Observation> = figureRows(ctx)): DownloadFile[] {
  const { dataset } = ctx;
  // The other tables' inputs, whole: the indicators with each one's count of figures; the groups, institutions and
  // regions (names, places, rosters), which the two rosters read.
  const counts = () => [dataset.indicators, dataset.indicators.map((i) => observationsOfIndicator(dataset, i.id).length)];
  const places = () => [dataset.groups, dataset.institutions, dataset.regions].map(fingerprintOnce);
  return [
    ...pair(ctx, 'observations', '全部数据（每行一个数字，附来源）', 'observations', observationRows, () => sortObservations(dataset.observations)),
    ...pair(ctx, 'indicators', '指标目录（定义、单位、所属指标体系、全国目标）', 'indicators', new Rows(indicatorTable(ctx), undefined, counts), () => [...dataset.indicators].sort((a, b) => a.id.localeCompare(b.id))),
    ...pair(ctx, 'groups', '医共体和医疗集团名单', 'groups', new Rows(groupTable(ctx), undefined, places), () => [...dataset.groups].sort(byName)),
    ...pair(ctx, 'institutions', '医疗机构名单（含所属医共体）', 'institutions', new Rows(institutionTable(ctx), undefined, places), () => [...dataset.institutions].sort(byName)),
  ];
}

/** The figures' rows, shared by every file that holds figures. */
const figureRows = (ctx: DownloadContext) => new Rows(observationTable(ctx), (o: Observation) => observationInputs(ctx.dataset, o), undefined, String(ctx.siteUrl ?? ''));

/** The figures reported for one indicator. */
export function indicatorDownloads(ctx: DownloadContext, indicator: Indicator, observationRows: Rows<Observation> = figureRows(ctx)): DownloadFile[] {
  const list = () => sortObservations(observationsOfIndicator(ctx.dataset, indicator.id));
  return pair(ctx, `indicators/${indicator.id}`, `${indicator.name}：各地报告的数据`, 'observations', observationRows, list);
}

/** The figures about one group and its named member institutions. */
export function groupDownloads(ctx: DownloadContext, group: Group, observationRows: Rows<Observation> = figureRows(ctx)): DownloadFile[] {
  return pair(ctx, `groups/${group.id}`, `${group.name}：报告的数据`, 'observations', observationRows, () => sortObservations(observationsOfGroup(ctx.dataset, group)));
}

/** Every file under /data/, by address, each made once. */
export interface DownloadRegistry {
  /** The site-wide files, in the order /data/ lists them. */
  site: readonly DownloadFile[];
  /** One indicator's CSV and JSON (empty for an unknown id). */
  indicator: (id: string) => readonly DownloadFile[];
  /** One group's CSV and JSON (empty for an unknown id). */
  group: (id: string) => readonly DownloadFile[];
  /** Every file, site-wide first, then by indicator, then by group. */
  all: readonly DownloadFile[];
  byHref: ReadonlyMap<string, DownloadFile>;
}

export function buildRegistry(ctx: DownloadContext): DownloadRegistry {
  // Every figure is a row of three files (the site's, its indicator's, its group's): one set of rows for all of them.
  const observationRows = figureRows(ctx);
  const site = siteDownloads(ctx, observationRows);
  const byIndicator = new Map(ctx.dataset.indicators.map((i) => [i.id, indicatorDownloads(ctx, i, observationRows)]));
  const byGroup = new Map(ctx.dataset.groups.map((g) => [g.id, groupDownloads(ctx, g, observationRows)]));
  const all = [...site, ...[...byIndicator.values()].flat(), ...[...byGroup.values()].flat()];
  return {
    site,
    indicator: (id) => byIndicator.get(id) ?? [],
    group: (id) => byGroup.get(id) ?? [],
    all,
    byHref: new Map(all.map((f) => [f.href, f])),
  };
}

declare global {
  /**
   * One registry per dataset and site address, so every page and the endpoint share each file's bytes. A new dataset
   * (`npm run dev` after an edit) gets a new registry. Kept on the global object, like the dataset
   * (src/data/current.ts): the pages (bundled by Vite) and the search index's integration (which makes the /data/
   * page's document, with every file's size) are separate module instances, and each file must be serialised once.
   */
  // eslint-disable-next-line no-var
  var __yigongtiDownloads: WeakMap<Dataset, Map<string, DownloadRegistry>> | undefined;
}

/** The build's download registry for this dataset, published at `siteUrl`. */
export function downloadRegistry(reading: Dataset, siteUrl: string | URL | undefined): DownloadRegistry {
  // Keyed by the dataset itself, not a page's stand-in for it (src/data/reads.ts): pages read their files' inputs
  // through `downloadLinks`.
  const dataset = rawDataset(reading);
  const key = siteUrl ? new URL(siteUrl).href : '';
  const registries = (globalThis.__yigongtiDownloads ??= new WeakMap());
  let bySite = registries.get(dataset);
  if (!bySite) registries.set(dataset, (bySite = new Map()));
  let registry = bySite.get(key);
  if (!registry) bySite.set(key, (registry = buildRegistry(downloadContext(dataset, key || undefined, dataset.dataUpdated))));
  return registry;
}

/**
 * One indicator's or group's files as a page links them, recorded as read (src/data/reads.ts): what they are and how
 * big depends on nothing but the files' inputs, which their key reads.
 */
export function downloadLinks(dataset: Dataset, siteUrl: string | URL | undefined, kind: 'indicator' | 'group', id: string): DownloadLink[] {
  noteRead(dataset, `downloads ${kind} ${id} ${siteUrl ? new URL(siteUrl).href : ''}`);
  return downloadRegistry(dataset, siteUrl)[kind](id).map(linkOf);
}

registerInput('downloads', (dataset, rest) => {
  const [kind, id, site] = rest.split(' ') as ['indicator' | 'group', string, string];
  return downloadRegistry(dataset, site || undefined)[kind](id).map((file) => [file.href, file.format, file.title, file.table, file.inputs()]);
});

/** "12 KB", "1.2 MB"; never "0 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A file as a page links it, with its size in bytes as served. */
export function linkOf(file: DownloadFile): DownloadLink {
  return { href: file.href, format: file.format, title: file.title, table: file.table, bytes: file.size() };
}

/** The context every page and endpoint builds downloads with. */
export function downloadContext(dataset: Dataset, siteUrl: string | URL | undefined, updated?: string): DownloadContext {
  return { dataset, siteUrl, author: t('site.name'), updated };
}
