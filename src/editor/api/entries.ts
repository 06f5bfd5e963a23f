/**
 * The entries the editor shows: every entry of every kind as one list item (Chinese label, county, pinyin for search),
 * where each is stored, its version, and the plumbing the editor decides for the staff member: the id made from the
 * name, and the file a new entry goes to.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { Entries, SourceFile, SourceFiles } from '../../data/validate';
import { slug, uniqueId, periodSlug } from '../../publishing/scaffold';
import { regionOfSubject as regionOf, subjectName, type SubjectLookup } from '../../data/subject';
import { ID_MAX_LENGTH } from '../../schemas';
import { isMdx, type Collection } from '../fields';
import { CHOICE_LABELS } from '../../i18n/editor.zh-CN';
import { formatPeriod } from '../../data/period';

export const KINDS: Collection[] = ['updates', 'observations', 'groups', 'institutions', 'corrections', 'documents', 'indicators', 'regions', 'references', 'synonyms', 'glossary'];

/** A data collection's files (synonyms may be absent). */
export const dataFiles = (files: SourceFiles, kind: Collection): SourceFile[] => (files.data as Record<string, SourceFile[] | undefined>)[kind] ?? [];

export interface ListItem {
  kind: Collection;
  id: string;
  /** The Chinese name or title a staff member knows the entry by. */
  label: string;
  /** Secondary words: kind of institution, date, unit. */
  detail?: string;
  /** County-level region (and its prefecture) the entry belongs to, for the county filter. */
  regions: string[];
  /** Full pinyin and initials of the label, lowercase without spaces, for search by pinyin. */
  py: string;
  /** Check finds a mistake in it (or could not read it at all): the list says so, so it can be found and fixed. */
  problem?: boolean;
}

/**
 * Entries in the files that check could not read into the dataset (a name left empty by hand, a rule made stricter):
 * listed by whatever name they have, so a staff member can still open and fix them. `listed` holds `kind:id` of the
 * entries already listed. `troubled`: the files check found a problem in (check leaves no entry out without naming
 * its file), so that only those are read again; all files when absent.
 */
export function unreadItems(files: SourceFiles, listed: Set<string>, troubled?: ReadonlySet<string>): ListItem[] {
  const items: ListItem[] = [];
  const add = (kind: Collection, id: string, label: string) => {
    if (listed.has(`${kind}:${id}`)) return;
    listed.add(`${kind}:${id}`);
    items.push({ kind, id, label, regions: [], py: pinyinKey(label), problem: true });
  };
  for (const kind of KINDS) {
    if (isMdx(kind)) {
      for (const f of files.mdx[kind] ?? []) {
        if (troubled && !troubled.has(f.path)) continue;
        const id = f.path.replace(/^.*\//, '').replace(/\.mdx$/, '');
        add(kind, id, f.text.match(/^title:\s*["']?(.+?)["']?\s*$/m)?.[1] ?? id);
      }
      continue;
    }
    for (const f of dataFiles(files, kind)) {
      if (troubled && !troubled.has(f.path)) continue;
      let list: unknown;
      try {
        list = JSON.parse(f.text);
      } catch {
        continue; // a file that is not JSON: check names it; no entry in it can be opened
      }
      if (!Array.isArray(list)) continue;
      for (const e of list as Record<string, unknown>[]) {
        if (!e || typeof e !== 'object' || typeof e.id !== 'string' || !e.id) continue;
        const name = [e.name, e.title, e.label, e.term].find((v) => typeof v === 'string' && v.trim());
        add(kind, e.id, (name as string | undefined) ?? e.id);
      }
    }
  }
  return items;
}

/** Pinyin of a text for search: full syllables run together, then the initials. */
export function pinyinKey(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase().replace(/\s+/g, ''));
  return `${syllables.join('')} ${syllables.map((s) => s[0] ?? '').join('')}`;
}

/** An id made from a Chinese name: its pinyin, lowercase, hyphenated, cut at a syllable within the length limit. */
export function idFromName(text: string, max = 48): string {
  const words = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((w) => slug(w.replace(/ü/g, 'v')))
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out.slice(0, ID_MAX_LENGTH);
}

export function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Version of a JSON entry as stored: the hash of its JSON; of an MDX entry, the hash of its file. */
export const versionOf = (stored: unknown) => sha(typeof stored === 'string' ? stored : JSON.stringify(stored));

/** The entries a subject's name and region are looked up in, by id (src/data/subject.ts). */
type Lookup = Omit<SubjectLookup, 'region'> & { region: ReadonlyMap<string, { name: string; parent?: string }> };

/** The county and prefecture of a region id (a county lists itself and its parent). */
function withParent(lookup: Lookup, region: string | undefined): string[] {
  if (!region) return [];
  const parent = lookup.region.get(region)?.parent;
  return parent ? [region, parent] : [region];
}

const listed = new WeakMap<Entries, readonly Readonly<ListItem>[]>();
/** Pinyin of the labels of the last list made, by label: a list made after a save spells only the labels new to it. */
let spelt = new Map<string, string>();

/**
 * Every entry of every kind as list items, made once per dataset checked (shared: not to be changed by a caller).
 * Spelling a label in pinyin is the slow part (seconds for a few hundred thousand labels); spellings are kept by label.
 */
export function listItems(ds: Entries): readonly Readonly<ListItem>[] {
  let items = listed.get(ds);
  if (!items) {
    const next = new Map<string, string>();
    items = makeListItems(ds, (label) => {
      let py = next.get(label) ?? spelt.get(label);
      if (py === undefined) py = pinyinKey(label);
      next.set(label, py);
      return py;
    });
    spelt = next;
    listed.set(ds, items);
  }
  return items;
}

function makeListItems(ds: Entries, spell: (label: string) => string): ListItem[] {
  const items: ListItem[] = [];
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((e) => [e.id, e]));
  const lookup: Lookup = { region: byId(ds.regions), group: byId(ds.groups), institution: byId(ds.institutions) };
  const indicators = byId(ds.indicators);
  const add = (kind: Collection, id: string, label: string, regions: string[], detail?: string) => items.push({ kind, id, label, detail, regions, py: spell(label) });
  for (const u of ds.updates) add('updates', u.id, u.data.title, u.data.regions.flatMap((r) => withParent(lookup, r)), u.data.date);
  for (const o of ds.observations) {
    const ind = indicators.get(o.indicator);
    add('observations', o.id, `${subjectName(lookup, o.subject)} · ${ind?.name ?? o.indicator} · ${formatPeriod(o.period)}`, withParent(lookup, regionOf(lookup, o.subject)), `${o.value}${ind?.unit ?? ''}`);
  }
  for (const g of ds.groups) add('groups', g.id, g.name, withParent(lookup, g.region), lookup.region.get(g.region)?.name);
  for (const i of ds.institutions) add('institutions', i.id, i.name, withParent(lookup, i.region), [CHOICE_LABELS[i.kind] ?? i.kind, lookup.region.get(i.region)?.name].filter(Boolean).join(' · '));
  const obs = new Map(ds.observations.map((o) => [o.id, o]));
  for (const c of ds.corrections) {
    const o = obs.get(c.observation);
    add('corrections', c.id, `更正：${o ? `${subjectName(lookup, o.subject)} · ${indicators.get(o.indicator)?.name ?? o.indicator}` : c.observation}`, o ? withParent(lookup, regionOf(lookup, o.subject)) : [], c.date);
  }
  for (const d of ds.documents) add('documents', d.id, d.data.title, d.data.regions.flatMap((r) => withParent(lookup, r)), String(d.data.date));
  for (const i of ds.indicators) add('indicators', i.id, i.name, [], i.unit);
  for (const r of ds.references ?? []) add('references', r.id, r.label, [], r.issuer);
  for (const s of ds.synonyms ?? []) add('synonyms', s.id, s.words.join('、'), []);
  for (const g of ds.glossary ?? []) add('glossary', g.id, g.term, [], g.aliases.join('、') || undefined);
  for (const r of ds.regions) add('regions', r.id, r.name, withParent(lookup, r.id), CHOICE_LABELS[r.kind] ?? r.kind);
  return items;
}

/** The ids written in a data file, valid or not (read once per file as read from disk). */
const idsInFile = new WeakMap<SourceFile, Set<string>>();
function idsIn(file: SourceFile): Set<string> {
  let ids = idsInFile.get(file);
  if (!ids) idsInFile.set(file, (ids = new Set(Array.from(file.text.matchAll(/"id"\s*:\s*"([^"]+)"/g), (m) => m[1]))));
  return ids;
}

/**
 * Ids already used by a kind (MDX: file names), valid or not, so a new id never collides. Asked while a staff member
 * types a name: each file's ids are kept with the file, and only looked up here (no set of the whole kind is made).
 */
export function takenIds(files: SourceFiles, kind: Collection): Pick<Set<string>, 'has'> {
  if (isMdx(kind)) return new Set(files.mdx[kind].map((f) => f.path.replace(/^.*\//, '').replace(/\.mdx$/, '')));
  const lists = dataFiles(files, kind).map(idsIn);
  return { has: (id) => lists.some((ids) => ids.has(id)) };
}

/** The id the editor proposes for a new entry, from what the staff member has typed so far. */
export function proposeId(kind: Collection, entry: Record<string, unknown>, ds: Entries, files: SourceFiles): string {
  const text = (k: string) => (typeof entry[k] === 'string' ? (entry[k] as string).trim() : '');
  let base = '';
  switch (kind) {
    case 'observations': {
      const s = entry.subject as { type?: string; id?: string } | undefined;
      const region = s?.type && s.id ? placing(ds).regionOf(s.type, s.id) : undefined;
      base = [region, text('indicator'), periodSlug(text('period'))].filter(Boolean).join('-');
      break;
    }
    case 'corrections':
      base = [text('observation'), 'correction', text('date')].filter(Boolean).join('-');
      break;
    case 'updates':
      base = [text('date').slice(0, 7), idFromName(text('title'), 36)].filter(Boolean).join('-');
      break;
    case 'documents':
      base = idFromName(text('title'), 48);
      break;
    case 'references':
      base = idFromName(text('label'), 48);
      break;
    case 'synonyms':
      base = idFromName(String((entry.words as string[] | undefined)?.[0] ?? ''), 48);
      break;
    case 'glossary':
      base = idFromName(text('term'), 48);
      break;
    default:
      base = idFromName(text('name'), 48);
  }
  base = slug(base).slice(0, ID_MAX_LENGTH - 4).replace(/-+$/, '');
  if (!base) return '';
  // uniqueId asks only whether an id is taken.
  return uniqueId(base, takenIds(files, kind) as Set<string>);
}

type Placed = 'observations' | 'institutions' | 'groups';

/** A dataset's regions, groups and institutions by id (the first of an id, as a search of the list finds it). */
const placings = new WeakMap<Entries, { parentOf(region: string): string | undefined; regionOf(type: string, id: string): string | undefined }>();
function placing(ds: Entries) {
  let found = placings.get(ds);
  if (!found) {
    const byId = <T extends { id: string }>(list: readonly T[]) => {
      const map = new Map<string, T>();
      for (const e of list) if (!map.has(e.id)) map.set(e.id, e);
      return map;
    };
    const lookup = { region: byId(ds.regions), group: byId(ds.groups), institution: byId(ds.institutions) };
    found = {
      parentOf: (region) => lookup.region.get(region)?.parent,
      regionOf: (type, id) => (type === 'region' || type === 'group' || type === 'institution' ? regionOf(lookup, { type, id }) : undefined),
    };
    placings.set(ds, found);
  }
  return found;
}

/**
 * For each region, the files holding entries of a kind in it or in a county under it, with how many each holds (in
 * the order the dataset first has one there): made once per checked state, not once per keystroke of a new entry.
 */
const regionFiles = new WeakMap<Map<string, string>, { ds: Entries; byKind: Map<Placed, Map<string, Map<string, number>>> }>();
function filesByRegion(ds: Entries, origins: Map<string, string>, inKind: Placed): Map<string, Map<string, number>> {
  let kept = regionFiles.get(origins);
  if (!kept || kept.ds !== ds) regionFiles.set(origins, (kept = { ds, byKind: new Map() }));
  let byRegion = kept.byKind.get(inKind);
  if (byRegion) return byRegion;
  byRegion = new Map();
  const { parentOf, regionOf: regionIn } = placing(ds);
  const count = (region: string | undefined, path: string) => {
    if (region === undefined) return;
    let files = byRegion!.get(region);
    if (!files) byRegion!.set(region, (files = new Map()));
    files.set(path, (files.get(path) ?? 0) + 1);
  };
  const entries: { id: string; region: string | undefined }[] =
    inKind === 'observations' ? ds.observations.map((o) => ({ id: o.id, region: regionIn(o.subject.type, o.subject.id) })) : ds[inKind];
  for (const e of entries) {
    const path = origins.get(`${inKind}:${e.id}`);
    if (!path || e.region === undefined) continue;
    count(e.region, path);
    const parent = parentOf(e.region);
    if (parent !== e.region) count(parent, path);
  }
  kept.byKind.set(inKind, byRegion);
  return byRegion;
}

/**
 * The file a new entry goes to. A figure, institution or group goes with the other entries of its county (the file
 * that already holds most of them), or to a new file named after the county; a correction beside its figure's file.
 */
export function fileFor(kind: Collection, entry: Record<string, unknown>, ds: Entries, files: SourceFiles, origins: Map<string, string>): string | undefined {
  if (isMdx(kind)) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  // The file holding most; of files holding as many, the first to hold one (in the dataset's order).
  const mostCommon = (count: Map<string, number> | undefined) => {
    let best: [string, number] | undefined;
    for (const [path, n] of count ?? []) if (!best || n > best[1]) best = [path, n];
    return best?.[0];
  };
  const regionFile = (region: string | undefined, inKind: Placed) => {
    if (!region) return undefined;
    return mostCommon(filesByRegion(ds, origins, inKind).get(region)) ?? `data/${inKind}/${region}.json`;
  };
  switch (kind) {
    case 'observations': {
      const s = entry.subject as { type?: string; id?: string } | undefined;
      return regionFile(s?.type && s.id ? placing(ds).regionOf(s.type, s.id) : undefined, 'observations');
    }
    case 'institutions':
      return regionFile(str(entry.region), 'institutions');
    case 'groups':
      return regionFile(str(entry.region), 'groups');
    case 'corrections': {
      const figureFile = origins.get(`observations:${str(entry.observation)}`);
      if (figureFile) return `data/corrections/${figureFile.replace(/^.*\//, '')}`;
      return files.data.corrections[0]?.path ?? 'data/corrections/corrections.json';
    }
    case 'regions':
      return files.data.regions[0]?.path ?? 'data/regions/regions.json';
    case 'references':
      return files.data.references?.[0]?.path ?? 'data/references/general.json';
    case 'synonyms':
      return files.data.synonyms?.[0]?.path ?? 'data/synonyms/synonyms.json';
    case 'glossary':
      return files.data.glossary?.[0]?.path ?? 'data/glossary/terms.json';
    case 'indicators': {
      if (entry.framework !== 'local') return files.data.indicators.find((f) => /national\.json$/.test(f.path))?.path ?? 'data/indicators/national.json';
      const doc = str((entry.source as { document?: string } | undefined)?.document);
      return doc ? `data/indicators/local-${doc}.json` : 'data/indicators/local.json';
    }
  }
}
