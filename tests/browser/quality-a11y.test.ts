/**
 * Accessibility gate: axe-core's WCAG 2.0/2.1/2.2 A and AA rules on one page of each template at phone and desktop
 * width, and in 大字模式 and a keyboard walk (every control reachable by Tab, visibly focused) on the template pages that
 * between them hold every kind of control. `npm run test:full` takes more (tests/sweep/): axe on every page at both
 * widths, and 大字模式 and the keyboard walk on one page of each template and the sample pages.
 *
 * The keyboard walk takes the axe run's page loads: a page holding kinds of control is walked with Tab at 1280 px right
 * after axe has run on it at that width (it was loaded at 390 px and widened), instead of being loaded again. The axe
 * run and the walk happen before the tests (beforeAll); each test checks its own part of what they found.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSiteInBrowser } from '../support/built-site';
import { isEmbed, templatePages } from '../support/site-pages';
import { axeAtBothWidths, axeInLargeMode, report, type Finding } from '../support/axe';
import { keyboardWalk, pagesWithEveryKindOfControl } from '../support/keyboard';

const env = builtSiteInBrowser();
const templates = templatePages();
/** Embed views are framed by other sites: no reading settings of their own, and their controls are the chart page's. */
const controlPages = pagesWithEveryKindOfControl(templates.filter((p) => !isEmbed(p.url)));
const walk = keyboardWalk();
const walked: string[] = [];
let findings: Finding[] = [];

beforeAll(async () => {
  const toWalk = new Set(controlPages.map((p) => p.url));
  findings = await axeAtBothWidths(env.browser, env.server.url, templates, {
    prepare: (page) => walk.prepare(page),
    async visit(page, url) {
      if (!toWalk.has(url)) return;
      await walk.walk(page, url);
      walked.push(url);
    },
  });
}, 10 * 60_000);

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  it('one page of each template has no violations at 390 px and at 1280 px', () => {
    expect(templates.length).toBeGreaterThan(10);
    expect(findings, report(findings)).toEqual([]);
  });

  // 大字模式 changes styles only (type size, darker text and links, taller controls): tried where every kind of control
  // is; every template and the sample pages in tests/sweep/quality-a11y-large-keyboard.test.ts.
  it('the pages holding every kind of control have no violations in 大字模式 (large text, higher contrast)', async () => {
    expect(controlPages.length).toBeGreaterThan(3);
    const { findings, enlarged } = await axeInLargeMode(env.browser, env.server.url, controlPages);
    expect(enlarged, 'the 大字模式 preference was not applied').toBe(controlPages.length);
    expect(findings, report(findings)).toEqual([]);
  }, 10 * 60_000);
});

describe('keyboard', () => {
  // Each kind of control on the smallest template page that has it; every template and sample page in tests/sweep/.
  it('every kind of control is reachable by Tab and visibly focused', () => {
    const { problems, checked } = walk;
    console.log(`keyboard: ${checked} controls on ${walked.length} pages walked with Tab (${walked.join(' ')})`);
    expect(walked.sort()).toEqual(controlPages.map((p) => p.url).sort());
    expect(checked).toBeGreaterThan(controlPages.length); // every page has at least its navigation
    expect(problems, `${problems.length} keyboard problem(s):\n  ${problems.slice(0, 40).join('\n  ')}`).toEqual([]);
  });
});
