/** Every collection: where its files live and the schema each entry must follow. */
import { regionSchema } from './region';
import { institutionSchema } from './institution';
import { groupSchema } from './group';
import { indicatorSchema } from './indicator';
import { observationSchema } from './observation';
import { documentSchema } from './document';
import { updateSchema } from './update';
import { correctionSchema } from './correction';
import { referenceSchema } from './reference';
import { synonymSchema } from './synonym';
import { glossaryTermSchema } from './glossary';

/** JSON collections: each file in `data/<name>/` holds an array of entries. */
export const dataCollections = {
  regions: regionSchema,
  institutions: institutionSchema,
  groups: groupSchema,
  indicators: indicatorSchema,
  observations: observationSchema,
  /** Published corrections of figures (the change log). */
  corrections: correctionSchema,
  /** General knowledge from no county document, each fact with its issuer, title, date and address. */
  references: referenceSchema,
  /** Words readers use for the same thing, for the site's search (no page shows them). */
  synonyms: synonymSchema,
  /** Terms residents meet in policy texts, in plain words, for /glossary/ and the guide. */
  glossary: glossaryTermSchema,
} as const;

/** MDX collections: each file in `content/<name>/` is one entry; the file name is its id. */
export const mdxCollections = {
  documents: documentSchema,
  updates: updateSchema,
} as const;

export type DataCollection = keyof typeof dataCollections;
export type MdxCollection = keyof typeof mdxCollections;

export * from './region';
export * from './institution';
export * from './group';
export * from './indicator';
export * from './observation';
export * from './document';
export * from './update';
export * from './correction';
export * from './reference';
export * from './synonym';
export * from './glossary';
export * from './common';
export * from './contact';
