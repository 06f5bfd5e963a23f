/**
 * The names' readings (src/finder/shards.ts `NameReadings`: Traditional forms, fold, pinyin) kept from one build of the
 * finder to the next (issue 29). A county renamed or a roster changed remakes the whole finder, but nearly every name
 * reads as it did: reading them again (OpenCC and pinyin-pro) was a third of the finder's CPU, and loading OpenCC's
 * dictionaries a second more.
 *
 * Kept in `.check-cache/finder-readings.json` (ignored by git, never published) with the code fingerprint of the build
 * that wrote it (src/publishing/incremental-build.ts, which covers OpenCC's and pinyin-pro's versions through the lock
 * file): read only by an incremental build of the same code; a full build reads every name and writes a fresh one.
 * Each reading is found by the name it is of, so a changed name is simply not found (and read); only the names this
 * build used are written, so the file never grows past one site's worth. Outside `npm run build` nothing is read or
 * written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../data/write-whole';
import { incrementalState } from '../publishing/incremental';
import { CHECK_CACHE } from '../publishing/publish';
import type { FinderData } from './match';
import type { NameReadings } from './shards';

/** Where the readings are kept, relative to the project root. */
export const FINDER_READINGS_FILE = join(CHECK_CACHE, 'finder-readings.json');

/** Bumped when a reading's shape or meaning changes: an older file is then ignored. */
const VERSION = 1;

/** The file: each name with its Traditional forms, its fold pairs flattened, and its pinyin. */
interface Stored {
  version: number;
  code: string;
  names: [key: string, tw: string[], fold: string[], py: string][];
}

/** The readings the last build of the same code kept, by name (empty when there are none or they cannot be used). */
export function readReadings(file: string, code: string): Map<string, NameReadings> {
  const known = new Map<string, NameReadings>();
  let stored: Stored;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  } catch {
    return known;
  }
  if (stored?.version !== VERSION || stored.code !== code || !Array.isArray(stored.names)) return known;
  const texts = (list: unknown): list is string[] => Array.isArray(list) && list.every((t) => typeof t === 'string');
  for (const item of stored.names as unknown[]) {
    // A file cut short or written by other code is not used at all: every name is read afresh.
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !texts(item[1]) || !texts(item[2]) || typeof item[3] !== 'string') return new Map();
    const [key, tw, fold, py] = item as Stored['names'][number];
    known.set(key, { tw, fold, py });
  }
  return known;
}

/** Writes the readings of the names `data` holds, from `known` (which has them all once the data is built). */
export function writeReadings(file: string, code: string, data: FinderData, known: ReadonlyMap<string, NameReadings>): void {
  const names: Stored['names'] = [];
  const seen = new Set<string>();
  for (const e of data.entries) {
    for (const key of e.keys) {
      const readings = known.get(key);
      if (!readings || seen.has(key)) continue;
      seen.add(key);
      names.push([key, readings.tw, readings.fold, readings.py]);
    }
  }
  writeWhole(file, JSON.stringify({ version: VERSION, code, names } satisfies Stored));
}

/**
 * Under `npm run build`: the readings to build the finder with (the last build's, for an incremental build of the same
 * code), and `save` to keep this build's for the next. Undefined elsewhere.
 */
export function finderReadingsCache(root = process.cwd()): { known: Map<string, NameReadings>; save: (data: FinderData) => void } | undefined {
  const state = incrementalState();
  if (!state) return undefined;
  const file = join(root, FINDER_READINGS_FILE);
  const known = state.base ? readReadings(file, state.code) : new Map<string, NameReadings>();
  return { known, save: (data) => writeReadings(file, state.code, data, known) };
}
