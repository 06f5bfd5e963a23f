import { z } from 'astro/zod';
import { id, name, prose } from './common';
import { STATEMENT_FIELDS } from './group';

/**
 * A page of this site, as a path from its root with an optional anchor: `/guide/#referral`. Never an address of
 * another site, a script or anything with a query: the glossary links readers within the site only.
 */
const sitePage = z
  .string()
  .regex(/^\/(?:[a-z0-9-]+\/)*(?:#[a-z0-9-]+)?$/, '须是本站页面，如 /guide/#referral / must be a page of this site, e.g. /guide/#referral')
  .max(200, '页面地址最长 200 个字符 / a page path is at most 200 characters');

/**
 * A term residents meet in policy texts, in plain words, and where on the site it matters. File:
 * `data/glossary/*.json` (an array). `/glossary/` shows every term in file order; the guide links its terms there. Where
 * a term matters is written as rules over the data (words, fields, kinds), so the links follow the data as it grows and
 * never point at a page that has nothing to show.
 */
export const glossaryTermSchema = z
  .object({
    /** The anchor on `/glossary/` (`/glossary/#family-doctor`): lowercase ASCII so links survive copying. */
    id,
    /** The term as residents read it, e.g. "双向转诊". */
    term: name,
    /** Other names for the same thing, e.g. "转诊"; search finds the entry by them too. */
    aliases: z.array(name).default([]),
    /** A plain definition in our own words (never copied from a source). */
    definition: prose,
    /** Sections of this site's own pages that explain the term, listed first, e.g. the guide's section on referral. */
    pages: z
      .array(
        z
          .object({
            /** The page and section, e.g. "/guide/#referral". */
            href: sitePage,
            /** The link's words, e.g. "就医指南：双向转诊". */
            label: name,
          })
          .strict(),
      )
      .default([]),
    /**
     * Groups whose sourced statements use the term: each row links the groups (their page, or their referral guide for
     * referral statements) and the documents the statements cite. A row with words matches statements holding one of
     * them; with fields, only statements of those parts (`services`, `up`, `down`, `benefits`, `greenChannels`,
     * `staysLocal`); with fields and no words, every statement of those parts.
     */
    statements: z
      .array(
        z
          .object({
            /** Words to look for, e.g. "双向转诊". */
            words: z.array(name).default([]),
            /** Parts of the groups' statements to look in; every part when empty. */
            fields: z.array(z.enum(STATEMENT_FIELDS)).default([]),
          })
          .strict(),
      )
      .default([]),
    /** Indicators whose name, short name or aliases hold one of these words are linked, e.g. "转诊". */
    indicatorsNamed: z.array(name).default([]),
    /** Documents whose title or summary holds one of these words are linked, e.g. "分级诊疗". */
    documentsMentioning: z.array(name).default([]),
    /** Every group of this kind is linked: `county` (医共体) or `urban` (城市医疗集团). */
    groupKind: z.enum(['county', 'urban']).optional(),
    /** Ids of related terms in the glossary, linked under "相关词语". */
    related: z.array(id).default([]),
  })
  .strict();

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
