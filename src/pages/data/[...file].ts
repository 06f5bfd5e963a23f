/** Every download under /data/ (CSV and JSON), served from the build's one download registry (src/downloads/registry.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../data/current';
import { downloadRegistry } from '../../downloads/registry';
import { publicSite } from '../../publishing/site-address';

export const getStaticPaths = (() =>
  downloadRegistry(getDataset(), publicSite(import.meta.env.SITE)).all.map((f) => ({ params: { file: f.href.replace(/^\/data\//, '') } }))) satisfies GetStaticPaths;

const TYPES = { CSV: 'text/csv; charset=utf-8', JSON: 'application/json; charset=utf-8' } as const;

export const GET: APIRoute = ({ params, site }) => {
  const file = downloadRegistry(getDataset(), publicSite(site ?? import.meta.env.SITE)).byHref.get(`/data/${params.file}`)!;
  return new Response(file.bytes(), { headers: { 'content-type': TYPES[file.format] } });
};
