import { z } from 'astro/zod';
import { id, sourceRef } from './common';

/**
 * A period: `2024`, `2024-H1`, `2024-Q3`, `2024-08`, `2024-08-13`, or a span `2019-11/2024-08`
 * (for cumulative figures, start/end; an open start is written `../2024-08`).
 */
const periodPart = /\d{4}(?:-(?:H[12]|Q[1-4]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?/.source;
export const period = z
  .string()
  .regex(
    new RegExp(`^(?:${periodPart}|(?:${periodPart}|\\.\\.)/${periodPart})$`),
    '时期须写成 2024、2024-H1、2024-Q3、2024-08 或 2019-11/2024-08 / period must look like 2024, 2024-H1, 2024-Q3, 2024-08 or 2019-11/2024-08',
  );

/** One reported figure. File: `data/observations/*.json` (an array). */
export const observationSchema = z
  .object({
    /** Stable id, used by corrections and downloads. */
    id,
    /** Id of the indicator measured. */
    indicator: id,
    /** What the figure is about. */
    subject: z.object({ type: z.enum(['group', 'region', 'institution']), id }).strict(),
    /** The period the figure covers (see `period` above). */
    period,
    /** A plain-words label for the period when it needs one, e.g. "医共体成立以来（截至2024年8月）". */
    periodLabel: z.string().optional(),
    /** The figure as a plain number in the indicator's unit: 63.9万 is 639000, 87.49% is 87.49. */
    value: z.number({ invalid_type_error: '必须是数字 / must be a number' }),
    /** `actual` (reported outcome), `target` (goal) or `baseline` (starting point). */
    kind: z.enum(['actual', 'target', 'baseline']),
    /** When the source says "以上", "超过", "约", "以下", "余"… */
    qualifier: z.enum(['at-least', 'more-than', 'about', 'at-most', 'less-than']).optional(),
    /** A short note for readers, e.g. a scope the source gives. */
    note: z.string().optional(),
    /** Where the figure comes from. The excerpt is required and must contain the figure as written. */
    source: sourceRef.required({ excerpt: true }),
  })
  .strict();

export type Observation = z.infer<typeof observationSchema>;
