/**
 * A preview build (no public SITE_URL) writes its sitemap with site paths instead of the local address, which would
 * lead nowhere anywhere else (src/publishing/site-address.ts). The sitemap integration needs an absolute site, so its
 * files are mended after it has written them; a published build's files are left as they are.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicSite, withoutLocalOrigin } from '../publishing/site-address';

export function previewAddressesIntegration(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'yigongti-preview-addresses',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': ({ dir }) => {
        if (!site || publicSite(site)) return;
        const out = fileURLToPath(dir);
        for (const name of readdirSync(out)) {
          if (!/^sitemap.*\.xml$/.test(name)) continue;
          const file = join(out, name);
          writeFileSync(file, withoutLocalOrigin(readFileSync(file, 'utf8'), site));
        }
      },
    },
  };
}
