/**
 * A resident's path, in Chromium, at a phone and a desktop width: home → finder (a township, then a Traditional query)
 * → institution → group → referral guide. Then the same path with JavaScript off, where the finder gives plain links.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { VIEWPORTS } from '../support/browser';
import { builtSiteInBrowser } from '../support/built-site';
import { openTab } from '../support/page-pool';

const DIST = resolve('dist');
const env = builtSiteInBrowser();

/** Nothing on the page is wider than the screen (no sideways scrolling on a phone). */
async function expectNoSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client + 1);
}

const finderResult = (page: Page, name: string) => page.locator('.finder-result').filter({ has: page.locator('a[data-primary]', { hasText: name }) });

describe.each(Object.entries(VIEWPORTS))('the resident path at %s width', (_name, viewport) => {
  it('goes from the finder to an institution, its group and its referral guide', async () => {
    const { page, close } = await openTab(env.browser, { viewport });
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(env.server.url + '/');

    // The finder replaces its no-JS links with a search box.
    const input = page.getByLabel('乡镇、卫生院或医院的名字');
    await expect(input.isVisible()).resolves.toBe(true);
    await expect(page.locator('.finder-fallback').isVisible()).resolves.toBe(false);

    // A township name alone finds its health centre, with group, lead hospital and referral guide.
    await input.pressSequentially('小浪底');
    const xld = finderResult(page, '小浪底镇卫生院');
    await xld.waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/找到 \d+ 个结果/);
    await expect(xld.getByRole('link', { name: '孟津县第一医疗卫生共同体' }).getAttribute('href')).resolves.toBe('/groups/mengjin-first-medical-community/');
    await expect(xld.getByRole('link', { name: '孟津县人民医院' }).getAttribute('href')).resolves.toBe('/institutions/mengjin-people-hospital/');
    await expect(xld.getByRole('link', { name: /转诊指南/ }).getAttribute('href')).resolves.toBe('/groups/mengjin-first-medical-community/referral/');
    await expectNoSidewaysScroll(page);

    // A Traditional query, then the keyboard: arrow down to the first result, Enter to open it.
    await input.fill('');
    await input.pressSequentially('麻屯鎮衛生院');
    await finderResult(page, '麻屯镇卫生院').waitFor();
    expect(await page.locator('.finder-result').count()).toBe(1);
    await input.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('麻屯镇卫生院');
    await Promise.all([page.waitForURL('**/institutions/mengjin-matun-health-centre/'), page.keyboard.press('Enter')]);

    // The home page loaded no more than 20 KB of JavaScript (gzip), finder included.
    const homeJs = [...new Set(scripts)].reduce((sum, path) => sum + gzipSync(readFileSync(join(DIST, path))).length, 0);
    expect(homeJs).toBeLessThanOrEqual(20 * 1024);

    // The institution: title with group and county, breadcrumbs region → group → institution, its role.
    await expect(page.title()).resolves.toContain('麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县');
    const crumbs = await page.getByRole('navigation', { name: '面包屑' }).locator('li').allTextContents();
    expect(crumbs).toEqual(['河南省', '洛阳市', '孟津县', '孟津县第一医疗卫生共同体', '麻屯镇卫生院']);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('麻屯镇卫生院');
    await expect(page.locator('main').textContent()).resolves.toContain('成员单位');
    await expectNoSidewaysScroll(page);
    await Promise.all([page.waitForURL('**/groups/mengjin-first-medical-community/'), page.locator('main').getByRole('link', { name: '孟津县第一医疗卫生共同体', exact: true }).first().click()]);

    // The group: title with county, roster with the lead first, each member linked.
    await expect(page.title()).resolves.toContain('孟津县第一医疗卫生共同体 · 洛阳市孟津县');
    const roster = page.locator('table.roster');
    const firstRow = roster.locator('tbody tr').first();
    await expect(firstRow.textContent()).resolves.toContain('孟津县人民医院');
    await expect(firstRow.textContent()).resolves.toContain('牵头医院');
    await expect(roster.getByRole('link', { name: '麻屯镇卫生院' }).getAttribute('href')).resolves.toBe('/institutions/mengjin-matun-health-centre/');
    await expectNoSidewaysScroll(page);
    await Promise.all([page.waitForURL('**/groups/mengjin-first-medical-community/referral/'), page.getByRole('link', { name: /转诊指南/ }).first().click()]);

    // The referral guide: the emergency number first, six numbered steps, who to ask, sources, and a 打印 button.
    await expect(page.title()).resolves.toContain('孟津县第一医疗卫生共同体转诊指南');
    await expect(page.locator('main .emergency').textContent()).resolves.toContain('120');
    for (const heading of ['先找谁', '带什么', '怎么转上去', '到了上级医院', '怎么转回来', '费用和医保', '问谁', '来源']) {
      await expect(page.getByRole('heading', { name: heading, exact: true }).isVisible(), heading).resolves.toBe(true);
    }
    await expect(page.locator('#step-up .facts-list li').count()).resolves.toBeGreaterThan(1);
    // A footnote mark leads to its numbered source.
    const mark = page.locator('#step-up sup.fn a').first();
    const target = (await mark.getAttribute('href'))!;
    await expect(page.locator(`.source-notes ${target}`).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '打印' }).isVisible()).resolves.toBe(true);
    await expectNoSidewaysScroll(page);
    await close();
  });
});

describe('the resident path with JavaScript off', () => {
  it.each(Object.entries(VIEWPORTS))('works by plain links at %s width', async (_name, viewport) => {
    const { page, close } = await openTab(env.browser, { viewport, javaScriptEnabled: false });
    await page.goto(env.server.url + '/');
    // The finder falls back to links to the full lists.
    await expect(page.locator('.finder input').isVisible()).resolves.toBe(false);
    const fallback = page.locator('.finder-fallback');
    await expect(fallback.getByRole('link', { name: '全部医疗机构' }).getAttribute('href')).resolves.toBe('/institutions/');
    await expect(fallback.getByRole('link', { name: '全部医共体和医疗集团' }).getAttribute('href')).resolves.toBe('/groups/');
    await Promise.all([page.waitForURL('**/institutions/'), fallback.getByRole('link', { name: '全部医疗机构' }).click()]);
    await Promise.all([page.waitForURL('**/institutions/mengjin-xiaolangdi-health-centre/'), page.getByRole('link', { name: '小浪底镇卫生院' }).click()]);
    await expect(page.locator('main').textContent()).resolves.toContain('孟津县第一医疗卫生共同体');
    await Promise.all([page.waitForURL('**/referral/'), page.getByRole('link', { name: '孟津县第一医疗卫生共同体转诊指南' }).click()]);
    await expect(page.getByRole('heading', { name: '怎么转回来' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('main .emergency').isVisible()).resolves.toBe(true);
    await Promise.all([page.waitForURL('**/groups/mengjin-first-medical-community/'), page.getByRole('link', { name: '返回孟津县第一医疗卫生共同体' }).click()]);
    await expect(page.locator('table.roster').isVisible()).resolves.toBe(true);
    await expectNoSidewaysScroll(page);
    await close();
  });
});
