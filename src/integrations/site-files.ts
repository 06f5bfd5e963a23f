/**
 * The site's own files at its root that are code, not content: `_headers` (security and cache headers for hosts that
 * read it) is written here from src/publishing/site-files/; /prefs.js and /favicon.svg are endpoints (src/pages/).
 * public/ is checked before the build copies it (src/data/validate/public-files.ts): a build with a script, an SVG,
 * a `_redirects` or a link in public/ stops, naming the file, as `npm run check` does. No `_redirects` is written:
 * the site has no redirects, and one taken from public/ could send every reader elsewhere.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPublicFiles, SYSTEM_FILES } from '../data/validate/public-files';

/** The headers file the build writes into the site (and docs/nginx.conf mirrors). */
export const HEADERS_SOURCE = fileURLToPath(new URL('../publishing/site-files/_headers', import.meta.url));

function removeSystemFiles(dir: string) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeSystemFiles(join(dir, entry.name));
    else if (SYSTEM_FILES.has(entry.name)) rmSync(join(dir, entry.name), { force: true });
  }
}

export function siteFilesIntegration(): AstroIntegration {
  return {
    name: 'yigongti-site-files',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const { problems } = readPublicFiles(fileURLToPath(config.root));
        if (!problems.length) return;
        const lines = problems.map((p) => `${p.file}: ${p.zh} / ${p.en}\n  → ${p.hint.zh}\n  → ${p.hint.en}`).join('\n');
        const message = `public/ 里有不能发布的文件 / public/ holds files the site cannot publish (npm run check lists them too):\n${lines}`;
        if (command === 'build') throw new Error(message);
        logger.warn(message);
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        // Whatever public/ held under these names never reaches the site (check and the hook above refuse it anyway).
        for (const name of ['_redirects', '_routes.json', '_worker.js', '.htaccess']) if (existsSync(join(out, name))) rmSync(join(out, name), { recursive: true, force: true });
        writeFileSync(join(out, '_headers'), readFileSync(HEADERS_SOURCE));
        removeSystemFiles(out);
      },
    },
  };
}
