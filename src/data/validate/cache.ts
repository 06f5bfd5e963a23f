/**
 * What validating each file found, kept between builds, so that `npm run build` validates only the files that changed.
 *
 * Everything a file's own check finds depends on nothing but its bytes and the code (src/data/validate/json.ts and
 * mdx.ts validate each file on its own; an MDX body's images also on public/): its problems, every id seen in it, and
 * its entries that passed. Those are kept per file under a key made of the validation code's fingerprint, the file's
 * collection and path, and a hash of its text (never its modification time or size: an edit that keeps both is still
 * an edit). What depends on more than one file (ids unique in their collection, every reference, the rules of
 * rules.ts) is checked whole every time, from the entries, cached or not (src/data/validate/index.ts).
 *
 * A cached file is one line of JSON (its problems, ids, and each entry's id and line) and then its entries' values as
 * one JSON array: the build hands the validated entries to the Astro process as JSON (src/data/read-sources.ts
 * `writeHandoff`), and copies that text from the cache files as it is (`writeCollection`) instead of writing the values
 * out again; the texts are not kept in memory meanwhile, only which cache file holds each data file's.
 *
 * Files no longer read are removed when the cache is saved (`prune`). A cache whose files cannot be read or parsed
 * is ignored, file by file: the file is validated again.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { removeAllBut, writeWhole } from '../write-whole';
import { entryPrint } from '../entry-prints';
import type { DataFileResult } from './json';
import type { Located, Problem, SourceFile } from './problems';

/** The first line of a cached file. */
interface Head {
  problems: Problem[];
  ids: string[];
  /** Each entry's id and line (the values follow on the next line, in the same order). */
  entries: [string, number | null][];
  /** Each entry's print, from its value's JSON text (src/data/entry-prints.ts), for the handoff. */
  prints?: string[];
}

export class ValidationCache {
  /**
   * The cache file holding each data file's values (read from the cache or written to it in this run) and that file's
   * length, by path: a file changed since (cut short, rewritten) is not copied into the handoff.
   */
  private readonly stored = new Map<string, { name: string; length: number }>();
  /** The cache files this run used or wrote, by name: the rest are removed by `prune`. */
  private readonly used = new Set<string>();
  /** How many files were taken from the cache and how many validated, for the log. */
  hits = 0;
  misses = 0;

  /**
   * `dir`: where the cache lives; `code`: the fingerprint of everything that decides what validation finds (the
   * code, and for MDX bodies the public/ files, see `withImages`).
   */
  constructor(
    readonly dir: string,
    private readonly code: string,
    private readonly images = '',
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** The fingerprint of public/'s files, which an MDX body's images are checked against. */
  static imagesKey(images: ReadonlySet<string> | undefined): string {
    return images ? createHash('sha256').update([...images].sort().join('\0')).digest('base64url') : '';
  }

  private name(collection: string, file: SourceFile): string {
    const hash = createHash('sha256').update(this.code).update('\0').update(collection).update('\0').update(file.path).update('\0');
    if (collection === 'documents' || collection === 'updates') hash.update(this.images).update('\0');
    hash.update(file.notUtf8 ? '\u0001not utf-8' : file.text);
    return `${hash.digest('base64url').slice(0, 40)}.json`;
  }

  /** What the file's own check found when these very bytes were validated by this code, or undefined. */
  dataFile<T>(collection: string, file: SourceFile): DataFileResult<T> | undefined {
    if (file.unreadable) return undefined;
    const name = this.name(collection, file);
    let text: string;
    try {
      text = readFileSync(join(this.dir, name), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const newline = text.indexOf('\n');
      const head = JSON.parse(text.slice(0, newline)) as Head;
      const valuesText = text.slice(newline + 1);
      const values = JSON.parse(valuesText) as T[];
      if (!Array.isArray(values) || values.length !== head.entries.length) return undefined;
      const entries: Located<T>[] = values.map((value, i) => {
        const [id, line] = head.entries[i];
        return line === null ? { value, file: file.path, id } : { value, file: file.path, line, id };
      });
      this.used.add(name);
      this.stored.set(file.path, { name, length: text.length });
      this.hits++;
      return { problems: head.problems, ids: head.ids, entries };
    } catch {
      return undefined;
    }
  }

  /** Keeps what a file's own check found (unless it came from the cache), its values' JSON text for the handoff among it. */
  keepDataFile<T>(collection: string, file: SourceFile, found: DataFileResult<T>): void {
    if (this.stored.has(file.path) || file.unreadable) return;
    const name = this.name(collection, file);
    // The values' array as JSON.stringify writes it, from each value's text, which its print is made from.
    const texts = found.entries.map((e) => JSON.stringify(e.value));
    const valuesText = `[${texts.join(',')}]`;
    const head: Head = { problems: found.problems, ids: found.ids, entries: found.entries.map((e) => [e.id, e.line ?? null]), prints: texts.map(entryPrint) };
    const text = `${JSON.stringify(head)}\n${valuesText}`;
    this.misses++;
    try {
      writeWhole(join(this.dir, name), text);
    } catch {
      return;
    }
    this.used.add(name);
    this.stored.set(file.path, { name, length: text.length });
  }

  /**
   * Writes a collection's validated values as the handoff holds them (one JSON array) into `target`, copied from its
   * files' cache files in the order validated, one file's text in memory at a time. False, with `target` left
   * incomplete, unless every file's text is in the cache (a cache file that could not be written or was removed since).
   * With `prints`, each value's print (src/data/entry-prints.ts) is added to it, in the same order.
   */
  writeCollection(target: string, paths: readonly string[], prints?: string[]): boolean {
    if (!paths.every((path) => this.stored.has(path))) return false;
    const fd = openSync(target, 'w');
    try {
      writeSync(fd, '[');
      let first = true;
      for (const path of paths) {
        const { name, length } = this.stored.get(path)!;
        const text = readFileSync(join(this.dir, name), 'utf8');
        if (text.length !== length) return false;
        const newline = text.indexOf('\n');
        if (prints) {
          const head = JSON.parse(text.slice(0, newline)) as Head;
          if (head.prints) for (const print of head.prints) prints.push(print);
          else for (const value of JSON.parse(text.slice(newline + 1)) as unknown[]) prints.push(entryPrint(JSON.stringify(value)));
        }
        // The values' array, on the line after the head: its items, without the brackets, joined by commas.
        const inner = text.slice(newline + 2, -1);
        if (!inner) continue;
        writeSync(fd, first ? inner : `,${inner}`);
        first = false;
      }
      writeSync(fd, ']');
      return true;
    } catch {
      return false;
    } finally {
      closeSync(fd);
    }
  }

  /** Removes the cache files this run neither used nor wrote (those of files changed or gone, or of other code). */
  prune(): void {
    removeAllBut(this.dir, this.used);
  }
}
