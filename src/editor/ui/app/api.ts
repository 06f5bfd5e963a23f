/** Calls to the editor's server: JSON in, JSON out; a lost connection answered in Chinese. */
import { UI } from '../../../i18n/editor.zh-CN';

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

export interface ListItem {
  kind: string;
  id: string;
  label: string;
  detail?: string;
  regions: string[];
  py: string;
  problem?: boolean;
}
export interface County {
  id: string;
  name: string;
  kind: string;
  parent?: string;
}
export interface EntryList {
  kinds: { kind: string; label: string }[];
  items: ListItem[];
  counties: County[];
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

/** Entries whose name, id or pinyin contains every word of the query. */
export function matches(item: ListItem, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${item.label.toLowerCase()} ${item.id} ${item.py}`;
  return words.every((w) => hay.includes(w));
}
