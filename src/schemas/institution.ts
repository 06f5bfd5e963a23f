import { z } from 'astro/zod';
import { id, name, prose, sourceRef, sourcedText } from './common';
import { institutionContacts } from './contact';

/** What kind of medical institution this is. */
export const institutionKind = z.enum([
  'general-hospital',
  'tcm-hospital',
  'maternal-child-health',
  'township-health-centre',
  'community-health-centre',
  'village-clinic',
  'secondary-hospital',
  'specialist-hospital',
  'other',
]);

/** A hospital, health centre or clinic. Its group(s) are derived from the groups that list it; never written here. File: `data/institutions/*.json`. */
export const institutionSchema = z
  .object({
    /** Stable id, also the page address `/institutions/<id>/`. */
    id,
    /** Name as the source gives it, in Simplified Chinese, e.g. "麻屯镇卫生院". */
    name,
    /** Other names readers may type or that sources use (e.g. "银山分院"). */
    aliases: z.array(name).default([]),
    /** Kind of institution. */
    kind: institutionKind,
    /** Id of the county-level region where it stands. */
    region: id,
    /**
     * For a village clinic (村卫生室): id of the township health centre that manages it (乡村一体化管理). Village
     * clinics are listed on that centre's page and found by the finder; they have no page of their own.
     */
    belongsTo: id.optional(),
    /** Services the sources say it offers, one short phrase each. */
    services: z.array(sourcedText).default([]),
    /** Phones, address, clinic hours and website, each with its source and the day it was checked; only as sources print them. */
    contacts: institutionContacts.optional(),
    /** A short note for readers, e.g. what the source leaves unclear. */
    note: prose.optional(),
    /** Where the institution is named. At least one. */
    sources: z.array(sourceRef).min(1),
  })
  .strict();

export type Institution = z.infer<typeof institutionSchema>;
