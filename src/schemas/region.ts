import { z } from 'astro/zod';
import { id, name, prose } from './common';

/** The administrative level of a region. */
export const regionKind = z.enum(['province', 'prefecture', 'county', 'county-level-city', 'district', 'development-zone']);

/** A province, prefecture or county-level area. File: `data/regions/*.json` (an array). */
export const regionSchema = z
  .object({
    /** Stable id, also the page address `/regions/<id>/`. */
    id,
    /** Official name in Simplified Chinese, e.g. "资中县". */
    name,
    /** Administrative level. */
    kind: regionKind,
    /** Id of the region this one belongs to (a county's prefecture, a prefecture's province); omit for a province. */
    parent: id.optional(),
    /** Other names readers may type, e.g. a former name ("孟津县" for today's 孟津区). */
    aliases: z.array(name).default([]),
    /** A short note shown on the region page, e.g. about a change of name. */
    note: prose.optional(),
  })
  .strict();

export type Region = z.infer<typeof regionSchema>;
