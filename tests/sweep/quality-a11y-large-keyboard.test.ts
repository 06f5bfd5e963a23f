/**
 * 大字模式 and the keyboard over more of the site (`npm run test:full`): axe in 大字模式 at 390 px, and a walk with Tab
 * (every control reachable, visibly focused), on one page of each template and on the sample pages (each section's
 * index and first detail page). `npm test` takes the template pages that between them hold every kind of control
 * (tests/browser/quality-a11y.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { builtSiteInBrowser } from '../support/built-site';
import { isEmbed, samplePages, templatePages } from '../support/site-pages';
import { axeInLargeMode, report } from '../support/axe';
import { keyboardProblems } from '../support/keyboard';

const env = builtSiteInBrowser();
const pages = [...new Map([...templatePages(), ...samplePages()].filter((p) => !isEmbed(p.url)).map((p) => [p.url, p])).values()];

describe(`大字模式 and the keyboard on ${pages.length} pages`, () => {
  it('no axe violations in 大字模式 at 390 px', async () => {
    const { findings, enlarged } = await axeInLargeMode(env.browser, env.server.url, pages);
    expect(enlarged, 'the 大字模式 preference was not applied').toBe(pages.length);
    expect(findings, report(findings)).toEqual([]);
  }, 20 * 60_000);

  it('every control is reachable by Tab and visibly focused', async () => {
    const { problems, checked } = await keyboardProblems(env.browser, env.server.url, pages);
    expect(checked).toBeGreaterThan(pages.length);
    expect(problems, `${problems.length} keyboard problem(s):\n  ${problems.slice(0, 40).join('\n  ')}`).toEqual([]);
  }, 20 * 60_000);
});
