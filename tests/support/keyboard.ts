/**
 * The keyboard walk (tests/browser/quality-a11y.test.ts on the pages that hold every kind of control, tests/sweep/ on
 * one page of each template and the sample pages): every control on a page is reached by Tab, and shows it has focus.
 */
import type { Browser, Page } from 'playwright-core';
import { parse } from 'node-html-parser';
import { VIEWPORTS } from './browser';
import { openPage, withTabs } from './page-pool';
import { readDist, type BuiltPage } from './site-pages';

/** What a control looks like, to tell its focused state from its resting state. */
const LOOK = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'background-color', 'color', 'border-color', 'text-decoration-line'];
const FOCUSABLE = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';

interface Control {
  index: number;
  name: string;
  radioGroup?: string;
  look: string;
}

/**
 * The kinds of control a built page holds (element, type or role, classes: what its focus style and its place in the
 * Tab order follow from) and how many controls, read from its HTML.
 */
export function controlKinds(page: BuiltPage): { kinds: Set<string>; controls: number } {
  const kinds = new Set<string>();
  let controls = 0;
  for (const el of parse(readDist(page.file)).querySelectorAll(FOCUSABLE)) {
    if (el.getAttribute('tabindex') === '-1') continue;
    controls++;
    const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).sort().join('.');
    kinds.add(`${el.tagName.toLowerCase()}[${el.getAttribute('type') ?? el.getAttribute('role') ?? ''}].${classes}`);
  }
  return { kinds, controls };
}

/**
 * Pages that between them hold every kind of control of `pages`: each kind on the page with the fewest controls that
 * has it (a Tab press costs Chromium a frame, and a long list of links of one kind adds presses, not kinds).
 */
export function pagesWithEveryKindOfControl(pages: BuiltPage[]): BuiltPage[] {
  const measured = pages.map((page) => ({ page, ...controlKinds(page) })).sort((a, b) => a.controls - b.controls || a.page.url.localeCompare(b.page.url));
  const covered = new Set<string>();
  return measured
    .filter(({ kinds }) => {
      const fresh = [...kinds].filter((k) => !covered.has(k));
      fresh.forEach((k) => covered.add(k));
      return fresh.length > 0;
    })
    .map(({ page }) => page);
}

/** Tab presses between two looks at what they reached (each look is a round trip to the page), until the walk may wrap. */
const PRESSES_PER_LOOK = 25;

/**
 * Walks each page with Tab from the top: what was not reached, or reached without a visible change, and how many
 * controls were checked. What each press reached (which control, its look, whether it is on screen) is noted in the
 * page as the Tab key comes up (a capturing listener installed before the page's own scripts; focus has moved and
 * been scrolled into view on the way down), and read back every few presses: a round trip per press for the reading
 * cost the walk a third of its CPU. A press that takes focus out of the page notes nothing, as it reaches nothing.
 */
export interface KeyboardWalk {
  /** Problems found so far, one line each, naming the page and the control. */
  readonly problems: string[];
  /** Controls checked so far. */
  readonly checked: number;
  /** Before a tab's first page: what notes each Tab press (an init script, so it runs before the page's own scripts). */
  prepare(page: Page): Promise<void>;
  /** Walks the page open in `page` (at `url`, loaded after `prepare`) with Tab from the top. */
  walk(page: Page, url: string): Promise<void>;
}

/** A keyboard walk whose pages are opened by its caller (tests/browser/quality-a11y.test.ts walks the axe run's loads). */
export function keyboardWalk(): KeyboardWalk {
  const problems: string[] = [];
  let checked = 0;
  const prepared = new WeakSet<object>();
  return {
    problems,
    get checked() {
      return checked;
    },
    async prepare(page) {
      if (prepared.has(page)) return;
      prepared.add(page);
      await page.addInitScript(() => {
        addEventListener('keyup', (e) => e.key === 'Tab' && (window as unknown as { __qaKbdNote?: () => void }).__qaKbdNote?.(), true);
      });
    },
    async walk(page, url) {
      const controls: Control[] = await page.evaluate(
        ([look, selector]) => {
          const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
            (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && el.checkVisibility({ visibilityProperty: true }),
          );
          (document.activeElement as HTMLElement | null)?.blur();
          // What the focused element is and looks like now: noted as each Tab comes up.
          const w = window as unknown as { __qaKbdNote: () => void; __qaKbdSeen: unknown[] };
          w.__qaKbdSeen = [];
          w.__qaKbdNote = () => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body || el.dataset.qaKbd === undefined) return void w.__qaKbdSeen.push(null);
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
            w.__qaKbdSeen.push({ index: Number(el.dataset.qaKbd), look: look.map((p) => style.getPropertyValue(p)).join('|'), onScreen });
          };
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
        },
        [LOOK, FOCUSABLE] as const,
      );
      checked += controls.length;
      const reached = new Set<number>();
      const unseen = new Set<number>();
      const maxPresses = controls.length + 10;
      let wrapped = false;
      for (let press = 0; press < maxPresses && controls.length && !wrapped; ) {
        // Looked at after every press once the walk may wrap around (each further press only costs CPU).
        const presses = Math.max(1, Math.min(PRESSES_PER_LOOK, controls.length - press));
        for (let i = 0; i < presses; i++) await page.keyboard.press('Tab');
        press += presses;
        const seen = (await page.evaluate(() => (window as unknown as { __qaKbdSeen: unknown[] }).__qaKbdSeen.splice(0))) as ({ index: number; look: string; onScreen: boolean } | null)[];
        for (const focused of seen) {
          if (!focused) continue;
          if (reached.has(focused.index)) {
            wrapped = true; // wrapped around
            break;
          }
          reached.add(focused.index);
          if (!focused.onScreen || focused.look === controls[focused.index].look) unseen.add(focused.index);
        }
      }
      const reachedGroups = new Set(controls.filter((c) => reached.has(c.index) && c.radioGroup).map((c) => c.radioGroup));
      for (const c of controls) {
        if (!reached.has(c.index) && !(c.radioGroup && reachedGroups.has(c.radioGroup))) problems.push(`${url}: ${c.name} is not reachable by Tab`);
        if (unseen.has(c.index)) problems.push(`${url}: ${c.name} shows no visible focus (or is off screen when focused)`);
      }
    },
  };
}

export async function keyboardProblems(browser: Browser, siteUrl: string, pages: BuiltPage[]): Promise<{ problems: string[]; checked: number }> {
  const walk = keyboardWalk();
  await withTabs(browser, pages, { viewport: VIEWPORTS.desktop }, async (page, { url }) => {
    await walk.prepare(page);
    await openPage(page, siteUrl + url);
    await walk.walk(page, url);
  });
  return { problems: walk.problems, checked: walk.checked };
}
