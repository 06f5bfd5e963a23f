/**
 * Text and attributes written as Astro writes them in a template (astro/dist/runtime/server: `escapeHTML`, which is
 * html-escaper's `escape`, and `addAttribute`), for the parts of pages written as strings where an Astro template
 * per element cost more than the page's own work (./static-chart-html.ts, ./source-cite-html.ts): the bytes stay
 * those the templates wrote. Pure.
 */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** A text expression (`{value}`): escaped; nothing for an empty or missing text. */
export function htmlText(value: string | undefined): string {
  return value ? value.replace(/[&<>'"]/g, (c) => TEXT_ESCAPES[c]!) : '';
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * An attribute expression (`name={value}`) of a string: ` name="value"` with & and " escaped (an http(s) address
 * holding & is left as it is, as Astro leaves it), ` name` alone when empty, nothing when missing.
 */
export function htmlAttribute(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (value === '') return ` ${name}`;
  if (value.includes('&') && isHttpUrl(value)) return ` ${name}="${value}"`;
  return ` ${name}="${value.replace(/&/g, '&#38;').replace(/"/g, '&#34;')}"`;
}
