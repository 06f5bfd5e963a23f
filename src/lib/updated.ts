/**
 * "最后更新": when the data shown on a page last changed. Each data file's date is its last git commit, or its
 * modification time while it has uncommitted changes; a page's date is the newest date among the files that hold
 * its entries (an indicator and its figures; a group, its institutions and figures). Dates are YYYY-MM-DD in
 * China Standard Time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Group, Indicator, Observation } from '../schemas';
import type { Site } from './site';
import { groupsInRegion, rosterFor } from './site';
import { observationsOfGroup } from './csv';
import { observationsOfIndicator, observationsOfSubject } from './lookup';

const DATA_COLLECTIONS = ['regions', 'institutions', 'groups', 'indicators', 'observations'] as const;
type Collection = (typeof DATA_COLLECTIONS)[number];

/** An entry of a data collection, e.g. `{ collection: 'observations', id: 'zizhong-...' }`. */
export interface EntryRef {
  collection: Collection;
  id: string;
}

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The newest of some ISO dates (they sort as text). */
export function latestDate(dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => Boolean(d)).sort().at(-1);
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Last commit date of every file under data/, from one `git log`. */
export function parseGitLog(log: string): Map<string, string> {
  const dates = new Map<string, string>();
  let date = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('@')) date = line.slice(1).trim();
    else if (line.trim() && !dates.has(line.trim())) dates.set(line.trim(), date);
  }
  return dates;
}

export interface DataIndex {
  /** Date of each data file (path relative to the project). */
  fileDates: Map<string, string>;
  /** The file each entry is written in, keyed `collection:id`. */
  entryFiles: Map<string, string>;
}

/** Reads the data folder once: which file holds each entry, and when each file last changed. */
export function readDataIndex(root: string): DataIndex {
  const log = git(root, ['log', '--format=@%cs', '--name-only', '--', 'data']);
  const committed = log ? parseGitLog(log) : new Map<string, string>();
  const status = git(root, ['status', '--porcelain', '--untracked-files=all', '--', 'data']);
  const dirty = new Set((status ?? '').split('\n').filter(Boolean).map((l) => l.slice(3).trim()));
  const fileDates = new Map<string, string>();
  const entryFiles = new Map<string, string>();
  for (const collection of DATA_COLLECTIONS) {
    const dir = join(root, 'data', collection);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const path = relative(root, join(dir, name)).replace(/\\/g, '/');
      const date = !dirty.has(path) && committed.get(path) ? committed.get(path)! : chinaDate.format(statSync(join(dir, name)).mtime);
      fileDates.set(path, date);
      try {
        for (const entry of JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id?: string }[]) {
          if (entry?.id) entryFiles.set(`${collection}:${entry.id}`, path);
        }
      } catch {
        // A broken file fails validation elsewhere; here it only lacks entries.
      }
    }
  }
  return { fileDates, entryFiles };
}

/** The newest date among the files holding these entries. */
export function updatedFor(index: DataIndex, entries: EntryRef[]): string | undefined {
  return latestDate(entries.map((e) => index.entryFiles.get(`${e.collection}:${e.id}`)).map((path) => (path ? index.fileDates.get(path) : undefined)));
}

let cached: DataIndex | undefined;
/** The index of the project being built (read once per build). */
export function projectIndex(): DataIndex {
  cached ??= readDataIndex(process.cwd());
  return cached;
}

const obsRefs = (list: Observation[]): EntryRef[] => list.map((o) => ({ collection: 'observations', id: o.id }));

/** When an indicator page's data last changed: the indicator and every figure reported for it. */
export function indicatorUpdated(site: Site, indicator: Indicator, index = projectIndex()): string | undefined {
  return updatedFor(index, [{ collection: 'indicators', id: indicator.id }, ...obsRefs(observationsOfIndicator(site, indicator.id))]);
}

/** When a group page's data last changed: the group, its institutions and their figures. */
export function groupUpdated(site: Site, group: Group, index = projectIndex()): string | undefined {
  return updatedFor(index, [
    { collection: 'groups', id: group.id },
    ...rosterFor(site, group).map((m) => ({ collection: 'institutions' as const, id: m.institution.id })),
    ...obsRefs(observationsOfGroup(site, group)),
  ]);
}

/** When a region page's data last changed: the region, its groups and its figures. */
export function regionUpdated(site: Site, regionId: string, index = projectIndex()): string | undefined {
  return updatedFor(index, [
    { collection: 'regions', id: regionId },
    ...groupsInRegion(site, regionId).map((g) => ({ collection: 'groups' as const, id: g.id })),
    ...obsRefs(observationsOfSubject(site, 'region', regionId)),
  ]);
}

/** When anything in the data last changed. */
export function dataUpdated(index = projectIndex()): string | undefined {
  return latestDate([...index.fileDates.values()]);
}
