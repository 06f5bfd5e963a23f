import { z } from 'astro/zod';
import { finiteNumber, id, name, prose, sourceRef } from './common';
import { STATISTICS } from './observation';

/** Where an indicator comes from. Labels live in `src/i18n/zh-CN.ts` under `framework.*`. */
export const framework = z.enum([
  'nhc-2020', // 国卫办基层发〔2020〕12号 monitoring indicators
  'nhc-2024', // 紧密型县域医共体监测指标体系（2024版）
  'tiered-care-goals', // long-standing national 分级诊疗 goals
  'earlier-monitoring', // used in national monitoring practice, document unverified
  'urban-group-pilot', // 紧密型城市医疗集团 pilot documents
  'local', // reported by a local source outside any national set
]);

/** What an indicator is about, for the catalogue's topic filter. Labels live in `src/i18n/zh-CN.ts` under `topic.*`. */
export const topic = z.enum([
  'governance', // how groups are organised and run: counts of groups, members, rules, unified management
  'capacity', // grassroots capacity: staff sent down, training, service standards
  'care', // where and how people are treated: visit shares, referrals, family doctors, emergency care
  'insurance', // medical insurance and payment
  'digital', // information systems and shared diagnostic centres
  'health', // health outcomes
]);

/** One indicator: what is measured, how, and which way is better. File: `data/indicators/*.json`. */
export const indicatorSchema = z
  .object({
    /** Stable id, also the page address `/indicators/<id>/`. */
    id,
    /** Full name in Simplified Chinese, e.g. "县域内就诊率". */
    name,
    /** A short name for charts and tables. */
    shortName: name.optional(),
    /** Other names readers may type. */
    aliases: z.array(name).default([]),
    /** What it measures, in plain words. */
    definition: prose,
    /** Numerator, for a rate or share. */
    numerator: prose.optional(),
    /** Denominator, for a rate or share. */
    denominator: prose.optional(),
    /** Unit the values are in: "%", "人次", "人", "个", "元/人/年"… */
    unit: name,
    /**
     * What kind of number every figure of this indicator is: `value` (a place's own figure, the default), `median`,
     * `mean`, `total`, or `median-change` (the rise or fall of a median). One indicator, one kind: a median of a
     * rate and a rise of that median are two indicators. Absent means `value`.
     */
    statistic: z.enum(STATISTICS).optional(),
    /** Which direction is better. `neutral` for counts that describe rather than judge. */
    polarity: z.enum(['higher-is-better', 'lower-is-better', 'neutral']),
    /** The framework this indicator belongs to. */
    framework,
    /** What it is about (the catalogue filters by it); indicators without one are listed under "其他". */
    topic: topic.optional(),
    /** How sure the definition is: `official` (quoted from the framework), `working` (ours, unverified), `source` (as the local source uses it). */
    definitionStatus: z.enum(['official', 'working', 'source']),
    /** A caveat shown with the definition, e.g. that the formula was not retrieved. */
    definitionNote: prose.optional(),
    /** National target, where one exists. */
    nationalTarget: z
      .object({
        value: finiteNumber,
        qualifier: z.enum(['at-least', 'more-than', 'about', 'at-most', 'less-than']).optional(),
        /** Where the target comes from, in words. */
        basis: prose,
        /**
         * Id of the entry in `data/references/` that cites the target (issuer, title, date, address). Figures are marked
         * as meeting or missing the target only when that entry is verified.
         */
        reference: id.optional(),
        /**
         * The basis (口径) the target counts on, e.g. "住院" or "门急诊", when its source states one. Figures are held
         * against the target only when their source states the same basis (`countingBasis` on the figure); without
         * one, only figures of an `official` definition are.
         */
        countingBasis: name.optional(),
      })
      .strict()
      .optional(),
    /** A document on this site that defines or uses the indicator, when there is one. */
    source: sourceRef.optional(),
  })
  .strict();

export type Indicator = z.infer<typeof indicatorSchema>;
