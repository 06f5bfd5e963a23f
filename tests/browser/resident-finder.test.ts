/**
 * The home page finder on a 390 px phone, in Chromium on the built site, as a resident types: pinyin in full, its
 * initials, homophone typos from a pinyin keyboard; and when nothing is found, the counties covered, the 12320 hotline
 * and the full lists, which are also what the finder shows without JavaScript. Expected names are read from data/.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { builtSiteInBrowser } from '../support/built-site';

const env = builtSiteInBrowser();
const PHONE = { width: 390, height: 844 };

const json = (file: string) => JSON.parse(readFileSync(`data/${file}`, 'utf8')) as { id: string; name: string }[];
const named = (file: string, id: string) => json(file).find((x) => x.id === id)!.name;
const songzhuang = named('institutions/mengjin-2020-yigongti-plan.json', 'mengjin-songzhuang-health-centre');
const xiaolangdi = named('institutions/mengjin-2020-yigongti-plan.json', 'mengjin-xiaolangdi-health-centre');
const zizhong = named('regions/regions.json', 'zizhong');
const mengjin = named('regions/regions.json', 'mengjin');

/** WCAG 2.2 AA by axe-core, on the finder as it stands (results or the no-match answer, which page-wide checks never open). */
async function axeViolations(page: Page): Promise<string[]> {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const { violations } = await new AxeBuilder({ page }).include('.finder').withTags(tags).setLegacyMode(true).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const firstResult = (page: Page) => page.locator('.finder-result a[data-primary]').first();

async function search(page: Page, query: string) {
  const input = page.getByLabel('乡镇、卫生院或医院的名字');
  await input.fill('');
  await input.pressSequentially(query);
}

/** The status line, a polite live region, once it says `pattern` (the answer to the query last typed). */
const statusSays = (page: Page, pattern: RegExp) => expect.poll(() => page.getByRole('status').textContent()).toMatch(pattern);

describe('the home page finder on a phone', () => {
  it('finds a township typed in pinyin, in initials, and with homophone typos', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(env.server.url + '/');
    for (const [query, expected] of [
      ['songzhuang', songzhuang],
      ['szz', songzhuang],
      ['xiaolangdi', xiaolangdi],
      ['小狼底', xiaolangdi],
      ['宋庄', songzhuang],
    ]) {
      await search(page, query);
      await expect.poll(() => firstResult(page).textContent(), { message: query }).toBe(expected);
    }
    // A homophone result says it was found by sound, and still leads to the group and its referral guide.
    await statusSays(page, /读音相近/);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await expect(page.locator('.finder-result').first().getByRole('link', { name: /转诊指南/ }).getAttribute('href')).resolves.toMatch(/^\/groups\/.+\/referral\/$/);
    // One letter is not enough: the finder asks for more instead of listing a twentieth of the country.
    await search(page, 's');
    await statusSays(page, /至少输入 2 个字母/);
    await expect(page.locator('.finder-result').count()).resolves.toBe(0);
    await context.close();
  });

  it('answers a place it does not know with the counties covered, 12320 and the full lists', async () => {
    const page = await env.page(PHONE);
    await page.goto(env.server.url + '/');
    const fallback = page.locator('.finder-fallback');
    await expect(fallback.isVisible()).resolves.toBe(false);
    for (const query of ['球溪', 'qiuxi']) {
      await search(page, query);
      await statusSays(page, new RegExp(`没有找到“${query}”`));
      await expect(fallback.isVisible(), query).resolves.toBe(true);
    }
    await expect(fallback.getByRole('link', { name: zizhong, exact: true }).getAttribute('href')).resolves.toBe('/regions/zizhong/');
    await expect(fallback.getByRole('link', { name: mengjin, exact: true }).getAttribute('href')).resolves.toBe('/regions/mengjin/');
    await expect(fallback.getByRole('link', { name: '12320' }).getAttribute('href')).resolves.toBe('tel:12320');
    await expect(fallback.getByRole('link', { name: '全部医疗机构' }).getAttribute('href')).resolves.toBe('/institutions/');
    await expect(fallback.getByRole('link', { name: '全部医共体和医疗集团' }).getAttribute('href')).resolves.toBe('/groups/');
    await expect(axeViolations(page)).resolves.toEqual([]);
    // Nothing wider than the phone, and the answer goes away once a place is found.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await search(page, 'songzhuang');
    await statusSays(page, /找到 \d+ 个结果/);
    await expect(fallback.isVisible()).resolves.toBe(false);
  });

  it('without JavaScript shows the same counties, 12320 and lists', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.server.url + '/');
    const fallback = page.locator('.finder-fallback');
    await expect(fallback.getByRole('link', { name: zizhong, exact: true }).isVisible()).resolves.toBe(true);
    await expect(fallback.getByRole('link', { name: '12320' }).isVisible()).resolves.toBe(true);
    await expect(fallback.getByRole('link', { name: '全部医疗机构' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
