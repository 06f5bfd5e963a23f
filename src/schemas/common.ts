import { z } from 'astro/zod';

/** A stable, URL-safe identifier: lowercase letters, digits and hyphens (e.g. `zizhong-people-hospital`). */
export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符 / lowercase letters, digits and hyphens only');

/** A calendar date written as ISO 8601 (`2024-08-13`). */
export const isoDate = z.preprocess(
  // YAML frontmatter turns an unquoted 2024-08-13 into a Date; accept it as the ISO text it was.
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期须写成 YYYY-MM-DD / a date must be written YYYY-MM-DD')
  // Only a well-formed date can be a real one: one message per bad date, not two.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || (!Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s)), '不是有效日期 / not a real date'),
);

/** Where a fact comes from: which document, where in it, and a few words around the fact as the source wrote them. */
export const sourceRef = z
  .object({
    /** Id of the document in `content/documents/` (its file name without `.mdx`). */
    document: id,
    /** Where in the document: a heading or paragraph label, e.g. "三、畅通“三大服务”（一）". */
    section: z.string().min(1),
    /** A few words copied from the source around the fact (after Traditional→Simplified conversion where needed). */
    excerpt: z.string().min(1).optional(),
  })
  .strict();

export type SourceRef = z.infer<typeof sourceRef>;
