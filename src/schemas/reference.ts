import { z } from 'astro/zod';
import { documentDate } from './document';
import { id, name, prose, webAddress } from './common';

/**
 * General knowledge that comes from no county document (the 12320 hotline, 120, national targets, descriptions of the
 * national indicator frameworks, general referral practice, the region tree), with where it comes from. File:
 * `data/references/*.json` (an array). Pages show the issuer beside the fact ("全国卫生健康服务热线 12320（国家卫生健康委）"),
 * or "未核实" when the entry is not verified; nothing is marked as meeting a target from an unverified entry.
 */
export const referenceSchema = z
  .object({
    /** Stable id, used by the entries and pages that cite it, and the anchor on `/about/#<id>`. */
    id,
    /** What the fact is, as a page shows it, e.g. "全国卫生健康服务热线 12320". */
    label: name,
    /** The fact in plain words. */
    fact: prose,
    /** Who issued the source, e.g. "国家卫生健康委"; shown beside the fact. */
    issuer: name.optional(),
    /** The source's title, e.g. a document's name with its number. */
    title: name.optional(),
    /** The source's date (YYYY-MM-DD, or YYYY-MM, YYYY). */
    date: documentDate.optional(),
    /** The address of the source, only when it was opened and read: never guessed. */
    url: webAddress.optional(),
    /**
     * `true` only when the fact was checked in the source at `url` (issuer, title and date then required). `false`
     * shows "未核实" beside the fact, and the fact colours nothing (no ✓/✗ against an unverified target).
     */
    verified: z.boolean(),
    /** What is unsure, or how the fact was established. */
    note: prose.optional(),
  })
  .strict();

export type Reference = z.infer<typeof referenceSchema>;
