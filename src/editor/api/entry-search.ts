/**
 * The editor's list, searched on the server: a staff member's browser asks for one page of matches (the first screen,
 * a reference picker) instead of holding every entry. At national size the whole list is about 830,000 entries and
 * 170 MB of JSON, more than a phone or an office PC should load to find one township health centre.
 *
 * GET /api/entries?q=资中&kind=institutions&county=…&near=…&problems=1&offset=0&limit=60, or ?ids=kind:id,kind:id.
 */
import type { ListItem } from './entries';

/** The most entries one answer holds (the first screen shows 60 at a time, a picker 12; indicators are read whole). */
export const SEARCH_LIMIT_MAX = 1000;

/** What one search asks for; every part optional. */
export interface EntryQuery {
  /** Words that must all be found in the name, the id or the name's pinyin (full or initials). */
  q?: string;
  /** Only these kinds. */
  kinds?: readonly string[];
  /** Only entries of this county or prefecture. */
  county?: string;
  /** Entries of this county first (a picker in a county's form), the others after them. */
  near?: string;
  /** Only entries check finds a mistake in. */
  problems?: boolean;
  offset?: number;
  limit?: number;
  /** These entries (`kind:id`), in this order, whatever the other parts say: the names of what a form already holds. */
  ids?: readonly string[];
}

export interface EntryPage {
  /** How many entries match in all. */
  matched: number;
  /** The matches from `offset`, at most `limit`. */
  items: readonly Readonly<ListItem>[];
}

/** The list, with what a search needs made once: the text each entry is found by, and the entries by `kind:id`. */
export interface SearchableList {
  items: readonly Readonly<ListItem>[];
  hay: readonly string[];
  byKey: ReadonlyMap<string, Readonly<ListItem>>;
}

export function searchable(items: readonly Readonly<ListItem>[]): SearchableList {
  return {
    items,
    hay: items.map((i) => `${i.label.toLowerCase()} ${i.id} ${i.py}`),
    byKey: new Map(items.map((i) => [`${i.kind}:${i.id}`, i])),
  };
}

/** The words of a query: lowercase, split on spaces (full-width ones too). */
export const queryWords = (q: string): string[] => q.toLowerCase().split(/[\s\u3000]+/).filter(Boolean);

/** The query's parts read from an address's search parameters; anything malformed is left out, never an error. */
export function readQuery(params: URLSearchParams): EntryQuery {
  const number = (name: string) => {
    const text = params.get(name);
    const n = text === null || text.trim() === '' ? NaN : Number(text);
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  };
  const list = (name: string) => params.get(name)?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    q: params.get('q') ?? undefined,
    kinds: list('kind'),
    county: params.get('county') || undefined,
    near: params.get('near') || undefined,
    problems: params.get('problems') === '1',
    offset: number('offset'),
    limit: number('limit'),
    ids: list('ids'),
  };
}

export function searchEntries(list: SearchableList, query: EntryQuery): EntryPage {
  const limit = Math.min(query.limit ?? 60, SEARCH_LIMIT_MAX);
  const offset = query.offset ?? 0;
  if (query.ids) {
    const found = query.ids.flatMap((key) => list.byKey.get(key) ?? []);
    return { matched: found.length, items: found.slice(offset, offset + limit) };
  }
  const words = queryWords(query.q ?? '');
  const kinds = query.kinds?.length ? new Set(query.kinds) : undefined;
  const near: Readonly<ListItem>[] = [];
  const rest: Readonly<ListItem>[] = [];
  const { items, hay } = list;
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    if (kinds && !kinds.has(item.kind)) continue;
    if (query.problems && !item.problem) continue;
    if (query.county && !item.regions.includes(query.county)) continue;
    if (words.length && !words.every((w) => hay[n].includes(w))) continue;
    (query.near && item.regions.includes(query.near) ? near : rest).push(item);
  }
  const found = near.length ? near.concat(rest) : rest;
  return { matched: found.length, items: found.slice(offset, offset + limit) };
}
