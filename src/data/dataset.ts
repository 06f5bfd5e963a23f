/**
 * The site's data, read once and validated once (the same function `npm run check` runs), with every index pages
 * need built once. Per-page work is a Map lookup into this, never a scan of the nation's data.
 *
 * No Astro imports: views (src/views/) and tests take a Dataset made from fixture entries with `indexDataset`.
 */
import { REFERRAL_PARTS, type Correction, type DocumentMeta, type GlossaryTerm, type Group, type Indicator, type Inference, type Institution, type Observation, type Reference, type Region, type SourceRef, type StatementField, type Synonym, type UpdateMeta } from '../schemas';
import type { Entries } from './validate';
import { provinceOfRegion, subjectKey, type Subject, type SubjectType } from './subject';
import { indexIndicators, type IndicatorIndex } from './indicator-index';

export interface DocumentEntry {
  id: string;
  data: DocumentMeta;
  /** The MDX body as written (validated by src/data/mdx-policy.ts), for its page's search document. */
  body?: string;
}
export interface UpdateEntry {
  id: string;
  data: UpdateMeta;
  /** The MDX body as written (validated by src/data/mdx-policy.ts), for its page's search document. */
  body?: string;
}

export { subjectHref, subjectKey, subjectName, type Subject, type SubjectType } from './subject';

/** One of an institution's groups, with its role there. */
export interface Membership {
  group: Group;
  role: 'lead' | 'member';
  note?: string;
  /** Set when the membership is a reading of the source, not its words. */
  inference?: Inference;
}

/** One row of a group's roster: the lead first, then named members in the editors' order. */
export interface RosterRow {
  institution: Institution;
  role: 'lead' | 'member';
  note?: string;
  /** Set when the membership is a reading of the source, not its words. */
  inference?: Inference;
}

/** A sourced statement of one or more groups (a service or a point of the referral guide): once per field, document and text. */
export interface GroupStatement {
  field: StatementField;
  text: string;
  source: SourceRef;
  /** Every group the statement is recorded for, in the editors' order. */
  groups: readonly Group[];
}

/** The data collections whose entries carry a file date (see `updatedOf`). */
export type DatedCollection = 'regions' | 'institutions' | 'groups' | 'indicators' | 'observations' | 'corrections';

export interface Dataset {
  readonly regions: readonly Region[];
  readonly institutions: readonly Institution[];
  readonly groups: readonly Group[];
  readonly indicators: readonly Indicator[];
  readonly observations: readonly Observation[];
  readonly corrections: readonly Correction[];
  /** General knowledge from no county document, each with its source (data/references/). */
  readonly references: readonly Reference[];
  /** Words readers use for the same thing, for search (data/synonyms/). */
  readonly synonyms: readonly Synonym[];
  /** Terms residents meet in policy texts, in the editors' order (data/glossary/). */
  readonly glossary: readonly GlossaryTerm[];
  /** Sorted by id, so output does not depend on the order files were read. */
  readonly documents: readonly DocumentEntry[];
  readonly updates: readonly UpdateEntry[];

  readonly region: ReadonlyMap<string, Region>;
  readonly institution: ReadonlyMap<string, Institution>;
  readonly group: ReadonlyMap<string, Group>;
  readonly indicator: ReadonlyMap<string, Indicator>;
  readonly observation: ReadonlyMap<string, Observation>;
  readonly document: ReadonlyMap<string, DocumentEntry>;
  readonly update: ReadonlyMap<string, UpdateEntry>;
  readonly reference: ReadonlyMap<string, Reference>;
  readonly glossaryTerm: ReadonlyMap<string, GlossaryTerm>;

  /** Figures about one subject, keyed `type:id` (see `subjectKey`). */
  readonly observationsBySubject: ReadonlyMap<string, readonly Observation[]>;
  readonly observationsByIndicator: ReadonlyMap<string, readonly Observation[]>;
  readonly observationsByDocument: ReadonlyMap<string, readonly Observation[]>;
  readonly correctionsByObservation: ReadonlyMap<string, readonly Correction[]>;
  /** Groups whose sources cite a document: the groups it describes, by document id. */
  readonly groupsOfDocument: ReadonlyMap<string, readonly Group[]>;
  /** Each province's documents, newest first (a document about several provinces is under each). */
  readonly documentsOfProvince: ReadonlyMap<string, readonly DocumentEntry[]>;

  /** Each region's path from the top: 四川省 › 内江市 › 资中县 (the region itself last). */
  readonly regionPath: ReadonlyMap<string, readonly Region[]>;
  /** Each region's id and the ids of every region below it. */
  readonly regionDescendants: ReadonlyMap<string, ReadonlySet<string>>;
  /** Regions directly below each region, by name. */
  readonly childRegions: ReadonlyMap<string, readonly Region[]>;
  /** Regions with no parent (provinces), by name. */
  readonly topRegions: readonly Region[];

  /** Each group's roster (lead first). */
  readonly roster: ReadonlyMap<string, readonly RosterRow[]>;
  /** Each institution's groups, in the editors' order. */
  readonly memberships: ReadonlyMap<string, readonly Membership[]>;
  /** Groups serving a region (as its region or a covered region) or any region below it, in the editors' order. */
  readonly groupsInRegion: ReadonlyMap<string, readonly Group[]>;
  /** Institutions standing in each region (its own, not below it), by name. */
  readonly institutionsOfRegion: ReadonlyMap<string, readonly Institution[]>;
  /** Village clinics (村卫生室) managed by each township health centre, by name. */
  readonly villageClinics: ReadonlyMap<string, readonly Institution[]>;
  /** Documents naming each region (its own tags), newest first. */
  readonly documentsOfRegion: ReadonlyMap<string, readonly DocumentEntry[]>;
  /** Updates tagged with each group, newest first. */
  readonly updatesOfGroup: ReadonlyMap<string, readonly UpdateEntry[]>;
  /** Updates tagged with each region, newest first. */
  readonly updatesOfRegion: ReadonlyMap<string, readonly UpdateEntry[]>;
  /**
   * The groups' sourced statements, each distinct one once with every group it is recorded for (groups of one plan
   * often share a statement word for word): the guide's and glossary's examples filter this, never every group.
   */
  readonly statements: readonly GroupStatement[];
  /** Position of each group in the editors' order (so 第一, 第二, 第三 stay in order). */
  readonly groupOrder: ReadonlyMap<string, number>;

  /** Each indicator's reach: figures, places, provinces and newest figures, nationally and per province (./indicator-index.ts). */
  readonly indicatorIndex: IndicatorIndex;

  /** Last-changed date (YYYY-MM-DD) of each entry's file, keyed `collection:id`. */
  readonly entryDates: ReadonlyMap<string, string>;
  /** The newest date of any data file. */
  readonly dataUpdated: string | undefined;
}

/** One collator for every sort by name: `localeCompare(…, 'zh-CN')` gives the same order, but looks its collator up on each call. */
const zhCollator = new Intl.Collator('zh-CN');
const byName = (a: { name: string }, b: { name: string }) => zhCollator.compare(a.name, b.name);
const byIdText = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Newest first, then by id: the order of documents and updates on every list. */
export const newestFirst = <T extends { id: string; data: { date: string } }>(a: T, b: T) =>
  b.data.date.localeCompare(a.data.date) || byIdText(a, b);

function mapById<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const bucket = map.get(key);
  if (bucket) bucket.push(value);
  else map.set(key, [value]);
}

/** Where the entries' files are and when each last changed (from src/data/read-sources.ts). */
export interface FileInfo {
  /** The file holding each entry, keyed `collection:id`. */
  origins: ReadonlyMap<string, string>;
  /** Last-changed date of each file, YYYY-MM-DD. */
  fileDates: ReadonlyMap<string, string>;
}

/** Builds every index once. Entries must already be valid (validateDataset); a loop in the region tree is cut. */
export function indexDataset(entries: Entries, files: FileInfo = { origins: new Map(), fileDates: new Map() }): Dataset {
  const documents = entries.documents.map(({ id, data, body }) => ({ id, data, body })).sort(byIdText);
  const updates = entries.updates.map(({ id, data, body }) => ({ id, data, body })).sort(byIdText);
  const region = mapById(entries.regions);
  const institution = mapById(entries.institutions);
  const group = mapById(entries.groups);

  const observationsBySubject = new Map<string, Observation[]>();
  const observationsByIndicator = new Map<string, Observation[]>();
  const observationsByDocument = new Map<string, Observation[]>();
  for (const o of entries.observations) {
    push(observationsBySubject, subjectKey(o.subject.type, o.subject.id), o);
    push(observationsByIndicator, o.indicator, o);
    push(observationsByDocument, o.source.document, o);
  }
  const correctionsByObservation = new Map<string, Correction[]>();
  for (const c of entries.corrections) push(correctionsByObservation, c.observation, c);
  for (const list of correctionsByObservation.values()) list.sort((a, b) => a.date.localeCompare(b.date) || byIdText(a, b));

  // Region tree. Validation rejects loops; the `seen` guard keeps a walk finite whatever it is handed.
  const regionPath = new Map<string, Region[]>();
  const regionDescendants = new Map<string, Set<string>>();
  const childRegions = new Map<string, Region[]>();
  for (const r of entries.regions) {
    const path: Region[] = [];
    const seen = new Set<string>();
    for (let at: Region | undefined = r; at && !seen.has(at.id); at = at.parent ? region.get(at.parent) : undefined) {
      seen.add(at.id);
      path.unshift(at);
    }
    regionPath.set(r.id, path);
    for (const above of path) {
      let set = regionDescendants.get(above.id);
      if (!set) regionDescendants.set(above.id, (set = new Set()));
      set.add(r.id);
    }
    if (r.parent && region.has(r.parent)) push(childRegions, r.parent, r);
  }
  for (const list of childRegions.values()) list.sort(byName);
  const topRegions = entries.regions.filter((r) => !r.parent || !region.has(r.parent)).sort(byName);

  const roster = new Map<string, RosterRow[]>();
  const memberships = new Map<string, Membership[]>();
  const groupsInRegion = new Map<string, Group[]>();
  const groupOrder = new Map<string, number>();
  entries.groups.forEach((g, index) => {
    groupOrder.set(g.id, index);
    const rows: RosterRow[] = [];
    const listed = new Set<string>();
    const add = (id: string, role: RosterRow['role'], note?: string, inference?: Inference) => {
      const inst = institution.get(id);
      if (!inst || listed.has(id)) return;
      listed.add(id);
      const about = { ...(note ? { note } : {}), ...(inference ? { inference } : {}) };
      rows.push({ institution: inst, role, ...about });
      push(memberships, id, { group: g, role, ...about });
    };
    if (g.lead) add(g.lead, 'lead');
    for (const m of g.members) add(m.institution, 'member', m.note, m.inference);
    roster.set(g.id, rows);
    const served = new Set<string>();
    for (const r of [g.region, ...g.coveredRegions]) for (const above of regionPath.get(r) ?? []) served.add(above.id);
    for (const r of served) push(groupsInRegion, r, g);
  });

  const statements = new Map<string, GroupStatement & { groups: Group[] }>();
  for (const g of entries.groups) {
    const parts: [StatementField, readonly { text: string; source: SourceRef }[]][] = [['services', g.services], ...REFERRAL_PARTS.map((p) => [p, g.referral[p]] as [StatementField, typeof g.services])];
    for (const [field, list] of parts) {
      for (const s of list) {
        const key = `${field}\u0000${s.source.document}\u0000${s.text}`;
        const seen = statements.get(key);
        if (seen) seen.groups.push(g);
        else statements.set(key, { field, text: s.text, source: s.source, groups: [g] });
      }
    }
  }

  const institutionsOfRegion = new Map<string, Institution[]>();
  for (const i of entries.institutions) push(institutionsOfRegion, i.region, i);
  for (const list of institutionsOfRegion.values()) list.sort(byName);
  const villageClinics = new Map<string, Institution[]>();
  for (const i of entries.institutions) if (i.belongsTo) push(villageClinics, i.belongsTo, i);
  for (const list of villageClinics.values()) list.sort(byName);

  const documentsOfRegion = new Map<string, DocumentEntry[]>();
  for (const d of documents) for (const r of new Set(d.data.regions)) push(documentsOfRegion, r, d);
  for (const list of documentsOfRegion.values()) list.sort(newestFirst);
  // A document about several provinces is under each.
  const documentsOfProvince = new Map<string, DocumentEntry[]>();
  for (const d of documents) {
    for (const p of new Set(d.data.regions.map((r) => provinceOfRegion({ regionPath }, r)?.id).filter((id) => id !== undefined))) push(documentsOfProvince, p, d);
  }
  for (const list of documentsOfProvince.values()) list.sort(newestFirst);
  const groupsOfDocument = new Map<string, Group[]>();
  for (const g of entries.groups) for (const doc of new Set(g.sources.map((s) => s.document))) push(groupsOfDocument, doc, g);
  const updatesOfGroup = new Map<string, UpdateEntry[]>();
  const updatesOfRegion = new Map<string, UpdateEntry[]>();
  for (const u of updates) {
    for (const g of new Set(u.data.groups)) push(updatesOfGroup, g, u);
    for (const r of new Set(u.data.regions)) push(updatesOfRegion, r, u);
  }
  for (const list of [...updatesOfGroup.values(), ...updatesOfRegion.values()]) list.sort(newestFirst);

  const entryDates = new Map<string, string>();
  for (const [key, file] of files.origins) {
    const date = files.fileDates.get(file);
    if (date) entryDates.set(key, date);
  }
  const dataUpdated = [...files.fileDates.values()].sort().at(-1);
  const indicatorIndex = indexIndicators(entries.observations, entries.indicators, { region, group, institution, regionPath });

  return Object.freeze({
    regions: entries.regions,
    institutions: entries.institutions,
    groups: entries.groups,
    indicators: entries.indicators,
    observations: entries.observations,
    corrections: entries.corrections,
    references: entries.references ?? [],
    synonyms: entries.synonyms ?? [],
    glossary: entries.glossary ?? [],
    documents,
    updates,
    region,
    institution,
    group,
    indicator: mapById(entries.indicators),
    observation: mapById(entries.observations),
    document: mapById(documents),
    update: mapById(updates),
    reference: mapById(entries.references ?? []),
    glossaryTerm: mapById(entries.glossary ?? []),
    observationsBySubject,
    observationsByIndicator,
    observationsByDocument,
    correctionsByObservation,
    groupsOfDocument,
    documentsOfProvince,
    regionPath,
    regionDescendants,
    childRegions,
    topRegions,
    roster,
    memberships,
    groupsInRegion,
    institutionsOfRegion,
    villageClinics,
    documentsOfRegion,
    updatesOfGroup,
    updatesOfRegion,
    groupOrder,
    statements: [...statements.values()],
    indicatorIndex,
    entryDates,
    dataUpdated,
  });
}

const NONE: readonly never[] = Object.freeze([]);

/** Figures about one subject. */
export function observationsOf(dataset: Dataset, type: SubjectType, id: string): readonly Observation[] {
  return dataset.observationsBySubject.get(subjectKey(type, id)) ?? NONE;
}

/** Figures reported for one indicator. */
export function observationsOfIndicator(dataset: Dataset, indicatorId: string): readonly Observation[] {
  return dataset.observationsByIndicator.get(indicatorId) ?? NONE;
}

/** A region's path from the top, the region itself last; empty for an unknown id. */
export function pathOf(dataset: Dataset, regionId: string): readonly Region[] {
  return dataset.regionPath.get(regionId) ?? NONE;
}

/** True when `regionId` is `within` or lies below it. */
export function isWithin(dataset: Dataset, regionId: string, within: string): boolean {
  return dataset.regionDescendants.get(within)?.has(regionId) ?? false;
}

/** The groups an institution belongs to, with its role in each. */
export function membershipsOf(dataset: Dataset, institutionId: string): readonly Membership[] {
  return dataset.memberships.get(institutionId) ?? NONE;
}

/** A group's roster: the lead first, then named members. */
export function rosterOf(dataset: Dataset, groupId: string): readonly RosterRow[] {
  return dataset.roster.get(groupId) ?? NONE;
}

/** Groups serving a region or any region below it, in the editors' order. */
export function groupsIn(dataset: Dataset, regionId: string): readonly Group[] {
  return dataset.groupsInRegion.get(regionId) ?? NONE;
}

/** True for institutions that get a page of their own (village clinics are rows on their health centre's page). */
export function hasOwnPage(institution: Institution): boolean {
  return institution.kind !== 'village-clinic';
}

/** Published corrections of one figure, oldest first. */
export function correctionsOf(dataset: Dataset, observationId: string): readonly Correction[] {
  return dataset.correctionsByObservation.get(observationId) ?? NONE;
}

/** The newest last-changed date among the files holding these entries. */
export function updatedOf(dataset: Dataset, entries: Iterable<{ collection: DatedCollection; id: string }>): string | undefined {
  let newest: string | undefined;
  for (const e of entries) {
    const date = dataset.entryDates.get(`${e.collection}:${e.id}`);
    if (date && (!newest || date > newest)) newest = date;
  }
  return newest;
}

export { byName };
