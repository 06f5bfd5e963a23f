import { z } from 'astro/zod';
import { finiteNumber, id, isoDate, name, prose } from './common';

/** The fields of a figure (observation) a correction can name. `value` is the number itself. */
export const correctedField = z.enum([
  'value',
  'period',
  'periodLabel',
  'kind',
  'qualifier',
  'indicator',
  'subject.type',
  'subject.id',
  'note',
  'source.document',
  'source.section',
  'source.excerpt',
]);

/**
 * A published correction of a figure: what changed, when, why and who changed it. The figure in
 * `data/observations/` already holds the new value; this record keeps the old one in public view.
 * File: `data/corrections/*.json` (an array). Shown on `/changes/`, in its RSS feed and next to the figure.
 */
export const correctionSchema = z
  .object({
    /** Stable id, also the anchor on the change log: `/changes/#<id>`. */
    id,
    /** Id of the corrected figure (an observation in `data/observations/`). */
    observation: id,
    /** When the correction was published (ISO date, `2024-09-02`). */
    date: isoDate,
    /** Which field of the figure changed; `value` (the number) when left out. */
    field: correctedField.default('value'),
    /** What was published before: a plain number for `value` (`10542`), otherwise the old text. */
    old: z.union([finiteNumber, name]),
    /** What is published now; must equal the figure's current value of that field. */
    new: z.union([finiteNumber, name]),
    /** Why it changed, in plain words, e.g. "录入时漏写了一位数字，已按原文改正". */
    why: prose,
    /** Who made the correction: the bureau or office, e.g. "资中县卫生健康局". */
    who: name,
  })
  .strict();

export type Correction = z.infer<typeof correctionSchema>;
export type CorrectedField = z.infer<typeof correctedField>;
