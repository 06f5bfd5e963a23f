/** The updates as an RSS 2.0 feed, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadSite } from '../../site-data';
import { updatesNewestFirst } from '../../lib/site';
import { t } from '../../i18n/zh-CN';

export async function GET(context: APIContext) {
  const site = await loadSite();
  return rss({
    title: `${t('site.name')}：${t('updates.title')}`,
    description: t('updates.intro'),
    site: context.site!,
    trailingSlash: true,
    customData: '<language>zh-cn</language>',
    items: updatesNewestFirst(site).map((u) => ({
      title: u.data.title,
      pubDate: new Date(`${u.data.date}T00:00:00+08:00`),
      description: u.data.summary,
      link: `/updates/${u.id}/`,
      categories: [...u.data.regions.map((id) => site.regions.find((r) => r.id === id)?.name ?? id)],
    })),
  });
}
