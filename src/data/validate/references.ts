/** References stage: every id is unique in its collection, and every id an entry names exists. */
import type { DataCollection, Institution, MdxCollection, Region, SourceRef } from '../../schemas';
import { referenceMessages } from '../../i18n/validation';
import { folderOf } from './files';
import type { Collections } from './index';
import type { KnownIds, Located, Problem } from './problems';

/** Reports entries whose id an earlier entry of the same collection already has. */
export function checkUnique(collection: string, entries: Located<unknown>[], problems: Problem[]) {
  const seen = new Map<string, Located<unknown>>();
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      const where = `${first.file}${first.line ? `:${first.line}` : ''}`;
      problems.push({ file: entry.file, line: entry.line, entry: entry.id, field: 'id', ...referenceMessages.duplicateId(collection, where) });
    } else seen.set(entry.id, entry);
  }
}

/**
 * Region ids that form a loop through `parent` (a → b → a), once per loop, each starting at the loop's first region in
 * file order. Every region is visited once: linear however long the chains.
 */
function parentLoops(regions: Located<Region>[]): Located<Region>[][] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const state = new Map<string, 'walking' | 'done'>();
  const loops: Located<Region>[][] = [];
  for (const start of regions) {
    const path: Located<Region>[] = [];
    for (let r: Located<Region> | undefined = start; r && !state.has(r.id); r = r.value.parent ? byId.get(r.value.parent) : undefined) {
      state.set(r.id, 'walking');
      path.push(r);
      const parent = r.value.parent ? byId.get(r.value.parent) : undefined;
      if (parent && state.get(parent.id) === 'walking') loops.push(path.slice(path.indexOf(parent)));
    }
    for (const r of path) state.set(r.id, 'done');
  }
  return loops;
}

/** Every contact detail of an institution with its field path, for reference and date checks. */
export function contactItems(inst: Institution): [string, { source: SourceRef; checked: string }][] {
  const c = inst.contacts;
  if (!c) return [];
  return [
    ...c.phones.map((p, i) => [`contacts.phones[${i}]`, p] as [string, typeof p]),
    ...(c.address ? [['contacts.address', c.address] as [string, typeof c.address]] : []),
    ...(c.hours ? [['contacts.hours', c.hours] as [string, typeof c.hours]] : []),
    ...c.online.map((o, i) => [`contacts.online[${i}]`, o] as [string, typeof o]),
  ];
}

/**
 * Reports every reference to an id that no file holds (`ids`: every id seen, valid or not, so one broken entry does
 * not also break every reference to it), region parents that loop, and a group's lead or members listed twice.
 */
export function checkReferences(all: Collections, ids: Record<DataCollection | MdxCollection, KnownIds>, problems: Problem[]) {
  const { regions, institutions, groups, indicators, observations, documents, updates, corrections } = all;
  function ref(at: Located<unknown>, field: string, target: DataCollection | MdxCollection, value: string | undefined) {
    if (value === undefined || ids[target].has(value)) return;
    problems.push({ file: at.file, line: at.line, entry: at.id, field, ...referenceMessages.missing(target, value, folderOf(target)) });
  }
  const sourceRefs = (at: Located<unknown>, field: string, refs: (SourceRef | undefined)[]) =>
    refs.forEach((s, i) => s && ref(at, refs.length > 1 || field.endsWith(']') ? `${field}[${i}].document` : `${field}.document`, 'documents', s.document));

  for (const r of regions) ref(r, 'parent', 'regions', r.value.parent);
  for (const loop of parentLoops(regions)) {
    const names = [...loop, loop[0]].map((r) => r.id).join(' → ');
    problems.push({ file: loop[0].file, line: loop[0].line, entry: loop[0].id, field: 'parent', ...referenceMessages.parentLoop(names) });
  }
  for (const inst of institutions) {
    ref(inst, 'region', 'regions', inst.value.region);
    ref(inst, 'belongsTo', 'institutions', inst.value.belongsTo);
    sourceRefs(inst, 'sources', inst.value.sources);
    inst.value.services.forEach((s, i) => ref(inst, `services[${i}].source.document`, 'documents', s.source.document));
    for (const [field, item] of contactItems(inst.value)) ref(inst, `${field}.source.document`, 'documents', item.source.document);
  }
  for (const g of groups) {
    const v = g.value;
    ref(g, 'region', 'regions', v.region);
    v.coveredRegions.forEach((r, i) => ref(g, `coveredRegions[${i}]`, 'regions', r));
    ref(g, 'lead', 'institutions', v.lead);
    v.members.forEach((m, i) => ref(g, `members[${i}].institution`, 'institutions', m.institution));
    sourceRefs(g, 'sources', v.sources);
    v.statedMembers.forEach((s, i) => ref(g, `statedMembers[${i}].source.document`, 'documents', s.source.document));
    v.services.forEach((s, i) => ref(g, `services[${i}].source.document`, 'documents', s.source.document));
    const listed = new Set(v.lead ? [v.lead] : []);
    v.members.forEach((m, i) => {
      if (listed.has(m.institution)) {
        const message = m.institution === v.lead ? referenceMessages.leadAsMember(m.institution) : referenceMessages.memberTwice(m.institution);
        problems.push({ file: g.file, line: g.line, entry: g.id, field: `members[${i}].institution`, ...message });
      }
      listed.add(m.institution);
    });
    for (const [part, items] of Object.entries(v.referral)) {
      if (Array.isArray(items)) items.forEach((s, i) => ref(g, `referral.${part}[${i}].source.document`, 'documents', s.source.document));
    }
  }
  for (const ind of indicators) if (ind.value.source) ref(ind, 'source.document', 'documents', ind.value.source.document);
  for (const ind of indicators) ref(ind, 'nationalTarget.reference', 'references', ind.value.nationalTarget?.reference);
  const subjectCollection = { group: 'groups', region: 'regions', institution: 'institutions' } as const;
  for (const o of observations) {
    const v = o.value;
    ref(o, 'indicator', 'indicators', v.indicator);
    ref(o, 'subject.id', subjectCollection[v.subject.type], v.subject.id);
    ref(o, 'source.document', 'documents', v.source.document);
  }
  for (const c of corrections) ref(c, 'observation', 'observations', c.value.observation);
  for (const term of all.glossary) term.value.related.forEach((r, i) => ref(term, `related[${i}]`, 'glossary', r));
  for (const d of documents) d.value.data.regions.forEach((r, i) => ref(d, `regions[${i}]`, 'regions', r));
  for (const u of updates) {
    u.value.data.regions.forEach((r, i) => ref(u, `regions[${i}]`, 'regions', r));
    u.value.data.groups.forEach((g, i) => ref(u, `groups[${i}]`, 'groups', g));
  }
}
