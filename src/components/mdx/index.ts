/** The components MDX texts may use; their names and props must match MDX_COMPONENTS in src/data/mdx-policy.ts. */
import Note from './Note.astro';

export const mdxComponents = { Note };
