/** Every download under /data/ (CSV and JSON), served from the build's one download registry (src/downloads/registry.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../data/current';
import { downloadRegistry } from '../../downloads/registry';
import { publicSite } from '../../publishing/site-address';
import { incrementalPaths } from '../../publishing/incremental';

// Each file is fingerprinted by its own bytes (serialised once, src/downloads/registry.ts; src/publishing/incremental.ts).
export const getStaticPaths = (() => {
  const registry = downloadRegistry(getDataset(), publicSite(import.meta.env.SITE));
  return incrementalPaths('/data/[...file]', registry.all.map((f) => ({ params: { file: f.href.replace(/^\/data\//, '') } })), (p) => registry.byHref.get(`/data/${p.params.file}`)!.bytes());
}) satisfies GetStaticPaths;

const TYPES = { CSV: 'text/csv; charset=utf-8', JSON: 'application/json; charset=utf-8' } as const;

export const GET: APIRoute = ({ params, site }) => {
  const file = downloadRegistry(getDataset(), publicSite(site ?? import.meta.env.SITE)).byHref.get(`/data/${params.file}`)!;
  return new Response(file.bytes(), { headers: { 'content-type': TYPES[file.format] } });
};
