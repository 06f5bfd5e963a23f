/**
 * What Astro's MDX plugin (`@mdx-js/rollup`, from @astrojs/mdx) made of each MDX file, kept between builds, so that
 * `npm run build` compiles only the MDX files that changed. At national size (2,630 files) compiling them all took
 * about 5 s of every build's bundling, whatever had changed.
 *
 * Only a compilation that succeeded is kept, and only under a key made of the code's fingerprint (every source file,
 * public/, the config and the lock file, src/publishing/incremental-build.ts `codeFingerprint`, without the settings,
 * which the compiler does not read), the file's path, and a hash of its bytes: the same bytes compiled by the same
 * code give the same module, so the site is byte for byte what compiling them again would make. A text the MDX policy
 * refuses (src/data/mdx-policy.ts) is never kept, so it is refused again by every build; a text is never taken for
 * another text's module, nor a module made by other code (another policy) reused.
 *
 * A kept module is a JSON file holding its key, the compiler's output (code, source map, Astro's metadata) and a hash
 * of that output: one that cannot be read, does not parse or does not match its hash is ignored and the file compiled
 * again. Modules no build used are removed when a build's bundle is done (`prune`).
 *
 * Used only by `npm run build` (scripts/build.ts names the folder and the fingerprint in the environment); `astro dev`
 * and a bare `astro build` compile every file as Astro does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../data/write-whole';
import type { Plugin } from 'vite';

/** The environment variable naming the folder of the kept modules. */
export const MDX_CACHE_ENV = 'YIGONGTI_MDX_CACHE';
/** The environment variable holding the code fingerprint they are kept for. */
export const MDX_CACHE_CODE_ENV = 'YIGONGTI_MDX_CACHE_CODE';
/** The name of Astro's MDX compiler plugin (node_modules/@astrojs/mdx/dist/vite-plugin-mdx.js). */
const MDX_PLUGIN = '@mdx-js/rollup';

/** What the MDX plugin's transform returns: the module's code, its source map (when asked for) and Astro's metadata. */
interface Compiled {
  code: string;
  map?: unknown;
  meta?: unknown;
}

type Transform = (this: unknown, code: string, id: string, options?: { ssr?: boolean }) => Promise<Compiled | undefined | null> | Compiled | undefined | null;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The kept modules of one code fingerprint in one folder. */
export class MdxCompileCache {
  /** The kept modules this build used or wrote, by file name: the rest are removed by `prune`. */
  private readonly used = new Set<string>();
  /** How many modules were taken from the cache and how many compiled, for the log. */
  hits = 0;
  misses = 0;

  constructor(
    readonly dir: string,
    private readonly code: string,
  ) {}

  private key(id: string, source: string, ssr: boolean): string {
    return sha256(`${this.code}\0${id}\0${ssr ? 'ssr' : 'client'}\0${source}`);
  }

  /** The module these very bytes compiled to with this code, or undefined. */
  get(id: string, source: string, ssr: boolean): Compiled | undefined {
    const key = this.key(id, source, ssr);
    const name = `${key.slice(0, 40)}.json`;
    try {
      const kept = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as { key?: unknown; check?: unknown; compiled?: Compiled };
      const compiled = kept.compiled;
      if (kept.key !== key || !compiled || typeof compiled.code !== 'string' || kept.check !== sha256(JSON.stringify(compiled))) return undefined;
      this.used.add(name);
      this.hits++;
      return compiled;
    } catch {
      return undefined;
    }
  }

  /** Keeps what these bytes compiled to (written whole or not at all). */
  put(id: string, source: string, ssr: boolean, result: Compiled): void {
    const key = this.key(id, source, ssr);
    const name = `${key.slice(0, 40)}.json`;
    const compiled: Compiled = { code: result.code, ...(result.map != null ? { map: result.map } : {}), ...(result.meta !== undefined ? { meta: result.meta } : {}) };
    try {
      writeWhole(join(this.dir, name), JSON.stringify({ key, check: sha256(JSON.stringify(compiled)), compiled }));
      this.used.add(name);
    } catch {
      // Not kept: the next build compiles the file again.
    }
    this.misses++;
  }

  /** Removes the kept modules this build neither used nor wrote (of files changed or gone, or of other code). */
  prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) if (!this.used.has(name)) rmSync(join(this.dir, name), { force: true });
  }
}

/**
 * The Vite plugin that puts the cache in front of Astro's MDX compiler: when the build starts it wraps the compiler's
 * transform, so a file whose bytes were compiled before by this code is taken from the cache instead. Does nothing
 * unless `env` names a folder and a fingerprint (scripts/build.ts), and nothing outside `astro build`.
 */
export function mdxCompileCache(env: Record<string, string | undefined> = process.env): Plugin {
  const dir = env[MDX_CACHE_ENV];
  const code = env[MDX_CACHE_CODE_ENV];
  let cache: MdxCompileCache | undefined;
  return {
    name: 'yigongti:mdx-compile-cache',
    configResolved(config) {
      if (!dir || !code || config.command !== 'build') return;
      const mdx = config.plugins.find((p) => p.name === MDX_PLUGIN) as { transform?: Transform | { handler: Transform } } | undefined;
      if (!mdx?.transform) throw new Error(`yigongti:mdx-compile-cache: Astro's MDX plugin (${MDX_PLUGIN}) was not found; has @astrojs/mdx changed?`);
      const hook = mdx.transform;
      const compile = typeof hook === 'function' ? hook : hook.handler;
      const kept = (cache = new MdxCompileCache(dir, code));
      const cached: Transform = async function (this: unknown, source, id, options) {
        if (!id.endsWith('.mdx')) return compile.call(this, source, id, options);
        const ssr = !!options?.ssr;
        const hit = kept.get(id, source, ssr);
        if (hit) return hit;
        const result = await compile.call(this, source, id, options);
        if (result && typeof result.code === 'string') kept.put(id, source, ssr, result);
        return result;
      };
      mdx.transform = typeof hook === 'function' ? cached : { ...hook, handler: cached };
    },
    buildEnd(error) {
      // The bundle that compiled MDX files (the server's), when it succeeded: what no file used is removed.
      if (!cache || error || cache.hits + cache.misses === 0) return;
      console.log(`[yigongti-mdx-compile-cache] ${cache.hits} of ${cache.hits + cache.misses} MDX files unchanged since they were last compiled`);
      cache.prune();
    },
  };
}
