/**
 * Collections: only the editors' MDX in `content/`, its bodies rendered to HTML by our loader (src/data/mdx-loader.ts,
 * behind the MDX policy). The JSON in `data/` is read and validated once by src/data/current.ts, which also validates
 * these files' frontmatter with the same schemas.
 */
import { defineCollection } from 'astro:content';
import { mdxLoader } from './data/mdx-loader';
import { documentSchema, updateSchema } from './schemas';

// Files directly in each folder, as `npm run check` reads them (src/data/validate/files.ts): a file in a subfolder is
// reported there and never published here.

export const collections = {
  documents: defineCollection({ loader: mdxLoader({ base: './content/documents' }), schema: documentSchema }),
  updates: defineCollection({ loader: mdxLoader({ base: './content/updates' }), schema: updateSchema }),
};
