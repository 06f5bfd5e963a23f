/**
 * The open-data tables: one row per observation, indicator, group or institution, with every column a reader of the
 * CSV needs to understand a figure without the site (names, period in words, the source's excerpt, links).
 * Column meanings for the data dictionary live in src/i18n/zh-CN.ts under `data.col.<key>`.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Group, Indicator, Institution, Observation } from '../schemas';
import { membershipsOf, observationsOf, observationsOfIndicator, pathOf, rosterOf, subjectName, type Dataset } from '../data/dataset';
import { formatFigure, formatQualified } from '../views/format';
import { formatPeriod } from '../data/period';
import { strings, t, type StringKey } from '../i18n/zh-CN';
import { regionOfSubject } from '../data/subject';
import { entryPrints } from '../data/entry-prints';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface Table<T> {
  columns: { key: string; cell: (item: T) => Cell }[];
}

const orNull = (v: string | number | undefined | null): Cell => (v === undefined || v === '' ? null : v);
const joined = (list: string[]): Cell => (list.length ? list.join('；') : null);

/** The full name of a region: 四川省内江市资中县. */
function regionFullName(dataset: Dataset, id: string): string {
  return pathOf(dataset, id).map((r) => r.name).join('');
}


/** Tables need the site (to resolve names) and the address it is published at (for links). */
export interface Context {
  dataset: Dataset;
  /** The public address; undefined in a preview build, whose URL columns hold site paths (/groups/…/). */
  siteUrl: string | URL | undefined;
}

const url = (ctx: Context, path: string) => (ctx.siteUrl ? new URL(path, ctx.siteUrl).href : path);

export function observationTable(ctx: Context): Table<Observation> {
  const { dataset } = ctx;
  const indicatorOf = (o: Observation) => dataset.indicator.get(o.indicator)!;
  const docOf = (o: Observation) => dataset.document.get(o.source.document);
  return {
    columns: [
      { key: 'observation_id', cell: (o) => o.id },
      { key: 'indicator_id', cell: (o) => o.indicator },
      { key: 'indicator_name', cell: (o) => indicatorOf(o).name },
      { key: 'framework', cell: (o) => indicatorOf(o).framework },
      { key: 'subject_type', cell: (o) => o.subject.type },
      { key: 'subject_id', cell: (o) => o.subject.id },
      { key: 'subject_name', cell: (o) => subjectName(dataset, o.subject) },
      { key: 'region_id', cell: (o) => orNull(regionOfSubject(dataset, o.subject)) },
      { key: 'region_name', cell: (o) => { const r = regionOfSubject(dataset, o.subject); return r ? regionFullName(dataset, r) : null; } },
      { key: 'period', cell: (o) => o.period },
      { key: 'period_label', cell: (o) => o.periodLabel ?? formatPeriod(o.period) },
      { key: 'kind', cell: (o) => o.kind },
      { key: 'statistic', cell: (o) => o.statistic ?? 'value' },
      { key: 'across', cell: (o) => orNull(o.across?.label) },
      { key: 'across_count', cell: (o) => orNull(o.across?.count) },
      { key: 'counting_basis', cell: (o) => orNull(o.countingBasis) },
      { key: 'qualifier', cell: (o) => o.qualifier ?? 'exact' },
      { key: 'value', cell: (o) => o.value },
      { key: 'value_high', cell: (o) => orNull(o.valueHigh) },
      { key: 'unit', cell: (o) => indicatorOf(o).unit },
      { key: 'value_text', cell: (o) => formatFigure(o, indicatorOf(o).unit) },
      { key: 'note', cell: (o) => orNull(o.note) },
      { key: 'source_document', cell: (o) => o.source.document },
      // The title the document's page shows, so a reader finds the page by it; the source's own title beside it.
      { key: 'source_title', cell: (o) => orNull(docOf(o)?.data.title) },
      { key: 'source_original_title', cell: (o) => orNull(docOf(o)?.data.originalTitle) },
      { key: 'source_issuer', cell: (o) => orNull(docOf(o)?.data.issuer) },
      { key: 'source_date', cell: (o) => orNull(docOf(o)?.data.date) },
      { key: 'source_section', cell: (o) => o.source.section },
      { key: 'source_excerpt', cell: (o) => o.source.excerpt },
      { key: 'source_outlet', cell: (o) => orNull(docOf(o)?.data.outlet) },
      { key: 'source_original_url', cell: (o) => orNull(docOf(o)?.data.originalUrl) },
      { key: 'source_digest_url', cell: (o) => url(ctx, `/documents/${o.source.document}/`) },
      { key: 'indicator_url', cell: (o) => url(ctx, `/indicators/${o.indicator}/`) },
    ],
  };
}

/**
 * Everything a figure's row in `observationTable` reads, as one string: the figure as stored, its indicator, its
 * subject's name, the region it lies in and the names along that region's path, and its source document's data (the
 * site's address, which the URL columns read, is in every file's fingerprint). Equal inputs make an equal row, so a
 * download is fingerprinted by its rows' inputs without making them. A cell that reads anything else must add it here.
 */
export function observationInputs(dataset: Dataset, o: Observation): string {
  const region = regionOfSubject(dataset, o.subject);
  return JSON.stringify([
    // The figure by its print when the build's check handed it over (src/data/entry-prints.ts): made from its text.
    entryPrints().get(o) ?? o,
    entityPrint(dataset.indicator.get(o.indicator)),
    subjectName(dataset, o.subject),
    region ?? null,
    region ? regionFullName(dataset, region) : null,
    entityPrint(dataset.document.get(o.source.document)?.data),
  ]);
}

/**
 * An entry's JSON by its hash, made once per entry (entries are immutable; many figures share an indicator or a
 * document). A figure's inputs held the indicator's and the document's JSON whole, escaped again in each figure's:
 * 1 KB a figure, kept for every figure of the build (200,000 at national size) and hashed for each row's key.
 */
const entityPrints = new WeakMap<object, string>();
function entityPrint(entry: object | undefined): string | null {
  if (!entry) return null;
  let print = entityPrints.get(entry) ?? entryPrints().get(entry);
  if (print === undefined) entityPrints.set(entry, (print = createHash('sha256').update(JSON.stringify(entry)).digest('base64url')));
  return print;
}

const TARGET_QUALIFIER_TEXT = (i: Indicator) => (i.nationalTarget ? formatQualified(i.nationalTarget.value, i.unit, i.nationalTarget.qualifier) : null);

export function indicatorTable(ctx: Context): Table<Indicator> {
  const { dataset } = ctx;
  return {
    columns: [
      { key: 'indicator_id', cell: (i) => i.id },
      { key: 'indicator_name', cell: (i) => i.name },
      { key: 'short_name', cell: (i) => orNull(i.shortName) },
      { key: 'aliases', cell: (i) => joined(i.aliases) },
      { key: 'framework', cell: (i) => i.framework },
      { key: 'framework_label', cell: (i) => t(`framework.${i.framework}` as StringKey) },
      { key: 'definition_status', cell: (i) => i.definitionStatus },
      { key: 'definition', cell: (i) => i.definition },
      { key: 'definition_note', cell: (i) => orNull(i.definitionNote) },
      { key: 'numerator', cell: (i) => orNull(i.numerator) },
      { key: 'denominator', cell: (i) => orNull(i.denominator) },
      { key: 'unit', cell: (i) => i.unit },
      { key: 'polarity', cell: (i) => i.polarity },
      { key: 'national_target', cell: (i) => orNull(i.nationalTarget?.value) },
      { key: 'national_target_qualifier', cell: (i) => orNull(i.nationalTarget?.qualifier) },
      { key: 'national_target_text', cell: TARGET_QUALIFIER_TEXT },
      { key: 'national_target_basis', cell: (i) => orNull(i.nationalTarget?.basis) },
      { key: 'observation_count', cell: (i) => observationsOfIndicator(dataset, i.id).length },
      { key: 'page_url', cell: (i) => url(ctx, `/indicators/${i.id}/`) },
    ],
  };
}

export function groupTable(ctx: Context): Table<Group> {
  const { dataset } = ctx;
  const nameOf = (id: string) => dataset.institution.get(id)?.name ?? id;
  return {
    columns: [
      { key: 'group_id', cell: (g) => g.id },
      { key: 'group_name', cell: (g) => g.name },
      { key: 'group_kind', cell: (g) => g.kind },
      { key: 'group_kind_label', cell: (g) => t(`kind.group.${g.kind}`) },
      { key: 'region_id', cell: (g) => g.region },
      { key: 'region_name', cell: (g) => regionFullName(dataset, g.region) },
      { key: 'covered_regions', cell: (g) => joined(g.coveredRegions.map((r) => regionFullName(dataset, r))) },
      { key: 'lead_id', cell: (g) => orNull(g.lead) },
      { key: 'lead_name', cell: (g) => (g.lead ? nameOf(g.lead) : null) },
      { key: 'named_member_count', cell: (g) => g.members.length },
      // A membership read from the source, not stated by it, is marked in the file as on the pages.
      { key: 'member_names', cell: (g) => joined(g.members.map((m) => nameOf(m.institution) + (m.inference ? `（${t('inference.label')}）` : ''))) },
      { key: 'stated_members', cell: (g) => joined(g.statedMembers.map((s) => s.label)) },
      { key: 'established', cell: (g) => orNull(g.established) },
      { key: 'summary', cell: (g) => g.summary },
      { key: 'source_documents', cell: (g) => joined([...new Set(g.sources.map((s) => s.document))]) },
      { key: 'page_url', cell: (g) => url(ctx, `/groups/${g.id}/`) },
    ],
  };
}

export function institutionTable(ctx: Context): Table<Institution> {
  const { dataset } = ctx;
  const groupsOfInstitution = membershipsOf;
  return {
    columns: [
      { key: 'institution_id', cell: (i) => i.id },
      { key: 'institution_name', cell: (i) => i.name },
      { key: 'aliases', cell: (i) => joined(i.aliases) },
      { key: 'institution_kind', cell: (i) => i.kind },
      { key: 'institution_kind_label', cell: (i) => t(`kind.institution.${i.kind}`) },
      { key: 'region_id', cell: (i) => i.region },
      { key: 'region_name', cell: (i) => regionFullName(dataset, i.region) },
      { key: 'group_ids', cell: (i) => joined(groupsOfInstitution(dataset, i.id).map((m) => m.group.id)) },
      { key: 'group_names', cell: (i) => joined(groupsOfInstitution(dataset, i.id).map((m) => m.group.name)) },
      { key: 'roles', cell: (i) => joined(groupsOfInstitution(dataset, i.id).map((m) => (m.role === 'lead' ? 'lead' : m.inference ? 'inferred-member' : 'member'))) },
      { key: 'note', cell: (i) => orNull(i.note) },
      { key: 'source_documents', cell: (i) => joined([...new Set(i.sources.map((s) => s.document))]) },
      { key: 'page_url', cell: (i) => url(ctx, `/institutions/${i.id}/`) },
    ],
  };
}

/** Rows of a table as plain records (numbers stay numbers, blanks are null). */
export function rowsOf<T>(table: Table<T>, items: readonly T[]): Row[] {
  return items.map((item) => Object.fromEntries(table.columns.map((c) => [c.key, c.cell(item)])));
}

/**
 * CSV as Excel opens it with Chinese intact: UTF-8 with a byte-order mark, CRLF line ends, a header row.
 * Text cells starting with = + - @ tab or CR get a leading ' (OWASP's advice against formula injection), so a name
 * like =HYPERLINK(…) stays text in a spreadsheet; numbers are left alone, so -3.2 in a value column stays a number.
 */
export function toCsv<T>(table: Table<T>, items: readonly T[]): string {
  return csvOfRows(table.columns.map((c) => c.key), rowsOf(table, items));
}

// A cell holding a line break is quoted, whatever the break (a note or summary written on two lines): csv-stringify
// quotes only a cell holding the record delimiter itself (CRLF), and a lone LF or CR would end the row in a spreadsheet.
const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ } as const;

/** `toCsv` of rows already made (`rowsOf`): a download's CSV and JSON share them. */
export function csvOfRows(columns: string[], rows: readonly Row[]): string {
  const records = rows.map((r) => columns.map((k) => r[k] ?? ''));
  return stringify(records, { ...CSV_OPTIONS, header: true, columns, bom: true });
}

/** A CSV file's start as `csvOfRows` writes it: the byte-order mark and the header row (CRLF-ended). */
export function csvHeader(columns: string[]): string {
  return stringify([], { ...CSV_OPTIONS, header: true, columns, bom: true });
}

/** What starts a text cell that `escape_formulas` marks with a leading ' (csv-stringify 6's list, full-width forms included). */
const FORMULA_START = new Set(['-', '=', '+', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** One cell as csv-stringify writes it with `CSV_OPTIONS` (its default casts, `"` quotes, `""` escapes). */
function csvCell(cell: Cell): string {
  if (cell === null || cell === '') return '';
  // Numbers as `'' + value` and never marked: -3.2 stays a number in a spreadsheet.
  if (typeof cell === 'number') return String(cell);
  const quote = cell.includes('"');
  // Quoted for a comma, a quote or any line break (CSV_OPTIONS' quoted_match).
  const quoted = quote || cell.includes(',') || cell.includes('\n') || cell.includes('\r');
  let value = FORMULA_START.has(cell[0]!) ? `'${cell}` : cell;
  if (quote) value = value.replaceAll('"', '""');
  return quoted ? `"${value}"` : value;
}

/**
 * One row as `csvOfRows` writes it (CRLF-ended): a file is `csvHeader` followed by its rows' records. csv-stringify
 * writes each record on its own, so a record is the same wherever the row stands. Written here cell by cell with
 * csv-stringify's rules for these options (tests/unit/generated-files.test.ts holds it to csv-stringify's output):
 * a call of csv-stringify per row normalised its options each time, 14 µs a row, and a national build writes
 * 200,000 figures' rows twice (measured for /data/, then written).
 */
export function csvRecord(columns: string[], values: readonly Cell[]): string {
  const length = Math.min(columns.length, values.length);
  let record = '';
  for (let i = 0; i < length; i++) record += (i ? ',' : '') + csvCell(values[i] ?? null);
  return `${record}\r\n`;
}

/** One row as it stands in `jsonOfRows`' output (indented four spaces, as an item of `rows`). */
export function jsonRowText(row: Row): string {
  return '    ' + JSON.stringify(row, null, 2).replaceAll('\n', '\n    ');
}

/**
 * `jsonOfRows`' output in pieces, from the rows' texts (`jsonRowText`; `count` of them), read as the pieces are:
 * joined, the same bytes.
 */
export function* jsonPieces(columns: string[], count: number, rowTexts: Iterable<string>, meta: JsonMeta): Generator<string> {
  const head = JSON.stringify({ ...meta, columns, rows: [] }, null, 2);
  if (!count) return yield head + '\n';
  // `"rows": []\n}` closes the object: the rows go between the brackets.
  yield head.slice(0, -'[]\n}'.length) + '[\n';
  let first = true;
  for (const text of rowTexts) {
    yield first ? text : ',\n' + text;
    first = false;
  }
  yield '\n  ]\n}\n';
}

/** Each item mapped, as it is read. */
export function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** What a JSON download says of itself: what the file is, its licence, where it comes from. */
export interface JsonMeta {
  title: string;
  url: string;
  licence: string;
  licenceUrl: string;
  citation: string;
}

/** The same rows as JSON, with what a reuser needs to know: what the file is, its licence, where it comes from. */
export function toJson<T>(table: Table<T>, items: readonly T[], meta: JsonMeta): string {
  return jsonOfRows(table.columns.map((c) => c.key), rowsOf(table, items), meta);
}

/** `toJson` of rows already made (`rowsOf`). */
export function jsonOfRows(columns: string[], rows: readonly Row[], meta: JsonMeta): string {
  return JSON.stringify({ ...meta, columns, rows }, null, 2) + '\n';
}

/** One collator for every comparison: the same order as `localeCompare` without arguments, at a fraction of its cost. */
const collator = new Intl.Collator();
const compare = collator.compare;

/** Sorting every download the same way: by indicator, subject, then time. */
export function sortObservations(observations: readonly Observation[]): Observation[] {
  return [...observations].sort(
    (a, b) =>
      compare(a.indicator, b.indicator) ||
      compare(a.subject.type, b.subject.type) ||
      compare(a.subject.id, b.subject.id) ||
      compare(a.period, b.period) ||
      compare(a.id, b.id),
  );
}

/** The figures a group's download holds: about the group itself and about its named member institutions. */
export function observationsOfGroup(dataset: Dataset, group: Group): Observation[] {
  const members = rosterOf(dataset, group.id).map((m) => m.institution.id);
  return [...observationsOf(dataset, 'group', group.id), ...members.flatMap((id) => observationsOf(dataset, 'institution', id))];
}


/** What a column means, for the data dictionary: a table-specific text where the meaning differs, else the shared one. */
export function columnMeaning(table: string, key: string): string | undefined {
  const all = strings as Record<string, string>;
  return all[`data.col.${table}.${key}`] ?? all[`data.col.${key}`];
}

/** Every table a download can hold, with its columns, for the data dictionary. */
export function dictionary(ctx: Context): { table: 'observations' | 'indicators' | 'groups' | 'institutions'; columns: string[] }[] {
  return [
    { table: 'observations', columns: observationTable(ctx).columns.map((c) => c.key) },
    { table: 'indicators', columns: indicatorTable(ctx).columns.map((c) => c.key) },
    { table: 'groups', columns: groupTable(ctx).columns.map((c) => c.key) },
    { table: 'institutions', columns: institutionTable(ctx).columns.map((c) => c.key) },
  ];
}
