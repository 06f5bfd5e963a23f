/**
 * Lists cut to a length: the guide and the glossary are single pages about the whole country, so every list on them is
 * capped: a few real examples illustrate a rule, and the count of the rest says how many more there are.
 */

/** Examples shown per guide section, groups named per example, and entries per list on the guide and glossary. */
export const GUIDE_LIMITS = { examples: 12, groupsPerExample: 8, list: 40 } as const;

/** The first `limit` items and how many were left out. */
export interface Capped<T> {
  shown: T[];
  more: number;
}

export function capped<T>(list: readonly T[], limit: number): Capped<T> {
  return { shown: list.slice(0, limit), more: Math.max(0, list.length - limit) };
}
