/** Builds the finder's data (served as /finder.json) from the Site. Runs at build time only. */
import type { FinderData, FinderEntry, FinderGroup } from './finder';
import { normalise } from './finder';
import { groupsInRegion, groupsOfInstitution, type Site } from './site';
import { placeLabel } from './titles';
import { referralHref } from './referral';
import { inDataOrder } from './roster';

/** Labels the index needs, passed in so this module stays free of the UI dictionary. */
export interface FinderLabels {
  institutionKind: (kind: string) => string;
  groupKind: (kind: string) => string;
  regionKind: (kind: string) => string;
}

/** Converts Simplified text to Traditional (opencc-js at build time; identity in tests). */
export type ToTraditional = (text: string) => string;

export function buildFinderData(site: Site, labels: FinderLabels, converters: ToTraditional[]): FinderData {
  const fold: Record<string, string> = {};
  const keysOf = (names: string[]) => {
    const keys = [...new Set(names.map(normalise).filter(Boolean))];
    const tw = new Set<string>();
    for (const key of keys) {
      const simplified = [...key];
      for (const convert of converters) {
        const traditional = [...normalise(convert(key))];
        if (traditional.join('') !== key) tw.add(traditional.join(''));
        // Character by character, so a mixed or variant query ("麻屯鎮卫生院", "衞") folds back to Simplified.
        if (traditional.length === simplified.length) traditional.forEach((ch, i) => ch !== simplified[i] && (fold[ch] = simplified[i]));
      }
    }
    return { keys, tw: [...tw] };
  };

  const groups: Record<string, FinderGroup> = {};
  for (const g of site.groups) {
    const lead = g.lead ? site.institutions.find((i) => i.id === g.lead) : undefined;
    groups[g.id] = {
      name: g.name,
      href: `/groups/${g.id}/`,
      place: placeLabel(site, g.region),
      lead: lead && { name: lead.name, href: `/institutions/${lead.id}/` },
      referral: referralHref(g.id),
    };
  }

  const entries: FinderEntry[] = [
    ...site.institutions.map((inst): FinderEntry => {
      const memberships = groupsOfInstitution(site, inst.id);
      return {
        type: 'institution',
        name: inst.name,
        href: `/institutions/${inst.id}/`,
        context: `${labels.institutionKind(inst.kind)} · ${placeLabel(site, inst.region)}`,
        ...keysOf([inst.name, ...inst.aliases]),
        groups: memberships.map((m) => m.group.id),
        leads: memberships.filter((m) => m.role === 'lead').map((m) => m.group.id),
      };
    }),
    ...site.groups.map(
      (g): FinderEntry => ({
        type: 'group',
        name: g.name,
        href: `/groups/${g.id}/`,
        context: `${labels.groupKind(g.kind)} · ${placeLabel(site, g.region)}`,
        ...keysOf([g.name]),
        groups: [g.id],
      }),
    ),
    ...site.regions.map(
      (r): FinderEntry => ({
        type: 'region',
        name: r.name,
        href: `/regions/${r.id}/`,
        context: r.parent ? `${labels.regionKind(r.kind)} · ${placeLabel(site, r.parent)}` : labels.regionKind(r.kind),
        ...keysOf([r.name, ...r.aliases]),
        groups: inDataOrder(site, groupsInRegion(site, r.id)).map((g) => g.id),
      }),
    ),
  ];
  return { fold, groups, entries };
}
