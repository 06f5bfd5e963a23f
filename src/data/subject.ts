/**
 * What a figure is about: a region, a group or an institution. Its key in indexes, its page, its name, and the region
 * and province it lies in are decided here and nowhere else.
 */
import type { Group, Institution, Observation, Region } from '../schemas';

export type Subject = Observation['subject'];
export type SubjectType = Subject['type'];

/** The key of a subject in the dataset's indexes: `group:zizhong-people-hospital-group`. */
export const subjectKey = (type: SubjectType, id: string) => `${type}:${id}`;

/** The entries a subject's name and region are looked up in (the dataset has them; so can any set of entries). */
export interface SubjectLookup {
  region: ById<Pick<Region, 'name'>>;
  group: ById<Pick<Group, 'name' | 'region'>>;
  institution: ById<Pick<Institution, 'name' | 'region'>>;
}

/** Entries by id: the dataset's Maps, or a plain list searched (src/publishing/scaffold.ts). */
interface ById<T> {
  get(id: string): T | undefined;
  has(id: string): boolean;
}

const SUBJECT_PATH = { group: 'groups', region: 'regions', institution: 'institutions' } as const;

/** The page of what a figure is about. */
export function subjectHref(subject: Subject): string {
  return `/${SUBJECT_PATH[subject.type]}/${subject.id}/`;
}

/** The name of what a figure is about (its id when unknown). */
export function subjectName(lookup: SubjectLookup, subject: Subject): string {
  return lookup[subject.type].get(subject.id)?.name ?? subject.id;
}

/** The region a subject lies in: a region itself, or the region of its group or institution; undefined when unknown. */
export function regionOfSubject(lookup: SubjectLookup, subject: Subject): string | undefined {
  if (subject.type === 'region') return lookup.region.has(subject.id) ? subject.id : undefined;
  return lookup[subject.type].get(subject.id)?.region;
}

/** The province (top region) a region lies in: the first of its path from the top; the region itself when it has no parent. */
export function provinceOfRegion(lookup: { regionPath: ReadonlyMap<string, readonly Region[]> }, regionId: string): Region | undefined {
  return lookup.regionPath.get(regionId)?.[0];
}

/** The province (top region) a subject lies in. */
export function provinceOfSubject(lookup: SubjectLookup & { regionPath: ReadonlyMap<string, readonly Region[]> }, subject: Subject): string | undefined {
  const region = regionOfSubject(lookup, subject);
  return region ? provinceOfRegion(lookup, region)?.id : undefined;
}
