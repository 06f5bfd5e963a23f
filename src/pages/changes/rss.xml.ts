/** The change log as an RSS 2.0 feed, newest first: one item per corrected figure. */
import rss from '@astrojs/rss';
import { previewFeed } from '../../publishing/site-address';
import type { APIContext } from 'astro';
import { getDataset } from '../../data/current';
import { correctionSentence } from '../../data/corrections';
import { changesPage } from '../../views/content';
import { t } from '../../i18n/zh-CN';
import { tf } from '../../i18n/fill';

export async function GET(context: APIContext) {
  return previewFeed(context.site, await rss({
    title: t('changes.rssTitle'),
    description: t('changes.rssDescription'),
    // The channel links to the change log page itself.
    site: new URL('/changes/', context.site).href,
    trailingSlash: true,
    customData: '<language>zh-cn</language>',
    items: changesPage(getDataset()).map((change) => ({
      title: tf('changes.itemTitle', { figure: change.heading }),
      pubDate: new Date(`${change.date}T00:00:00+08:00`),
      description: `${correctionSentence(change.view)} ${t('changes.who')}：${change.who}`,
      // Absolute, so the feed keeps the #anchor instead of adding a trailing slash after it.
      link: new URL(change.view.href, context.site).href,
    })),
  }));
}
