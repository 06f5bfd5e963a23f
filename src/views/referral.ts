/** A group's referral guide as sections a resident reads in order. Pure. The one list of the guide's parts. */
import { REFERRAL_PARTS, type Group, type ReferralPart, type SourcedText } from '../schemas';

export { REFERRAL_PARTS, type ReferralPart };

export interface ReferralSection {
  part: ReferralPart;
  points: SourcedText[];
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
