/**
 * The project as the editor sees it, read incrementally: each request of the editor needs every source file (check
 * judges an edit against the whole dataset), but only the files changed since the last request are read again.
 *
 * - Files: the folders are listed and each file `lstat`ed on every call (a file changed by hand, by git, by an import
 *   or deleted is seen at once); a file is read and decoded again only when its (device, inode, size, mtime, ctime),
 *   to the nanosecond, differ from when it was read. A file changed within `reading.racyMs` of being read is read again on the
 *   next call whatever its stat says (git's "racily clean" rule: a second write within the file system's timestamp
 *   granularity can leave the stat unchanged).
 * - Check's verdict: kept per state of the project, keyed by each file's content hash (computed once per read), the
 *   images of public/ and the hour (check's date rules judge "today"); the state a save has just checked is kept too,
 *   so the request after a save does not check the project again.
 * - The list of entries with their pinyin, and each entry's label: computed once per checked state; pinyin is kept by
 *   label text, so after a save only new labels are spelt.
 *
 * The result equals `readSourceFiles(root)` (tests/unit/editor-project-cache.test.ts holds the two equal).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_MAX_BYTES, readSourceFiles } from '../data/read-sources';
import { decodeSource, validateDataset, type Entries, type SourceFile, type SourceFiles } from '../data/validate';

/**
 * A file changed this recently before it was read is read again next time (covers 1-2 s timestamp granularity);
 * tests set it to 0 to see the stat alone decide.
 */
export const reading = { racyMs: 3000 };

interface Read {
  stat: string;
  file: SourceFile;
  /** Trusted while its stat is unchanged: false when it changed within RACY_MS of being read. */
  settled: boolean;
}

/** Per project folder: each file as last read. */
const reads = new Map<string, Map<string, Read>>();
/** Each file's content hash, by the object read (so files edited in memory, e.g. a save's check, get their own). */
const hashes = new WeakMap<SourceFile, string>();

const statKey = (s: BigIntStats) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

/** One regular file, from the last read while its stat is unchanged and settled, else read now. */
function readOne(root: string, path: string, cache: Map<string, Read>, seen: Set<string>): SourceFile | { tooLarge: number } {
  seen.add(path);
  const before = lstatSync(join(root, path), { bigint: true });
  if (before.size > BigInt(SOURCE_MAX_BYTES)) {
    cache.delete(path);
    return { tooLarge: Number(before.size) };
  }
  const stat = statKey(before);
  const known = cache.get(path);
  if (known && known.settled && known.stat === stat) return known.file;
  // Stat first, then read: a write after the stat changes the stat, so the next call reads the file again.
  const startedMs = BigInt(Date.now() - reading.racyMs) * 1_000_000n;
  const file = decodeSource(path, readFileSync(join(root, path)));
  if (known && known.file.text === file.text && known.file.notUtf8 === file.notUtf8) {
    // Same content (touched, or checked out unchanged): the same object, so what was computed from it still holds.
    cache.set(path, { stat, file: known.file, settled: before.mtimeNs < startedMs && before.ctimeNs < startedMs });
    return known.file;
  }
  cache.set(path, { stat, file, settled: before.mtimeNs < startedMs && before.ctimeNs < startedMs });
  return file;
}

/** Every data and content file under `root`, as `readSourceFiles(root)` gives them, reading only what changed. */
export function sourceFiles(root: string): SourceFiles {
  let cache = reads.get(root);
  if (!cache) {
    reads.set(root, (cache = new Map()));
    // One editor edits one folder; tests make many: the oldest few are forgotten.
    while (reads.size > 4) reads.delete(reads.keys().next().value as string);
  }
  const known = cache;
  const seen = new Set<string>();
  const files = readSourceFiles(root, (_, path) => readOne(root, path, known, seen));
  // A file deleted (or replaced by a link or folder) is forgotten.
  for (const path of known.keys()) if (!seen.has(path)) known.delete(path);
  return files;
}

/** A file's content hash, computed once per file object. */
function hashOf(file: SourceFile): string {
  let hash = hashes.get(file);
  if (hash === undefined) {
    hash = createHash('sha256').update(file.text).digest('hex');
    hashes.set(file, hash);
  }
  return hash;
}

/** What check's verdict depends on: every file's path and content, public/'s images and problems, and the hour. */
export function stateKey(root: string, files: SourceFiles, now = new Date()): string {
  const hash = createHash('sha256').update(root).update('\0');
  // Check's date rules judge "today" (dates ahead of it, in whole days in China or UTC): the hour is enough.
  hash.update(String(Math.floor(now.getTime() / 3_600_000))).update('\0');
  for (const group of [files.data, files.mdx])
    for (const [name, list] of Object.entries(group)) {
      hash.update(`#${name}\0`);
      for (const f of list ?? []) hash.update(f.path).update('\0').update(f.notUtf8 ? '!' : hashOf(f)).update('\0');
    }
  for (const f of files.other ?? []) hash.update(f.path).update('\0').update(JSON.stringify(f.unreadable ?? null)).update('\0');
  for (const image of [...(files.public?.files ?? [])].sort()) hash.update(image).update('\0');
  for (const p of files.public?.problems ?? []) hash.update(p.file).update('\0').update(p.zh).update('\0');
  return hash.digest('hex');
}

export type Checked = ReturnType<typeof validateDataset>;

/** The project now: its files, check's verdict on them (entries, where each is written, every problem) and its key. */
export interface ProjectState {
  key: string;
  files: SourceFiles;
  ds: Entries;
  origins: Map<string, string>;
  all: Checked['problems'];
}

/** Verdicts by state key: the project as last seen and the state a save last checked (two at most). */
const verdicts = new Map<string, Checked>();
const KEEP = 2;

function remember(key: string, result: Checked) {
  verdicts.delete(key);
  verdicts.set(key, result);
  while (verdicts.size > KEEP) verdicts.delete(verdicts.keys().next().value as string);
}

/** Check's verdict on `files` (as they would be after an edit, or are now), from the kept ones when the same. */
export function check(root: string, files: SourceFiles, now?: Date): Checked & { key: string } {
  const key = stateKey(root, files, now);
  let result = verdicts.get(key);
  if (!result) result = validateDataset(files, { now });
  remember(key, result);
  return { ...result, key };
}

/** The project as check sees it now. */
export function projectState(root: string, now?: Date): ProjectState {
  const files = sourceFiles(root);
  const { entries, origins, problems, key } = check(root, files, now);
  return { key, files, ds: entries, origins, all: problems };
}

/** Forgets everything kept for a project folder (tests; a folder replaced wholesale). */
export function forgetProject(root?: string) {
  if (root === undefined) reads.clear();
  else reads.delete(root);
  verdicts.clear();
}
