/**
 * `npm run dev`: data/ is read outside Astro's content store, so Vite does not know pages depend on it. When a file
 * under data/ changes, bump the generation src/data/current.ts checks and reload the browser.
 */
import type { AstroIntegration } from 'astro';
import { resolve, sep } from 'node:path';

export function dataReloadIntegration(): AstroIntegration {
  return {
    name: 'yigongti-data-reload',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'yigongti-data-reload',
                configureServer(server) {
                  const dataDir = resolve('data');
                  server.watcher.add(dataDir);
                  const changed = (file: string) => {
                    if (!resolve(file).startsWith(dataDir + sep)) return;
                    globalThis.__yigongtiDataGeneration = (globalThis.__yigongtiDataGeneration ?? 0) + 1;
                    server.ws.send({ type: 'full-reload' });
                  };
                  server.watcher.on('change', changed).on('add', changed).on('unlink', changed);
                },
              },
            ],
          },
        });
      },
    },
  };
}
