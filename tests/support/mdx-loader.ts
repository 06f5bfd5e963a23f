/**
 * The content loader of the editors' MDX (src/data/mdx-loader.ts) run in-process, as Astro's content layer runs it
 * in a build: a project folder, a content store (kept between loads, as `astro dev` keeps it, or new for each load,
 * as `npm run build` starts), Astro's default Markdown settings. Frontmatter is not validated here (Astro does that
 * with the collection's schema); what the loader stores, renders, refuses and logs is.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';
import { mdxLoader } from '../../src/data/mdx-loader';

export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  digest?: string;
  rendered?: { html: string; metadata?: { headings?: { depth: number; slug: string; text: string }[] } };
}

/** A content store of one collection, as Astro's DataStore behaves for a loader. */
export class Store {
  readonly entries = new Map<string, StoredEntry>();
  keys = () => [...this.entries.keys()];
  get = (id: string) => this.entries.get(id);
  has = (id: string) => this.entries.has(id);
  set = (entry: StoredEntry) => (this.entries.set(entry.id, entry), true);
  delete = (id: string) => void this.entries.delete(id);
}

/**
 * Loads `content/<collection>/` of the project at `root` into `store` (a new one unless given), with `env` naming the
 * cache of `npm run build` or not. Returns the store and what the loader logged.
 */
export async function loadMdx(root: string, collection: 'documents' | 'updates', options: { store?: Store; env?: Record<string, string | undefined> } = {}) {
  const store = options.store ?? new Store();
  const logged: string[] = [];
  const log = (message: string) => void logged.push(message);
  const context = {
    collection,
    store,
    meta: new Map(),
    logger: { info: log, warn: log, error: log, debug: log, label: collection, options: {}, fork: () => context.logger },
    config: { root: pathToFileURL(root + '/'), markdown: markdownConfigDefaults, experimental: { headingIdCompat: false } },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: unknown) => createHash('sha256').update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex').slice(0, 16),
    renderMarkdown: () => {
      throw new Error('not used');
    },
  } as unknown as LoaderContext;
  await mdxLoader({ base: `./content/${collection}`, env: options.env ?? {} }).load(context);
  return { store, logged };
}
