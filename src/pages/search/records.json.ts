/**
 * /search/records.json: the search records of every institution, group and region page (src/search/build/records.ts),
 * written by the build from the dataset it already holds, so the data is read once per build. The search integration
 * (src/search/build/integration.ts) indexes them and removes this file from the published site.
 */
import type { APIRoute } from 'astro';
import { getDataset } from '../../data/current';
import { searchRecords } from '../../search/build/records';

export const GET: APIRoute = () => new Response(JSON.stringify(searchRecords(getDataset())), { headers: { 'Content-Type': 'application/json' } });
