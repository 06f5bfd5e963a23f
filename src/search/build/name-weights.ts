/**
 * How much a match in a page's name or a section's name counts. The index puts a name's pair tokens in a field
 * named after the name's length in characters (`name3` for 孟津县, `name8` for 孟津县妇幼保健院; `part4` for a
 * section headed 双向转诊), and each field's weight falls with that length: matching two characters of a
 * three-character name says more about a page than matching two of eight (the field-length normalisation of BM25F).
 * A term's score adds the weight of the heaviest field holding it, times its rarity (src/search/build/integration.ts).
 * Runs in the browser and at build time; imports nothing.
 */

/** Longest name length with its own field; longer names share the last one. */
export const LONGEST_NAME = 40;
/** Weight of a page-name field for a name of four characters or fewer. */
export const NAME_WEIGHT = 10;
/** Section names count this share of a page name. */
export const PART_SHARE = 0.5;

export function nameField(kind: 'name' | 'part', length: number): string {
  return `${kind}${Math.min(Math.max(length, 1), LONGEST_NAME)}`;
}

/** A field's weight: full up to four characters, then falling in proportion to length. */
export function nameWeight(kind: 'name' | 'part', length: number): number {
  return (kind === 'name' ? NAME_WEIGHT : NAME_WEIGHT * PART_SHARE) * Math.min(1, 4 / length);
}
