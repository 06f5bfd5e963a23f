/** JSON stage: each data file parsed, its duplicate keys and lines found in one pass, each entry checked by its schema. */
import type { z } from 'astro/zod';
import { dataCollections, type DataCollection } from '../../schemas';
import { jsonMessages, unreadableMessages } from '../../i18n/validation';
import { fastParser } from '../fast-schema';
import { notUtf8Problem } from './files';
import { fieldPath, lineAt, type KnownIds, type Located, type Problem, type SourceFile } from './problems';
import type { ValidationCache } from './cache';
import { describeWithCharacter, normaliseText } from './schema-issues';

/** What one pass over a JSON array file finds: keys written twice, and where each entry's id is written. */
export interface JsonLayout {
  /** Keys written twice in one object (JSON.parse silently keeps the last), at the second, with its line. */
  duplicates: { key: string; offset: number; line: number }[];
  /** For each entry of the top-level array, the offset of its (last) "id" key, when it has one. */
  idOffsets: (number | undefined)[];
  /** How deep the text nests arrays and objects (the top-level array is 1). */
  depth: number;
  /** The line (1-based) of each offset in idOffsets. */
  idLines: (number | undefined)[];
}

/** Deepest nesting a data file may have: an entry needs a handful of levels; thousands would exhaust the stack. */
export const JSON_MAX_DEPTH = 32;

/**
 * One pass over a JSON text that already parsed: finds duplicate keys and where each entry's id is written, counting
 * lines as it goes (a JSON string cannot hold a raw line break, so lines are counted outside strings only). Strings
 * are skipped whole with indexOf, since most of the text is inside them. Linear in the file size, and once per file:
 * searching the text once per entry was quadratic.
 */
export function scanJson(text: string): JsonLayout {
  const layout: JsonLayout = { duplicates: [], idOffsets: [], idLines: [], depth: 0 };
  // One entry per open object or array: the keys seen so far (objects) or null (arrays). Objects have few keys, so a
  // list is quicker than a Set.
  const stack: (string[] | null)[] = [];
  let expectKey = false;
  let line = 1;
  let entry = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 /* space */) continue;
    if (c === 34 /* " */) {
      let end = i + 1;
      while (true) {
        end = text.indexOf('"', end);
        let slashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 92; k--) slashes++;
        if (slashes % 2 === 0) break;
        end++;
      }
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.includes(key)) layout.duplicates.push({ key, offset: i, line });
        keys.push(key);
        expectKey = false;
        if (key === 'id' && stack.length === 2) {
          layout.idOffsets[entry] = i;
          layout.idLines[entry] = line;
        }
      }
      i = end;
    } else if (c === 10 /* \n */) {
      line++;
    } else if (c === 123 /* { */) {
      stack.push([]);
      if (stack.length > layout.depth) layout.depth = stack.length;
      expectKey = true;
    } else if (c === 91 /* [ */) {
      stack.push(null);
      if (stack.length > layout.depth) layout.depth = stack.length;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      if (stack.length === 1) entry++;
      expectKey = stack[stack.length - 1] !== null;
    }
  }
  return layout;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Line of a field inside one entry's stretch of text, when its key appears there exactly once. */
function lineOfField(text: string, from: number | undefined, to: number | undefined, path: (string | number)[]): number | undefined {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (from === undefined || !key) return undefined;
  const stretch = text.slice(from, to);
  const found = [...stretch.matchAll(new RegExp(`"${escapeRegExp(key)}"\\s*:`, 'g'))];
  return found.length === 1 ? lineAt(text, from + found[0].index!) : undefined;
}


/** Every entry of a collection's JSON files that passed its schema; problems for the rest. */
export function parseDataFiles<T>(collection: DataCollection, files: SourceFile[], problems: Problem[], known: KnownIds, cache?: ValidationCache): Located<T>[] {
  const parse = fastParser(dataCollections[collection] as unknown as z.ZodType<T>);
  const entries: Located<T>[] = [];
  for (const file of files) {
    // A file validated before, byte for byte, with the same code: its problems, ids and entries as they were found.
    const found = cache?.dataFile<T>(collection, file) ?? parseDataFile(file, parse);
    for (const problem of found.problems) problems.push(problem);
    for (const id of found.ids) known.note(id);
    for (const entry of found.entries) entries.push(entry);
    cache?.keepDataFile(collection, file, found);
  }
  return entries;
}

/** What one data file holds: its problems, every id seen in it (valid or not, in order), the entries that passed. */
export interface DataFileResult<T> {
  problems: Problem[];
  ids: string[];
  entries: Located<T>[];
}

/** One data file validated on its own (nothing in it depends on another file). */
function parseDataFile<T>(file: SourceFile, parse: ReturnType<typeof fastParser<T>>): DataFileResult<T> {
  const problems: Problem[] = [];
  const entries: Located<T>[] = [];
  const ids: string[] = [];
  const known = { note: (id: string) => void ids.push(id) };
  const out = { problems, ids, entries };
  if (file.notUtf8) {
    problems.push(notUtf8Problem(file.path));
    return out;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(file.text);
  } catch (error) {
    // Ids still readable in the broken text count as known, so one missing comma does not also break every reference.
    for (const m of file.text.matchAll(/"id"\s*:\s*"([^"]+)"/g)) known.note(m[1]);
    const message = (error as Error).message;
    const position = Number(message.match(/position (\d+)/)?.[1]);
    problems.push({ file: file.path, line: Number.isFinite(position) ? lineAt(file.text, position) : undefined, ...jsonMessages.broken(message) });
    return out;
  }
  if (!Array.isArray(raw)) {
    problems.push({ file: file.path, line: 1, ...jsonMessages.notArray() });
    return out;
  }
  const { duplicates, idOffsets, idLines, depth } = scanJson(file.text);
  // Before any step that walks an entry recursively (normalising, the schema, the views): no stack runs out.
  if (depth > JSON_MAX_DEPTH) {
    for (const m of file.text.matchAll(/"id"\s*:\s*"([^"]+)"/g)) known.note(m[1]);
    problems.push({ file: file.path, ...unreadableMessages.tooDeep(depth, JSON_MAX_DEPTH) });
    return out;
  }
  for (const { key, line } of duplicates) problems.push({ file: file.path, line, field: key, ...jsonMessages.keyTwice(key) });
  const offsets = raw.map((item, index) => (typeof (item as { id?: unknown } | null)?.id === 'string' ? idOffsets[index] : undefined));
  // Where the next entry starts, for each entry: the end of its stretch of text when looking for a field's line.
  const nextOffsets: (number | undefined)[] = new Array(offsets.length);
  for (let i = offsets.length - 1, next: number | undefined; i >= 0; i--) {
    nextOffsets[i] = next;
    if (offsets[i] !== undefined) next = offsets[i];
  }
  raw.forEach((item, index) => {
    const rawId = (item as { id?: unknown } | null)?.id;
    const label = typeof rawId === 'string' ? rawId : jsonMessages.itemLabel(index);
    const offset = offsets[index];
    const line = offset === undefined ? undefined : idLines[index];
    if (typeof rawId === 'string') known.note(rawId);
    const result = parse(normaliseText(item));
    if (!result.success) {
      const end = nextOffsets[index];
      for (const issue of result.error.issues) {
        problems.push({
          file: file.path,
          line: lineOfField(file.text, offset, end, issue.path) ?? line,
          entry: label,
          field: fieldPath(issue.path) || undefined,
          ...describeWithCharacter(issue, item),
        });
      }
      return;
    }
    entries.push({ value: result.data, file: file.path, line, id: String(rawId) });
  });
  return out;
}
