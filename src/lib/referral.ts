/** A group's referral guide as sections a resident reads in order, and how an institution relates to it. Pure. */
import type { Group, Institution, SourceRef } from '../schemas';
import { groupsOfInstitution, type Site } from './site';

export type ReferralPart = 'up' | 'down' | 'benefits' | 'greenChannels' | 'staysLocal';

/** The order a resident needs the parts in: going up, what they gain, emergencies, coming back, what stays local. */
export const REFERRAL_PARTS: ReferralPart[] = ['up', 'benefits', 'greenChannels', 'down', 'staysLocal'];

export interface ReferralSection {
  part: ReferralPart;
  points: { text: string; source: SourceRef }[];
}

export interface ReferralGuide {
  sections: ReferralSection[];
  whoToAsk?: string;
  /** True when the sources describe referral for this group at all. */
  described: boolean;
}

/** The referral guide of a group: every part in reading order (empty parts included, so a page can say so). */
export function referralGuide(group: Group): ReferralGuide {
  const sections = REFERRAL_PARTS.map((part) => ({ part, points: group.referral[part] }));
  return {
    sections,
    whoToAsk: group.referral.whoToAsk,
    described: sections.some((s) => s.points.length > 0) || Boolean(group.referral.whoToAsk),
  };
}

/** How many points each part holds, for a summary on the group page. */
export function referralCounts(group: Group): Record<ReferralPart, number> {
  return Object.fromEntries(REFERRAL_PARTS.map((p) => [p, group.referral[p].length])) as Record<ReferralPart, number>;
}

/** The address of a group's referral guide. */
export function referralHref(groupId: string): string {
  return `/groups/${groupId}/referral/`;
}

export interface ReferralRoute {
  group: Group;
  role: 'lead' | 'member';
  note?: string;
  /** The group's lead hospital, when the sources name it and it is not this institution. */
  lead?: Institution;
  /** Named members of the group other than this institution (for a lead: where patients go back down to). */
  others: Institution[];
  described: boolean;
  href: string;
}

/** For an institution: each group it belongs to, its role, and where referral from or to it goes. */
export function referralRoutes(site: Site, institutionId: string): ReferralRoute[] {
  const find = (id: string) => site.institutions.find((i) => i.id === id);
  return groupsOfInstitution(site, institutionId).map(({ group, role, note }) => ({
    group,
    role,
    note,
    lead: group.lead && group.lead !== institutionId ? find(group.lead) : undefined,
    others: group.members
      .map((m) => m.institution)
      .filter((id) => id !== institutionId)
      .map(find)
      .filter((i): i is Institution => i !== undefined),
    described: referralGuide(group).described,
    href: referralHref(group.id),
  }));
}
