/** Every download under /data/ (CSV and JSON), written at build time from src/lib/downloads.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../site-data';
import { allDownloads, downloadContext, type DownloadFile } from '../../lib/downloads';
import { dataUpdated } from '../../lib/updated';

let files: Map<string, DownloadFile> | undefined;
/** The registry, built once per build (it lists thousands of files at national scale). */
async function registry(siteUrl: URL | undefined): Promise<Map<string, DownloadFile>> {
  files ??= new Map(allDownloads(downloadContext(await loadSite(), siteUrl ?? "https://example.invalid", dataUpdated(await loadSite()))).map((f) => [f.href, f]));
  return files;
}

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return allDownloads(downloadContext(site, 'https://example.invalid')).map((f) => ({ params: { file: f.href.replace(/^\/data\//, '') } }));
}) satisfies GetStaticPaths;

const TYPES = { CSV: 'text/csv; charset=utf-8', JSON: 'application/json; charset=utf-8' } as const;

export const GET: APIRoute = async ({ params, site }) => {
  const file = (await registry(site)).get(`/data/${params.file}`)!;
  return new Response(file.body(), { headers: { 'content-type': TYPES[file.format] } });
};
