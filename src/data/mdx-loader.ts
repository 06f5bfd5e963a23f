/**
 * The content loader of the editors' MDX (src/content.config.ts): each `*.mdx` file directly in a folder becomes an
 * entry whose body is stored as HTML (`rendered`) in Astro's content store, as Astro's glob loader stores a Markdown
 * file's, so `render(entry)` outputs that HTML. The bodies are data, not JavaScript modules: with Astro's MDX
 * integration, Rollup bundled every file as a module of its own (2,630 at national size), which cost every build
 * about 15 s of CPU whatever had changed.
 *
 * The body goes through the MDX policy before anything renders it (src/data/mdx-html.ts): a text the policy refuses
 * stops the build naming the file and line, as `npm run check` does. The frontmatter is read as the MDX integration
 * read it (Astro's parseFrontmatter, blanked out of the text so that lines are the file's) and validated against the
 * collection's schema by Astro. An entry whose bytes did not change since the content store last loaded it is kept as
 * it is; `npm run build`, whose content store is new each time, takes unchanged files' HTML from its cache
 * (src/publishing/mdx-html-cache.ts).
 *
 * As `npm run check` reads these folders (src/data/validate/files.ts): files directly in the folder, the id is the
 * file's name, and a symbolic link is refused, never followed.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { renderMdx, type MdxHtmlOptions } from './mdx-html';
import { MDX_CACHE_CODE_ENV, mdxHtmlCache } from '../publishing/mdx-html-cache';
import { codeFingerprint } from '../publishing/incremental-build';
import { mdxMessages, unreadableMessages } from '../i18n/validation';

const EXTENSION = '.mdx';

/** A refusal as `npm run check` words it (src/i18n/validation.ts): the file and line, Chinese, then English. */
const refusal = (where: string, message: { zh: string; en: string }) => new Error(`${where}: ${message.zh} / ${message.en}`);

/** The code the rendering depends on, for the content store's digest: `npm run build` names it, otherwise computed once. */
const codeByRoot = new Map<string, string>();
function renderingCode(root: string, env: Record<string, string | undefined>): string {
  const named = env[MDX_CACHE_CODE_ENV];
  if (named) return named;
  let code = codeByRoot.get(root);
  if (!code) codeByRoot.set(root, (code = codeFingerprint(root, {})));
  return code;
}

/**
 * `base`: the folder, relative to the project. `env`: where `npm run build` names the cache of rendered HTML and the
 * code fingerprint (src/publishing/mdx-html-cache.ts).
 */
export function mdxLoader(options: { base: string; env?: Record<string, string | undefined> }): Loader {
  const env = options.env ?? process.env;
  return {
    name: 'yigongti-mdx-loader',
    load: async ({ collection, config, store, logger, parseData, generateDigest, watcher }: LoaderContext) => {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base);
      const markdown = config.markdown;
      const renderOptions: MdxHtmlOptions = { syntaxHighlight: markdown.syntaxHighlight as MdxHtmlOptions['syntaxHighlight'], shikiConfig: markdown.shikiConfig, headingIdCompat: config.experimental.headingIdCompat };
      const cache = mdxHtmlCache(collection, env);
      const project = renderingCode(root, env);

      /** Loads one file into the store (the file's name, in `dir`); throws when the file is refused. */
      async function sync(name: string): Promise<string | undefined> {
        const path = join(dir, name);
        const file = relative(root, path).split(sep).join('/');
        const stat = lstatSync(path, { throwIfNoEntry: false });
        if (stat?.isSymbolicLink()) throw refusal(file, unreadableMessages.link());
        if (!stat?.isFile()) return undefined;
        const id = name.slice(0, -EXTENSION.length);
        const contents = readFileSync(path, 'utf8');
        const digest = generateDigest(`${project}\0${contents}`);
        const existing = store.get(id);
        if (existing?.digest === digest && existing.rendered) return id;

        let parsed: ReturnType<typeof parseFrontmatter>;
        try {
          parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
        } catch (error) {
          const e = error as Error & { reason?: string; mark?: { line?: number } };
          throw refusal(`${file}:${(e.mark?.line ?? 0) + 2}`, mdxMessages.brokenFrontmatter(e.reason ?? e.message));
        }
        // The policy first: renderMdx refuses the text before anything is made of it.
        let rendered = cache?.get(file, contents);
        if (!rendered) {
          rendered = await renderMdx(parsed.content, path, root, renderOptions);
          cache?.put(file, contents, rendered);
        }
        const data = await parseData({ id, data: parsed.frontmatter, filePath: path });
        store.set({ id, data, body: parsed.content.trim(), filePath: file, digest, rendered });
        return id;
      }

      const untouched = new Set(store.keys());
      const names = readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.name.endsWith(EXTENSION) && (entry.isFile() || entry.isSymbolicLink()))
        .map((entry) => entry.name)
        .sort();
      for (const name of names) {
        const id = await sync(name);
        if (id) untouched.delete(id);
      }
      for (const id of untouched) store.delete(id);
      if (cache) {
        logger.info(`${cache.hits} of ${cache.hits + cache.misses} MDX files unchanged since they were last rendered`);
        cache.prune();
      }

      // `astro dev`: an edited, added or removed file is loaded again (an error is shown, the build is not running).
      if (!watcher) return;
      watcher.add(dir);
      const ours = (path: string) => dirname(path) === dir && path.endsWith(EXTENSION);
      const reload = async (path: string) => {
        if (!ours(path)) return;
        try {
          if (await sync(basename(path))) logger.info(`Reloaded ${relative(root, path)}`);
        } catch (error) {
          store.delete(basename(path, EXTENSION));
          logger.error((error as Error).message);
        }
      };
      watcher.on('change', reload);
      watcher.on('add', reload);
      watcher.on('unlink', (path) => {
        if (ours(path)) store.delete(basename(path, EXTENSION));
      });
    },
  };
}
