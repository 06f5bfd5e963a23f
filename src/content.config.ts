/**
 * Collections: only the editors' MDX in `content/` (rendered by Astro). The JSON in `data/` is read and validated
 * once by src/data/current.ts, which also validates these files' frontmatter with the same schemas.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema, updateSchema } from './schemas';

export const collections = {
  documents: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/documents' }), schema: documentSchema }),
  updates: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/updates' }), schema: updateSchema }),
};
