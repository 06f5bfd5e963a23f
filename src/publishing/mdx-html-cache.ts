/**
 * The HTML each MDX file was rendered to (src/data/mdx-html.ts), kept between builds, so that `npm run build` renders
 * only the MDX files that changed. Astro's content store, which also skips unchanged files, lives in a cache folder
 * each `npm run build` starts afresh (scripts/build.ts), so without this every build rendered all 2,630 national files.
 *
 * Only a rendering that succeeded is kept, and only under a key made of the code's fingerprint (every source file,
 * public/, the config and the lock file, src/publishing/incremental-build.ts `codeFingerprint`, without the settings,
 * which the renderer does not read), the file's path, and a hash of its bytes: the same bytes rendered by the same code
 * give the same HTML, so the site is byte for byte what rendering them again would make. A text the MDX policy refuses
 * (src/data/mdx-policy.ts) is never kept, so it is refused again by every build; a text is never taken for another
 * text's HTML, nor HTML made by other code (another policy) reused.
 *
 * A kept rendering is a JSON file holding its key, the HTML with its metadata and a hash of them: one that cannot be
 * read, does not parse or does not match its hash is ignored and the file rendered again. Renderings no build used are
 * removed once a collection is loaded (`prune`); each collection keeps its own folder.
 *
 * Used only by `npm run build` (scripts/build.ts names the folder and the fingerprint in the environment); `astro dev`
 * and a bare `astro build` render every file once per content store, as Astro does.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeAllBut, writeWhole } from '../data/write-whole';
import type { RenderedMdx } from '../data/mdx-html';

/** The environment variable naming the folder of the kept renderings. */
export const MDX_CACHE_ENV = 'YIGONGTI_MDX_CACHE';
/** The environment variable holding the code fingerprint they are kept for. */
export const MDX_CACHE_CODE_ENV = 'YIGONGTI_MDX_CACHE_CODE';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The kept renderings of one code fingerprint in one folder. */
export class MdxHtmlCache {
  /** The kept renderings this build used or wrote, by file name: the rest are removed by `prune`. */
  private readonly used = new Set<string>();
  /** How many renderings were taken from the cache and how many made, for the log. */
  hits = 0;
  misses = 0;

  constructor(
    readonly dir: string,
    private readonly code: string,
  ) {}

  private key(path: string, source: string): string {
    return sha256(`${this.code}\0${path}\0${source}`);
  }

  /** The HTML these very bytes rendered to with this code, or undefined. */
  get(path: string, source: string): RenderedMdx | undefined {
    const key = this.key(path, source);
    const name = `${key.slice(0, 40)}.json`;
    try {
      const kept = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as { key?: unknown; check?: unknown; rendered?: RenderedMdx };
      const rendered = kept.rendered;
      if (kept.key !== key || !rendered || typeof rendered.html !== 'string' || kept.check !== sha256(JSON.stringify(rendered))) return undefined;
      this.used.add(name);
      this.hits++;
      return rendered;
    } catch {
      return undefined;
    }
  }

  /** Keeps what these bytes rendered to (written whole or not at all). */
  put(path: string, source: string, rendered: RenderedMdx): void {
    const key = this.key(path, source);
    const name = `${key.slice(0, 40)}.json`;
    try {
      writeWhole(join(this.dir, name), JSON.stringify({ key, check: sha256(JSON.stringify(rendered)), rendered }));
      this.used.add(name);
    } catch {
      // Not kept: the next build renders the file again.
    }
    this.misses++;
  }

  /** Removes the kept renderings this build neither used nor wrote (of files changed or gone, or of other code). */
  prune(): void {
    removeAllBut(this.dir, this.used);
  }
}

/** The cache of one collection named by the environment (`npm run build`), or undefined. */
export function mdxHtmlCache(collection: string, env: Record<string, string | undefined> = process.env): MdxHtmlCache | undefined {
  const dir = env[MDX_CACHE_ENV];
  const code = env[MDX_CACHE_CODE_ENV];
  return dir && code ? new MdxHtmlCache(join(dir, collection), code) : undefined;
}
