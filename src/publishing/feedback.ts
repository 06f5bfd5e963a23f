/**
 * Where readers send corrections: one build-time setting, like SITE_URL. FEEDBACK_URL (a form's https address) or
 * FEEDBACK_EMAIL (an address for mailto:); the form wins when both are set. Unset, the site says how to reach the
 * publishers of the documents instead (src/components/FeedbackLine.astro). A value that is neither stops the build.
 */

export interface FeedbackChannel {
  /** `mailto:` or the form's address. */
  href: string;
  /** What the link shows: the e-mail address, or the form's host. */
  label: string;
  kind: 'email' | 'form';
}

const EMAIL = /^[^\s@<>"'()[\]\\,;:]+@[^\s@<>"'()[\]\\,;:]+\.[^\s@<>"'()[\]\\,;:]+$/;

/** Reads FEEDBACK_URL / FEEDBACK_EMAIL; undefined when neither is set. Throws, naming the setting, on a bad value. */
export function readFeedback(env: { FEEDBACK_URL?: string; FEEDBACK_EMAIL?: string }): FeedbackChannel | undefined {
  const form = env.FEEDBACK_URL?.trim();
  if (form) {
    let url: URL | undefined;
    try {
      url = new URL(form);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new Error(`FEEDBACK_URL 不是 http(s) 网址：${form} / FEEDBACK_URL is not an http(s) address: ${form}`);
    }
    return { kind: 'form', href: url.href, label: url.host + (url.pathname === '/' ? '' : url.pathname) };
  }
  const email = env.FEEDBACK_EMAIL?.trim();
  if (email) {
    if (!EMAIL.test(email)) throw new Error(`FEEDBACK_EMAIL 不是电子邮件地址：${email} / FEEDBACK_EMAIL is not an e-mail address: ${email}`);
    return { kind: 'email', href: `mailto:${email}`, label: email };
  }
  return undefined;
}

/** The link for one report: a mailto: with the page and the figure in its subject, or the form's address as set. */
export function feedbackHref(channel: FeedbackChannel, subject: string): string {
  return channel.kind === 'email' ? `${channel.href}?subject=${encodeURIComponent(subject)}` : channel.href;
}

/** This build's channel (read once from the environment the build runs in). */
export const buildFeedback: FeedbackChannel | undefined = readFeedback(typeof process === 'undefined' ? {} : process.env);
