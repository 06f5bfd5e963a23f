/**
 * Pages on paper, in Chromium's print media: the smallest type a printed page uses, how many sheets its PDF takes, and
 * the referral sheets' checks (tests/browser/phone-paper.test.ts prints the longest sheet, tests/sweep/ every sheet).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS } from './browser';
import { builtSiteInBrowser } from './built-site';
import { referralPage } from '../../src/views/group';
import { publicSite } from '../../src/publishing/site-address';
import type { Dataset } from '../../src/data/dataset';

/** The smallest type any printed text of the page is set in, in points, and where; footnote marks aside. */
export function smallestType(page: Page): Promise<{ pt: number; text: string }> {
  return page.evaluate(() => {
    let smallest = { pt: Infinity, text: '' };
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!node.textContent!.trim() || !el.checkVisibility() || el.closest('sup, .visually-hidden')) continue;
      const pt = parseFloat(getComputedStyle(el).fontSize) * 0.75;
      if (pt < smallest.pt) smallest = { pt, text: node.textContent!.trim().slice(0, 20) };
    }
    return smallest;
  });
}

/** The page printed as Chromium prints it (the page's own @page size): its sheets and the first sheet's size in pt. */
export async function printed(page: Page): Promise<{ sheets: number; size: number[] | undefined }> {
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  return { sheets: (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length, size: box ? [Math.round(Number(box[1])), Math.round(Number(box[2]))] : undefined };
}

/** Everything of a referral sheet's view that reaches paper, as one text (addresses and links back left out). */
function printedText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(printedText).join('');
  if (value && typeof value === 'object') return Object.entries(value).filter(([key]) => !/href|anchor/i.test(key)).map(([, v]) => printedText(v)).join('');
  return '';
}

/**
 * The referral sheet with the most to print, read from the data through the sheet's own view (its steps, whom to
 * ask, the age note and the source list): the one most likely to run over a sheet, so the one `npm test` prints.
 */
export function longestReferralSheet(dataset: Dataset): string {
  const length = (id: string) => {
    const view = referralPage(dataset, id, undefined);
    return printedText([view.heading, view.intro, view.age, view.steps, view.ask, view.sources, view.none?.text]).length;
  };
  const [longest] = dataset.groups.map((g) => [g.id, length(g.id)] as const).sort((a, b) => b[1] - a[1]);
  return `/groups/${longest![0]}/referral/`;
}

/**
 * Each chosen referral sheet, printed: on one A4 sheet without the site's header, navigation or footer, with its QR
 * code and address (or, in a preview build, a note saying it is a preview), every line at 12 pt or more and every
 * source note numbered; in 大字模式 at 14 pt or more, on one sheet too.
 */
export function referralPaperChecks(sheets: string[], env = builtSiteInBrowser()): void {
  // The public address the shared build was made for; undefined for a preview build (SITE_URL unset or local).
  const PUBLIC = publicSite(process.env.SITE_URL);
  describe('referral sheets on paper', () => {
    it('there are sheets to print', () => expect(sheets.length).toBeGreaterThan(0));

    it.each(sheets)('%s prints on one A4 sheet without the site around it, at 12 pt or more; in 大字模式 at 14 pt on one too', async (url) => {
      // The file's one tab, in print media.
      const page = await env.page(VIEWPORTS.desktop);
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${env.server.url}${url}?large=0`);
      const problems: string[] = [];
      for (const selector of ['.site-header', '.site-nav', '.site-footer', '.breadcrumbs', '.print-hint', '[data-print]']) {
        if ((await page.locator(selector).count()) && (await page.locator(selector).first().isVisible())) problems.push(`${selector} printed`);
      }
      await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
      // Published, the sheet carries its QR code, its real address and the print date; a preview sheet says it is a
      // preview instead, and no local address reaches paper.
      if (PUBLIC) {
        await expect(page.locator('.referral-guide .qr svg').isVisible()).resolves.toBe(true);
        await expect(page.locator('.print-foot').textContent()).resolves.toContain(new URL(url, PUBLIC).href);
      } else {
        await expect(page.locator('.referral-guide .qr').count()).resolves.toBe(0);
        await expect(page.locator('.print-foot [data-preview-note]').isVisible()).resolves.toBe(true);
        await expect(page.locator('.print-foot').textContent()).resolves.not.toContain('localhost');
      }
      await expect(page.locator('[data-print-date]').textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
      const normal = await smallestType(page);
      if (normal.pt < 12) problems.push(`${normal.pt} pt 「${normal.text}」`);
      // Every source note still printed, as a run of text numbered as the steps' marks are.
      const notes = await page.locator('.source-notes li').evaluateAll((items) => items.map((li) => (li as HTMLElement).innerText));
      notes.forEach((text, i) => text.startsWith(`[${i + 1}] `) || problems.push(`note ${i + 1} reads 「${text.slice(0, 20)}」`));
      const sheet = await printed(page);
      if (sheet.sheets !== 1) problems.push(`${sheet.sheets} sheets`);
      if (sheet.size?.join('×') !== '595×842') problems.push(`not A4 but ${sheet.size?.join('×')} pt`);

      await page.goto(`${env.server.url}${url}?large=1`);
      const large = await smallestType(page);
      if (large.pt < 14) problems.push(`大字: ${large.pt} pt 「${large.text}」`);
      const largeSheets = (await printed(page)).sheets;
      if (largeSheets !== 1) problems.push(`大字: ${largeSheets} sheets`);
      expect(problems, url).toEqual([]);
    });
  });
}

/**
 * Every referral sheet a village doctor may hand out, printed as Chromium prints it (page.pdf, the sheet's own A4 page)
 * in 大字模式, the size that runs over first (2026-12-07: 5 of 16 sheets took two pages in 大字模式, none in the
 * normal size): one A4 page each (a second page gets lost), every line at 14 pt. The normal size is printed for the
 * longest sheet by `referralPaperChecks` here, and for every sheet by the sweep (npm run test:full).
 */
export function referralSheetsOnOnePage(sheets: string[], env = builtSiteInBrowser()): void {
  describe('every referral sheet on one A4 page in 大字模式', () => {
    it('there are sheets to print', () => expect(sheets.length).toBeGreaterThan(0));

    it.each(sheets)('%s', async (url) => {
      const page = await env.page(VIEWPORTS.desktop);
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${env.server.url}${url}?large=1`);
      const smallest = await smallestType(page);
      expect({ pages: (await printed(page)).sheets, pt: smallest.pt >= 14 }).toEqual({ pages: 1, pt: true });
    });
  });
}
