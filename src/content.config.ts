/**
 * Collections: only the editors' MDX in `content/` (rendered by Astro). The JSON in `data/` is read and validated
 * once by src/data/current.ts, which also validates these files' frontmatter with the same schemas.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema, updateSchema } from './schemas';

// Files directly in each folder, as `npm run check` reads them (src/data/validate/files.ts): a file in a subfolder is
// reported there and never published here.

export const collections = {
  documents: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/documents' }), schema: documentSchema }),
  updates: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/updates' }), schema: updateSchema }),
};
