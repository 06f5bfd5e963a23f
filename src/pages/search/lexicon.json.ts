/**
 * /search/lexicon.json: the synonym groups of data/synonyms/ (src/schemas/synonym.ts), written by the build from the
 * dataset it holds. The search integration (src/search/build/integration.ts) puts them in the index's entry and
 * removes this file from the published site.
 */
import type { APIRoute } from 'astro';
import { getDataset } from '../../data/current';

export const GET: APIRoute = () =>
  new Response(JSON.stringify({ synonyms: getDataset().synonyms.map((s) => s.words) }), { headers: { 'Content-Type': 'application/json' } });
