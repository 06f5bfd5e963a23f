// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { searchIndexIntegration } from './src/search/build/integration.ts';
import { dataReloadIntegration } from './src/integrations/data-reload.ts';
import { siteFilesIntegration } from './src/integrations/site-files.ts';
import { previewWarning, readSiteAddress } from './src/publishing/site-address.ts';
import { previewAddressesIntegration } from './src/integrations/preview-addresses.ts';
import { incrementalIntegration, incrementalReport, wholeSiteSitemap } from './src/publishing/incremental-integration.ts';
import { generatedFilesIntegration } from './src/integrations/generated-files.ts';

// `npm run build` builds into a staging folder and swaps it in only when everything succeeded (scripts/build.ts).
const outDir = process.env.YIGONGTI_OUT_DIR ?? './dist';
const cacheDir = process.env.YIGONGTI_CACHE_DIR ?? './node_modules/.astro';

// The site's address is one setting: canonical links, RSS, sitemap, citations, CSV URL columns, share cards and the
// referral sheets' QR codes all come from it. Unset (or local), the build is a preview: it says so once, loudly, and
// nothing shareable carries the local address (src/publishing/site-address.ts), the sitemap included.
const siteAddress = readSiteAddress(process.env.SITE_URL);
if (!siteAddress.public && process.argv.includes('build')) console.warn(`\n${previewWarning()}\n`);

export default defineConfig({
  site: siteAddress.build.href,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Every page carries its policy in a <meta http-equiv>, for hosts that ignore _headers; Astro hashes its own
  // scripts and styles. The same directives as src/publishing/site-files/_headers, except frame-ancestors, which only works as a header.
  experimental: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  integrations: [
    // No MDX integration: MDX is content, never code. The bodies in content/ are rendered to HTML by the content loader
    // (src/data/mdx-loader.ts), behind the same policy as `npm run check`, and stored as data, not bundled as modules.
    // Incremental publishing (`npm run build`): before the sitemap and search index, so they read the whole site.
    incrementalIntegration(),
    // Downloads under /data/ and the finder's shards: written after the pages, outside Astro's page pipeline; served in dev.
    generatedFilesIntegration(),
    // The 404 page is served for missing addresses, and embed views stand in for their indicator page: not pages to list.
    // Handed every page of the site, not only those an incremental build rendered.
    wholeSiteSitemap(sitemap({ filter: (page) => !/^\/404(?:\.html|\/)?$/.test(new URL(page).pathname) && !new URL(page).pathname.startsWith('/embed/') })),
    // After the sitemap: a preview build's sitemap lists site paths, not the local address.
    previewAddressesIntegration(),
    searchIndexIntegration(),
    dataReloadIntegration(),
    // _headers from src/ (never from public/), and public/ checked before it is copied into the site.
    siteFilesIntegration(),
    // Last: the manifest of what this build wrote, the search index's files included.
    incrementalReport(),
  ],
  server: { port: 4321, host: '127.0.0.1' },
  vite: {
    // The server bundle only renders the pages at build time and is then thrown away: Rollup's tree-shaking of it took
    // about a seventh of a build's CPU and saved nothing a reader downloads (the site's files are byte for byte the same
    // without it, measured 2026-12-07: 12.4 -> 10.7 s of CPU for a whole build). The browser's bundles are still shaken.
    plugins: [
      { name: 'yigongti-no-server-treeshake', config: (_config, env) => (env.isSsrBuild ? { build: { rollupOptions: { treeshake: false } } } : undefined) },
    ],
    build: { assetsInlineLimit: 0 },
    // Bundle zod from astro/zod's own copy (zod 3), so the build validates with the same zod as `npm run check`;
    // left external, the built chunks would import the top-level zod 4 that @astrojs/rss and sitemap bring.
    ssr: { noExternal: ['zod'] },
  },
});
