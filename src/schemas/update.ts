import { z } from 'astro/zod';
import { id, isoDate, name, prose } from './common';

/** Frontmatter of a news item a bureau publishes. File: `content/updates/<id>.mdx`. */
export const updateSchema = z
  .object({
    /** Headline. */
    title: name,
    /** Date of publication (ISO). */
    date: isoDate,
    /** Ids of the regions it concerns (it then shows on their pages). */
    regions: z.array(id).default([]),
    /** Ids of the groups it concerns. */
    groups: z.array(id).default([]),
    /** One sentence for lists and the RSS feed. */
    summary: prose,
  })
  .strict();

export type UpdateMeta = z.infer<typeof updateSchema>;
