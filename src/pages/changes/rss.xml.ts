/** The change log as an RSS 2.0 feed, newest first: one item per corrected figure. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadSite } from '../../site-data';
import { correctionsNewestFirst, correctionSentence, figureLabel } from '../../lib/corrections';
import { t } from '../../i18n/zh-CN';
import { tf } from '../../i18n/fill';

export async function GET(context: APIContext) {
  const site = await loadSite();
  return rss({
    title: t('changes.rssTitle'),
    description: t('changes.rssDescription'),
    // The channel links to the change log page itself.
    site: new URL('/changes/', context.site).href,
    trailingSlash: true,
    customData: '<language>zh-cn</language>',
    items: correctionsNewestFirst(site).map((view) => ({
      title: tf('changes.itemTitle', { figure: figureLabel(view) }),
      pubDate: new Date(`${view.correction.date}T00:00:00+08:00`),
      description: `${correctionSentence(view)} ${t('changes.who')}：${view.correction.who}`,
      // Absolute, so the feed keeps the #anchor instead of adding a trailing slash after it.
      link: new URL(view.href, context.site).href,
    })),
  });
}
