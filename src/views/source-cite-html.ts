/**
 * A source as src/components/SourceCite.astro shows it (document linked, date, outlet, section, the excerpt), as one
 * HTML string, byte for byte what the component wrote as an Astro template: every row of a figures table cites its
 * source (about a hundred on a group page), and the template's elements and fragment per citation were a large part
 * of those pages' cost. Pure.
 */
import type { CiteView } from './figures';
import { tf } from '../i18n/fill';
import { htmlAttribute, htmlText } from './html';

export function sourceCiteHtml(cite: CiteView, excerpt = true): string {
  const date = cite.date ? htmlText(`（${cite.date}）`) : '';
  const outlet = cite.outlet ? htmlText(`，${tf('cite.outlet', { outlet: cite.outlet })}`) : '';
  const quoted = excerpt && cite.excerpt ? `：<q class="excerpt">${htmlText(cite.excerpt)}</q>` : '';
  return `<span class="source">\n来源：<a${htmlAttribute('href', cite.href)}>${htmlText(cite.title)}</a>${date}${outlet}，${htmlText(cite.section)}${quoted} </span>`;
}
