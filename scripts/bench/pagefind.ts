/**
 * `npm run bench -- search --compare pagefind`: the search regression set (tests/support/search-queries.ts) through
 * plain Pagefind (the devDependency, `--force-language zh-cn`, no configuration) on a copy of the same dist/, so the
 * choice of the site's own index (src/search/) stays measured as both move. For each engine, on a fresh page per
 * query in a bare Chromium: top-3 recall of the answerable queries, the share of must-find-nothing queries that show
 * nothing, the time from the query to its first three results, and the bytes a first search fetches in all (scripts
 * gzip as a static host serves them, index files as stored).
 *
 * Pagefind is timed from `search()` to the data of its first three results, after `init()` has loaded its wasm and
 * entry (ours from typing to the results painted, after the engine is ready): Pagefind is spared the painting.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBare } from './bare-chromium';
import { serveSite } from '../../tests/support/server';

export interface EngineRun {
  /** Per query: milliseconds, bytes in all, first results (paths). */
  ms: number[];
  bytes: number[];
  tops: string[][];
}

/** The harness page: Pagefind loaded and initialised on open, then `window.pagefindSearch(q)` times one query. */
const HARNESS = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>pagefind bench</title>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
window.pagefindSearch = async (q) => {
  const start = performance.now();
  const found = await pagefind.search(q);
  const top = await Promise.all(found.results.slice(0, 3).map((r) => r.data()));
  const ms = performance.now() - start;
  return { ms, urls: top.map((d) => new URL(d.url, location.href).pathname) };
};
window.pagefindReady = true;
</script></html>`;

/** Indexes a copy of `dist` with plain Pagefind and runs every query on a fresh page. */
export async function runPagefind(dist: string, queries: string[]): Promise<EngineRun & { indexSeconds: number }> {
  const site = mkdtempSync(join(tmpdir(), 'pagefind-bench-'));
  try {
    cpSync(dist, site, { recursive: true });
    const started = Date.now();
    const cli = spawnSync(process.execPath, [resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', site, '--force-language', 'zh-cn'], { encoding: 'utf8' });
    if (cli.status !== 0) throw new Error(`pagefind failed: ${cli.stderr || cli.stdout}`);
    const indexSeconds = (Date.now() - started) / 1000;
    mkdirSync(join(site, 'pagefind-bench'), { recursive: true });
    writeFileSync(join(site, 'pagefind-bench', 'index.html'), HARNESS);
    // Pagefind 1.6 fetches its index in a worker, out of the page's resource timing: the server notes every request.
    const requested: string[] = [];
    const server = await serveSite(site, (path) => {
      requested.push(path);
      return {};
    });
    const bare = await launchBare();
    const sizes = new Map<string, number>();
    /** A file's bytes on the wire: scripts and JSON gzip as a static host serves them; Pagefind's index files as stored (compressed). */
    const wire = (url: string) => {
      if (!sizes.has(url)) {
        const file = join(site, decodeURIComponent(url));
        const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
        sizes.set(url, /\.m?js$|\.json$/.test(url) ? gzipSync(bytes).length : bytes.length);
      }
      return sizes.get(url)!;
    };
    const run: EngineRun = { ms: [], bytes: [], tops: [] };
    try {
      for (const query of queries) {
        requested.length = 0;
        const tab = await bare.open(`${server.url}/pagefind-bench/`);
        await tab.waitFor('window.pagefindReady === true', 20_000);
        await tab.evaluate('performance.setResourceTimingBufferSize(10000)');
        const result: { ms: number; urls: string[] } = await tab.evaluate(`window.pagefindSearch(${JSON.stringify(query)})`);
        run.ms.push(result.ms);
        run.bytes.push(requested.filter((url) => url.startsWith('/pagefind/')).reduce((n, url) => n + wire(url), 0));
        run.tops.push(result.urls);
        await tab.close();
      }
    } finally {
      await bare.close();
      await server.close();
    }
    return { ...run, indexSeconds };
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}
