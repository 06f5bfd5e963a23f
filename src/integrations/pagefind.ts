/** Builds the Pagefind search index into the output folder once Astro has written every page. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'yigongti-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        if (!index) fail('createIndex', errors);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) fail('addDirectory', added.errors);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) fail('writeFiles', written.errors);
        logger.info(`indexed ${added.page_count} pages`);
        await pagefind.close();
      },
    },
  };
}
