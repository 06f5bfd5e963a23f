/**
 * Every file under /data/, generated at build time from the same tables: one registry, so the endpoint that writes
 * a file and the page that links it with its size can never disagree.
 */
import type { Group, Indicator } from '../schemas';
import type { Site } from './site';
import {
  groupTable,
  indicatorTable,
  institutionTable,
  observationTable,
  observationsOfGroup,
  sortObservations,
  toCsv,
  toJson,
  type Context,
  type Table,
} from './csv';
import { citationText } from './citation';
import { byName } from './site';
import { observationsOfIndicator } from './lookup';
import { t } from '../i18n/zh-CN';

export const LICENCE = 'CC BY 4.0';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans';

export interface DownloadFile {
  /** Address on the site, e.g. `/data/observations.csv`. */
  href: string;
  format: 'CSV' | 'JSON';
  /** What the file holds, in words. */
  title: string;
  /** Which data dictionary describes its columns. */
  table: 'observations' | 'indicators' | 'groups' | 'institutions';
  body: () => string;
}

export interface DownloadContext extends Context {
  /** Site name, for citations. */
  author: string;
  /** Newest data date (YYYY-MM-DD), for citations. */
  updated?: string;
}

function pair<T>(ctx: DownloadContext, base: string, title: string, table: DownloadFile['table'], make: (c: Context) => Table<T>, items: () => T[]): DownloadFile[] {
  const href = (ext: string) => `/data/${base}.${ext}`;
  const meta = () => ({
    title,
    url: new URL(href('json'), ctx.siteUrl).href,
    licence: LICENCE,
    licenceUrl: LICENCE_URL,
    citation: citationText({ author: ctx.author, title, updated: ctx.updated, url: new URL('/data/', ctx.siteUrl).href, type: 'DS/OL' }),
  });
  return [
    { href: href('csv'), format: 'CSV', title, table, body: () => toCsv(make(ctx), items()) },
    { href: href('json'), format: 'JSON', title, table, body: () => toJson(make(ctx), items(), meta()) },
  ];
}

/** All figures, the indicator catalogue, and the rosters of groups and institutions. */
export function siteDownloads(ctx: DownloadContext): DownloadFile[] {
  const { site } = ctx;
  return [
    ...pair(ctx, 'observations', '全部数据（每行一个数字，附来源）', 'observations', observationTable, () => sortObservations(site.observations)),
    ...pair(ctx, 'indicators', '指标目录（定义、单位、所属指标体系、全国目标）', 'indicators', indicatorTable, () => [...site.indicators].sort((a, b) => a.id.localeCompare(b.id))),
    ...pair(ctx, 'groups', '医共体和医疗集团名单', 'groups', groupTable, () => [...site.groups].sort(byName)),
    ...pair(ctx, 'institutions', '医疗机构名单（含所属医共体）', 'institutions', institutionTable, () => [...site.institutions].sort(byName)),
  ];
}

/** The figures reported for one indicator. */
export function indicatorDownloads(ctx: DownloadContext, indicator: Indicator): DownloadFile[] {
  const list = () => sortObservations(observationsOfIndicator(ctx.site, indicator.id));
  return pair(ctx, `indicators/${indicator.id}`, `${indicator.name}：各地报告的数据`, 'observations', observationTable, list);
}

/** The figures about one group and its named member institutions. */
export function groupDownloads(ctx: DownloadContext, group: Group): DownloadFile[] {
  return pair(ctx, `groups/${group.id}`, `${group.name}：报告的数据`, 'observations', observationTable, () => sortObservations(observationsOfGroup(ctx.site, group)));
}

/** Every file under /data/. */
export function allDownloads(ctx: DownloadContext): DownloadFile[] {
  return [
    ...siteDownloads(ctx),
    ...ctx.site.indicators.flatMap((i) => indicatorDownloads(ctx, i)),
    ...ctx.site.groups.flatMap((g) => groupDownloads(ctx, g)),
  ];
}

/** Size in bytes as written to disk (UTF-8). */
export function byteSize(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** "12 KB", "1.2 MB"; never "0 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A file and its size, for a download link. */
export function withSize(file: DownloadFile): DownloadFile & { bytes: number } {
  return { ...file, bytes: byteSize(file.body()) };
}

/** The context every page and endpoint builds downloads with. */
export function downloadContext(site: Site, siteUrl: string | URL, updated?: string): DownloadContext {
  return { site, siteUrl, author: t('site.name'), updated };
}
