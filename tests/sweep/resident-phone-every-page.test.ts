/**
 * The full 360 px sweep (`npm run test:full`): in 大字模式 no page of the site scrolls sideways on a 360 px phone, and
 * every embed view fits a 360 px frame. `npm test` tries one page of each template (tests/browser/resident-phone.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { builtSiteInBrowser } from '../support/built-site';
import { builtPages, isEmbed } from '../support/site-pages';
import { tooWide } from '../support/phone-width';

const env = builtSiteInBrowser();
const pages = builtPages().filter((p) => !isEmbed(p.url));
const embeds = builtPages().filter((p) => isEmbed(p.url));

describe('大字模式 on a 360 px phone, every page', () => {
  it(`never makes any of the ${pages.length} pages wider than a 360 px screen`, { timeout: 20 * 60_000 }, async () => {
    expect(await tooWide(env.browser, env.server.url, pages, { large: true })).toEqual([]);
  });

  it(`keeps each of the ${embeds.length} embed views within a 360 px frame`, { timeout: 10 * 60_000 }, async () => {
    expect(embeds.length).toBeGreaterThan(0);
    expect(await tooWide(env.browser, env.server.url, embeds, { large: false })).toEqual([]);
  });
});
