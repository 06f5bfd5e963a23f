/**
 * The search page's engine (src/search/browser/engine.ts) run in Node over a built dist/: `fetch` answers from the
 * folder's files, so the regression set can be checked in-process in a few seconds instead of one Chromium page per
 * query. Counts what each query fetched, as the browser would (files are stored gzip-compressed).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface NodeEngine {
  search: (query: string) => Promise<{ urls: string[]; corrected?: string; suggestions: string[]; fetched: string[]; bytes: number }>;
}

/** An engine over `dist`; each call to `fresh()` starts with nothing fetched, as a fresh page does. */
export async function engineOver(dist: string): Promise<{ fresh: () => Promise<NodeEngine> }> {
  const fetched: string[] = [];
  let bytes = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : new URL(input.url).pathname;
    if (!path.startsWith('/')) return realFetch(input as string);
    const file = join(dist, decodeURI(path));
    fetched.push(path);
    if (!existsSync(file) || !statSync(file).isFile()) return new Response('not found', { status: 404 });
    const body = readFileSync(file);
    // As a static host serves it: .bin files are stored gzip-compressed, JSON is compressed on the way.
    bytes += file.endsWith('.json') ? gzipSync(body).length : body.length;
    return new Response(body);
  }) as typeof fetch;
  const { createEngine } = await import('../../src/search/browser/engine');
  return {
    async fresh() {
      const engine = await createEngine();
      return {
        async search(query: string) {
          fetched.length = 0;
          bytes = 0;
          const outcome = await engine.search(query, {});
          const hits = await Promise.all(outcome.pages.slice(0, 10).map((p) => p.load()));
          const shown = hits.filter(outcome.holds);
          return { urls: shown.map((h) => h.url), corrected: outcome.corrected, suggestions: outcome.suggestions.map((s) => s.url), fetched: [...fetched], bytes };
        },
      };
    },
  };
}
