/**
 * Accessibility gate: axe-core's WCAG 2.0/2.1/2.2 A and AA rules on one page of each template at phone and desktop
 * width (every page: tests/sweep/, in `npm run test:full`), on a sample in 大字模式, and a keyboard walk over key pages
 * (every control reachable by Tab, visibly focused).
 */
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from '../support/browser';
import { builtSiteInBrowser } from '../support/built-site';
import { samplePages, templatePages } from '../support/site-pages';
import { openPage, withTabs } from '../support/page-pool';
import { axeAtBothWidths, axeFindings, report, type Finding } from '../support/axe';

const env = builtSiteInBrowser();

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  it('one page of each template has no violations at 390 px and at 1280 px', async () => {
    const pages = templatePages();
    expect(pages.length).toBeGreaterThan(10);
    const findings = await axeAtBothWidths(env.browser, env.server.url, pages);
    expect(findings, report(findings)).toEqual([]);
  }, 10 * 60_000);

  it('a sample of pages has no violations in 大字模式 (large text, higher contrast)', async () => {
    const pages = samplePages();
    const findings: Finding[] = [];
    let enlarged = 0;
    await withTabs(env.browser, pages, { viewport: VIEWPORTS.phone }, async (page, { url }) => {
      await page.addInitScript(() => localStorage.setItem('yigongti-large', '1'));
      await openPage(page, env.server.url + url);
      if (await page.evaluate(() => document.documentElement.classList.contains('large'))) enlarged++;
      findings.push(...(await axeFindings(page, url, '大字模式 390px')));
    });
    expect(enlarged, 'the 大字模式 preference was not applied').toBe(pages.length);
    expect(findings, report(findings)).toEqual([]);
  }, 10 * 60_000);
});

/** What a control looks like, to tell its focused state from its resting state. */
const LOOK = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'background-color', 'color', 'border-color', 'text-decoration-line'];

interface Control {
  index: number;
  name: string;
  radioGroup?: string;
  look: string;
}

describe('keyboard', () => {
  it('on key pages every control is reachable by Tab and visibly focused', async () => {
    const problems: string[] = [];
    let checked = 0;
    const pages = samplePages();
    await withTabs(env.browser, pages, { viewport: VIEWPORTS.desktop }, async (page, { url }) => {
      await openPage(page, env.server.url + url);
      const controls: Control[] = await page.evaluate((look) => {
        const selector =
          'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
        const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
          (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && el.checkVisibility({ visibilityProperty: true }),
        );
        (document.activeElement as HTMLElement | null)?.blur();
        return all.map((el, index) => {
          el.dataset.qaKbd = String(index);
          const style = getComputedStyle(el);
          const radio = el instanceof HTMLInputElement && el.type === 'radio' && el.name ? el.name : undefined;
          return {
            index,
            name: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().slice(0, 40)}"`,
            radioGroup: radio,
            look: look.map((p) => style.getPropertyValue(p)).join('|'),
          };
        });
      }, LOOK);
      checked += controls.length;
      const reached = new Set<number>();
      const unseen = new Set<number>();
      const maxPresses = controls.length + 10;
      for (let press = 0; press < maxPresses && controls.length; press++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate((look) => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body || el.dataset.qaKbd === undefined) return null;
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
          return { index: Number(el.dataset.qaKbd), look: look.map((p) => style.getPropertyValue(p)).join('|'), onScreen };
        }, LOOK);
        if (!focused) continue;
        if (reached.has(focused.index)) break; // wrapped around
        reached.add(focused.index);
        if (!focused.onScreen || focused.look === controls[focused.index].look) unseen.add(focused.index);
      }
      const reachedGroups = new Set(controls.filter((c) => reached.has(c.index) && c.radioGroup).map((c) => c.radioGroup));
      for (const c of controls) {
        if (!reached.has(c.index) && !(c.radioGroup && reachedGroups.has(c.radioGroup))) problems.push(`${url}: ${c.name} is not reachable by Tab`);
        if (unseen.has(c.index)) problems.push(`${url}: ${c.name} shows no visible focus (or is off screen when focused)`);
      }
    });
    console.log(`keyboard: ${checked} controls on ${pages.length} pages walked with Tab`);
    expect(checked).toBeGreaterThan(pages.length); // every page has at least its navigation
    expect(problems, `${problems.length} keyboard problem(s):\n  ${problems.slice(0, 40).join('\n  ')}`).toEqual([]);
  }, 10 * 60_000);
});
