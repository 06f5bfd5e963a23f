/**
 * The glossary and the guide: an anchored entry for every term, every link on them resolving to a built page (and
 * anchor), and the guide linking its terms to the glossary and to real referral guides.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VIEWPORTS } from '../support/browser';
import { builtSiteInBrowser } from '../support/built-site';
import { loadDataset } from '../../src/data/read-sources';

const DIST = resolve('dist');
/** The terms as data/glossary/ holds them. */
const glossary = loadDataset(process.cwd()).glossary;
const env = builtSiteInBrowser();

/** Why an internal link would not work in the built site, or null when it does. */
function brokenBecause(href: string): string | null {
  const url = new URL(href, 'http://site.invalid/');
  if (!url.pathname.endsWith('/')) return 'page link without trailing slash';
  const file = join(DIST, decodeURIComponent(url.pathname), 'index.html');
  if (!existsSync(file)) return 'no built page';
  const id = decodeURIComponent(url.hash.slice(1));
  if (id && !readFileSync(file, 'utf8').includes(`id="${id}"`)) return `no #${id} on the page`;
  return null;
}

async function internalLinks(path: string, selector: string): Promise<string[]> {
  const page = await env.page();
  await page.goto(`${env.server.url}${path}`);
  const hrefs = await page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.startsWith('/') || h.startsWith('#')).map((h) => (h.startsWith('#') ? `${path}${h}` : h)))];
}

describe('/glossary/', () => {
  it('has an anchored entry, headed by the term, for every term in the data', async () => {
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(`${env.server.url}/glossary/`);
    for (const term of glossary) {
      await expect(page.locator(`section#${term.id} h2`).innerText(), term.id).resolves.toBe(term.term);
      await expect(page.locator(`section#${term.id}`).innerText()).resolves.toContain(term.definition);
    }
    await expect(page.locator('section.glossary-entry').count()).resolves.toBe(glossary.length);
  });

  it('shows the entry a link points at (/glossary/#family-doctor) on a phone', async () => {
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(`${env.server.url}/glossary/#family-doctor`);
    await expect(page.locator('#family-doctor h2').isVisible()).resolves.toBe(true);
    const top = await page.locator('#family-doctor').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(VIEWPORTS.phone.height / 2);
  });

  it('links every term only to pages and anchors that exist', async () => {
    const links = await internalLinks('/glossary/', 'main a[href]');
    expect(links.length).toBeGreaterThan(glossary.length);
    const broken = links.map((href) => ({ href, why: brokenBecause(href) })).filter((l) => l.why);
    expect(broken).toEqual([]);
  });
});

describe('/guide/', () => {
  it('explains the four principles, the family doctor, referral and green channels, each linked to its glossary entry', async () => {
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(`${env.server.url}/guide/`);
    for (const [section, term] of [
      ['primary-first', 'primary-first'],
      ['referral', 'two-way-referral'],
      ['acute-chronic', 'acute-chronic'],
      ['up-down-linkage', 'up-down-linkage'],
      ['family-doctor', 'family-doctor'],
      ['green-channel', 'green-channel'],
    ]) {
      await expect(page.locator(`section#${section} h2`).count(), section).resolves.toBe(1);
      await expect(page.locator(`a[href="/glossary/#${term}"]`).count(), term).resolves.toBeGreaterThan(0);
    }
    await expect(page.locator('section#how-to-refer ol.steps li').count()).resolves.toBeGreaterThanOrEqual(4);
  });

  it('points at real referral guides and glossary entries that exist', async () => {
    const referral = await internalLinks('/guide/', '#guide-referral-groups a');
    // Every group has a referral guide, and the guide lists them all (up to its cap of 40).
    expect(referral.length).toBe(Math.min(loadDataset(process.cwd()).groups.length, 40));
    for (const href of referral) expect(href).toMatch(/^\/groups\/[a-z0-9-]+\/referral\/$/);
    const broken = (await internalLinks('/guide/', 'main a[href]')).map((href) => ({ href, why: brokenBecause(href) })).filter((l) => l.why);
    expect(broken).toEqual([]);
  });

  it('carries the finder: a township health centre leads to its group\'s referral guide; without JavaScript, to the lists', async () => {
    const data = loadDataset(process.cwd());
    const membership = data.groups.flatMap((g) => g.members.map((m) => ({ group: g, institution: data.institutions.find((i) => i.id === m.institution)! })))[0];
    expect(membership, 'the data names at least one member institution').toBeDefined();
    const page = await env.page(VIEWPORTS.phone);
    await page.goto(`${env.server.url}/guide/`);
    await page.locator('#finder input[type="search"]').fill(membership.institution.name);
    const referral = page.locator(`#finder a[href="/groups/${membership.group.id}/referral/"]`).first();
    await referral.waitFor();
    await referral.click();
    await page.waitForURL(`**/groups/${membership.group.id}/referral/`);

    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    const plain = await context.newPage();
    await plain.goto(`${env.server.url}/guide/`);
    await expect(plain.locator('#finder a[href="/groups/"]').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
