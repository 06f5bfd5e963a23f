/** The updates as an RSS 2.0 feed, newest first. */
import rss from '@astrojs/rss';
import { previewFeed } from '../../publishing/site-address';
import type { APIContext } from 'astro';
import { getDataset } from '../../data/current';
import { updatesIndex } from '../../views/content';
import { t } from '../../i18n/zh-CN';

export async function GET(context: APIContext) {
  return previewFeed(context.site, await rss({
    title: `${t('site.name')}：${t('updates.title')}`,
    description: t('updates.intro'),
    site: context.site!,
    trailingSlash: true,
    customData: '<language>zh-cn</language>',
    items: updatesIndex(getDataset()).map((u) => ({
      title: u.title,
      pubDate: new Date(`${u.date}T00:00:00+08:00`),
      description: u.summary,
      link: u.href,
      categories: u.regionNames,
    })),
  }));
}
