/** The /data/ page: every download with its size, the data dictionary, codes and how to cite. Pure. */
import { byName, type Dataset } from '../data/dataset';
import { columnMeaning, dictionary } from '../downloads/csv';
import { downloadContext, downloadRegistry, linkOf, type DownloadLink } from '../downloads/registry';
import { citationText } from './citation';
import { catalogue, type Framework } from './catalogue';
import { formatDate } from './format';
import { LIST_LIMIT } from './lists';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

export interface DataPageView {
  /** "数据最后更新：2024年12月31日", when known. */
  updated?: string;
  /** The site-wide files, a CSV and a JSON per row. */
  main: { title: string; table: DownloadLink['table']; files: DownloadLink[] }[];
  groups: { name: string; href: string; files: DownloadLink[] }[];
  /** Said instead of the per-group table when there are too many groups for one page. */
  groupsNote?: string;
  indicators: { name: string; href: string; files: DownloadLink[] }[];
  dictionary: { table: DownloadLink['table']; heading: string; caption: string; columns: { key: string; meaning: string }[] }[];
  codes: { code: Framework; meaning: string }[];
  citation: string;
}

export function dataPage(dataset: Dataset, siteUrl: string | URL | undefined): DataPageView {
  const registry = downloadRegistry(dataset, siteUrl);
  const main = new Map<string, DataPageView['main'][number]>();
  for (const f of registry.site) {
    const row = main.get(f.title) ?? { title: f.title, table: f.table, files: [] };
    row.files.push(linkOf(f));
    main.set(f.title, row);
  }
  const sections = catalogue(dataset);
  return {
    ...(dataset.dataUpdated ? { updated: tf('data.updated', { date: formatDate(dataset.dataUpdated) }) } : {}),
    main: [...main.values()],
    // Every group's files on one page while that is short; at national size each group page has its own.
    ...(dataset.groups.length > LIST_LIMIT
      ? { groups: [], groupsNote: tf('data.perGroupMany', { n: dataset.groups.length }) }
      : { groups: [...dataset.groups].sort(byName).map((g) => ({ name: g.name, href: `/groups/${g.id}/`, files: registry.group(g.id).map(linkOf) })) }),
    indicators: sections.flatMap((s) => s.indicators).map((i) => ({ name: i.name, href: `/indicators/${i.id}/`, files: registry.indicator(i.id).map(linkOf) })),
    dictionary: dictionary(downloadContext(dataset, siteUrl)).map(({ table, columns }) => ({
      table,
      heading: t(`data.dictionary.${table}`),
      caption: tf('data.dictionaryCaption', { file: t(`data.dictionary.${table}`) }),
      columns: columns.map((key) => ({ key, meaning: columnMeaning(table, key) ?? '' })),
    })),
    codes: sections.map((s) => ({ code: s.framework, meaning: t(`framework.${s.framework}`) })),
    citation: citationText({ author: t('site.name'), title: t('data.datasetTitle'), updated: dataset.dataUpdated, url: siteUrl ? new URL('/data/', siteUrl).href : '/data/', type: 'DS/OL' }),
  };
}
