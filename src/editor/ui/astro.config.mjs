// @ts-check
// The editor's interface: a small Astro app of its own (one page, a React island), built by build.ts into a
// gitignored folder that the editor's server serves. The public site's config knows nothing of it: it ships no React.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  // Beside this file; the root, where the caches go, is outside src/ (build.ts).
  srcDir: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  build: { format: 'file', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [react()],
  vite: { build: { chunkSizeWarningLimit: 4000 } },
});
