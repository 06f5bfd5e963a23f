/**
 * /search/records.json: the search records of every institution, group and region page (src/lib/search-records.ts),
 * written by the build from the dataset it already holds, so the data is read once per build. The search integration
 * (src/integrations/search-index.ts) indexes them and removes this file from the published site.
 */
import type { APIRoute } from 'astro';
import { getDataset } from '../../site-data';
import { searchRecords } from '../../lib/search-records';

export const GET: APIRoute = () => new Response(JSON.stringify(searchRecords(getDataset())), { headers: { 'Content-Type': 'application/json' } });
