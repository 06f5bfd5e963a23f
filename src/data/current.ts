/**
 * The dataset every page renders from: data/ and content/ read once and validated once per build (the same
 * validation `npm run check` runs), with its indexes (src/data/dataset.ts). JSON data does not go through Astro's
 * content store; MDX bodies are still rendered from the `documents` and `updates` collections.
 *
 * In `npm run dev`, src/integrations/data-reload.ts bumps a generation number when a file under data/ changes, so
 * the next page load reads the data again.
 */
import { loadDataset } from './read-sources';
import type { Dataset } from './dataset';

declare global {
  // eslint-disable-next-line no-var
  var __yigongtiDataGeneration: number | undefined;
}

let cached: { generation: number; dataset: Dataset } | undefined;

export function getDataset(): Dataset {
  const generation = globalThis.__yigongtiDataGeneration ?? 0;
  if (!cached || cached.generation !== generation) cached = { generation, dataset: loadDataset(process.cwd()) };
  return cached.dataset;
}
