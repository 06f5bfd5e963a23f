/** Every download under /data/ (CSV and JSON), written at build time from src/lib/downloads.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../site-data';
import { allDownloads, downloadContext } from '../../lib/downloads';
import { dataUpdated } from '../../lib/updated';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return allDownloads(downloadContext(site, 'https://example.invalid')).map((f) => ({ params: { file: f.href.replace(/^\/data\//, '') } }));
}) satisfies GetStaticPaths;

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const site = await loadSite();
  const href = `/data/${params.file}`;
  const file = allDownloads(downloadContext(site, siteUrl!, dataUpdated())).find((f) => f.href === href)!;
  return new Response(file.body(), { headers: { 'content-type': TYPES[file.format === 'CSV' ? 'csv' : 'json'] } });
};
