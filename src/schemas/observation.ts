import { z } from 'astro/zod';
import { finiteNumber, id, inference, name, prose, sourceRef } from './common';

/**
 * A period: `2024`, `2024-H1`, `2024-Q3`, `2024-08`, `2024-08-13`, or a span `2019-11/2024-08`
 * (for cumulative figures, start/end; an open start is written `../2024-08`). What a period means (when it starts and
 * ends, whether it exists, how it reads) is src/data/period.ts.
 */
const periodPart = /\d{4}(?:-(?:H[12]|Q[1-4]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?/.source;
export const PERIOD_PATTERN = new RegExp(`^(?:${periodPart}|(?:${periodPart}|\\.\\.)/${periodPart})$`);

export const period = z
  .string()
  .regex(PERIOD_PATTERN, '时期须写成 2024、2024-H1、2024-Q3、2024-08 或 2019-11/2024-08 / period must look like 2024, 2024-H1, 2024-Q3, 2024-08 or 2019-11/2024-08');

/** How exact a figure is (see `qualifier` below); exact figures have none. */
export const QUALIFIERS = ['at-least', 'more-than', 'about', 'at-most', 'less-than', 'range'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
/** What kind of number a figure is (see `statistic` below). */
export const STATISTICS = ['value', 'median', 'mean', 'total', 'median-change'] as const;
export type Statistic = (typeof STATISTICS)[number];
/** Longest excerpt: the few words around the figure, not a whole sentence (the rest goes in our own words). */
export const EXCERPT_MAX_LENGTH = 30;

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
    periodLabel: name.optional(),
    /** The figure as a plain number in the indicator's unit: 63.9万 is 639000, 87.49% is 87.49. */
    value: finiteNumber,
    /** The top of a range ("1-2个", "15-35元"): only with `qualifier: "range"`, and above `value` (the bottom). */
    valueHigh: finiteNumber.optional(),
    /** `actual` (reported outcome), `target` (goal) or `baseline` (starting point). */
    kind: z.enum(['actual', 'target', 'baseline']),
    /**
     * How exact the figure is: absent when exact; `at-least` (以上、不少于), `more-than` (超过、大于、余), `at-most` (不超过、以下),
     * `less-than` (不到、低于), `about` (约、左右), or `range` (low–high: `value` to `valueHigh`).
     */
    qualifier: z.enum(QUALIFIERS).optional(),
    /**
     * What kind of number it is: `value` (the subject's own figure, the default), a `median`, `mean` or `total`
     * across sub-units of the subject (then say which in `across`), or `median-change`: how much such a median rose or
     * fell between two times (a rise of the median, not a median of rises; say since when in `note`). It must be the
     * statistic its indicator declares.
     */
    statistic: z.enum(STATISTICS).optional(),
    /** For a median, mean or total: which sub-units it is taken across, and how many when the source says. */
    across: z
      .object({
        /** The sub-units in the source's words, e.g. "开展医共体建设的县（市、区）". */
        label: name,
        /** How many sub-units, when the source says. */
        count: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    /**
     * The basis (口径) the source states for the figure, e.g. "住院" or "门急诊"; leave out when the source does not say.
     * A figure is held against a national target only on the target's basis.
     */
    countingBasis: name.optional(),
    /** A short note for readers, e.g. a scope the source gives. */
    note: prose.optional(),
    /** Set when something about the figure (its subject, period or count) is our reading of the source, not its words. */
    inference: inference.optional(),
    /** Where the figure comes from. The excerpt is required and must contain the figure as written. */
    source: sourceRef.required({ excerpt: true }),
  })
  .strict();

export type Observation = z.infer<typeof observationSchema>;
