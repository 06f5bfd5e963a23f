import { z } from 'astro/zod';

/** Longest id (and MDX file name): ids are page addresses, and the build fails on very long file names. */
export const ID_MAX_LENGTH = 80;

/** A stable, URL-safe identifier: lowercase letters, digits and hyphens (e.g. `zizhong-people-hospital`). */
export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符 / lowercase letters, digits and hyphens only')
  .max(ID_MAX_LENGTH, `id 最长 ${ID_MAX_LENGTH} 个字符 / an id is at most ${ID_MAX_LENGTH} characters`);

/** Whether `yyyy-mm-dd` (or `yyyy-mm`) names a day (month) that exists on the calendar: no 2024-02-31, no 2023-02-29. */
export function isRealDate(text: string): boolean {
  const m = text.match(/^(\d{4})-(\d{2})(?:-(\d{2}))?$/);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The day a YAML date names, as written: `2024-08-13`, also from a timestamp (`2024-08-13T10:00:00Z`), whose day and
 * time are checked as written. Validation's YAML reading keeps each timestamp's text (`source`, src/data/frontmatter.ts);
 * a day or time that does not exist gives that text back, for the date rule to refuse instead of rolling it over.
 */
export function writtenDay(date: Date): unknown {
  const source = (date as Date & { source?: string }).source?.trim();
  if (source === undefined) return Number.isNaN(date.getTime()) ? date : date.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:[ \t]*(?:Z|[-+](\d{1,2})(?::?(\d{2}))?))?)?$/.exec(source);
  if (!m) return source;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const [hour, minute, second, zoneHour, zoneMinute] = [m[4], m[5], m[6], m[7], m[8]].map((v) => (v === undefined ? 0 : Number(v)));
  if (hour > 23 || minute > 59 || second > 60 || zoneHour > 14 || zoneMinute > 59) return source;
  return day;
}

/** A calendar date written as ISO 8601 (`2024-08-13`). */
export const isoDate = z.preprocess(
  // YAML frontmatter turns an unquoted 2024-08-13 (or 2024-08-13T10:00:00Z) into a Date; accept it as the day written.
  (v) => (v instanceof Date ? writtenDay(v) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期须写成 YYYY-MM-DD / a date must be written YYYY-MM-DD')
    // Only a well-formed date can be a real one: one message per bad date, not two.
    .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isRealDate(s), '不是有效日期（这一天不存在） / not a real date (that day does not exist)'),
);

/** A plain number that is finite: JSON's 1e309 parses to Infinity, which would be published as "∞". */
export const finiteNumber = z
  .number({ invalid_type_error: '必须是数字 / must be a number' })
  .finite('数字太大或不是有限数 / the number is too large or not finite');

/**
 * Characters a reader cannot see or that reorder what they see: C0/C1 controls (other than tab and line breaks, checked
 * separately), bidirectional overrides and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C), zero-width and other
 * format characters (U+200B–200D, U+2060–2064, U+206A–206F, U+FEFF, U+00AD soft hyphen, U+034F combining grapheme
 * joiner, U+180B–180F Mongolian selectors and vowel separator, U+17B4/17B5, U+FFF9–FFFB), blank letters (Hangul fillers
 * U+115F, U+1160, U+3164, U+FFA0; braille blank U+2800) and the invisible TAG characters (U+E0000–E007F). Pasted into a
 * name they make an empty heading, an invisible link, or text that reads differently from what it says. A pattern for
 * a regex with the `u` flag.
 */
export const INVISIBLE =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\u2800\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}';

/** Longest name, title or label (in UTF-16 units: a Chinese character is one): a heading, not a paragraph. */
export const NAME_MAX_LENGTH = 120;
/** Longest paragraph of prose in the data (a summary, a definition, a note). */
export const PROSE_MAX_LENGTH = 5000;

/** The first invisible character in a text, as U+XXXX, for messages. */
export function invisibleCharacter(text: string, multiline = true): string | undefined {
  const c = text.match(new RegExp(`[${INVISIBLE}${multiline ? '' : '\\t\\r\\n'}]`, 'u'))?.[0];
  return c === undefined ? undefined : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text a reader sees: not blank, with no invisible or direction-changing characters, and not longer than a name
 * (or a paragraph) can be. `multiline` allows line breaks (summaries written as a YAML block); names, titles and labels
 * stay on one line. Every name, title and label field uses this, so one rule decides what "visible" means. Validation
 * trims and NFC-normalises every text before these checks (`normaliseText` in src/data/validate/). Plain regex checks,
 * not refinements: zod 3 runs those ~30× slower, and check must stay fast on 200,000 figures.
 */
export function visibleText(options: { multiline?: boolean } = {}) {
  const max = options.multiline ? PROSE_MAX_LENGTH : NAME_MAX_LENGTH;
  return z
    .string({ invalid_type_error: '应为文字（日期或数字作标题时请加英文双引号） / expected text (quote a date or number used as text)' })
    .regex(
      new RegExp(`^[^${INVISIBLE}${options.multiline ? '' : '\\t\\r\\n'}]*$`, 'u'),
      '含有看不见的控制字符（多半是从网页或文档复制时带进来的） / contains an invisible control character (usually pasted in from a web page or document)',
    )
    .regex(/[\p{L}\p{N}\p{P}\p{S}]/u, '不能为空或只有空白 / must not be empty or blank')
    .max(
      max,
      options.multiline
        ? `太长：一段文字最多 ${max} 个字 / too long: a paragraph is at most ${max} characters`
        : `太长：名称、标题和标签最多 ${max} 个字 / too long: a name, title or label is at most ${max} characters`,
    );
}

/** Longest web address: a page's address, not a document pasted into one. */
export const URL_MAX_LENGTH = 500;

/** A web address a page links to: http(s) only, no space or character that hides or reorders what the reader sees. */
export const webAddress = z
  .string()
  .url('须是完整网址，如 https://… / must be a full address such as https://…')
  .regex(/^https?:\/\//, '只能是 http(s) 网址 / only http(s) addresses')
  .regex(new RegExp(`^[^\\s${INVISIBLE}]*$`, 'u'), '网址里有空格或看不见的控制字符 / the address holds a space or an invisible control character')
  .max(URL_MAX_LENGTH, `网址最长 ${URL_MAX_LENGTH} 个字符 / an address is at most ${URL_MAX_LENGTH} characters`);

/** A one-line name, title or label a reader sees. */
export const name = visibleText();
/** A sentence or paragraph a reader sees. */
export const prose = visibleText({ multiline: true });

/** Where a fact comes from: which document, where in it, and a few words around the fact as the source wrote them. */
export const sourceRef = z
  .object({
    /** Id of the document in `content/documents/` (its file name without `.mdx`). */
    document: id,
    /** Where in the document: a heading or paragraph label, e.g. "三、畅通“三大服务”（一）". */
    section: name,
    /** A few words copied from the source around the fact (after Traditional→Simplified conversion where needed). */
    excerpt: prose.optional(),
  })
  .strict();

export type SourceRef = z.infer<typeof sourceRef>;

/**
 * What a source says about a claim: `plan` (a plan, requirement or target: 要求、计划、到…年底), `done` (something done
 * or in force: 已建成、已实行), or `measured` (a report of something measured or counted). Pages say it in words.
 */
export const CLAIM_STATUSES = ['plan', 'done', 'measured'] as const;
export const claimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof claimStatus>;

/**
 * A reading of the source that is not its words (a membership, a date, one agreement per group): what we read into
 * it and the words it rests on. Pages show it as "据报道推断" with those words.
 */
export const inference = z
  .object({
    /** What we read into the source, in our own words. */
    reading: prose,
    /** The source's own words the reading rests on (a few words, as the source wrote them). */
    basis: prose,
  })
  .strict();
export type Inference = z.infer<typeof inference>;

/** A statement backed by a source: the text in our own words, where it comes from, and what the source says of it. */
export const sourcedText = z
  .object({
    /** The statement in our own words, in the tense of the source: a plan as a plan (计划…、要…), a fact as done (已…). */
    text: prose,
    /** `plan`, `done` or `measured` (see `claimStatus`); required when the source is a plan (a `policy` document). */
    status: claimStatus.optional(),
    /** Set when the statement is our reading of the source rather than its words. */
    inference: inference.optional(),
    source: sourceRef,
  })
  .strict();
export type SourcedText = z.infer<typeof sourcedText>;
