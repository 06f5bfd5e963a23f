/** The institution page and the list of every institution: exactly what each page shows. Pure. */
import type { Institution } from '../schemas';
import { groupsIn, hasOwnPage, membershipsOf, observationsOf, type Dataset } from '../data/dataset';
import { referralGuide, referralHref } from './referral';
import { institutionCrumbs, institutionTitle, placeLabel, type Link, type PlacePageHead } from './titles';
import { citeView, outcomesView, type CiteView, type OutcomesView } from './figures';
import { type SourcedPoint } from './group';
import { claimView, inferenceText } from './claims';
import { contactsView, emergencyText, hotlineText, type ContactLine } from './guidance';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

export interface MembershipView {
  href: string;
  name: string;
  lead: boolean;
  note?: string;
  /** "据报道推断：…（所据原话：“…”）" when the membership is a reading of the source. */
  inference?: string;
}

/** How referral from or to the institution works in one of its groups. */
export interface ReferralRouteView {
  text: string;
  /** Said when the group's sources do not describe referral. */
  none?: string;
  guide: Link;
  lead?: Link;
}

/** A village clinic as a row on its township health centre's page. */
export interface VillageClinicRow {
  name: string;
  /** Other names and the editors' note, as one line; empty when the data has neither. */
  note: string;
}

export interface InstitutionPageView extends PlacePageHead {
  aliases?: string;
  note?: string;
  memberships: MembershipView[];
  services: SourcedPoint[];
  routes: ReferralRouteView[];
  /** Where no group is known: the groups serving its county (their guides) and whom to ask. Never a dead end. */
  unknownGroup?: { text: string; guides: Link[]; ask: string };
  emergency: string;
  /** Its phones, address, hours and website, or what the page says when the sources give none. */
  contacts: { lines: ContactLine[]; none?: string };
  sources: CiteView[];
  /** The village clinics it manages, when any. */
  villageClinics?: { caption: string; rows: VillageClinicRow[] };
  outcomes?: OutcomesView;
}

export function institutionPage(dataset: Dataset, id: string, siteUrl: string | URL | undefined): InstitutionPageView {
  const institution = dataset.institution.get(id);
  if (!institution) throw new Error(`no institution "${id}"`);
  const memberships = membershipsOf(dataset, id);
  const place = placeLabel(dataset, institution.region);
  const clinics = dataset.villageClinics.get(id) ?? [];
  return {
    title: institutionTitle(dataset, institution),
    description: `${institution.name}：${memberships.map((m) => m.group.name + (m.inference ? `（${t('inference.label')}）` : '')).join('、') || place}`,
    crumbs: institutionCrumbs(dataset, institution),
    searchRegion: dataset.region.get(institution.region)?.name ?? institution.region,
    name: institution.name,
    kind: t(`kind.institution.${institution.kind}`),
    region: { href: `/regions/${institution.region}/`, label: place },
    ...(institution.aliases.length ? { aliases: institution.aliases.join('、') } : {}),
    ...(institution.note ? { note: institution.note } : {}),
    memberships: memberships.map((m) => ({
      href: `/groups/${m.group.id}/`,
      name: m.group.name,
      lead: m.role === 'lead',
      ...(m.note ? { note: m.note } : {}),
      ...(m.inference ? { inference: inferenceText(m.inference)! } : {}),
    })),
    services: institution.services.map((s) => claimView(dataset, s)),
    routes: memberships.map(({ group, role, inference }) => {
      const lead = group.lead && group.lead !== id ? dataset.institution.get(group.lead) : undefined;
      const text =
        role === 'lead'
          ? tf('institution.referralLead', { group: group.name })
          : lead
            ? tf(inference ? 'institution.referralMemberInferred' : 'institution.referralMember', { group: group.name, lead: lead.name })
            : tf('institution.referralMemberNoLead', { group: group.name });
      return {
        text,
        ...(referralGuide(group).described ? {} : { none: tf('institution.referralNone', { name: group.name }) }),
        guide: { href: referralHref(group.id), label: tf('institution.referralLink', { name: group.name }) },
        ...(lead ? { lead: { href: `/institutions/${lead.id}/`, label: `${t('role.lead')}：${lead.name}` } } : {}),
      };
    }),
    ...(memberships.length
      ? {}
      : {
          unknownGroup: {
            text: groupsIn(dataset, institution.region).length ? tf('institution.routeUnknown', { place }) : tf('institution.routeNoGroups', { place }),
            guides: groupsIn(dataset, institution.region).map((g) => ({ href: referralHref(g.id), label: tf('institution.referralLink', { name: g.name }) })),
            ask: tf('institution.routeAsk', { hotline: hotlineText(dataset) }),
          },
        }),
    emergency: tf('resident.emergency', { emergency: emergencyText(dataset) }),
    contacts: contactsView(dataset, institution, leadOf(dataset, memberships)),
    sources: institution.sources.map((s) => citeView(dataset, s)),
    ...(clinics.length
      ? {
          villageClinics: {
            caption: tf('institution.villageClinicsCaption', { name: institution.name, n: clinics.length }),
            rows: clinics.map((c) => ({
              name: c.name,
              note: [c.aliases.length ? `${t('region.aliases')}${c.aliases.join('、')}` : '', c.note ?? ''].filter(Boolean).join('；'),
            })),
          },
        }
      : {}),
    ...(observationsOf(dataset, 'institution', id).length
      ? { outcomes: outcomesView(dataset, 'institution', id, tf('institution.outcomesCaption', { name: institution.name }), siteUrl) }
      : {}),
  };
}

/** The name of the hospital leading the institution's first group, to ask when the sources give no contacts. */
function leadOf(dataset: Dataset, memberships: ReturnType<typeof membershipsOf>): string | undefined {
  const lead = memberships.map((m) => m.group.lead).find((l) => l !== undefined);
  return lead ? dataset.institution.get(lead)?.name : undefined;
}

/** The institutions that get a page: every one but village clinics. */
export function institutionsWithPages(dataset: Dataset): Institution[] {
  return dataset.institutions.filter(hasOwnPage);
}
