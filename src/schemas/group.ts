import { z } from 'astro/zod';
import { id, inference, isoDate, name, prose, sourceRef, sourcedText } from './common';
import { institutionKind } from './institution';
import { referralContact } from './contact';


/** A county medical community (县域医共体) or urban medical group (城市医疗集团). File: `data/groups/*.json`. */
export const groupSchema = z
  .object({
    /** Stable id, also the page address `/groups/<id>/`. */
    id,
    /** Name as the sources give it, or a descriptive name when they give none (then say so in `nameNote`). */
    name,
    /** Why the name is descriptive, when the sources give no formal name. */
    nameNote: prose.optional(),
    /** 县域医共体 (`county`) or 城市医疗集团 (`urban`). */
    kind: z.enum(['county', 'urban']),
    /** Id of the region it serves (a county-level region, or a prefecture for an urban group). */
    region: id,
    /** Other regions it covers, e.g. the districts of an urban group. */
    coveredRegions: z.array(id).default([]),
    /** Id of the lead institution (牵头医院), when the sources name it. */
    lead: id.optional(),
    /** Member institutions the sources name, other than the lead. */
    members: z
      .array(
        z
          .object({
            institution: id,
            note: prose.optional(),
            /** Set when the membership is our reading of the source, not its words (shown as "据报道推断"). */
            inference: inference.optional(),
          })
          .strict(),
      )
      .default([]),
    /** Member counts the sources state, where they name fewer (e.g. 13 township health centres). */
    statedMembers: z
      .array(
        z
          .object({
            /** How many members of this kind the source states. */
            count: z.number().int().positive(),
            /** What kind of institutions they are. */
            kind: institutionKind,
            /** The count as a reader should read it, e.g. "13 个镇卫生院". */
            label: name,
            source: sourceRef,
          })
          .strict(),
      )
      .default([]),
    /** When it was set up, if a source says (ISO date). */
    established: isoDate.optional(),
    /** One or two plain sentences on what this group is. */
    summary: prose,
    /** What it offers residents and members: shared centres, specialties, family-doctor teams… */
    services: z.array(sourcedText).default([]),
    /** How it is governed and the deadlines and goals its sources set (管理委员会、理事会、组建方案的期限…). */
    governance: z.array(sourcedText).optional(),
    /** Why no district is listed, when the sources name the area served but assign none of it to this group. */
    areaNote: prose.optional(),
    /** How referral works here, each point backed by a source. */
    referral: z
      .object({
        /** Steps or rules for being referred up to the lead hospital (上转). */
        up: z.array(sourcedText).default([]),
        /** Steps or rules for being referred back down (下转), incl. follow-up. */
        down: z.array(sourcedText).default([]),
        /** What a referred patient gains (免挂号, 优先检查, 优先住院…). */
        benefits: z.array(sourcedText).default([]),
        /** Green channels (绿色通道) and emergency arrangements. */
        greenChannels: z.array(sourcedText).default([]),
        /** What stays at the grassroots (基层), e.g. which illnesses. */
        staysLocal: z.array(sourcedText).default([]),
        /** Who to ask, in plain words. */
        whoToAsk: prose.optional(),
        /** Offices a source names for referral questions, with a phone where it gives one. */
        contacts: z.array(referralContact).optional(),
      })
      .strict()
      .default({}),
    /** Documents that describe this group. */
    sources: z.array(sourceRef).min(1),
  })
  .strict();

export type Group = z.infer<typeof groupSchema>;

/** The referral guide's parts in the order a resident needs them: going up, what they gain, emergencies, coming back, what stays local. */
export const REFERRAL_PARTS = ['up', 'benefits', 'greenChannels', 'down', 'staysLocal'] as const;
export type ReferralPart = (typeof REFERRAL_PARTS)[number];

/** Where a group's sourced statements sit: its services, then each part of its referral guide. */
export const STATEMENT_FIELDS = ['services', ...REFERRAL_PARTS] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];
