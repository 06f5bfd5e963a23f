/**
 * Astro's MDX compiler as a build uses it, in-process: the @astrojs/mdx integration exactly as astro.config.mjs
 * configures it (its remark and rehype plugins, after Astro's markdown defaults), set up through Astro's integration
 * hooks, and the Vite plugin it hands the build (`@mdx-js/rollup`), ready to transform a file.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import config from '../../astro.config.mjs';

export type MdxTransform = (code: string, id: string, options?: { ssr?: boolean }) => Promise<{ code: string; meta?: unknown } | undefined>;

/** The MDX integration's Vite plugin for the project at `root`, or undefined when astro.config.mjs has no MDX. */
export async function astroMdxPlugin(root: string): Promise<{ name: string; transform: MdxTransform } | undefined> {
  const integration = (config.integrations ?? []).flat().find((i): i is AstroIntegration => !!i && i.name === '@astrojs/mdx');
  if (!integration) return undefined;
  const hooks = integration.hooks as Record<string, (params: any) => unknown>;
  const plugins: any[] = [];
  const astroConfig = { root: pathToFileURL(root + '/'), srcDir: pathToFileURL(join(root, 'src/')), markdown: markdownConfigDefaults, experimental: {} };
  await hooks['astro:config:setup']({
    config: astroConfig,
    updateConfig: (c: { vite?: { plugins?: any[] } }) => plugins.push(...(c.vite?.plugins ?? [])),
    addPageExtension: () => {},
    addContentEntryType: () => {},
    addRenderer: () => {},
  });
  await hooks['astro:config:done']({ config: astroConfig, logger: { warn: () => {}, info: () => {}, error: () => {}, debug: () => {} } });
  const plugin = plugins.find((p) => p.name === '@mdx-js/rollup');
  plugin?.configResolved({ build: { sourcemap: false }, plugins: [] });
  return plugin;
}
