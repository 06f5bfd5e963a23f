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
  /**
   * The dataset of this process, kept on the global object: the pages (bundled by Vite) and the build's integrations
   * (loaded with astro.config.mjs) are separate module instances, and the search index must not read the data twice.
   */
  // eslint-disable-next-line no-var
  var __yigongtiDataset: { generation: number; dataset: Dataset } | undefined;
}

export function getDataset(): Dataset {
  const generation = globalThis.__yigongtiDataGeneration ?? 0;
  const cached = globalThis.__yigongtiDataset;
  if (cached && cached.generation === generation) return cached.dataset;
  globalThis.__yigongtiDataset = { generation, dataset: loadDataset(process.cwd()) };
  return globalThis.__yigongtiDataset.dataset;
}
