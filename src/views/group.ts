/** The group page, its referral guide, and the list of every group: exactly what each page shows. Pure. */
import type { Group, SourcedText, SourceRef } from '../schemas';
import { hasOwnPage, observationsOf, pathOf, rosterOf, type Dataset } from '../data/dataset';
import { formatDate } from './format';
import { REFERRAL_PARTS, referralCounts, referralGuide, referralHref, type ReferralPart } from './referral';
import { groupCrumbs, groupTitle, placeLabel, type Crumb, type Link, type PlacePageHead } from './titles';
import { groupUpdated } from './updated';
import { citeView, outcomesView, type CiteView, type OutcomesView } from './figures';
import { claimView, statusTag, withInference, type ClaimView, type StatusTag } from './claims';
import { askView, buildDay, checkWith, noteDay, emergencyText, guidanceAge, type AskView, type GuidanceAge } from './guidance';
import { documentItem, documentsWithin, updateItem, updatesOfGroup, type DocumentItem, type UpdateItem } from './related';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

export type { Link };

/** A sourced statement: its text, its source as the page cites it, what the source says of it, and any reading. */
export type SourcedPoint = ClaimView;

export interface RosterRowView {
  href: string;
  name: string;
  kind: string;
  lead: boolean;
  note?: string;
}

/** A group's roster table and what the sources count but do not name. */
export interface RosterView {
  caption: string;
  /** The lead first, then named members in the editors' order; never a village clinic. */
  rows: RosterRowView[];
  /** "来源称 13 个镇卫生院，已公开名称 2 个。" with the source, where the sources name fewer than they count. */
  stated: { text: string; cite: CiteView }[];
  /** How many village clinics the members manage (listed on their health centre's page), when any. */
  villageClinics?: string;
}

export interface GroupPageView extends PlacePageHead {
  covered: Link[];
  established?: string;
  summary: string;
  nameNote?: string;
  lead?: { href: string; name: string; kind: string };
  roster: RosterView;
  services: SourcedPoint[];
  /** Governance, deadlines and goals the sources set (管理委员会、理事会、组建方案的期限). */
  governance: SourcedPoint[];
  /** Said when the group's record rests on a plan: what is marked 计划 is not yet done. */
  planNote?: string;
  /** Why no district is listed, when the sources assign none of the area to this group. */
  areaNote?: string;
  referral: { described: boolean; counts: string; href: string; link: string };
  /** The referral clauses as the sources word them, part by part, each with its source (only parts that have any). */
  policy: { part: ReferralPart; heading: string; points: SourcedPoint[] }[];
  /** How old the group's sources are, and whether to check before acting. */
  age?: GuidanceAge;
  /** The contents list at the top of the page: anchors of its sections. */
  contents: Link[];
  /** Absent when the sources report no figure about the group. */
  outcomes?: OutcomesView;
  documents: DocumentItem[];
  updates: UpdateItem[];
  cite: { title: string; updated?: string };
}

const regionLink = (id: string, label: string): Link => ({ href: `/regions/${id}/`, label });

/** Every source reference a group's record makes: its sources, stated counts, services and referral points. */
function sourceRefsOfGroup(group: Group): SourceRef[] {
  const r = group.referral;
  return [
    ...group.sources,
    ...group.statedMembers.map((s) => s.source),
    ...group.services.map((s) => s.source),
    ...REFERRAL_PARTS.flatMap((part) => r[part].map((s) => s.source)),
  ];
}

/** The roster as the group page shows it. */
export function rosterView(dataset: Dataset, group: Group): RosterView {
  const all = rosterOf(dataset, group.id);
  const named = all.filter((row) => hasOwnPage(row.institution));
  // Village clinics are rows on their health centre's page: the group page only counts them.
  const clinics = new Set(all.filter((row) => !hasOwnPage(row.institution)).map((row) => row.institution.id));
  for (const row of named) for (const c of dataset.villageClinics.get(row.institution.id) ?? []) clinics.add(c.id);
  return {
    caption: tf('group.rosterCaption', { name: group.name }),
    rows: named.map((row) => ({
      href: `/institutions/${row.institution.id}/`,
      name: row.institution.name,
      kind: t(`kind.institution.${row.institution.kind}`),
      lead: row.role === 'lead',
      ...optional('note', withInference(row.note, row.inference)),
    })),
    stated: group.statedMembers
      .map((s) => {
        const ofKind = all.filter((row) => row.institution.kind === s.kind);
        return { s, named: ofKind.filter((row) => !row.inference).length, inferred: ofKind.filter((row) => row.inference).length };
      })
      .filter(({ s, named, inferred }) => named + inferred < s.count)
      .map(({ s, named, inferred }) => ({
        text: tf(inferred ? 'group.statedNamedInferred' : 'group.statedNamed', { label: s.label, named, inferred }),
        cite: citeView(dataset, s.source),
      })),
    ...(clinics.size ? { villageClinics: tf('group.villageClinics', { n: clinics.size }) } : {}),
  };
}

export function groupPage(dataset: Dataset, id: string, siteUrl: string | URL | undefined, today: string = buildDay()): GroupPageView {
  const group = dataset.group.get(id);
  if (!group) throw new Error(`no group "${id}"`);
  const lead = group.lead ? dataset.institution.get(group.lead) : undefined;
  const region = dataset.region.get(group.region);
  const title = groupTitle(dataset, group);
  const documentIds = new Set(sourceRefsOfGroup(group).map((s) => s.document));
  const documents = [...documentIds]
    .map((d) => dataset.document.get(d))
    .filter((d) => d !== undefined)
    .sort((a, b) => b.data.date.localeCompare(a.data.date) || (a.id < b.id ? -1 : 1));
  return {
    title,
    description: group.summary,
    crumbs: groupCrumbs(dataset, group),
    searchRegion: region?.name ?? group.region,
    name: group.name,
    kind: t(`kind.group.${group.kind}`),
    region: regionLink(group.region, placeLabel(dataset, group.region)),
    covered: group.coveredRegions.flatMap((r) => {
      const covered = dataset.region.get(r);
      return covered ? [regionLink(r, covered.name)] : [];
    }),
    ...(group.established ? { established: formatDate(group.established) } : {}),
    summary: group.summary,
    ...(group.nameNote ? { nameNote: group.nameNote } : {}),
    ...(lead ? { lead: { href: `/institutions/${lead.id}/`, name: lead.name, kind: t(`kind.institution.${lead.kind}`) } } : {}),
    roster: rosterView(dataset, group),
    services: group.services.map((s) => claimView(dataset, s)),
    governance: (group.governance ?? []).map((s) => claimView(dataset, s)),
    // Said when a statement rests on a plan (a policy document), not when a report mentions a goal.
    ...optional('planNote', [...group.services, ...(group.governance ?? []), ...REFERRAL_PARTS.flatMap((p) => group.referral[p])].some((s) => s.status === 'plan' && dataset.document.get(s.source.document)?.data.type === 'policy') ? t('group.planNote') : undefined),
    ...optional('areaNote', group.areaNote),
    referral: {
      described: referralGuide(group).described,
      counts: tf('group.referralCounts', referralCounts(group)),
      href: referralHref(group.id),
      link: tf('group.referralLink', { name: group.name }),
    },
    policy: referralGuide(group)
      .sections.filter((s) => s.points.length)
      .map((s) => ({ part: s.part, heading: t(`referral.part.${s.part}`), points: s.points.map((p) => claimView(dataset, p)) })),
    ...optional('age', guidanceAge(dataset, documentIds, today, checkWith(dataset, group))),
    contents: [
      { href: '#referral', label: t('group.referral') },
      { href: '#lead', label: t('group.lead') },
      { href: '#roster', label: t('group.roster') },
      { href: '#services', label: t('group.services') },
      ...(group.governance?.length ? [{ href: '#governance', label: t('group.governance') }] : []),
      ...(referralGuide(group).sections.some((s) => s.points.length) ? [{ href: '#policy', label: t('group.policy') }] : []),
      { href: '#outcomes', label: t('group.outcomes') },
      { href: '#documents', label: t('group.documents') },
    ],
    ...(observationsOf(dataset, 'group', group.id).length
      ? { outcomes: outcomesView(dataset, 'group', group.id, tf('group.outcomesCaption', { name: group.name }), siteUrl) }
      : {}),
    documents: documents.map(documentItem),
    updates: updatesOfGroup(dataset, group.id).map(updateItem),
    cite: { title, updated: groupUpdated(dataset, group) },
  };
}

/** A fact of the guide with its footnote: the number of its source in the list at the end. */
export interface FootnotedFact {
  text: string;
  note: number;
  /** Whether the source states it as a plan, done or measured. */
  status?: StatusTag;
}

export type ReferralStepKey = 'whom' | 'bring' | 'up' | 'arrive' | 'back' | 'cost';

/** The guide's steps in the order a resident acts: whom to see, what to bring, up, at the hospital, back, costs. */
export const REFERRAL_STEPS: readonly ReferralStepKey[] = ['whom', 'bring', 'up', 'arrive', 'back', 'cost'];

export interface ReferralStepView {
  key: ReferralStepKey;
  number: number;
  heading: string;
  /** What is done almost everywhere (said to be general practice, not this group's rule). */
  general: string;
  /** Facts about this group from the data (the lead, the members), not from one cited clause. */
  local: string[];
  /** This group's facts from its sources, each with its footnote. */
  facts: FootnotedFact[];
  /** Said when the sources say nothing about this step. */
  empty?: string;
}

/** A numbered source at the end of the guide. */
export interface SourceNote {
  number: number;
  anchor: string;
  cite: CiteView;
  /** The same document as the note before: the list names it once ("同上文件"), so the sheet fits one A4 page. */
  sameDocument: boolean;
}

export interface ReferralPageView {
  title: string;
  description: string;
  crumbs: Crumb[];
  searchRegion: string;
  heading: string;
  intro: string;
  emergency: string;
  lead?: { href: string; name: string };
  region: { href: string; name: string; place: string };
  described: boolean;
  steps: ReferralStepView[];
  generalNote: string;
  ask: AskView;
  age?: GuidanceAge;
  /** The sources the footnotes point to, in order of first use. */
  sources: SourceNote[];
  /** Where the policy clauses are quoted in full (the group page), when the sources give any. */
  policy?: Link;
  /** When the sources do not describe referral: what the page says instead, and the county's documents. */
  none?: { text: string; documentsIntro: string; documents: DocumentItem[]; regionIntro: string };
  back: Link;
  /** The page's own address, printed at the foot of the sheet and coded in its QR code. */
  /** The sheet's own address for its QR code; undefined in a preview build (no public address to print). */
  pageUrl?: string;
  /** "本页生成于2026年11月29日。" */
  builtOn: string;
}

/** Facts about money belong under 费用和医保, whichever part of the record they were written in. */
const ABOUT_COST = /医保|报销|起付|自付|费用|收费/;

/** Which step each part of the record's referral points feeds (cost facts are moved to 'cost' wherever they are). */
const STEP_OF_PART: Record<ReferralPart, ReferralStepKey> = {
  staysLocal: 'whom',
  up: 'up',
  benefits: 'arrive',
  greenChannels: 'arrive',
  down: 'back',
};

export function referralPage(dataset: Dataset, id: string, siteUrl: string | URL | undefined, today: string = buildDay()): ReferralPageView {
  const group = dataset.group.get(id);
  if (!group) throw new Error(`no group "${id}"`);
  const lead = group.lead ? dataset.institution.get(group.lead) : undefined;
  const region = pathOf(dataset, group.region).at(-1);
  const place = placeLabel(dataset, group.region);
  const guide = referralGuide(group);
  const heading = tf('referral.title', { name: group.name });
  const intro = tf('referral.intro', { name: group.name });

  // Footnotes: one number per (document, section), in order of first use.
  const notes = new Map<string, SourceNote>();
  let lastHref: string | undefined;
  const noteOf = (source: SourceRef): number => {
    const key = `${source.document}\u0000${source.section}`;
    let note = notes.get(key);
    if (!note) {
      const number = notes.size + 1;
      // The list names document and section; excerpts stay on the group page, where the clauses are quoted.
      const { excerpt: _excerpt, ...cite } = citeView(dataset, source);
      note = { number, anchor: `src-${number}`, cite, sameDocument: cite.href === lastHref };
      lastHref = cite.href;
      notes.set(key, note);
    }
    return note.number;
  };
  const sourced = new Map<ReferralStepKey, SourcedText[]>(REFERRAL_STEPS.map((k) => [k, []]));
  for (const section of guide.sections) {
    for (const p of section.points) sourced.get(ABOUT_COST.test(p.text) ? 'cost' : STEP_OF_PART[section.part])!.push(p);
  }
  // Numbered in reading order, step by step, so the marks on the sheet count up.
  const facts = new Map(REFERRAL_STEPS.map((k) => [k, sourced.get(k)!.map((p): FootnotedFact => ({ text: p.text, note: noteOf(p.source), ...optional('status', statusTag(p.status)) }))]));
  const members = rosterOf(dataset, group.id).filter((r) => r.role === 'member' && hasOwnPage(r.institution));
  // A membership the source does not state is named apart, as a reading.
  const stated = members.filter((r) => !r.inference);
  const inferred = members.filter((r) => r.inference);
  const local: Partial<Record<ReferralStepKey, string[]>> = {
    whom: [
      ...(stated.length ? [tf('steps.whom.members', { names: stated.map((r) => r.institution.name).join('、') })] : []),
      ...(inferred.length ? [tf('steps.whom.inferred', { names: inferred.map((r) => r.institution.name).join('、') })] : []),
    ],
    up: lead ? [tf('steps.up.lead', { lead: lead.name })] : [],
  };
  const steps = REFERRAL_STEPS.map((key, i) => {
    const stepFacts = facts.get(key)!;
    return {
      key,
      number: i + 1,
      heading: t(`steps.${key}`),
      general: t(`steps.${key}.general`),
      local: local[key] ?? [],
      facts: stepFacts,
      // What to bring is the same everywhere: no source is expected to say it.
      ...(stepFacts.length || key === 'bring' ? {} : { empty: t('steps.empty') }),
    };
  });
  const cited = guide.described ? REFERRAL_PARTS.flatMap((part) => group.referral[part].map((s) => s.source.document)) : [];
  return {
    title: `${heading} · ${place}`,
    description: intro,
    crumbs: groupCrumbs(dataset, group, t('referral.crumb')),
    searchRegion: region?.name ?? group.region,
    heading,
    intro,
    emergency: tf('resident.emergency', { emergency: emergencyText(dataset) }),
    ...(lead ? { lead: { href: `/institutions/${lead.id}/`, name: lead.name } } : {}),
    region: { href: `/regions/${group.region}/`, name: region?.name ?? group.region, place },
    described: guide.described,
    steps,
    generalNote: t('steps.generalNote'),
    ask: askView(dataset, group),
    ...optional('age', guidanceAge(dataset, cited.length ? cited : group.sources.map((s) => s.document), today, checkWith(dataset, group))),
    sources: [...notes.values()],
    ...(guide.sections.some((s) => s.points.length) ? { policy: { href: `/groups/${group.id}/#policy`, label: t('group.policy') } } : {}),
    ...(guide.described
      ? {}
      : {
          none: {
            text: tf('referral.none', { name: group.name }),
            documentsIntro: tf('referral.noneDocs', { place }),
            documents: documentsWithin(dataset, group.region).map(documentItem),
            regionIntro: tf('referral.noneRegion', { place }),
          },
        }),
    back: { href: `/groups/${group.id}/`, label: tf('referral.back', { name: group.name }) },
    ...(siteUrl ? { pageUrl: new URL(referralHref(group.id), siteUrl).href } : {}),
    builtOn: tf('steps.builtOn', { date: formatDate(noteDay(dataset, today)) }),
  };
}

/** `{ key: value }` when value is defined, `{}` otherwise: for optional fields under exactOptionalPropertyTypes. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export interface GroupCard {
  href: string;
  name: string;
  /** "县域医共体 · 牵头医院：孟津县人民医院" */
  meta: string;
}

/** A group as the lists on the groups index and region pages show it. */
export function groupCard(dataset: Dataset, g: Group): GroupCard {
  const lead = g.lead ? dataset.institution.get(g.lead) : undefined;
  return {
    href: `/groups/${g.id}/`,
    name: g.name,
    meta: t(`kind.group.${g.kind}`) + (lead ? ` · ${t('role.lead')}：${lead.name}` : ''),
  };
}

/** Things placed in regions, bucketed by region and ordered by the region's full path (province first). */
export function byRegionPath<T>(dataset: Dataset, buckets: Map<string, T[]>): { regionId: string; heading: string; items: T[] }[] {
  return [...buckets]
    .map(([regionId, items]) => ({ regionId, path: pathOf(dataset, regionId).map((r) => r.name), items }))
    .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/'), 'zh-CN'))
    .map(({ regionId, path, items }) => ({ regionId, heading: path.join(''), items }));
}

export interface RegionBucket<T> {
  /** `/regions/<id>/` */
  href: string;
  /** The anchor of the bucket's heading. */
  anchor: string;
  /** The region's full path, "河南省洛阳市孟津县". */
  heading: string;
  items: T[];
}

/** Every group bucketed by the region it serves (ordered by full path), in the editors' order within a region. */
export function groupsByRegion(dataset: Dataset): { regionId: string; heading: string; items: Group[] }[] {
  const buckets = new Map<string, Group[]>();
  for (const g of dataset.groups) {
    const list = buckets.get(g.region);
    if (list) list.push(g);
    else buckets.set(g.region, [g]);
  }
  return byRegionPath(dataset, buckets);
}

