import { z } from 'astro/zod';
import { isoDate, name, prose, sourceRef, webAddress } from './common';

/**
 * Contact details a resident acts on. Each carries its source and the day an editor last saw it there: numbers and
 * hours change, so a page says how old they are. Write only what a source prints; never a guessed number or address.
 */

/** A telephone number as the source prints it: digits with an optional leading +, hyphens and spaces between. */
export const phoneNumber = z
  .string()
  .regex(/^\+?\d[\d -]{1,22}\d$/, '电话号码只能有数字、连字符和空格，如 0379-67912345 / a phone number has digits, hyphens and spaces only, e.g. 0379-67912345');

/** One telephone number and what it is for. */
export const phone = z
  .object({
    /** The number as the source prints it, with the area code, e.g. "0379-67912345". */
    number: phoneNumber,
    /** What to call it for, in plain words, e.g. "转诊咨询", "预约挂号", "急诊". */
    purpose: name,
    /** Where the number is published. */
    source: sourceRef,
    /** The day an editor last saw it in the source (YYYY-MM-DD). */
    checked: isoDate,
  })
  .strict();

/** A sourced text that goes out of date: an address, clinic hours. */
export const checkedText = z
  .object({
    /** The text as the source gives it, e.g. "孟津区城关镇…号" or "周一至周五 8:00–12:00". */
    text: prose,
    /** Where it is published. */
    source: sourceRef,
    /** The day an editor last saw it in the source (YYYY-MM-DD). */
    checked: isoDate,
  })
  .strict();

/** A website or an official account (公众号) where the institution publishes notices. */
export const online = z
  .object({
    /** What it is, e.g. "官方网站", "微信公众号". */
    label: name,
    /** The web address (https://…), when it is a website. */
    url: webAddress.optional(),
    /** The account's name as residents search for it, when it is an official account. */
    account: name.optional(),
    /** Where it is named. */
    source: sourceRef,
    /** The day an editor last saw it in the source (YYYY-MM-DD). */
    checked: isoDate,
  })
  .strict()
  .refine((o) => o.url !== undefined || o.account !== undefined, '写网址（url）或公众号名称（account） / give a url or an account name');

/** How to reach an institution. Every part is optional: most sources give none. */
export const institutionContacts = z
  .object({
    /** Telephone numbers, each with what it is for. */
    phones: z.array(phone).default([]),
    /** Street address. */
    address: checkedText.optional(),
    /** Clinic hours (门诊时间). */
    hours: checkedText.optional(),
    /** Website or official account. */
    online: z.array(online).default([]),
  })
  .strict();

/** Whom to ask about a referral in a group, where a source names them (e.g. 医共体转诊服务中心). */
export const referralContact = z
  .object({
    /** The office or role, e.g. "县人民医院转诊服务中心". */
    who: name,
    /** Its telephone number, when the source gives one. */
    phone: phoneNumber.optional(),
    /** Where it is named. */
    source: sourceRef,
    /** The day an editor last saw it in the source (YYYY-MM-DD). */
    checked: isoDate,
  })
  .strict();

export type InstitutionContacts = z.infer<typeof institutionContacts>;
export type ReferralContact = z.infer<typeof referralContact>;
