/** Calls to the editor's server: JSON in, JSON out; a lost connection answered in Chinese. */
import { useEffect, useState } from 'react';
import { UI } from '../../../i18n/editor.zh-CN';
// The answers' shapes are the server's own types (type-only: nothing of the server reaches the browser's bundle).
import type { ListItem } from '../../api/entries';
import type { EntryPage } from '../../api/entry-search';

export type { ListItem, EntryPage };

export interface Answer<T = any> {
  status: number;
  json: T;
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  try {
    const reads = method === 'GET' || method === 'HEAD';
    const res = await fetch(path, {
      method,
      headers: reads ? {} : { 'content-type': 'application/json' },
      body: reads ? undefined : JSON.stringify(body ?? {}),
      credentials: 'same-origin',
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { zh: text.slice(0, 200) || UI.networkError };
    }
    return { status: res.status, json };
  } catch {
    return { status: 0, json: { zh: UI.networkError } as any };
  }
}

export interface County {
  id: string;
  name: string;
  kind: string;
  parent?: string;
}
/** What the first screen shows beside the entries: kinds, counties, counts, and the state of the project it was read in. */
export interface EntryList {
  kinds: { kind: string; label: string }[];
  counties: County[];
  /** How many entries check finds a mistake in, and how many there are. */
  troubled: number;
  total: number;
  /** The state of the project: a page of entries is asked for again when it changes (after a save, an import). */
  key: string;
}
/** A page of entries as `useEntries` gives it: `current` is false while the answer is to an earlier question (typing). */
export type EntryAnswer = EntryPage & { current: boolean };

/**
 * A page of the entries the server finds for `params` (null: none asked for), asked again when they or `key` change,
 * `delay` ms after the last change (typing). The last answer stays shown, marked not current, until the next comes; an
 * answer to an older question is dropped.
 */
export function useEntries(params: Record<string, string | number | boolean | undefined> | null, key: string | undefined, delay = 0): EntryAnswer | null {
  const [answered, setAnswered] = useState<{ query: string; page: EntryPage } | null>(null);
  const query = params ? new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined || v === '' || v === false ? [] : [[k, v === true ? '1' : String(v)]]))).toString() : null;
  useEffect(() => {
    if (query === null) {
      setAnswered(null);
      return;
    }
    let gone = false;
    const t = setTimeout(() => {
      api<EntryPage>('GET', `/api/entries?${query}`).then((res) => {
        if (res.status !== 200) return;
        remember(key ?? '', res.json.items);
        if (!gone) setAnswered({ query, page: { matched: res.json.matched, items: res.json.items } });
      });
    }, delay);
    return () => {
      gone = true;
      clearTimeout(t);
    };
  }, [query, key]);
  return answered && query !== null ? { ...answered.page, current: answered.query === query } : null;
}

/** Entries already seen in answers, by `kind:id`, for the state of the project the interface last read (EntryList.key). */
let seen: { key: string; items: Map<string, ListItem> } = { key: '', items: new Map() };
function remember(key: string, items: readonly ListItem[]) {
  if (seen.key !== key) seen = { key, items: new Map() };
  for (const item of items) seen.items.set(`${item.kind}:${item.id}`, item);
}

/** `${key} ${kind:id}` of entries an answer did not hold: they do not exist in that state (a reference to fix). */
const absent = new Set<string>();

/**
 * The entries named by `keys` (`kind:id`), for the names of what a form holds: those seen in an answer of the same
 * state at once, the others asked for together. null while asking; a key not in the map names no entry.
 */
export function useNamed(keys: string[], key: string): Map<string, ListItem> | null {
  const [, setAnswered] = useState(0);
  const items = seen.key === key ? seen.items : new Map<string, ListItem>();
  const unknown = keys.filter((k) => !items.has(k) && !absent.has(`${key} ${k}`));
  const asked = unknown.join(',');
  useEffect(() => {
    if (!asked) return;
    let gone = false;
    api<EntryPage>('GET', `/api/entries?ids=${encodeURIComponent(asked)}&limit=${unknown.length}`).then((res) => {
      if (res.status !== 200) return;
      remember(key, res.json.items);
      for (const k of unknown) if (!seen.items.has(k)) absent.add(`${key} ${k}`);
      if (!gone) setAnswered((n) => n + 1);
    });
    return () => {
      gone = true;
    };
  }, [asked, key]);
  return unknown.length ? null : items;
}

/** A file's content as base64, for uploads in JSON. */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

