/**
 * Collections: the editors' JSON in `data/` and MDX in `content/`. Schemas live in `src/schemas/`, one per concern.
 * JSON collections come from one validated read of `data/` (src/lib/read-sources.ts), so cross-file rules
 * (references resolve, ids unique, excerpts contain their figures) fail the build with the same messages as `npm run check`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { dataCollections, documentSchema, updateSchema, type DataCollection } from './schemas';
import { loadDataset } from './lib/read-sources';
import type { Entries } from './lib/validate';

let dataset: Entries | undefined;

function fromData<C extends DataCollection>(name: C) {
  return defineCollection({
    loader: async () => {
      dataset ??= loadDataset(process.cwd());
      return dataset[name] as { id: string }[];
    },
    schema: dataCollections[name],
  });
}

export const collections = {
  regions: fromData('regions'),
  institutions: fromData('institutions'),
  groups: fromData('groups'),
  indicators: fromData('indicators'),
  observations: fromData('observations'),
  corrections: fromData('corrections'),
  documents: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/documents' }), schema: documentSchema }),
  updates: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/updates' }), schema: updateSchema }),
};
