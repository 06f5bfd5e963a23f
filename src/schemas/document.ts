import { z } from 'astro/zod';
import { claimStatus, id, inference, isoDate, name, prose } from './common';

/** A document date: `2024-08-13`, or `2024-08` / `2024` when the source gives no day (then explain in `dateNote`). */
export const documentDate = z.union([isoDate, z.coerce.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/)], {
  errorMap: () => ({ message: '日期须写成 YYYY-MM-DD（或 YYYY-MM、YYYY） / date must be YYYY-MM-DD (or YYYY-MM, YYYY)' }),
});

/** Frontmatter of a document digest. File: `content/documents/<id>.mdx`; the body is our own digest. */
export const documentSchema = z
  .object({
    /** Our title for the digest, in plain Chinese. */
    title: name,
    /** The title as the source gave it (converted to Simplified). */
    originalTitle: name,
    /** Who issued or wrote it. */
    issuer: name,
    /** Document number (文号), where there is one. */
    number: name.optional(),
    /** Date of the document (ISO); a month or year alone when the source gives no day. */
    date: documentDate,
    /** How the date was established, when the source garbled it. */
    dateNote: prose.optional(),
    /** Date it was published online, when different from `date`. */
    published: isoDate.optional(),
    /**
     * The date a later site that reposted the text shows (转载、"发表时间" on a reposting site), when the text was taken
     * from a repost: never the original's date. Pages say it is a repost date.
     */
    reposted: isoDate.optional(),
    /** Set when `date` is our reading of the source rather than a date it states (shown as "据报道推断"). */
    dateInference: inference.optional(),
    /** `policy` (a plan or rule), `report` (an account of results), `news` (a news story). */
    type: z.enum(['policy', 'report', 'news']),
    /** Ids of the regions it concerns. */
    regions: z.array(id).min(1),
    /** Where it was published or reprinted (outlet). */
    outlet: name,
    /** The address of the original publication, only when the source gives one: never guessed. Pages say when there is none. */
    originalUrl: z
      .string()
      .url('须是完整网址（https://…） / must be a full address (https://…)')
      // A javascript: or data: address is a URL too; only a web address may become a link or a CSV cell.
      .regex(/^https?:\/\//, '只能是 http(s) 网址 / only http(s) addresses')
      .optional(),
    /** One sentence summary for lists and search results, in the tense of the source (a plan as a plan). */
    summary: prose,
    /** What the summary states: `plan`, `done` or `measured`; required for a plan (`type: policy`). */
    summaryStatus: claimStatus.optional(),
    /** What we removed or repaired when curating the scraped source. */
    curationNote: prose.optional(),
  })
  .strict();

export type DocumentMeta = z.infer<typeof documentSchema>;
