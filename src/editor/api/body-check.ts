/**
 * The body of an update or digest checked while it is typed: the same MDX policy `npm run check` and the build apply
 * (src/data/mdx-policy.ts), with the images public/ may publish, so a mistake shows beside the text before 保存.
 * The save still checks the whole dataset; this only answers earlier.
 */
import { mdxViolations } from '../../data/mdx-policy';
import { readPublicFiles } from '../../data/validate/public-files';

/** Longest body checked while typing (the save's own limits still apply to what is saved). */
export const BODY_CHECK_MAX = 200_000;

export interface BodyProblem {
  /** Line in the body (1 = its first line). */
  line: number;
  zh: string;
  hint: string;
}

export function checkBody(root: string, body: unknown): { problems: BodyProblem[] } {
  if (typeof body !== 'string') return { problems: [{ line: 1, zh: '没有收到正文。', hint: '' }] };
  if (body.length > BODY_CHECK_MAX) return { problems: [{ line: 1, zh: `正文太长（超过 ${BODY_CHECK_MAX} 个字），请分成几篇。`, hint: '' }] };
  const images = readPublicFiles(root).files;
  return { problems: mdxViolations(body, { images }).map((v) => ({ line: v.line, zh: v.zh, hint: v.hint.zh })) };
}
