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

/** A4's printable area at the referral sheets' 5 mm margins (src/styles/referral-print.css `@page`), in CSS px. */
const A4_INSIDE = { width: ((210 - 10) * 96) / 25.4, height: ((297 - 10) * 96) / 25.4 };

/**
 * How tall a page's printed content is, laid out in print media at the width of A4's printable area: how far down its
 * lowest box reaches, in CSS px. Where it is at most A4's printable height, Chromium prints the page on one sheet, and
 * where it is more, on two: so it printed all 16 referral sheets, in either size and with a line or a paragraph added
 * (96 cases, 2026-12-08), the closest at 1,059 px on one sheet and 1,104 px on two.
 */
async function printedHeight(page: Page): Promise<number> {
  await page.setViewportSize({ width: Math.round(A4_INSIDE.width), height: Math.round(A4_INSIDE.height) });
  return page.evaluate(() => Math.max(...[...document.body.querySelectorAll('*')].map((e) => e.getBoundingClientRect().bottom + scrollY)));
}

/**
 * Every referral sheet a village doctor may hand out, in 大字模式, the size that runs over first (2026-12-07: 5 of 16
 * sheets took two pages in 大字模式, none in the normal size): one A4 page each (a second page gets lost), every line at
 * 14 pt. Each sheet's printed content is measured against A4's printable height (`printedHeight`), and the tallest is
 * printed as Chromium prints it (page.pdf, the sheet's own A4 page), which must agree: one PDF instead of one a sheet.
 * The normal size is printed for the longest sheet by `referralPaperChecks` here, and every sheet is printed in both
 * sizes by the sweep (npm run test:full).
 */
export function referralSheetsOnOnePage(sheets: string[], env = builtSiteInBrowser()): void {
  describe('every referral sheet on one A4 page in 大字模式', () => {
    const heights = new Map<string, number>();
    /** The sheet in 大字模式, in print media, in the file's one tab. */
    const open = async (url: string) => {
      const page = await env.page(VIEWPORTS.desktop);
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${env.server.url}${url}?large=1`);
      return page;
    };

    it('there are sheets to print', () => expect(sheets.length).toBeGreaterThan(0));

    it.each(sheets)('%s', async (url) => {
      const page = await open(url);
      const smallest = await smallestType(page);
      const height = await printedHeight(page);
      heights.set(url, height);
      expect({ height: Math.round(height), fits: height <= A4_INSIDE.height, pt: smallest.pt >= 14 }).toMatchObject({ fits: true, pt: true });
    });

    it('the tallest of them, printed as Chromium prints it, takes the one A4 page its height says', async () => {
      for (const url of sheets) if (!heights.has(url)) heights.set(url, await printedHeight(await open(url)));
      const [tallest] = [...heights].sort((a, b) => b[1] - a[1]);
      const page = await open(tallest![0]);
      expect((await printed(page)).sheets, `${tallest![0]}: ${Math.round(tallest![1])} px`).toBe(1);
    });
  });
}
