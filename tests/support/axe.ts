/** axe-core's WCAG 2.0/2.1/2.2 A and AA rules on built pages in Chromium (tests/browser/quality-a11y.test.ts, tests/sweep/). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORTS } from './browser';
import { openPage, withTabs } from './page-pool';
import type { BuiltPage } from './site-pages';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Finding {
  page: string;
  where: string;
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** The axe-core that @axe-core/playwright (a dependency) brings, and its version. */
const fromAxeBuilder = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE = fromAxeBuilder('axe-core/package.json') as { version: string };
const AXE_SOURCE = readFileSync(fromAxeBuilder.resolve('axe-core/axe.min.js'), 'utf8');

/** What this file reads of axe.run's results. */
interface Violations {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
}

export async function axeFindings(page: Page, url: string, where: string): Promise<Finding[]> {
  // axe runs in the page itself (as @axe-core/playwright's legacy mode did; its default opens a second page per run to
  // merge frame results, ~2.5× slower, and the site has no iframes), put there once per document: AxeBuilder put its
  // 560 KB in twice per run, ~55 ms of CPU each, four times per page checked at two widths. Only violations are
  // reported in full: the passes' and inapplicable rules' nodes, never read, cost axe a quarter of each run's CPU.
  const here = await page.evaluate(() => (window as unknown as { axe?: { version?: string } }).axe?.version);
  if (here !== AXE.version) await page.evaluate(AXE_SOURCE);
  const options = { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] };
  const results = await page.evaluate((o) => (window as unknown as { axe: { run(c: Document, o: object): Promise<Violations> } }).axe.run(document, o), options);
  return results.violations.map((v) => ({
    page: url,
    where,
    rule: v.id,
    impact: v.impact ?? '',
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
  }));
}

export function report(findings: Finding[]): string {
  const lines = findings.slice(0, 40).map((f) => `  ${f.page} [${f.where}] ${f.rule} (${f.impact}): ${f.help}\n${f.nodes.map((n) => `      ${n}`).join('\n')}`);
  return `${findings.length} axe violation(s):\n${lines.join('\n')}${findings.length > 40 ? `\n  … and ${findings.length - 40} more` : ''}`;
}

/**
 * axe on each page at 390 px and at 1280 px; then, on the same load at 1280 px, `atDesktop.visit` where given
 * (`atDesktop.prepare` first sets up each tab before its first page: tests/browser/quality-a11y.test.ts walks the
 * page with Tab there rather than load it again).
 */
export async function axeAtBothWidths(
  browser: Browser,
  siteUrl: string,
  pages: BuiltPage[],
  atDesktop?: { prepare: (page: Page) => Promise<void>; visit: (page: Page, url: string) => Promise<void> },
): Promise<Finding[]> {
  const findings: Finding[] = [];
  await withTabs(browser, pages, { viewport: VIEWPORTS.phone }, async (page, { url }) => {
    await atDesktop?.prepare(page);
    await page.setViewportSize(VIEWPORTS.phone);
    await openPage(page, siteUrl + url);
    findings.push(...(await axeFindings(page, url, '390px')));
    await page.setViewportSize(VIEWPORTS.desktop);
    findings.push(...(await axeFindings(page, url, '1280px')));
    await atDesktop?.visit(page, url);
  });
  return findings;
}

/** axe on each page at 390 px in 大字模式 (set as a reader's stored preference); also how many pages it was applied to. */
export async function axeInLargeMode(browser: Browser, siteUrl: string, pages: BuiltPage[]): Promise<{ findings: Finding[]; enlarged: number }> {
  const findings: Finding[] = [];
  let enlarged = 0;
  await withTabs(browser, pages, { viewport: VIEWPORTS.phone }, async (page, { url }) => {
    await page.addInitScript(() => localStorage.setItem('yigongti-large', '1'));
    await openPage(page, siteUrl + url);
    if (await page.evaluate(() => document.documentElement.classList.contains('large'))) enlarged++;
    findings.push(...(await axeFindings(page, url, '大字模式 390px')));
  });
  return { findings, enlarged };
}
