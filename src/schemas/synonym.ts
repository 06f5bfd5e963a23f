import { z } from 'astro/zod';
import { id, visibleText } from './common';

/**
 * Words readers use for the same thing, for the site's search (src/search/shared/synonyms.ts). File:
 * `data/synonyms/*.json` (an array). A query holding one word of a group is also searched with each other word in its
 * place: 签约率 also as 签约覆盖率, 签约比例, 签约占比; 慢病 also as 慢性病. Editors add the words residents use that the
 * pages do not say. Nothing here shows on a page.
 */
export const synonymSchema = z
  .object({
    /** Stable id of the group, e.g. `rate`. */
    id,
    /** Two or more words (Chinese, each one to twelve characters, no spaces) that stand for each other in a query. */
    words: z
      .array(
        visibleText().regex(
          /^[\p{Script=Han}A-Za-z0-9]{1,12}$/u,
          '每个词须是 1–12 个汉字、字母或数字，不含空格和标点 / each word is 1–12 Han characters, letters or digits, no spaces or punctuation',
        ),
      )
      .min(2, '至少两个词 / at least two words')
      .max(12, '最多 12 个词 / at most 12 words'),
    /** Why these words stand for each other (for editors). */
    note: visibleText({ multiline: true }).optional(),
  })
  .strict();

export type Synonym = z.infer<typeof synonymSchema>;
