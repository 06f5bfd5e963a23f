/**
 * Pages on a 360 px phone (tests/browser/resident-phone.test.ts on one page of each template, tests/sweep/ on every
 * page): in 大字模式 no page may scroll sideways, and an embed view fits a 360 px frame.
 */
import type { Browser, Page } from 'playwright-core';
import type { BuiltPage } from './site-pages';
import { openTab } from './page-pool';

export const SMALL_PHONE = { width: 360, height: 740 };

/** How many pixels the page is wider than its window. */
export function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The pages that are wider than a 360 px screen (or not in 大字模式 when `large`), each with why. */
export async function tooWide(browser: Browser, siteUrl: string, pages: BuiltPage[], options: { large: boolean }): Promise<string[]> {
  const { page, close } = await openTab(browser, { viewport: SMALL_PHONE });
  const wide: string[] = [];
  try {
    if (options.large) await page.goto(siteUrl + '/?large=1');
    for (const { url } of pages) {
      await page.goto(siteUrl + url, { waitUntil: 'load' });
      if (options.large && !(await page.evaluate(() => document.documentElement.classList.contains('large')))) wide.push(`${url}: not in large mode`);
      const over = await sideways(page);
      if (over > 0) wide.push(`${url}: ${over}px too wide`);
    }
  } finally {
    await close();
  }
  return wide;
}
