/**
 * What search knows about each institution, group and region page: a short record of the words readers look for
 * (name, aliases, kind, place, groups, members, services, figures), read from the dataset instead of crawled from
 * the built page. At national size these pages are nearly all of the site (40,000 institutions, 4,000 groups, 2,100
 * regions); a short record of each keeps the index small and its build fast (src/search/build/documents.ts).
 *
 * Each record holds the page's own words only: its title is the page's <title> (the search page links with it), and
 * its text is what the page says about the subject in a few lines, so an excerpt reads like the page.
 */
import type { Group, Institution, Region } from '../../schemas';
import { hasOwnPage, observationsOf, pathOf, type Dataset, type SubjectType } from '../../data/dataset';
import { formatFigure } from '../../views/format';
import { formatPeriod } from '../../data/period';
import { groupTitle, institutionTitle, placeLabel } from '../../views/titles';
import { nameForms } from './aliases';
import { pinyinForms } from './name-readings';
import type { PageFigure } from '../shared/numbers';
import type { SearchDocument, TextBlock } from './documents';
import { t } from '../../i18n/zh-CN';

/** A record's lines as its text: one block, each line ending a sentence (no second full stop where it ends one). */
export function linesText(lines: string[]): TextBlock[] {
  return [{ text: lines.map((line, i) => (i < lines.length - 1 && !/[。！？；.!?]$/u.test(line) ? `${line}。` : line)).join('') }];
}

const full = (dataset: Dataset, regionId: string) => pathOf(dataset, regionId).map((r) => r.name).join('');

/** The names of the places a subject lies in, nearest first, with their aliases (孟津县, 孟津区, 孟津, 洛阳市, …). */
const placesOf = (dataset: Dataset, regionId: string) => [...pathOf(dataset, regionId)].reverse().flatMap((r) => [r.name, ...r.aliases]);

/**
 * The forms of names without written aliases (every group's, most institutions'), by name and places: a group's are
 * made once per process rather than once for each member's record (4,000 groups, 40,000 members at national size).
 */
const formsByName = new Map<string, string[]>();

/** A name's other forms: the written aliases and every form made from the name and from them. */
function aliasesOf(name: string, written: string[], places: string[]): string[] {
  if (written.length) return formsOf(name, written, places);
  const key = `${name}\0${places.join('\0')}`;
  let forms = formsByName.get(key);
  if (!forms) formsByName.set(key, (forms = formsOf(name, written, places)));
  return forms;
}

function formsOf(name: string, written: string[], places: string[]): string[] {
  const all = new Set(written);
  for (const n of [name, ...written]) for (const form of nameForms(n, places)) all.add(form);
  all.delete(name);
  return [...all];
}

/** Pinyin of a name and of its forms (full and initials), each once. */
const pinyinOf = (names: string[]) => [...new Set(names.flatMap(pinyinForms))];

/** A subject's figures (both ends of a range), as its page's table lists them. */
const figuresOf = (dataset: Dataset, type: SubjectType, id: string): PageFigure[] =>
  observationsOf(dataset, type, id).flatMap((o) => [{ id: o.id, value: o.value }, ...(o.valueHigh === undefined ? [] : [{ id: o.id, value: o.valueHigh }])]);

/** "县域内就诊率 87.49%（2023年）": each figure as the page's table gives it (formatFigure: 63.9万人 as its source wrote it, a median named as one, both ends of a range). */
function figureLines(dataset: Dataset, type: SubjectType, id: string): string[] {
  return observationsOf(dataset, type, id).map((o) => {
    const indicator = dataset.indicator.get(o.indicator);
    const name = indicator?.name ?? o.indicator;
    return `${name} ${formatFigure(o, indicator?.unit ?? '')}（${o.periodLabel ?? formatPeriod(o.period)}）`;
  });
}

export function institutionDocument(dataset: Dataset, institution: Institution): SearchDocument {
  const region = dataset.region.get(institution.region);
  const memberships = dataset.memberships.get(institution.id) ?? [];
  // Village clinics have no page and are found by the finder; their names still lead here, to their health centre.
  const clinics = dataset.villageClinics.get(institution.id) ?? [];
  const aliases = aliasesOf(institution.name, institution.aliases, placesOf(dataset, institution.region));
  const groupForms = memberships.flatMap((m) => aliasesOf(m.group.name, [], placesOf(dataset, m.group.region)));
  return {
    title: institutionTitle(dataset, institution),
    kind: 'institution',
    ...(region ? { region: region.name } : {}),
    name: institution.name,
    aliases,
    hidden: groupForms,
    spelled: pinyinOf([institution.name, ...aliases]),
    figures: figuresOf(dataset, 'institution', institution.id),
    // The institution's note is the editors' account of how they read the source ("本站据此组合出各院名称"): it
    // names sibling centres, and would make each of them match the others' names, so it is not indexed.
    text: linesText([
      `${institution.name}（${t(`kind.institution.${institution.kind}`)}）${full(dataset, institution.region)}`,
      ...(institution.aliases.length ? [institution.aliases.join('、')] : []),
      ...memberships.map((m) => `${m.group.name}${m.role === 'lead' ? t('role.lead') : ''}`),
      ...institution.services.map((s) => s.text),
      ...figureLines(dataset, 'institution', institution.id),
      ...(clinics.length ? [`${t('kind.institution.village-clinic')}：${clinics.map((c) => c.name).join('、')}`] : []),
    ]),
  };
}

export function groupDocument(dataset: Dataset, group: Group): SearchDocument {
  const region = dataset.region.get(group.region);
  const roster = dataset.roster.get(group.id) ?? [];
  const referral = group.referral;
  const aliases = aliasesOf(group.name, [], placesOf(dataset, group.region));
  return {
    title: groupTitle(dataset, group),
    kind: 'group',
    ...(region ? { region: region.name } : {}),
    name: group.name,
    aliases,
    hidden: [],
    spelled: pinyinOf([group.name, ...aliases]),
    figures: figuresOf(dataset, 'group', group.id),
    text: linesText([
      `${group.name}（${t(`kind.group.${group.kind}`)}）${full(dataset, group.region)}`,
      group.summary,
      ...roster.map((row) => (row.role === 'lead' ? `${t('role.lead')}：${row.institution.name}` : row.institution.name)),
      ...group.statedMembers.map((c) => c.label),
      ...group.services.map((s) => s.text),
      ...[...referral.up, ...referral.down, ...referral.benefits, ...referral.greenChannels, ...referral.staysLocal].map((s) => s.text),
      ...figureLines(dataset, 'group', group.id),
    ]),
  };
}

export function regionDocument(dataset: Dataset, region: Region): SearchDocument {
  const parent = region.parent ? full(dataset, region.parent) : '';
  return {
    title: `${placeLabel(dataset, region.id)}：${t('region.titleSuffix')}`,
    kind: 'region',
    region: region.name,
    name: region.name,
    aliases: region.aliases,
    hidden: [],
    spelled: pinyinOf([region.name, ...region.aliases]),
    figures: figuresOf(dataset, 'region', region.id),
    text: linesText([
      `${region.name}（${t(`kind.region.${region.kind}`)}）${parent}`,
      ...(region.aliases.length ? [region.aliases.join('、')] : []),
      ...(region.note ? [region.note] : []),
      ...(dataset.groupsInRegion.get(region.id) ?? []).map((g) => g.name),
      ...(dataset.childRegions.get(region.id) ?? []).map((r) => r.name),
      ...(dataset.institutionsOfRegion.get(region.id) ?? []).filter(hasOwnPage).map((i) => i.name),
      ...figureLines(dataset, 'region', region.id),
    ]),
  };
}

/** The paths of every institution page, group page and region page, in a stable order. */
export function recordPaths(dataset: Dataset): string[] {
  return [
    ...dataset.groups.map((g) => `/groups/${g.id}/`),
    ...dataset.institutions.filter(hasOwnPage).map((i) => `/institutions/${i.id}/`),
    ...dataset.regions.map((r) => `/regions/${r.id}/`),
  ];
}
